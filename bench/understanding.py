"""Times entities and quotes on first use: each statement in a fresh newsq
process on the corpus, REPS times (default 3); prints statement, median wall
seconds and median peak RSS (MB) of that process as TSV.

    understanding.py NEWSQ CORPUS [REPS]
"""
import os
import statistics
import subprocess
import sys
import time

# the base first: the report's added time and memory are over it
STATEMENTS = ["articles | count", "entities | count", "quotes | count", "entities | count; quotes | count"]


def run(newsq, corpus, statement):
    """Wall seconds and peak RSS (MB) of one fresh process running `statement`."""
    t = time.monotonic()
    p = subprocess.Popen([newsq, corpus, "-c", statement], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # wait4 gives this child's own rusage (RUSAGE_CHILDREN would be the largest child so far)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.monotonic() - t
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"understanding.py: {statement!r} failed")
    return seconds, usage.ru_maxrss / 1024


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    newsq, corpus = sys.argv[1:3]
    reps = int(sys.argv[3]) if len(sys.argv) == 4 else 3
    print("statement\tseconds\tpeak_mb")
    for s in STATEMENTS:
        runs = [run(newsq, corpus, s) for _ in range(reps)]
        seconds = statistics.median(r[0] for r in runs)
        peak = statistics.median(r[1] for r in runs)
        print(f"{s}\t{seconds:.2f}\t{peak:.0f}", flush=True)


if __name__ == "__main__":
    main()
