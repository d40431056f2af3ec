#!/usr/bin/env python3
"""Put the engines' benchmark JSON side by side and write the tables.

    report.py RESULTS_DIR [--write]

RESULTS_DIR holds CORPUS-ENGINE.json files (CORPUS = news, news8x; ENGINE =
newsq, fts5, tantivy) written by bench/run.sh. Prints markdown: machine, then
per corpus one table (load-and-index time, peak RSS, median latency per query
type; columns newsq, FTS5, Tantivy, newsq/FTS5, newsq/Tantivy), the targets,
and per-query details. With --write, also writes bench/results-YYYY-MM-DD.md
and bench/latest.md.
"""
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENGINES = ["newsq", "fts5", "tantivy"]
TITLES = {"newsq": "newsq", "fts5": "FTS5", "tantivy": "Tantivy"}
TYPE_TITLES = {
    "term": "term", "and": "AND", "phrase": "phrase", "near": "NEAR", "prefix": "prefix",
    "count_by_source": "count by source", "kwic": "kwic / snippets",
}
CORPORA = [("news", "1x"), ("news8x", "8x")]
CHECKED = ["term", "and", "phrase", "near", "prefix", "count_by_source"]


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        swift = subprocess.run(["swift", "--version"], capture_output=True, text=True, timeout=30).stdout.splitlines()[0]
    except Exception:
        swift = "?"
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory": mem, "kernel": platform.release(), "swift": swift}


def fmt_ms(v):
    if v is None:
        return "n/a"
    if v < 1:
        return f"{v * 1000:.0f} µs"
    return f"{v:.2f} ms"


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    r = a / b
    return f"**{r:.2f}**" if r > 1 else f"{r:.2f}"


def mb(b):
    return f"{b / 1e6:.0f} MB"


def count_check(newsq, fts5, t):
    """How many of a type's queries give newsq the same match count as FTS5."""
    same = total = 0
    diffs = []
    for a, b in zip(newsq["queries"], fts5["queries"]):
        if a["type"] != t or "count" not in a or "count" not in b:
            continue
        total += 1
        if a["count"] == b["count"]:
            same += 1
        else:
            diffs.append(f"{TYPE_TITLES[t]} {a['name']}: {a['count']} vs {b['count']}")
    return same, total, diffs


def corpus_section(name, label, runs):
    out = []
    n, f, t = (runs.get(e) for e in ENGINES)
    base = n or f or t
    docs = base["documents"]
    text = (n or {}).get("text_bytes")
    text_s = f", {text / 1e6:.1f} MB of text" if text else ""
    out.append(f"### {label} corpus: {docs:,} documents{text_s}\n")
    out.append("| measure | newsq | FTS5 | Tantivy | newsq/FTS5 | newsq/Tantivy | newsq counts = FTS5 |")
    out.append("|---|---:|---:|---:|---:|---:|---|")

    def val(r, key):
        return r.get(key) if r else None

    load = [val(r, "load_index_seconds") for r in (n, f, t)]
    out.append("| load + index | " + " | ".join("n/a" if v is None else f"{v:.2f} s" for v in load)
               + f" | {fmt_ratio(load[0], load[1])} | {fmt_ratio(load[0], load[2])} | |")
    rss = [val(r, "peak_rss_bytes") for r in (n, f, t)]
    out.append("| peak RSS | " + " | ".join("n/a" if v is None else mb(v) for v in rss)
               + f" | {fmt_ratio(rss[0], rss[1])} | {fmt_ratio(rss[0], rss[2])} | |")
    for ty in base.get("types_order", []):
        meds = [r["types"].get(ty) if r else None for r in (n, f, t)]
        check = ""
        if n and f and ty in CHECKED:
            same, total, _ = count_check(n, f, ty)
            check = f"{same}/{total}" if total else "n/a"
        out.append(f"| {TYPE_TITLES.get(ty, ty)} (median) | " + " | ".join(fmt_ms(v) for v in meds)
                   + f" | {fmt_ratio(meds[0], meds[1])} | {fmt_ratio(meds[0], meds[2])} | {check} |")
    out.append("")
    out.append("Ratios above 1 (newsq slower or larger) are in bold. Per type: the median over its queries of each "
               "query's median time. n/a: the engine cannot run that query type yet.")
    out.append("")
    if n:
        notes = []
        if text:
            notes.append(f"peak RSS / text size: {n['peak_rss_bytes'] / text:.2f}x (target < 2x)")
        notes.append(f"load + index: {n['load_index_seconds']:.2f} s" + (" (target < 1 s on the 1x corpus)" if label == "1x" else ""))
        out.append("newsq: " + "; ".join(notes) + ".")
        diffs = []
        if f:
            for ty in CHECKED:
                diffs += count_check(n, f, ty)[2]
        if diffs:
            out.append("")
            out.append("Warning, newsq's match count differs from FTS5's: " + "; ".join(diffs) + ".")
        errors = sorted({q["error"].split(": ", 1)[-1] for q in n["queries"] if "error" in q})
        if errors:
            out.append("")
            out.append("newsq could not run some queries (shown n/a): " + "; ".join(f"`{e}`" for e in errors) + ".")
        out.append("")
    return out


