"""Times entities and quotes on first use: each statement in a fresh newsq
process on the corpus; prints statement, wall seconds and peak RSS (MB) as TSV.

    understanding.py NEWSQ CORPUS
"""
import resource
import subprocess
import sys
import time

STATEMENTS = ["articles | count", "entities | count", "quotes | count"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    newsq, corpus = sys.argv[1:]
    print("statement\tseconds\tpeak_mb")
    for s in STATEMENTS:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.monotonic()
        subprocess.run([newsq, corpus, "-c", s], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.monotonic() - t
        # ru_maxrss of children is the largest child so far: statements run from the smallest up
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        print(f"{s}\t{seconds:.2f}\t{peak:.0f}")


if __name__ == "__main__":
    main()
