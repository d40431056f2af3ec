#!/usr/bin/env bash
# `make bench`: fetch the corpus, run newsq, SQLite FTS5 and Tantivy on the
# same documents and queries (1x, then the 8x copy), print and write the table.
#
# Environment:
#   BIN=path/to/newsq-bench   use this binary (default .build/release/newsq-bench,
#                             built with `swift build -c release` when missing)
#   CORPORA="news news8x"     which corpora to run (news = 1x, news8x = 8x)
#   REPS=15 REPS8X=7          timed repetitions per query (after a warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
VENV=bench/data/venv
BIN=${BIN:-.build/release/newsq-bench}
CORPORA=${CORPORA:-"news news8x"}
REPS=${REPS:-15}
REPS8X=${REPS8X:-7}

"$PY" bench/fetch_corpus.py

if ! "$VENV/bin/python" -c 'import tantivy' 2>/dev/null; then
    echo "run.sh: creating $VENV with tantivy 0.27.0" >&2
    "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet tantivy==0.27.0
fi

if [ ! -x "$BIN" ]; then
    echo "run.sh: building newsq-bench (release)" >&2
    swift build -c release --product newsq-bench
fi

OUT=bench/data/results/$(date +%F)
mkdir -p "$OUT"
for c in $CORPORA; do
    reps=$REPS
    [ "$c" = news8x ] && reps=$REPS8X
    corpus=bench/data/$c.jsonl
    # One engine at a time: the machine has few cores and peak RSS must be each engine's own.
    echo "run.sh: $c: newsq" >&2
    "$BIN" "$corpus" bench/queries.json --reps "$reps" > "$OUT/$c-newsq.json"
    echo "run.sh: $c: SQLite FTS5" >&2
    "$VENV/bin/python" bench/peers.py fts5 "$corpus" bench/queries.json --reps "$reps" > "$OUT/$c-fts5.json"
    echo "run.sh: $c: Tantivy" >&2
    "$VENV/bin/python" bench/peers.py tantivy "$corpus" bench/queries.json --reps "$reps" > "$OUT/$c-tantivy.json"
done

# News understanding on first use (1x): entities and quotes are computed the
# first time a statement asks for them; each statement runs in a fresh process
# of the release shell, after the load, beside `articles | count` as the base.
if [[ " $CORPORA " == *" news "* ]]; then
    [ -x .build/release/newsq ] || swift build -c release --product newsq
    echo "run.sh: news: entities and quotes on first use" >&2
    "$PY" bench/understanding.py .build/release/newsq bench/data/news.jsonl > "$OUT/understanding.tsv"
fi

"$PY" bench/report.py "$OUT" --write