def details(name, label, runs):
    out = [f"<details><summary>{label}: every query (median)</summary>\n"]
    out.append("| type | query | newsq | FTS5 | Tantivy | matches (newsq / FTS5 / Tantivy) |")
    out.append("|---|---|---:|---:|---:|---|")
    qs = [r["queries"] if r else None for r in (runs.get(e) for e in ENGINES)]
    base = next(q for q in qs if q)
    for i, q in enumerate(base):
        cells, counts = [], []
        for lst in qs:
            e = lst[i] if lst else None
            cells.append(fmt_ms(e.get("median_ms")) if e else "n/a")
            counts.append(str(e.get("count", "")) if e else "")
        name_md = q["name"].replace("|", "\\|")
        out.append(f"| {TYPE_TITLES.get(q['type'], q['type'])} | `{name_md}` | " + " | ".join(cells)
                   + " | " + " / ".join(c or "–" for c in counts) + " |")
    out.append("\n</details>\n")
    return out


def understanding(rdir):
    """The table of entities and quotes on first use (1x), when run.sh measured it."""
    p = os.path.join(rdir, "understanding.tsv")
    if not os.path.exists(p):
        return []
    rows = [l.rstrip("\n").split("\t") for l in open(p, encoding="utf-8")][1:]
    if not rows:
        return []
    base_s, base_mb = float(rows[0][1]), float(rows[0][2])
    out = ["### News understanding on first use (1x, newsq only)\n",
           "Each statement in a fresh process of the release shell (load included; median of "
           "`bench/understanding.py`'s runs); the added time and memory are over `articles | count`. "
           "Goal (issue 9): entities and quotes together add at most 3 s and the size of the text.\n",
           "| statement | seconds | added s | peak RSS MB | added MB |", "|---|---:|---:|---:|---:|"]
    for s, sec, mb in rows:
        cell = s.replace("|", "\\|")
        out.append(f"| `{cell}` | {float(sec):.2f} | {float(sec) - base_s:+.2f} | {float(mb):.0f} | {float(mb) - base_mb:+.0f} |")
    out.append("")
    return out


def main():
    args = sys.argv[1:]
    write = "--write" in args
    args = [a for a in args if a != "--write"]
    if len(args) != 1:
        sys.exit(__doc__)
    rdir = args[0]
    spec = json.load(open(os.path.join(HERE, "queries.json"), encoding="utf-8"))
    m = machine()
    today = datetime.date.today().isoformat()
    lines = [f"## newsq benchmark, {today}\n",
             f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory']} RAM, Linux {m['kernel']}; {m['swift']}.\n"]
    versions = set()
    body_details = []
    for name, label in CORPORA:
        runs = {}
        for e in ENGINES:
            p = os.path.join(rdir, f"{name}-{e}.json")
            if os.path.exists(p):
                r = json.load(open(p, encoding="utf-8"))
                r["types_order"] = spec["types"]
                runs[e] = r
                if e != "newsq":
                    versions.add(r.get("version", e))
        if not runs:
            continue
        lines += corpus_section(name, label, runs)
        body_details += details(name, label, runs)
    lines.append("Peers: " + ", ".join(sorted(versions)) + ". Each engine runs in its own process (so peak RSS is its own); "
                 "times are measured inside the process after a warm-up. newsq runs each query through the session "
                 "(parse, plan, execute, render as JSON Lines into memory); term, AND, phrase, NEAR and prefix ask for the "
                 "match count and the top 10 ids by BM25 on every engine; count by source groups the matches by source; kwic "
                 "takes snippets of 10 matching documents. FTS5 and Tantivy are driven from Python (a few µs per call of "
                 "overhead, included). Peak RSS of the peers includes the Python interpreter (about 10 MB).\n")
    lines += understanding(rdir)
    lines += body_details
    text = "\n".join(lines)
    print(text)
    if write:
        for p in (os.path.join(HERE, f"results-{today}.md"), os.path.join(HERE, "latest.md")):
            with open(p, "w", encoding="utf-8") as f:
                f.write(text + "\n")
        print(f"report: wrote bench/results-{today}.md and bench/latest.md", file=sys.stderr)


if __name__ == "__main__":
    main()
