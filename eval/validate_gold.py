#!/usr/bin/env python3
"""Checks annotation files against their texts: JSON shape, kinds, every form
and quotation found in the body, every speaker an entity of the article.

Usage: validate_gold.py TEXTDIR GOLDFILE...   (TEXTDIR holds ID.txt: header lines, a blank line, the body)
"""
import json, os, re, sys

KINDS = {"person", "org", "place"}


def body(textdir, aid):
    t = open(os.path.join(textdir, aid + ".txt"), encoding="utf-8").read()
    return t.split("\n\n", 1)[1]


def check(textdir, path):
    errs = []
    g = json.load(open(path, encoding="utf-8"))
    b = body(textdir, g["id"])
    names = {}
    for e in g.get("entities", []):
        if e.get("kind") not in KINDS:
            errs.append(f"entity {e.get('name')!r}: kind {e.get('kind')!r}")
        if e.get("alt_kind") is not None and e["alt_kind"] not in KINDS:
            errs.append(f"entity {e['name']!r}: alt_kind {e['alt_kind']!r}")
        if e["name"] in names:
            errs.append(f"entity {e['name']!r} listed twice")
        names[e["name"]] = e
        if not e.get("forms"):
            errs.append(f"entity {e['name']!r}: no forms")
        for f in e.get("forms", []):
            if not re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", b):
                errs.append(f"entity {e['name']!r}: form {f!r} not in the body")
    for q in g.get("quotes", []):
        if q["text"] not in b:
            errs.append(f"quote {q['text']!r} not in the body")
        sp = q.get("speaker")
        if sp is not None and sp not in names:
            errs.append(f"quote {q['text']!r}: speaker {sp!r} is not an entity's name")
        if sp is None and not q.get("description") and not q.get("optional"):
            errs.append(f"quote {q['text']!r}: no speaker, description or optional")
    return g, errs


def main():
    textdir, files = sys.argv[1], sys.argv[2:]
    bad = 0
    nq = ne = 0
    for p in files:
        g, errs = check(textdir, p)
        nq += sum(1 for q in g.get("quotes", []) if not q.get("optional"))
        ne += len(g.get("entities", []))
        for e in errs:
            print(f"{p}: {e}")
        bad += len(errs)
    print(f"{len(files)} files, {ne} entities, {nq} quotations (not optional), {bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
