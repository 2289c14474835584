#!/usr/bin/python3
"""Speed benchmark on NSMC: kosearch beside SQLite FTS5, built and timed in the
same run, so the figures are ratios as well as absolute times.

For the first 10k, 100k and all 712,383 reviews (streamed from the gzip JSONL,
never unpacked to disk) it measures, for each engine:
  build: wall time, docs/s, MB/s of review text, peak RSS (/usr/bin/time -v),
         index size before and after compaction (xapian-compact / FTS5 optimize);
  queries (nsmc/queries.tsv, 2,000 queries, top 10, warm, one thread):
         in-process p50/p95/p99 for AND and default semantics, snippets off/on,
         and result counts, queries with no result included;
  whole process: `search` p50/p95 over the first N queries (one process each).
Writes RESULTS.md (tables + machine description) and RESULTS.json to --out.

One command from a clean checkout (builds into build-bench/ first):
  /usr/bin/python3 bench/run_nsmc.py            # all three sizes, ~5 min
  /usr/bin/python3 bench/run_nsmc.py --sizes 10000 --out /tmp/b   # quick look
"""
import argparse
import datetime
import gzip
import json
import os
import platform
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DEFAULT_DATA = os.path.join(SHARED, "data", "nsmc")
TOTAL_REVIEWS = 712383
MIB = 1024 * 1024

# The goals for the full corpus.
GOALS = {"build_s": 10.0, "peak_rss_mib": 1024.0, "size_ratio": 1.5, "p50_ms": 0.1, "p95_ms": 1.0,
         "process_p50_ms": 5.0, "no_result_default": 0}


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


