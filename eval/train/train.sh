#!/usr/bin/env bash
# The one reproducible command for training the named-entity tagger:
#   venv (spaCy + data packages) -> gazetteers -> silver labels (train pool only)
#   -> newsq-train, which writes the model into Sources/NewsText/Resources/ner/.
# Python is used here for training only, never by newsq at run time.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=eval/data/venv/bin/python

bash eval/train/venv.sh
"$PY" eval/train/gazetteers.py
"$PY" eval/train/silver.py "$@"
swift run -c release newsq-train eval/data/silver.jsonl Sources/NewsText/Resources/ner/
