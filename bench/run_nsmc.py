#!/usr/bin/python3
"""Speed benchmark on NSMC: kosearch beside Lucene 8.7 (CJKAnalyzer bigrams and
Nori, Elasticsearch's Korean analyzer) and SQLite FTS5, built and timed in the
same run, so every kosearch figure is also a ratio to its peers.

Two collections from nsmc/reviews.jsonl.gz (see shared/data/README.md):
  reviews  the first 10k, 100k and all 712,383 reviews (streamed, never unpacked);
  movies   the reviews grouped by movie in file order, joined with "\n":
           14,730 documents of 4.2 KB on average, id movie<movie_id>.
For each engine it measures:
  build: wall time, CPU time, peak RSS (/usr/bin/time -v), index size before
         and after compaction (xapian-compact / Lucene forceMerge(1) / FTS5
         optimize), as a multiple of the UTF-8 bytes of the texts;
  queries (nsmc/queries.tsv, 2,000 queries, top 10, warm, one thread):
         in-process p50/p95/p99 with AND semantics for all engines and
         kosearch's default mode too, and queries with no result;
  kosearch only: whole-process `search` p50/p95 (one process per query),
         `search --batch --json` (snippets on; default and --mode all) and
         the incremental add of 10 articles to the built review index.
And two article cases (bench/article_cases.py): the petitions (titles with
`search -F` against Lucene CJK with OR) and one generated 20 MB article.
The summary's last table holds issue 20's goals, each as a ratio to its peer.
Writes RESULTS.md (tables, ratios, the issue's goals) and RESULTS.json to --out.

One command from a clean checkout (builds into build-bench/ first; installs
Debian's liblucene8-java and openjdk-17-jdk-headless with apt-get if missing):
  /usr/bin/python3 bench/run_nsmc.py            # everything, 15-20 min on 2 cores
  /usr/bin/python3 bench/run_nsmc.py --sizes 10000 --collections reviews --engines kosearch,lucene-cjk --out /tmp/b
  /usr/bin/python3 bench/run_nsmc.py --collections petitions,big-article --engines kosearch,lucene-cjk --out /tmp/b
"""
import argparse
import datetime
import glob
import gzip
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import article_cases
from bench_stats import percentile, process_cost

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DEFAULT_DATA = os.path.join(SHARED, "data", "nsmc")
DEFAULT_PETITIONS = os.path.join(SHARED, "data", "petitions")
TOTAL_REVIEWS = 712383
MIB = 1024 * 1024

ENGINES = {"kosearch": "kosearch",
           "lucene-cjk": "Lucene CJK (bigrams)",
           "lucene-nori": "Lucene Nori",
           "fts5": "SQLite FTS5 unicode61"}
LUCENE_ANALYZER = {"lucene-cjk": "cjk", "lucene-nori": "nori"}
# Heap for the Lucene JVMs; the writer's RAM buffer is 256 MB (LuceneBench.java).
JVM_OPTS = ["-Xmx1g"]
LUCENE_PACKAGES = ["liblucene8-java", "openjdk-17-jdk-headless"]
LUCENE_JARS = ("lucene-core", "lucene-analyzers-common", "lucene-analyzers-nori")

# The issue's goals: build and size per collection (the full review set, the
# per-movie collection); the query and process goals hold for both.
GOALS = {"build_s": {"reviews": 30.0, "movies": 20.0},
         "size_ratio": {"reviews": 6.0, "movies": 2.5},
         "default_p50_ms": 0.6, "default_p95_ms": 2.5, "and_p50_ms": 0.4, "and_p95_ms": 2.0,
         "process_p50_ms": 3.5, "no_result_default": 0, "incremental_s": 1.0}


def log(*args):
    print("bench:", *args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- helpers

def dir_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line]


def parse_time_v(path):
    """Peak RSS (KiB), CPU seconds (user + system) and exit status from a
    /usr/bin/time -v report."""
    rss, cpu, status = 0, 0.0, None
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("Maximum resident set size"):
                rss = int(line.rsplit(":", 1)[1])
            elif line.startswith(("User time (seconds)", "System time (seconds)")):
                cpu += float(line.rsplit(":", 1)[1])
            elif line.startswith("Exit status"):
                status = int(line.rsplit(":", 1)[1])
    return rss, cpu, status


# ---------------------------------------------------------------- collections