def percentile(values, p):
    """Nearest-rank percentile (same definition as query_latency.cc)."""
    s = sorted(values)
    if not s:
        return 0.0
    rank = max(1, min(len(s), -(-len(s) * p // 100)))
    return s[int(rank) - 1]


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


def text_bytes_by_size(gz, sizes):
    """UTF-8 bytes of review text in the first n lines, for each n."""
    wanted = sorted(set(sizes))
    out, total, n = {}, 0, 0
    with gzip.open(gz, "rt", encoding="utf-8") as f:
        for line in f:
            total += len(json.loads(line)["text"].encode("utf-8"))
            n += 1
            if n in wanted:
                out[n] = total
            if n >= wanted[-1]:
                break
    for size in wanted:
        out.setdefault(size, total)
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
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
        except OSError:
            return ""
    commit = out(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    dirty = out(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"])
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "os": out(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "xapian": (out(["xapian-config", "--version"]) or "?").split()[-1],
        "sqlite": sqlite3.sqlite_version,
        "python": platform.python_version(),
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
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:  # compiler output only when the build fails
            sys.stderr.write(r.stdout)
            raise SystemExit(f"bench: {' '.join(cmd)} failed")


# ---------------------------------------------------------------- kosearch

def stream(gz, n):
    """zcat | head -n n: the first n reviews as a pipe (caller closes)."""
    zcat = subprocess.Popen(["zcat", gz], stdout=subprocess.PIPE)
    head = subprocess.Popen(["head", "-n", str(n)], stdin=zcat.stdout, stdout=subprocess.PIPE)
    zcat.stdout.close()  # head owns it now; zcat gets SIGPIPE when head stops
    return [zcat, head], head.stdout


def kosearch_build(tools, gz, n, index, work, shards=None):
    shutil.rmtree(index, ignore_errors=True)
    time_report = os.path.join(work, "time-indexer.txt")
    stderr_path = os.path.join(work, "indexer-stderr.txt")
    cmd = ["/usr/bin/time", "-v", "-o", time_report, tools["indexer"], "--jsonl", "-", "--index", index]
    if shards:
        cmd += ["--shards", str(shards)]
    start = time.perf_counter()
    feeders, out = stream(gz, n)
    dates = subprocess.Popen([tools["nsmc_dates"]], stdin=out, stdout=subprocess.PIPE)
    out.close()
    with open(stderr_path, "wb") as err:
        indexer = subprocess.Popen(cmd, stdin=dates.stdout, stderr=err, stdout=subprocess.DEVNULL)
        dates.stdout.close()
        indexer.wait()
    wall = time.perf_counter() - start
    for p in feeders + [dates]:
        p.wait()
    rss_kib, cpu_s, status = parse_time_v(time_report)
    with open(stderr_path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    summary = lines[-1] if lines else ""
    warnings = sum(1 for l in lines if l.startswith("warning:"))
    if status not in (0, 1) or not summary.startswith("added"):
        raise SystemExit(f"bench: indexer failed (exit {status}): {summary}")
    added = int(re.match(r"added (\d+)", summary).group(1))
    if added != n:
        raise SystemExit(f"bench: indexer added {added} of {n} reviews: {summary}")
    size = dir_bytes(index)
    compacted = index + ".compact"
    shutil.rmtree(compacted, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(["xapian-compact", index, compacted], check=True, stdout=subprocess.DEVNULL)
    compact_s = time.perf_counter() - start
    return {"build_s": wall, "cpu_s": cpu_s, "peak_rss_kib": rss_kib, "warnings": warnings, "summary": summary,
            "index_bytes": size, "compact_s": compact_s, "compacted_bytes": dir_bytes(compacted),
            "compacted_path": compacted}


def stream_cost(tools, gz, n):
    """Wall time of zcat | head | nsmc_dates alone, to show it does not dominate."""
    start = time.perf_counter()
    feeders, out = stream(gz, n)
    dates = subprocess.Popen([tools["nsmc_dates"]], stdin=out, stdout=subprocess.DEVNULL)
    out.close()
    dates.wait()
    for p in feeders:
        p.wait()
    return time.perf_counter() - start


def kosearch_latency(tools, index, queries_path, mode, snippets):
    r = subprocess.run([tools["query_latency"], "--index", index, "--queries", queries_path,
                        "--mode", mode, "--snippets", snippets], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def process_latency(cmd_for, queries, runs):
    """Wall and CPU (user + sys) time of one whole process per query, for the
    first `runs` queries."""
    times, cpu, no_hit = [], [], 0
    for q in queries[:runs]:
        start = time.perf_counter()
        p = subprocess.Popen(cmd_for(q), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        times.append((time.perf_counter() - start) * 1000)
        p.returncode = os.waitstatus_to_exitcode(status)
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
        no_hit += p.returncode == 1
    return {"runs": len(times), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "mean_ms": statistics.fmean(times) if times else 0, "cpu_p50_ms": percentile(cpu, 50),
            "cpu_p95_ms": percentile(cpu, 95), "no_hit": no_hit}


# ---------------------------------------------------------------- SQLite FTS5 peer

def fts5_query(query):
    """AND of the query's words, each quoted (unicode61 splits them further itself)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in query.split())


def sqlite_build(gz, n, db_path):
    """Runs in its own process (under /usr/bin/time -v): builds the FTS5 table."""
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE reviews USING fts5(id UNINDEXED, text, tokenize='unicode61')")
    def rows():
        with gzip.open(gz, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= n:
                    break
                r = json.loads(line)
                yield r["id"], r["text"]
    with db:
        db.executemany("INSERT INTO reviews(id, text) VALUES (?, ?)", rows())
    db.close()


def sqlite_optimize(db_path):
    db = sqlite3.connect(db_path)
    db.execute("INSERT INTO reviews(reviews) VALUES('optimize')")
    db.commit()
    db.execute("VACUUM")
    db.close()


def sqlite_latency(db_path, queries):
    db = sqlite3.connect(db_path)
    sql = "SELECT id FROM reviews WHERE reviews MATCH ? ORDER BY rank LIMIT 10"
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


def sqlite_peer(gz, n, work, queries, queries_path, process_runs):
    db_path = os.path.join(work, f"fts5-{n}.db")
    time_report = os.path.join(work, "time-sqlite.txt")
    start = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-v", "-o", time_report, sys.executable, os.path.abspath(__file__),
                    "--sqlite-build", db_path, "--n", str(n), "--data", os.path.dirname(gz)], check=True)
    wall = time.perf_counter() - start
    rss_kib, cpu_s, _ = parse_time_v(time_report)
    size = dir_bytes(db_path)
    start = time.perf_counter()
    sqlite_optimize(db_path)
    optimize_s = time.perf_counter() - start
    result = {"build_s": wall, "cpu_s": cpu_s, "peak_rss_kib": rss_kib, "index_bytes": size, "compact_s": optimize_s,
              "compacted_bytes": dir_bytes(db_path), "latency_and": sqlite_latency(db_path, queries)}
    sql = "SELECT id FROM reviews WHERE reviews MATCH '{}' ORDER BY rank LIMIT 10;"
    result["process"] = process_latency(
        lambda q: ["sqlite3", db_path, sql.format(fts5_query(q).replace("'", "''"))], queries, process_runs)
    os.remove(db_path)
    return result


# ---------------------------------------------------------------- report

def mib(b):
    return b / MIB


def markdown(res):
    m = res["machine"]
    lines = [
        "# NSMC speed benchmark",
        "",
        f"Generated by `/usr/bin/python3 bench/run_nsmc.py` on {m['date']} (commit {m['commit']}).",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gib']} GiB RAM, {m['os']}, Linux {m['kernel']}; "
        f"Xapian {m['xapian']}, SQLite {m['sqlite']} (Python {m['python']} `sqlite3` module). "
        f"Load average at start: {' '.join(m['loadavg_at_start'])} (the machine may be shared: CPU-time "
        "columns show what the work itself costs).",
        "",
        "Data: `nsmc/reviews.jsonl.gz`, the first N reviews streamed through `zcat | head -n N | nsmc_dates`; "
        "2,000 queries of `nsmc/queries.tsv`, top 10, warm, one thread. Text size = UTF-8 bytes of the review "
        "texts. kosearch is queried on the compacted index; SQLite on the optimized one.",
        "",
        "## Build",
        "",
        "| engine | reviews | build s | CPU s | reviews/s | text MB/s | peak RSS MiB | index MiB (÷ text) | compacted MiB (÷ text) | compaction s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in res["runs"]:
        n, text = run["reviews"], run["text_bytes"]
        for name, b in (("kosearch", run["kosearch"]), ("SQLite FTS5 unicode61", run["fts5"])):
            if not b:
                continue
            lines.append(
                f"| {name} | {n:,} | {b['build_s']:.2f} | {b['cpu_s']:.2f} | {n / b['build_s']:,.0f} | {text / 1e6 / b['build_s']:.2f} | "
                f"{b['peak_rss_kib'] / 1024:.0f} | {mib(b['index_bytes']):.1f} ({b['index_bytes'] / text:.1f}×) | "
                f"{mib(b['compacted_bytes']):.1f} ({b['compacted_bytes'] / text:.1f}×) | {b['compact_s']:.2f} |")
    lines += ["", "`zcat | head | nsmc_dates` alone (the input stream, included in kosearch's build time): " +
              ", ".join(f"{r['reviews']:,}: {r['stream_s']:.2f} s" for r in res["runs"]) + ".", "",
              "## Queries, in process",
              "",
              "kosearch through `kosearch::Searcher` (bench/query_latency); SQLite through Python's `sqlite3` "
              "(`MATCH` of the quoted words = AND, `ORDER BY rank`).",
              "",
              "| engine | reviews | semantics | snippets | p50 ms | p95 ms | p99 ms | CPU p50 / p95 ms | queries with no result | mean matches (estimated) |",
              "|---|---:|---|---|---:|---:|---:|---:|---:|---:|"]
    for run in res["runs"]:
        n = run["reviews"]
        for key, lat in sorted(run["kosearch_latency"].items()):
            mode, snippets = key.split("/")
            lines.append(f"| kosearch | {n:,} | {'AND' if mode == 'all' else 'default (prefer all)'} | {snippets} | "
                         f"{lat['p50_ms']:.3f} | {lat['p95_ms']:.3f} | {lat['p99_ms']:.3f} | "
                         f"{lat['cpu_p50_ms']:.3f} / {lat['cpu_p95_ms']:.3f} | {lat['no_result']} | "
                         f"{lat['mean_estimated_matches']:,.0f} |")
        if run["fts5"]:
            lat = run["fts5"]["latency_and"]
            lines.append(f"| SQLite FTS5 | {n:,} | AND | – | {lat['p50_ms']:.3f} | {lat['p95_ms']:.3f} | "
                         f"{lat['p99_ms']:.3f} | {lat['cpu_p50_ms']:.3f} / {lat['cpu_p95_ms']:.3f} | {lat['no_result']} | – |")
    lines += ["", "## Whole process, one per query", "",
              f"First {res['process_runs']} queries, one process each, default output to a pipe. "
              f"Process start baseline (`/bin/true`): p50 {res['process_baseline']['p50_ms']:.2f} ms.", "",
              "| engine | reviews | p50 ms | p95 ms | CPU p50 / p95 ms |", "|---|---:|---:|---:|---:|"]
    for run in res["runs"]:
        p = run["process"]
        lines.append(f"| `search` | {run['reviews']:,} | {p['p50_ms']:.2f} | {p['p95_ms']:.2f} | "
                     f"{p['cpu_p50_ms']:.2f} / {p['cpu_p95_ms']:.2f} |")
        if run["fts5"]:
            p = run["fts5"]["process"]
            lines.append(f"| `sqlite3` CLI | {run['reviews']:,} | {p['p50_ms']:.2f} | {p['p95_ms']:.2f} | "
                         f"{p['cpu_p50_ms']:.2f} / {p['cpu_p95_ms']:.2f} |")
    full = next((r for r in res["runs"] if r["reviews"] == TOTAL_REVIEWS), None)
    if full:
        k = full["kosearch"]
        d = full["kosearch_latency"].get("prefer-all/off", {})
        a = full["kosearch_latency"].get("all/off", {})
        checks = [
            ("build all ≤ 10 s", f"{k['build_s']:.1f} s (+{k['compact_s']:.1f} s compaction)", k["build_s"] <= GOALS["build_s"]),
            ("peak RSS ≤ 1 GiB", f"{k['peak_rss_kib'] / 1024:.0f} MiB", k["peak_rss_kib"] / 1024 <= GOALS["peak_rss_mib"]),
            ("index ≤ 1.5× text (compacted)", f"{k['compacted_bytes'] / full['text_bytes']:.2f}×",
             k["compacted_bytes"] / full["text_bytes"] <= GOALS["size_ratio"]),
            ("p50 ≤ 0.1 ms (AND / default, no snippets)", f"{a.get('p50_ms', 0):.3f} / {d.get('p50_ms', 0):.3f} ms",
             max(a.get("p50_ms", 9), d.get("p50_ms", 9)) <= GOALS["p50_ms"]),
            ("p95 ≤ 1 ms (AND / default, no snippets)", f"{a.get('p95_ms', 0):.3f} / {d.get('p95_ms', 0):.3f} ms",
             max(a.get("p95_ms", 9), d.get("p95_ms", 9)) <= GOALS["p95_ms"]),
            ("whole `search` p50 ≤ 5 ms", f"{full['process']['p50_ms']:.2f} ms", full["process"]["p50_ms"] <= GOALS["process_p50_ms"]),
            ("0 queries without result (default)", str(d.get("no_result", "?")), d.get("no_result", 1) == 0),
        ]
        lines += ["", "## Against the goals (all 712,383 reviews)", "", "| goal | kosearch | met |", "|---|---|---|"]
        lines += [f"| {g} | {v} | {'yes' if ok else 'no'} |" for g, v, ok in checks]
        if full["fts5"]:
            f = full["fts5"]
            lines += ["", "Ratios kosearch ÷ SQLite FTS5 (all reviews): "
                      f"build {k['build_s'] / f['build_s']:.2f}×, compacted size "
                      f"{k['compacted_bytes'] / f['compacted_bytes']:.2f}×, p50 AND "
                      f"{a.get('p50_ms', 0) / f['latency_and']['p50_ms']:.2f}×, p95 AND "
                      f"{a.get('p95_ms', 0) / f['latency_and']['p95_ms']:.2f}×."]
    lines += ["", "Where the time goes and what to change: `bench/PROFILE.md`."]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with reviews.jsonl.gz and queries.tsv")
    ap.add_argument("--sizes", default=f"10000,100000,all", help="comma-separated review counts ('all' = every review)")
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--no-build", action="store_true", help="use the binaries already in --build-dir")
    ap.add_argument("--work", help="folder for the indexes (default: a temporary folder, removed afterwards)")
    ap.add_argument("--out", default=HERE, help="where RESULTS.md and RESULTS.json go")
    ap.add_argument("--process-runs", type=int, default=200)
    ap.add_argument("--no-peer", action="store_true", help="skip SQLite FTS5")
    ap.add_argument("--label", help="what was measured, when not a git checkout (e.g. the exported commit)")
    ap.add_argument("--sqlite-build", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    gz = os.path.join(args.data, "reviews.jsonl.gz")
    if args.sqlite_build:
        sqlite_build(gz, args.n, args.sqlite_build)
        return
    queries_path = os.path.join(args.data, "queries.tsv")
    queries = read_queries(queries_path)
    sizes = [TOTAL_REVIEWS if s == "all" else int(s) for s in args.sizes.split(",")]
    if not args.no_build:
        build(args.build_dir)
    tools = {t: os.path.join(args.build_dir, t) for t in ("indexer", "search")}
    tools.update({t: os.path.join(args.build_dir, "bench", t) for t in ("nsmc_dates", "query_latency")})
    work = args.work or tempfile.mkdtemp(prefix="kosearch-bench-")
    os.makedirs(work, exist_ok=True)
    log("counting review text bytes")
    text = text_bytes_by_size(gz, sizes)
    res = {"machine": machine(), "process_runs": args.process_runs, "goals": GOALS, "runs": []}
    if args.label:
        res["machine"]["commit"] = args.label
    res["process_baseline"] = process_latency(lambda q: ["/bin/true"], queries, args.process_runs)
    try:
        for n in sizes:
            run = {"reviews": n, "text_bytes": text[n]}
            run["stream_s"] = stream_cost(tools, gz, n)
            index = os.path.join(work, f"kosearch-{n}")
            log(f"{n}: kosearch build")
            run["kosearch"] = kosearch_build(tools, gz, n, index, work)
            compacted = run["kosearch"].pop("compacted_path")
            shutil.rmtree(index, ignore_errors=True)
            run["kosearch_latency"] = {}
            for mode in ("all", "prefer-all"):
                for snippets in ("off", "on"):
                    log(f"{n}: kosearch queries, {mode}, snippets {snippets}")
                    run["kosearch_latency"][f"{mode}/{snippets}"] = kosearch_latency(tools, compacted, queries_path, mode, snippets)
            log(f"{n}: whole-process search")
            run["process"] = process_latency(lambda q: [tools["search"], "--index", compacted, "-n", "10", "--", q],
                                             queries, args.process_runs)
            shutil.rmtree(compacted, ignore_errors=True)
            run["fts5"] = None
            if not args.no_peer:
                log(f"{n}: SQLite FTS5 build and queries")
                run["fts5"] = sqlite_peer(gz, n, work, queries, queries_path, args.process_runs)
            res["runs"].append(run)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "RESULTS.json"), "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False, indent=1)
    report = markdown(res)
    with open(os.path.join(args.out, "RESULTS.md"), "w", encoding="utf-8") as f:
        f.write(report)
    print(report)


if __name__ == "__main__":
    main()
