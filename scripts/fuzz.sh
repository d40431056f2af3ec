#!/usr/bin/env bash
# Builds newsq's libFuzzer targets and runs each for a bounded time.
#
#   scripts/fuzz.sh [TARGET...]        targets: parse run txt json jsonl csv (default: all)
#   FUZZ_SECONDS=60   seconds per target (libFuzzer -max_total_time)
#   FUZZ_JOBS=1       parallel fuzzing processes per target (-fork)
#   FUZZ_ARGS=...     extra libFuzzer arguments
#
# One executable (Fuzz/FuzzEntry.swift, product newsq-fuzz) holds every target,
# chosen by NEWSQ_FUZZ_TARGET; it is built with SwiftPM and
# -sanitize=fuzzer,address in .build-fuzz (git-ignored). Seed corpora are
# generated here from the grammar's examples, examples/*.q and the sample
# corpus; what the fuzzer adds stays in .build-fuzz/corpus (not committed).
# A crash leaves its input in .build-fuzz/artifacts/TARGET/; replay it with
#   swift build --product newsq-fuzz && .build/debug/newsq-fuzz TARGET FILE
# and turn it into a regression test. Exit status: 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-1}
SCRATCH=.build-fuzz
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(parse run txt json jsonl csv)

echo "fuzz: building newsq-fuzz with -sanitize=fuzzer,address ..." >&2
$SWIFT build --product newsq-fuzz --scratch-path "$SCRATCH" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DNEWSQ_FUZZ \
  -Xlinker --undefined=LLVMFuzzerRunDriver -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver >&2
BIN="$SCRATCH/debug/newsq-fuzz"

# --- seed corpora -----------------------------------------------------------
seed() { # seed DIR NAME TEXT
  mkdir -p "$1"; printf '%s' "$3" > "$1/$2"
}
make_seeds() {
  local t=$1 dir="$SCRATCH/seeds/$t"
  rm -rf "$dir"; mkdir -p "$dir"
  case $t in
    parse|run)
      local n=0
      # every "example:" line of the grammar
      while IFS= read -r line; do
        n=$((n + 1)); seed "$dir" "grammar-$n" "$line"
      done < <(sed -n 's/^(\* example: *\(.*\) \*)$/\1/p' grammar/newsq.ebnf)
      # every statement line of examples/*.q, and each script whole
      for q in examples/*.q; do
        local base; base=$(basename "$q" .q)
        cp "$q" "$dir/script-$base"
        n=0
        while IFS= read -r line; do
          case "$line" in ''|'#'*|.*) continue ;; esac
          n=$((n + 1)); seed "$dir" "$base-$n" "$line"
        done < "$q"
      done
      seed "$dir" "regex" 'articles | where title matches /^Jap(an)?/ | select title'
      seed "$dir" "nested" 'articles | where (words > 10 and not (source in ["a", "b"])) or year(date) == 2021'
      seed "$dir" "let" $'let nw = articles | where source == "Newsweek"\nnw | count by source'
      ;;
    txt)
      for f in Sources/NewsQuery/Resources/sample/*.txt; do cp "$f" "$dir/"; done
      seed "$dir" "tiny" $'Headline\n\nA body. Another sentence "quoted," he said.\n'
      ;;
    json)
      seed "$dir" "one" '{"id":"a","title":"T","source":"S","date":"2021-08-27","body":"Japan and Taiwan."}'
      seed "$dir" "array" '[{"id":"a","body":"One."},{"headline":"H","text":"Two. Three.","published":"Aug 27, 2021"}]'
      ;;
    jsonl)
      seed "$dir" "lines" $'{"id":"a","body":"One."}\n{"id":"b","content":"Two.","outlet":"X","date":"2021-08-27"}\n'
      ;;
    csv)
      seed "$dir" "rows" $'id,title,source,date,body\n1,T,S,2021-08-27,"Japan, Taiwan and ""security"" talks."\n'
      ;;
  esac
  echo "$dir"
}

# --- runs --------------------------------------------------------------------
mkdir -p "$SCRATCH/corpus" "$SCRATCH/artifacts" "$SCRATCH/logs"
status=0
for t in "${TARGETS[@]}"; do
  seeds=$(make_seeds "$t")
  corpus="$SCRATCH/corpus/$t"; artifacts="$SCRATCH/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  max_len=4096; case $t in txt|json|jsonl|csv) max_len=65536 ;; esac
  log="$SCRATCH/logs/$t.log"
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s (log: $log)" >&2
  fork=(); [ "$JOBS" -gt 1 ] && fork=(-fork="$JOBS" -ignore_crashes=1)
  set +e
  NEWSQ_FUZZ_TARGET=$t NEWSQ_REGEX_BUDGET=${NEWSQ_REGEX_BUDGET:-0.5} \
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1} \
    "$BIN" "$corpus" "$seeds" -max_total_time="$SECONDS_PER_TARGET" -max_len="$max_len" \
      -timeout=20 -rss_limit_mb=4096 -artifact_prefix="$artifacts/" -print_final_stats=1 \
      "${fork[@]}" ${FUZZ_ARGS:-} > "$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 || true)
  crashes=$(find "$artifacts" -type f | wc -l)
  echo "fuzz: $t: exit $rc, ${runs:-?} runs, ${cov:-cov ?}, $crashes artifact(s) in $artifacts" >&2
  if [ $rc -ne 0 ] || [ "$crashes" -gt 0 ]; then status=1; tail -40 "$log" >&2; fi
done
exit $status