class Collection:
    """One set of documents every engine indexes: the first n reviews streamed
    from the gzip file, or the per-movie JSONL written once to the work folder."""

    def __init__(self, kind, docs, text_bytes, gz=None, path=None):
        self.kind, self.docs, self.text_bytes, self.gz, self.path = kind, docs, text_bytes, gz, path

    @property
    def label(self):
        return f"{self.docs:,} reviews" if self.kind == "reviews" else f"{self.docs:,} movies"

    def feed(self):
        """The JSONL as a pipe: (processes to wait for, readable end)."""
        if self.kind == "reviews":
            zcat = subprocess.Popen(["zcat", self.gz], stdout=subprocess.PIPE)
            head = subprocess.Popen(["head", "-n", str(self.docs)], stdin=zcat.stdout, stdout=subprocess.PIPE)
            zcat.stdout.close()  # head owns it now; zcat gets SIGPIPE when head stops
            return [zcat, head], head.stdout
        cat = subprocess.Popen(["cat", self.path], stdout=subprocess.PIPE)
        return [cat], cat.stdout

    def records(self):
        """(id, text) of every document, read in this process (SQLite)."""
        opener = gzip.open if self.kind == "reviews" else open
        with opener(self.gz if self.kind == "reviews" else self.path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= self.docs:
                    break
                r = json.loads(line)
                yield r["id"], r["text"]


def prepare_collections(gz, sizes, with_movies, work):
    """One pass over the reviews: text bytes of the first n for each size and,
    when wanted, the per-movie JSONL (reviews grouped by movie in file order,
    joined with "\\n")."""
    wanted = sorted(set(sizes))
    text_at, total, n = {}, 0, 0
    movies = {}  # movie id → review texts; dicts keep first-appearance order
    with gzip.open(gz, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            total += len(r["text"].encode("utf-8"))
            n += 1
            if n in wanted:
                text_at[n] = total
            if with_movies:
                movies.setdefault(r["movie"], []).append(r["text"])
            elif n >= (wanted[-1] if wanted else 0):
                break
    out = [Collection("reviews", size, text_at.get(size, total), gz=gz) for size in wanted if size <= n]
    if with_movies:
        path = os.path.join(work, "movies.jsonl")
        movie_bytes = 0
        with open(path, "w", encoding="utf-8") as f:
            for movie, texts in movies.items():
                text = "\n".join(texts)
                movie_bytes += len(text.encode("utf-8"))
                f.write(json.dumps({"id": f"movie{movie}", "text": text}, ensure_ascii=False) + "\n")
        out.append(Collection("movies", len(movies), movie_bytes, path=path))
    return out


def machine():
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kib = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    def out(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
            return (r.stdout + r.stderr).strip()
        except OSError:
            return ""
    commit = out(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    dirty = out(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"])
    java = out(["java", "-version"]).splitlines()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "os": out(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "xapian": (out(["xapian-config", "--version"]) or "?").split()[-1],
        "sqlite": sqlite3.sqlite_version,
        "python": platform.python_version(),
        "java": java[0] if java else "",
        "lucene": lucene_version(),
        "commit": commit + ("+local changes" if dirty else ""),
        "loadavg_at_start": open("/proc/loadavg").read().split()[:3],
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def build(build_dir):
    log("building indexer, search, nsmc_dates, query_latency in", build_dir)
    for cmd in (["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                 "-DKOSEARCH_BUILD_TESTS=OFF", "-DKOSEARCH_BUILD_BENCH=ON"],
                ["cmake", "--build", build_dir, "-j", str(os.cpu_count() or 1), "--target",
                 "indexer", "search", "nsmc_dates", "query_latency"]):
        run_quiet(cmd)


def run_quiet(cmd):
    """Runs cmd, showing its output only when it fails."""
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout)
        raise SystemExit(f"bench: {' '.join(cmd)} failed")


# ---------------------------------------------------------------- Lucene peer

def lucene_jars():
    """Debian's jars (liblucene8-java), or None when one is missing."""
    jars = []
    for name in LUCENE_JARS:
        found = sorted(glob.glob(f"/usr/share/java/{name}-8.*.jar"))
        if not found:
            return None
        jars.append(found[-1])
    return jars


def lucene_version():
    jars = lucene_jars()
    return re.search(r"-(8[.\d]+)\.jar$", jars[0]).group(1) if jars else ""


def ensure_lucene(build_dir):
    """Installs the Lucene peer's Debian packages when missing (liblucene8-java
    conflicts with liblucene4.10-java, which goes), then compiles LuceneBench.
    Returns the class path."""
    if lucene_jars() is None or not shutil.which("javac"):
        log("installing", " ".join(LUCENE_PACKAGES), "with apt-get")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        installed = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "liblucene4.10-java"],
                                   capture_output=True, text=True).stdout
        if "install ok installed" in installed:
            run_quiet(sudo + ["apt-get", "remove", "-y", "liblucene4.10-java"])
        run_quiet(sudo + ["apt-get", "update"])
        subprocess.run(sudo + ["apt-get", "install", "-y", "--no-install-recommends"] + LUCENE_PACKAGES,
                       env=env, check=True, stdout=subprocess.DEVNULL)
        if lucene_jars() is None:
            raise SystemExit("bench: liblucene8-java installed but its jars are not in /usr/share/java")
    classes = os.path.join(build_dir, "lucene")
    os.makedirs(classes, exist_ok=True)
    cp = ":".join(lucene_jars())
    sources = sorted(glob.glob(os.path.join(HERE, "lucene", "*.java")))
    run_quiet(["javac", "-d", classes, "-cp", cp] + sources)
    return classes + ":" + cp


def lucene_peer(cp, analyzer, coll, work, queries, queries_path, occur="must"):
    index = os.path.join(work, f"lucene-{analyzer}")
    shutil.rmtree(index, ignore_errors=True)
    time_report = os.path.join(work, "time-lucene.txt")
    java = ["java"] + JVM_OPTS + ["-cp", cp, "LuceneBench"]
    start = time.perf_counter()
    feeders, pipe = coll.feed()
    r = subprocess.run(["/usr/bin/time", "-v", "-o", time_report] + java +
                       ["build", "--analyzer", analyzer, "--index", index],
                       stdin=pipe, capture_output=True, text=True)
    wall = time.perf_counter() - start
    pipe.close()
    for p in feeders:
        p.wait()
    if r.returncode != 0:
        raise SystemExit(f"bench: Lucene build failed: {r.stderr.strip()[-2000:]}")
    built = json.loads(r.stdout)
    if built["docs"] != coll.docs:
        raise SystemExit(f"bench: Lucene indexed {built['docs']} of {coll.docs} documents")
    rss_kib, cpu_s, _ = parse_time_v(time_report)
    size = dir_bytes(index)
    start = time.perf_counter()
    subprocess.run(java + ["merge", "--index", index], check=True, stdout=subprocess.DEVNULL)
    merge_s = time.perf_counter() - start
    result = {"build_s": wall, "cpu_s": cpu_s, "peak_rss_kib": rss_kib, "index_bytes": size,
              "compact_s": merge_s, "compacted_bytes": dir_bytes(index)}
    r = subprocess.run(java + ["search", "--analyzer", analyzer, "--index", index, "--queries", queries_path,
                               "--occur", occur], capture_output=True, text=True, check=True)
    out = {"build": result, "latency": {"and" if occur == "must" else "or": json.loads(r.stdout)}}
    if coll.kind == "reviews":  # the same 10 articles as kosearch, one JVM run
        start = time.perf_counter()
        r = subprocess.run(java + ["build", "--analyzer", analyzer, "--index", index,
                                   "--input", write_additions(work, queries)],
                           capture_output=True, text=True, check=True)
        out["incremental"] = {"articles": 10, "wall_s": time.perf_counter() - start, "summary": r.stdout.strip()}
    shutil.rmtree(index, ignore_errors=True)
    return out


# ---------------------------------------------------------------- kosearch

def kosearch_build(tools, coll, index, work):
    shutil.rmtree(index, ignore_errors=True)
    time_report = os.path.join(work, "time-indexer.txt")
    stderr_path = os.path.join(work, "indexer-stderr.txt")
    cmd = ["/usr/bin/time", "-v", "-o", time_report, tools["indexer"], "--jsonl", "-", "--index", index]
    start = time.perf_counter()
    feeders, pipe = coll.feed()
    if coll.kind == "reviews":  # YY.MM.DD → the indexer's dates
        dates = subprocess.Popen([tools["nsmc_dates"]], stdin=pipe, stdout=subprocess.PIPE)
        pipe.close()
        feeders.append(dates)
        pipe = dates.stdout
    with open(stderr_path, "wb") as err:
        indexer = subprocess.Popen(cmd, stdin=pipe, stderr=err, stdout=subprocess.DEVNULL)
        pipe.close()
        indexer.wait()
    wall = time.perf_counter() - start
    for p in feeders:
        p.wait()
    rss_kib, cpu_s, status = parse_time_v(time_report)
    summary, warnings = indexer_summary(stderr_path)
    if status not in (0, 1) or not summary.startswith("added"):
        raise SystemExit(f"bench: indexer failed (exit {status}): {summary}")
    added = int(re.match(r"added (\d+)", summary).group(1))
    if added != coll.docs:
        raise SystemExit(f"bench: indexer added {added} of {coll.docs} documents: {summary}")
    size = dir_bytes(index)
    compacted = index + ".compact"
    shutil.rmtree(compacted, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(["xapian-compact", index, compacted], check=True, stdout=subprocess.DEVNULL)
    compact_s = time.perf_counter() - start
    return {"build_s": wall, "cpu_s": cpu_s, "peak_rss_kib": rss_kib, "warnings": warnings, "summary": summary,
            "index_bytes": size, "compact_s": compact_s, "compacted_bytes": dir_bytes(compacted)}, compacted


def indexer_summary(stderr_path):
    """The indexer's last stderr line (its summary) and its count of warnings."""
    with open(stderr_path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    return (lines[-1] if lines else ""), sum(1 for l in lines if l.startswith("warning:"))


def write_additions(work, queries):
    """10 new short articles (ids no build uses) in a JSONL file of their own,
    for the incremental-add figure of every engine that has one."""
    path = os.path.join(work, "add10.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(10):
            words = queries[i * 5:(i + 1) * 5]
            f.write(json.dumps({"id": f"bench-add-{i}", "title": f"추가 기사 {i + 1}: {words[0]}",
                                "text": f"{words[0]}\n" + ". ".join(words) + "."}, ensure_ascii=False) + "\n")
    return path


def kosearch_incremental(tools, index, work, queries):
    """Wall time of `indexer` adding the 10 articles of write_additions (a file
    of their own, so nothing of the built input is touched) to the built index."""
    path = write_additions(work, queries)
    stderr_path = os.path.join(work, "incremental-stderr.txt")
    start = time.perf_counter()
    with open(stderr_path, "wb") as err:
        status = subprocess.run([tools["indexer"], "--jsonl", path, "--index", index],
                                stderr=err, stdout=subprocess.DEVNULL).returncode
    wall = time.perf_counter() - start
    summary, _ = indexer_summary(stderr_path)
    if status != 0 or not summary.startswith("added 10,"):
        raise SystemExit(f"bench: incremental indexer run failed (exit {status}): {summary}")
    return {"articles": 10, "wall_s": wall, "summary": summary}


def stream_cost(tools, coll):
    """Wall time of the input stream alone (zcat | head | nsmc_dates for the
    reviews), to show it does not dominate the build."""
    start = time.perf_counter()
    feeders, pipe = coll.feed()
    last = pipe
    if coll.kind == "reviews":
        dates = subprocess.Popen([tools["nsmc_dates"]], stdin=pipe, stdout=subprocess.PIPE)
        pipe.close()
        feeders.append(dates)
        last = dates.stdout
    while last.read(1 << 20):
        pass
    last.close()
    for p in feeders:
        p.wait()
    return time.perf_counter() - start


def kosearch_latency(tools, index, queries_path, mode, snippets):
    r = subprocess.run([tools["query_latency"], "--index", index, "--queries", queries_path,
                        "--mode", mode, "--snippets", snippets], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def kosearch_peer(tools, coll, work, queries, queries_path, process_runs):
    index = os.path.join(work, "kosearch")
    build_result, compacted = kosearch_build(tools, coll, index, work)
    result = {"build": build_result, "stream_s": stream_cost(tools, coll), "latency": {}}
    if coll.kind == "reviews":
        log(f"{coll.label}: kosearch incremental add")
        result["incremental"] = kosearch_incremental(tools, index, work, queries)
    shutil.rmtree(index, ignore_errors=True)
    for key, mode, snippets in (("and", "all", "off"), ("default", "prefer-all", "off"),
                                ("default+snippets", "prefer-all", "on")):
        log(f"{coll.label}: kosearch queries, {mode}, snippets {snippets}")
        result["latency"][key] = kosearch_latency(tools, compacted, queries_path, mode, snippets)
    pairs = [(str(i), q) for i, q in enumerate(queries)]
    for key, flags in (("batch_default", []), ("batch_all", ["--mode", "all"])):
        log(f"{coll.label}: kosearch search --batch --json {' '.join(flags)}")
        result["latency"][key] = article_cases.batch_latency(tools["search"], compacted, pairs, work, flags)
    log(f"{coll.label}: whole-process search")
    result["process"] = process_latency(lambda q: [tools["search"], "--index", compacted, "-n", "10", "--", q],
                                        queries, process_runs)
    shutil.rmtree(compacted, ignore_errors=True)
    return result


def petitions_run(tools, engines, lucene_cp, work, petitions_dir):
    """The petitions (3,611 documents of 3.4 KB), their tune titles as literal
    queries: kosearch `search --batch --json -F` with snippets, Lucene with OR."""
    docs = os.path.join(petitions_dir, "docs.jsonl")
    queries_path = os.path.join(petitions_dir, "queries-tune.tsv")
    pairs = article_cases.read_tsv(queries_path)
    with open(docs, encoding="utf-8") as f:
        count = sum(1 for _ in f)
    coll = Collection("petitions", count, article_cases.text_bytes(docs), path=docs)
    run = {"collection": "petitions", "docs": coll.docs, "label": f"{coll.docs:,} petitions",
           "text_bytes": coll.text_bytes, "engines": {}}
    for engine in engines:
        if engine == "kosearch":
            log(f"{run['label']}: kosearch")
            index = os.path.join(work, "kosearch")
            build_result, compacted = kosearch_build(tools, coll, index, work)
            shutil.rmtree(index, ignore_errors=True)
            run["engines"]["kosearch"] = {"build": build_result, "latency": {
                "batch_literal": article_cases.batch_latency(tools["search"], compacted, pairs, work, ["-F"])}}
            shutil.rmtree(compacted, ignore_errors=True)
        elif engine == "lucene-cjk":
            log(f"{run['label']}: {ENGINES[engine]}, OR")
            run["engines"][engine] = lucene_peer(lucene_cp, "cjk", coll, work, [q for _, q in pairs], queries_path,
                                                 occur="should")
    return run


def process_latency(cmd_for, queries, runs):
    """Wall and CPU (user + sys) time of one whole process per query, for the
    first `runs` queries."""
    times, cpu, no_hit = [], [], 0
    for q in queries[:runs]:
        wall, cpu_ms, code = process_cost(cmd_for(q))
        times.append(wall)
        cpu.append(cpu_ms)
        no_hit += code == 1
    return {"runs": len(times), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "mean_ms": statistics.fmean(times) if times else 0, "cpu_p50_ms": percentile(cpu, 50),
            "cpu_p95_ms": percentile(cpu, 95), "no_hit": no_hit}


# ---------------------------------------------------------------- SQLite FTS5 peer

def fts5_query(query):
    """AND of the query's words, each quoted (unicode61 splits them further itself)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in query.split())


def sqlite_build(coll, db_path):
    """Runs in its own process (under /usr/bin/time -v): builds the FTS5 table."""
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, tokenize='unicode61')")
    with db:
        db.executemany("INSERT INTO docs(id, text) VALUES (?, ?)", coll.records())
    db.close()


def sqlite_optimize(db_path):
    db = sqlite3.connect(db_path)
    db.execute("INSERT INTO docs(docs) VALUES('optimize')")
    db.commit()
    db.execute("VACUUM")
    db.close()


def sqlite_latency(db_path, queries):
    db = sqlite3.connect(db_path)
    sql = "SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10"
    prepared = [fts5_query(q) for q in queries]
    for q in prepared:  # warm-up
        db.execute(sql, (q,)).fetchall()
    times, cpu, hits = [], [], []
    for q in prepared:
        cpu_start = time.thread_time()
        start = time.perf_counter()
        rows = db.execute(sql, (q,)).fetchall()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - cpu_start) * 1000)
        hits.append(len(rows))
    db.close()
    return {"queries": len(queries), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "p99_ms": percentile(times, 99), "mean_ms": statistics.fmean(times),
            "cpu_p50_ms": percentile(cpu, 50), "cpu_p95_ms": percentile(cpu, 95),
            "no_result": sum(1 for h in hits if h == 0),
            "no_result_examples": [q for q, h in zip(queries, hits) if h == 0][:20]}


def sqlite_peer(coll, work, queries, process_runs):
    db_path = os.path.join(work, "fts5.db")
    time_report = os.path.join(work, "time-sqlite.txt")
    source = ["--sqlite-input", coll.gz or coll.path, "--sqlite-kind", coll.kind, "--sqlite-docs", str(coll.docs)]
    start = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-v", "-o", time_report, sys.executable, os.path.abspath(__file__),
                    "--sqlite-build", db_path] + source, check=True)
    wall = time.perf_counter() - start
    rss_kib, cpu_s, _ = parse_time_v(time_report)
    size = dir_bytes(db_path)
    start = time.perf_counter()
    sqlite_optimize(db_path)
    optimize_s = time.perf_counter() - start
    result = {"build": {"build_s": wall, "cpu_s": cpu_s, "peak_rss_kib": rss_kib, "index_bytes": size,
                        "compact_s": optimize_s, "compacted_bytes": dir_bytes(db_path)},
              "latency": {"and": sqlite_latency(db_path, queries)}}
    sql = "SELECT id FROM docs WHERE docs MATCH '{}' ORDER BY rank LIMIT 10;"
    result["process"] = process_latency(
        lambda q: ["sqlite3", db_path, sql.format(fts5_query(q).replace("'", "''"))], queries, process_runs)
    os.remove(db_path)
    return result


# ---------------------------------------------------------------- report

def mib(b):
    return b / MIB


def fmt_ms(v):
    return f"{v:.3f}" if v < 10 else f"{v:.1f}"


def fmt_figure(figure, v):
    if isinstance(v, int):
        return f"{v:,}"
    if "÷" in figure:
        return f"{v:.2f}×"
    if "MiB" in figure:
        return f"{v:.0f}"
    return fmt_ms(v) if "ms" in figure else f"{v:.2f}"


def summary_rows(run):
    """(figure, {engine: value}, kosearch value, goal text, met, compare) per
    row; compare says which peer figure a kosearch ratio divides by."""
    kind, text = run["collection"], run["text_bytes"]
    e = run["engines"]
    def each(fn):
        out = {}
        for name, r in e.items():
            try:
                out[name] = fn(r)
            except (KeyError, TypeError):
                out[name] = None
        return out
    lat = lambda key, field: each(lambda r: r["latency"][key][field])
    rows = [
        ("build wall s", each(lambda r: r["build"]["build_s"]), "build_s",
         f"≤ {GOALS['build_s'][kind]:g} s", lambda v: v <= GOALS["build_s"][kind]),
        ("build CPU s", each(lambda r: r["build"]["cpu_s"]), "cpu_s", "", None),
        ("peak RSS MiB", each(lambda r: r["build"]["peak_rss_kib"] / 1024), "rss", "", None),
        ("index ÷ text (compacted)", each(lambda r: r["build"]["compacted_bytes"] / text), "size",
         f"≤ {GOALS['size_ratio'][kind]:g}×", lambda v: v <= GOALS["size_ratio"][kind]),
        ("compaction s", each(lambda r: r["build"]["compact_s"]), "compact", "", None),
        ("AND p50 ms", lat("and", "p50_ms"), "and_p50", f"≤ {GOALS['and_p50_ms']:g} ms",
         lambda v: v <= GOALS["and_p50_ms"]),
        ("AND p95 ms", lat("and", "p95_ms"), "and_p95", f"≤ {GOALS['and_p95_ms']:g} ms",
         lambda v: v <= GOALS["and_p95_ms"]),
        ("default p50 ms (peers: AND)", lat("default", "p50_ms"), "and_p50", f"≤ {GOALS['default_p50_ms']:g} ms",
         lambda v: v <= GOALS["default_p50_ms"]),
        ("default p95 ms (peers: AND)", lat("default", "p95_ms"), "and_p95", f"≤ {GOALS['default_p95_ms']:g} ms",
         lambda v: v <= GOALS["default_p95_ms"]),
        ("AND p95 ms, thread CPU", lat("and", "cpu_p95_ms"), "and_cpu_p95", "", None),
        ("default p95 ms, thread CPU (peers: AND)", lat("default", "cpu_p95_ms"), "and_cpu_p95", "", None),
        ("AND queries without result", lat("and", "no_result"), None, "", None),
        ("default queries without result", lat("default", "no_result"), None,
         f"{GOALS['no_result_default']}", lambda v: v <= GOALS["no_result_default"]),
        ("whole-process p50 ms", each(lambda r: r["process"]["p50_ms"]), None,
         f"≤ {GOALS['process_p50_ms']:g} ms", lambda v: v <= GOALS["process_p50_ms"]),
    ]
    if kind == "reviews":
        rows.append(("add 10 articles to the built index, s", each(lambda r: r["incremental"]["wall_s"]), "add",
                     f"≤ {GOALS['incremental_s']:g} s", lambda v: v <= GOALS["incremental_s"]))
    return rows


def peer_value(run, engine, compare):
    """The peer figure a kosearch row is divided by (AND latency for the
    default-mode rows: AND is the only mode the peers have)."""
    r = run["engines"].get(engine)
    if not r:
        return None
    b, a = r["build"], r["latency"]["and"]
    return {"build_s": b["build_s"], "cpu_s": b["cpu_s"], "rss": b["peak_rss_kib"] / 1024,
            "size": b["compacted_bytes"], "compact": b["compact_s"],
            "and_p50": a["p50_ms"], "and_p95": a["p95_ms"], "and_cpu_p95": a["cpu_p95_ms"],
            "add": r.get("incremental", {}).get("wall_s")}[compare]


def kosearch_raw(run, compare, value):
    """kosearch's figure in the unit peer_value uses (size: bytes)."""
    return run["engines"]["kosearch"]["build"]["compacted_bytes"] if compare == "size" else value


def summary_table(run, engines):
    kind = run["collection"]
    title = (f"{'all' if run['docs'] == TOTAL_REVIEWS else 'the first'} {run['docs']:,} reviews" if kind == "reviews" else
             f"per-movie collection ({run['docs']:,} documents)")
    head = "| figure | " + " | ".join(ENGINES[n] for n in engines)
    sep = "|---|" + "---:|" * len(engines)
    ratio_peers = [p for p in ("lucene-cjk", "lucene-nori") if p in engines and "kosearch" in engines]
    head += "".join(f" | kosearch ÷ {ENGINES[p]}" for p in ratio_peers)
    sep += "---:|" * len(ratio_peers)
    if "kosearch" in engines:
        head += " | goal (kosearch) | met"
        sep += "---|---|"
    lines = [f"### {title}, {run['text_bytes'] / 1e6:.1f} MB of text", "", head + " |", sep]
    for figure, values, compare, goal, check in summary_rows(run):
        cells = []
        for n in engines:
            v = values.get(n)
            cells.append("–" if v is None else fmt_figure(figure, v))
        k = values.get("kosearch")
        for p in ratio_peers:
            pv = peer_value(run, p, compare) if compare and k is not None else None
            cells.append(f"{kosearch_raw(run, compare, k) / pv:.2f}" if pv else "–")
        if "kosearch" in engines:
            cells += [goal or "", ("yes" if check(k) else "**no**") if check and k is not None else ""]
        lines.append(f"| {figure} | " + " | ".join(cells) + " |")
    return lines


def markdown(res):
    m = res["machine"]
    engines = res["engines"]
    lines = [
        "# NSMC speed benchmark: kosearch beside Lucene and SQLite FTS5",
        "",
        f"Generated by `/usr/bin/python3 bench/run_nsmc.py` on {m['date']} (commit {m['commit']}).",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gib']} GiB RAM, {m['os']}, Linux {m['kernel']}; "
        f"Xapian {m['xapian']}; Lucene {m['lucene'] or '–'} (Debian `liblucene8-java`), {m['java'] or 'no Java'}; "
        f"SQLite {m['sqlite']} (Python {m['python']} `sqlite3` module). "
        f"Load average at start: {' '.join(m['loadavg_at_start'])}, at the end: {' '.join(res['loadavg_at_end'])}. "
        + (f"{res['note']} " if res.get("note") else "") +
        "CPU-time columns show what the work itself costs when the machine is shared.",
        "",
        "How each engine runs (all single-threaded for queries; 2,000 queries of `nsmc/queries.tsv`, "
        "top 10, each run once untimed, then timed once; text size = UTF-8 bytes of the texts):",
        "",
        "- **kosearch**: `indexer --jsonl - --index DIR` (reviews through `nsmc_dates`), then `xapian-compact`; "
        "queries through `kosearch::Searcher` (`bench/query_latency`, snippets off unless said): AND = `--mode all`, "
        "default = `prefer-all`. Whole process: `search --index DIR -n 10 QUERY`, one process per query.",
        "- **Lucene 8.7** (`bench/lucene/LuceneBench.java`, OpenJDK, `-Xmx1g`, 256 MB RAM buffer, id and text "
        "stored, text with positions): **CJK** = `CJKAnalyzer` (overlapping Hangul bigrams), **Nori** = "
        "`KoreanAnalyzer` (Elasticsearch's `nori` analyzer, default settings: compounds decomposed, particles and "
        "endings dropped). Build time includes JVM start; compaction = `forceMerge(1)`. Queries: BM25, every distinct "
        "analyzed term required (BooleanQuery of MUST clauses), ids of the top 10 loaded.",
        "- **SQLite FTS5** `unicode61`: one `INSERT` per document in one transaction, then `optimize` + `VACUUM`; "
        "queries: the quoted words (AND), `ORDER BY rank`. Whole process: the `sqlite3` CLI.",
        "",
        "## Summary",
        "",
        "Ratios are kosearch's figure divided by the peer's (below 1 = kosearch smaller/faster); kosearch's default "
        "mode is divided by the peer's AND figure, the only mode the peers have. The goal column is issue 10's.",
        "",
    ]
    biggest = {}
    for run in res["runs"]:
        if run["collection"] == "movies" or run["docs"] == max(
                r["docs"] for r in res["runs"] if r["collection"] == "reviews"):
            biggest[run["collection"]] = run
    for kind in ("reviews", "movies"):
        if kind in biggest:
            lines += summary_table(biggest[kind], engines) + [""]
    lines += ["## Build", "",
              "| collection | engine | build s | CPU s | docs/s | text MB/s | peak RSS MiB | index MiB (÷ text) | "
              "compacted MiB (÷ text) | compaction s |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for run in res["runs"]:
        text = run["text_bytes"]
        for name, r in run["engines"].items():
            b = r["build"]
            lines.append(
                f"| {run['label']} | {ENGINES[name]} | {b['build_s']:.2f} | {b['cpu_s']:.2f} | "
                f"{run['docs'] / b['build_s']:,.0f} | {text / 1e6 / b['build_s']:.2f} | {b['peak_rss_kib'] / 1024:.0f} | "
                f"{mib(b['index_bytes']):.1f} ({b['index_bytes'] / text:.2f}×) | "
                f"{mib(b['compacted_bytes']):.1f} ({b['compacted_bytes'] / text:.2f}×) | {b['compact_s']:.2f} |")
    streams = [f"{run['label']}: {run['engines']['kosearch']['stream_s']:.2f} s" for run in res["runs"]
               if "kosearch" in run["engines"]]
    if streams:
        lines += ["", "The input stream alone (`zcat | head | nsmc_dates` for the reviews, `cat` for the movies; "
                  "included in kosearch's build time): " + ", ".join(streams) + "."]
    lines += ["", "## Queries, in process", "",
              "| collection | engine | semantics | p50 ms | p95 ms | p99 ms | CPU p50 / p95 ms | queries with no result |",
              "|---|---|---|---:|---:|---:|---:|---:|"]
    names = {"and": "AND", "default": "default (prefer all)", "default+snippets": "default, snippets on",
             "batch_default": "`search --batch --json`, default, snippets", "batch_all": "`search --batch --json --mode all`, snippets"}
    for run in res["runs"]:
        for name, r in run["engines"].items():
            for key, lat in r["latency"].items():
                cpu = (f"{fmt_ms(lat['cpu_p50_ms'])} / {fmt_ms(lat['cpu_p95_ms'])}" if "cpu_p50_ms" in lat
                       else f"{fmt_ms(lat['cpu_per_query_ms'])} mean, whole process" if "cpu_per_query_ms" in lat
                       else "–")  # the batch's figures are its summaries' elapsed_ms
                lines.append(f"| {run['label']} | {ENGINES[name]} | {names[key]} | {fmt_ms(lat['p50_ms'])} | "
                             f"{fmt_ms(lat['p95_ms'])} | {fmt_ms(lat['p99_ms'])} | {cpu} | {lat['no_result']} |")
    lines += ["", "In process (`bench/query_latency`), a query that finds nothing of what was typed is searched again as "
              "its spelling suggestion, as `search` does on a terminal; `search --batch --json` answers a script "
              "with what was typed and the suggestion in its summary, so its count of queries with no result is "
              "higher."]
    lines += ["", "## Whole process, one per query", "",
              f"First {res['process_runs']} queries, one process each, output to a pipe. Process start baseline "
              f"(`/bin/true`): p50 {res['process_baseline']['p50_ms']:.2f} ms. Lucene has no command-line searcher "
              "(a JVM start alone costs more than the goal).", "",
              "| collection | engine | p50 ms | p95 ms | CPU p50 / p95 ms |", "|---|---|---:|---:|---:|"]
    for run in res["runs"]:
        for name, r in run["engines"].items():
            p = r.get("process")
            if p:
                tool = "`search`" if name == "kosearch" else "`sqlite3` CLI"
                lines.append(f"| {run['label']} | {tool} | {p['p50_ms']:.2f} | {p['p95_ms']:.2f} | "
                             f"{p['cpu_p50_ms']:.2f} / {p['cpu_p95_ms']:.2f} |")
    adds = [(run, name, r["incremental"]) for run in res["runs"] for name, r in run["engines"].items()
            if "incremental" in r]
    if adds:
        lines += ["", "## Incremental add", "",
                  "10 new short articles in a JSONL file of their own, added to the built review index by one "
                  "whole process: kosearch `indexer --jsonl add10.jsonl --index DIR` (uncompacted index), Lucene "
                  "`LuceneBench build --input add10.jsonl` (JVM start, open the writer, add, commit; after "
                  "`forceMerge(1)`).", "",
                  "| index | engine | s | summary |", "|---|---|---:|---|"]
        lines += [f"| {run['label']} | {ENGINES[name]} | {a['wall_s']:.2f} | {a['summary']} |" for run, name, a in adds]
    lines += issue20_section(res)
    lines += ["", "Where the time goes and what to change: `bench/PROFILE.md`."]
    return "\n".join(lines) + "\n"


# Issue 20's goals: (figure, kosearch value, peer name, peer value, goal as a
# ratio or in ms, met?). A missing figure (collection or engine not run) is "–".
ISSUE20 = {"batch_default_p50": 6.0, "batch_default_p95": 8.0, "batch_all_p50": 4.0, "batch_all_p95": 6.0,
           "petitions_p50": 3.0, "petitions_p95": 4.0, "process_p50": 2.0, "big_article_ms": 100.0,
           "build_vs_nori": 1.0, "size_reviews": 6.0, "size_movies": 2.5}


def issue20_rows(res):
    def get(fn):
        try:
            return fn()
        except (KeyError, TypeError, IndexError, StopIteration):
            return None
    runs = res["runs"]
    biggest = get(lambda: max((r for r in runs if r["collection"] == "reviews"), key=lambda r: r["docs"]))
    movies = get(lambda: next(r for r in runs if r["collection"] == "movies"))
    k = lambda run, *path: get(lambda: _dig(run["engines"]["kosearch"], path))
    e = lambda run, engine, *path: get(lambda: _dig(run["engines"][engine], path))
    pet = res.get("petitions")
    big = res.get("big_article")
    label = biggest["label"] if biggest else "reviews"
    rows = [
        (f"{label}: `--batch --json` default p50 ms", k(biggest, "latency", "batch_default", "p50_ms"),
         "Lucene CJK AND", e(biggest, "lucene-cjk", "latency", "and", "p50_ms"), "batch_default_p50"),
        (f"{label}: `--batch --json` default p95 ms", k(biggest, "latency", "batch_default", "p95_ms"),
         "Lucene CJK AND", e(biggest, "lucene-cjk", "latency", "and", "p95_ms"), "batch_default_p95"),
        (f"{label}: `--batch --json --mode all` p50 ms", k(biggest, "latency", "batch_all", "p50_ms"),
         "Lucene CJK AND", e(biggest, "lucene-cjk", "latency", "and", "p50_ms"), "batch_all_p50"),
        (f"{label}: `--batch --json --mode all` p95 ms", k(biggest, "latency", "batch_all", "p95_ms"),
         "Lucene CJK AND", e(biggest, "lucene-cjk", "latency", "and", "p95_ms"), "batch_all_p95"),
        ("petitions: titles with `-F`, p50 ms", k(pet, "latency", "batch_literal", "p50_ms"),
         "Lucene CJK OR", e(pet, "lucene-cjk", "latency", "or", "p50_ms"), "petitions_p50"),
        ("petitions: titles with `-F`, p95 ms", k(pet, "latency", "batch_literal", "p95_ms"),
         "Lucene CJK OR", e(pet, "lucene-cjk", "latency", "or", "p95_ms"), "petitions_p95"),
        (f"{label}: whole `search` process p50 ms", k(biggest, "process", "p50_ms"),
         "`sqlite3` CLI on FTS5", e(biggest, "fts5", "process", "p50_ms"), "process_p50"),
        (f"{label}: whole `search` process CPU p50 ms", k(biggest, "process", "cpu_p50_ms"),
         "`sqlite3` CLI on FTS5", e(biggest, "fts5", "process", "cpu_p50_ms"), "process_p50"),
        (f"{label}: build wall s", k(biggest, "build", "build_s"),
         "Lucene Nori", e(biggest, "lucene-nori", "build", "build_s"), "build_vs_nori"),
    ]
    ratio_rows = [(figure, v, peer, pv, goal, (v / pv if v is not None and pv else None)) for figure, v, peer, pv, goal in rows]
    absolute = [
        ("one 20 MB article: `--batch -F` p50 ms", get(lambda: big["batch"]["p50_ms"]), "big_article_ms", "ms"),
        ("one 20 MB article: `--batch -F` CPU ms per query (whole process ÷ queries run)",
         get(lambda: big["batch"]["cpu_per_query_ms"]), "big_article_ms", "ms"),
        (f"{label}: compacted index ÷ text", get(lambda: biggest["engines"]["kosearch"]["build"]["compacted_bytes"]
                                               / biggest["text_bytes"]), "size_reviews", "×"),
        ("per movie: compacted index ÷ text", get(lambda: movies["engines"]["kosearch"]["build"]["compacted_bytes"]
                                                 / movies["text_bytes"]), "size_movies", "×"),
    ]
    return ratio_rows, absolute


def _dig(value, path):
    for key in path:
        value = value[key]
    return value


def cpu_figure(lat):
    """A query's CPU: the p50 of thread CPU (in-process peers), or the batch
    process's CPU per query run (kosearch's `--batch`: opening included)."""
    if "cpu_p50_ms" in lat:
        return f"{lat['cpu_p50_ms']:.3f} (p50)"
    return f"{lat['cpu_per_query_ms']:.3f} (mean)" if "cpu_per_query_ms" in lat else "–"


def issue20_section(res):
    ratio_rows, absolute = issue20_rows(res)
    f = lambda v, spec: "–" if v is None else format(v, spec)
    lines = ["", "## Issue 20: speed where users search", "",
             "kosearch's `search --batch --json` (one process, every query once untimed then timed; each query's "
             "`elapsed_ms`, snippets included) against the peer's in-process figure of the same run. Wall "
             "times are those of the machine as it was (see the load average above); CPU rows show the work.", "",
             "| figure | kosearch | peer | peer's figure | kosearch ÷ peer | goal | met |",
             "|---|---:|---|---:|---:|---|---|"]
    for figure, v, peer, pv, goal, ratio in ratio_rows:
        met = "" if ratio is None else ("yes" if ratio <= ISSUE20[goal] else "**no**")
        lines.append(f"| {figure} | {f(v, '.3f')} | {peer} | {f(pv, '.3f')} | {f(ratio, '.2f')} | "
                     f"≤ {ISSUE20[goal]:g}× | {met} |")
    for figure, v, goal, unit in absolute:
        met = "" if v is None else ("yes" if v <= ISSUE20[goal] else "**no**")
        lines.append(f"| {figure} | {f(v, '.2f')} | – | – | – | ≤ {ISSUE20[goal]:g}{' ' if unit == 'ms' else ''}{unit} | {met} |")
    pet = res.get("petitions")
    if pet:
        lines += ["", f"Petitions: {pet['docs']:,} documents, {pet['text_bytes'] / 1e6:.1f} MB of text, "
                  "1,784 tune titles as queries.", "",
                  "| engine | build s | compacted ÷ text | p50 ms | p95 ms | p99 ms | CPU ms per query | "
                  "queries without result |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, r in pet["engines"].items():
            lat = next(iter(r["latency"].values()))
            what = "`search --batch --json -F`" if name == "kosearch" else "OR of the bigrams"
            lines.append(f"| {ENGINES[name]} ({what}) | {r['build']['build_s']:.2f} | "
                         f"{r['build']['compacted_bytes'] / pet['text_bytes']:.2f}× | {lat['p50_ms']:.3f} | "
                         f"{lat['p95_ms']:.3f} | {lat['p99_ms']:.3f} | {cpu_figure(lat)} | {lat['no_result']} |")
    big = res.get("big_article")
    if big:
        b, p = big["batch"], big["process"]
        lines += ["", f"One generated article of {big['article_bytes'] / 1e6:.1f} MB (the petitions' texts as its "
                  f"lines, repeated; indexed in {big['build_s']:.1f} s), the first {b['queries']} petition titles "
                  f"with `-F`: `--batch` p50 {b['p50_ms']:.1f} ms, slowest {b['max_ms']:.1f} ms, "
                  f"{b.get('cpu_per_query_ms', 0):.1f} ms CPU per query; one whole `search` "
                  f"process for the first title: p50 {p['p50_ms']:.1f} ms ({p['cpu_p50_ms']:.1f} ms CPU) of {p['runs']} runs."]
    return lines


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with reviews.jsonl.gz and queries.tsv")
    ap.add_argument("--sizes", default="10000,100000,all",
                    help="comma-separated review counts for the reviews collection ('all' = every review)")
    ap.add_argument("--collections", default="reviews,movies,petitions,big-article",
                    help="comma-separated, of: reviews, movies, petitions, big-article")
    ap.add_argument("--petitions", default=DEFAULT_PETITIONS, help="folder with the petitions' docs.jsonl and queries")
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated, of: " + ", ".join(ENGINES))
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--no-build", action="store_true", help="use the binaries already in --build-dir")
    ap.add_argument("--work", help="folder for the indexes (default: a temporary folder, removed afterwards)")
    ap.add_argument("--out", default=HERE, help="where RESULTS.md and RESULTS.json go")
    ap.add_argument("--process-runs", type=int, default=200)
    ap.add_argument("--label", help="what was measured, when not a git checkout (e.g. the exported commit)")
    ap.add_argument("--note", help="a sentence for RESULTS.md about the run (e.g. other work on the machine)")
    ap.add_argument("--render", help="write RESULTS.md to --out again from this RESULTS.json, running nothing")
    ap.add_argument("--sqlite-build", help=argparse.SUPPRESS)
    ap.add_argument("--sqlite-input", help=argparse.SUPPRESS)
    ap.add_argument("--sqlite-kind", help=argparse.SUPPRESS)
    ap.add_argument("--sqlite-docs", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.render:
        with open(args.render, encoding="utf-8") as f:
            report = markdown(json.load(f))
        with open(os.path.join(args.out, "RESULTS.md"), "w", encoding="utf-8") as f:
            f.write(report)
        print(report)
        return
    if args.sqlite_build:
        is_gz = args.sqlite_kind == "reviews"
        coll = Collection(args.sqlite_kind, args.sqlite_docs, 0, gz=args.sqlite_input if is_gz else None,
                          path=None if is_gz else args.sqlite_input)
        sqlite_build(coll, args.sqlite_build)
        return
    engines = [e for e in args.engines.split(",") if e]
    collections = [c for c in args.collections.split(",") if c]
    for e in engines:
        if e not in ENGINES:
            ap.error(f"unknown engine '{e}' (known: {', '.join(ENGINES)})")
    for c in collections:
        if c not in ("reviews", "movies", "petitions", "big-article"):
            ap.error(f"unknown collection '{c}' (known: reviews, movies, petitions, big-article)")
    engines = [e for e in ENGINES if e in engines]  # fixed order in the tables
    gz = os.path.join(args.data, "reviews.jsonl.gz")
    queries_path = os.path.join(args.data, "queries.tsv")
    queries = read_queries(queries_path)
    sizes = [TOTAL_REVIEWS if s == "all" else int(s) for s in args.sizes.split(",")] if "reviews" in collections else []
    if not args.no_build:
        build(args.build_dir)
    tools = {t: os.path.join(args.build_dir, t) for t in ("indexer", "search")}
    tools.update({t: os.path.join(args.build_dir, "bench", t) for t in ("nsmc_dates", "query_latency")})
    lucene_cp = ensure_lucene(args.build_dir) if any(e in LUCENE_ANALYZER for e in engines) else None
    article_engines = [e for e in engines if e in ("kosearch", "lucene-cjk")]
    work = args.work or tempfile.mkdtemp(prefix="kosearch-bench-")
    os.makedirs(work, exist_ok=True)
    res = {"machine": machine(), "engines": engines, "process_runs": args.process_runs, "goals": GOALS,
           "note": args.note, "runs": []}
    if args.label:
        res["machine"]["commit"] = args.label
    res["process_baseline"] = process_latency(lambda q: ["/bin/true"], queries, args.process_runs)
    try:
        if "petitions" in collections:
            res["petitions"] = petitions_run(tools, article_engines, lucene_cp, work, args.petitions)
        if "big-article" in collections and "kosearch" in engines:
            log("one 20 MB article: kosearch")
            res["big_article"] = article_cases.big_article_case(tools, args.petitions, work)
        log("reading the reviews" + (" and writing the per-movie collection" if "movies" in collections else ""))
        for coll in prepare_collections(gz, sizes, "movies" in collections, work):
            run = {"collection": coll.kind, "docs": coll.docs, "label": coll.label, "text_bytes": coll.text_bytes,
                   "engines": {}}
            for engine in engines:
                log(f"{coll.label}: {ENGINES[engine]}")
                if engine == "kosearch":
                    run["engines"][engine] = kosearch_peer(tools, coll, work, queries, queries_path, args.process_runs)
                elif engine == "fts5":
                    run["engines"][engine] = sqlite_peer(coll, work, queries, args.process_runs)
                else:
                    run["engines"][engine] = lucene_peer(lucene_cp, LUCENE_ANALYZER[engine], coll, work, queries,
                                                          queries_path)
            res["runs"].append(run)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    res["loadavg_at_end"] = open("/proc/loadavg").read().split()[:3]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "RESULTS.json"), "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False, indent=1)
    report = markdown(res)
    with open(os.path.join(args.out, "RESULTS.md"), "w", encoding="utf-8") as f:
        f.write(report)
    print(report)


if __name__ == "__main__":
    main()
