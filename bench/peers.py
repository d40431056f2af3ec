#!/usr/bin/env python3
"""Run the benchmark queries on one peer engine, in this process, and print JSON.

    peers.py fts5    CORPUS.jsonl QUERIES.json [--reps N]
    peers.py tantivy CORPUS.jsonl QUERIES.json [--reps N]

One engine per process, so peak RSS (ru_maxrss) is the engine's own. Measured
inside the process: load-and-index time (reading the JSON Lines file to a
ready index), then per query a warm-up and N repetitions; the median.

What each query returns is the same for every engine (see queries.json):
term/and/phrase/near/prefix: count of matching documents + top 10 ids by BM25;
count_by_source: matching documents per source; kwic: snippets of 10 matches.

SQLite FTS5: in-memory database, tokenize='unicode61 remove_diacritics 2',
body indexed; id and source stored unindexed. Tantivy: in-RAM index, body
tokenized by simple tokenizer + lowercase + ASCII folding (the nearest to
unicode61 remove_diacritics), source a raw fast field for the aggregation.
"""
import json
import os
import resource
import statistics
import sys
import time


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def timed(fn, reps, warmup=2):
    for _ in range(warmup):
        result = fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000.0, result


# ---------------------------------------------------------------- SQLite FTS5

class FTS5:
    name = "fts5"

    def load(self, path):
        import sqlite3
        self.version = "SQLite " + sqlite3.sqlite_version
        t0 = time.perf_counter()
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, source UNINDEXED, body, "
                   "tokenize='unicode61 remove_diacritics 2')")
        def rows():
            with open(path, encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    yield (d["id"], d.get("source") or "", d["body"])
        with db:
            db.executemany("INSERT INTO docs(id, source, body) VALUES (?, ?, ?)", rows())
        self.n = db.execute("SELECT count(*) FROM docs").fetchone()[0]
        self.db = db
        return time.perf_counter() - t0

    def prepare(self, q):
        m = q["fts5"]
        db = self.db
        t = q["type"]
        if t == "count_by_source":
            def run():
                return dict(db.execute("SELECT source, count(*) FROM docs WHERE docs MATCH ? GROUP BY source", (m,)).fetchall())
        elif t == "kwic":
            def run():
                return db.execute("SELECT id, snippet(docs, 2, '[', ']', '…', 12) FROM docs WHERE docs MATCH ? LIMIT 10",
                                  (m,)).fetchall()
        else:
            def run():
                n = db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (m,)).fetchone()[0]
                top = [r[0] for r in db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (m,))]
                return n, top
        return run


# ---------------------------------------------------------------- Tantivy

class Tantivy:
    name = "tantivy"

    def load(self, path):
        import tantivy
        self.t = tantivy
        self.version = getattr(tantivy, "__version__", "tantivy ?")
        t0 = time.perf_counter()
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        sb.add_text_field("source", stored=True, fast=True, tokenizer_name="raw")
        sb.add_text_field("body", stored=True, tokenizer_name="news")
        self.schema = sb.build()
        idx = tantivy.Index(self.schema)  # no path: in RAM
        an = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
              .filter(tantivy.Filter.remove_long(255))
              .filter(tantivy.Filter.lowercase())
              .filter(tantivy.Filter.ascii_fold())
              .build())
        idx.register_tokenizer("news", an)
        w = idx.writer()  # default heap, threads chosen by tantivy
        with open(path, encoding="utf-8") as f:
            for line in f:
                w.add_json(line)
        w.commit()
        w.wait_merging_threads()
        idx.reload()
        self.idx = idx
        self.searcher = idx.searcher()
        self.n = self.searcher.num_docs
        return time.perf_counter() - t0

    def query(self, text):
        if text.startswith("regex:"):
            return self.t.Query.regex_query(self.schema, "body", text[len("regex:"):])
        return self.idx.parse_query(text, ["body"], conjunction_by_default=True)

    def prepare(self, q):
        s = self.searcher
        text = q["tantivy"]
        t = q["type"]
        if t == "count_by_source":
            agg = {"by_source": {"terms": {"field": "source", "size": 1000}}}
            def run():
                pq = self.query(text)
                r = s.aggregate(pq, agg)
                return {b["key"]: b["doc_count"] for b in r["by_source"]["buckets"]}
        elif t == "kwic":
            def run():
                pq = self.query(text)
                gen = self.t.SnippetGenerator.create(s, pq, self.schema, "body")
                out = []
                for _, addr in s.search(pq, 10, count=False).hits:
                    d = s.doc(addr)
                    out.append((d["id"][0], gen.snippet_from_doc(d).to_html()))
                return out
        else:
            def run():
                pq = self.query(text)
                r = s.search(pq, 10)
                return r.count, [s.doc(a)["id"][0] for _, a in r.hits]
        return run


# ---------------------------------------------------------------- main

def main():
    args = sys.argv[1:]
    reps = 15
    if "--reps" in args:
        i = args.index("--reps")
        reps = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    engine_name, corpus, qfile = args
    engine = {"fts5": FTS5, "tantivy": Tantivy}[engine_name]()
    spec = json.load(open(qfile, encoding="utf-8"))
    load_s = engine.load(corpus)
    rss_after_load = peak_rss_bytes()
    print(f"peers: {engine.name}: {engine.n} documents loaded and indexed in {load_s:.2f} s", file=sys.stderr, flush=True)
    results = []
    for q in spec["queries"]:
        entry = {"type": q["type"], "name": q["name"]}
        try:
            run = engine.prepare(q)
            ms, res = timed(run, reps)
            entry["median_ms"] = ms
            if q["type"] == "count_by_source":
                entry["groups"] = res
                entry["count"] = sum(res.values())
            elif q["type"] == "kwic":
                entry["rows"] = len(res)
                entry["sample"] = res[0][1][:160] if res else ""
            else:
                entry["count"], entry["top10"] = res
        except Exception as e:  # a query an engine cannot run is reported, not fatal
            entry["error"] = str(e)
        results.append(entry)
    types = {}
    for t in spec["types"]:
        ms = [r["median_ms"] for r in results if r["type"] == t and "median_ms" in r]
        types[t] = statistics.median(ms) if ms else None
    out = {
        "engine": engine.name, "version": engine.version, "corpus": os.path.abspath(corpus),
        "documents": engine.n, "load_index_seconds": load_s,
        "peak_rss_bytes": peak_rss_bytes(), "rss_after_load_bytes": rss_after_load,
        "repetitions": reps, "types": types, "queries": results,
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
