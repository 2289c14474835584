#!/usr/bin/python3
"""search --serve under load: requests/s and p50/p99 latency at 1, 8 and 32 clients,
beside the same queries run in-process by one `search --batch` (no process start, no
HTTP; each query timed from one summary line to the next as the batch writes them) and
by one `search --json` process per query (the first 200 queries). Index: the first --reviews NSMC reviews (`indexer --jsonl -`); queries:
nsmc/queries.tsv (2,000), each as GET /api/search?q=…&n=10 (the same as
`search --json -n 10`), every client on its own keep-alive connection, after one
untimed pass. The clients are Python threads on the same machine: at 32 clients they
share its cores with the server.

  nice /usr/bin/python3 bench/serve_load.py --build build --reviews 100000
"""
import argparse
import gzip
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from serve_client import Server  # noqa: E402
from bench_stats import percentile  # noqa: E402

DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "nsmc")


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in f if "\t" in line]


def build_index(indexer, data, count, index):
    cmd = [indexer, "--jsonl", "-", "--index", index]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    with gzip.open(os.path.join(data, "reviews.jsonl.gz"), "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n == count:
                break
            record = json.loads(line)
            proc.stdin.write((json.dumps({"id": record["id"], "text": record["text"]}, ensure_ascii=False)
                              + "\n").encode())
    proc.stdin.close()
    err = proc.stderr.read().decode()
    if proc.wait() not in (0, 1):
        raise SystemExit("bench: indexer failed: " + err[-500:])
    return err.strip().splitlines()[-1]


def batch_figures(search, index, queries_path, cwd):
    """One `search --json -n 10 --batch` over the queries, its output read as it is
    written (a line is flushed as soon as it is made): each query's wall time from the
    previous query's summary line to its own (the first query, which also opens the
    index, left out), and the p50/p99 of the summaries' elapsed_ms (the time inside
    Searcher::search)."""
    start = time.perf_counter()
    proc = subprocess.Popen([search, "--index", index, "--json", "-n", "10", "--batch", queries_path], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    ends, elapsed = [], []
    for line in proc.stdout:
        if line.startswith(b'{"type":"summary"'):
            ends.append(time.perf_counter())
            elapsed.append(json.loads(line)["elapsed_ms"])
    proc.wait()
    wall = time.perf_counter() - start
    per_query = [1000 * (b - a) for a, b in zip(ends, ends[1:])]
    return {"queries": len(elapsed), "wall_s": round(wall, 2), "mean_ms": round(1000 * wall / len(elapsed), 3),
            "p50_ms": round(percentile(per_query, 50), 3), "p99_ms": round(percentile(per_query, 99), 3),
            "inside_p50_ms": round(percentile(elapsed, 50), 3)}


def process_figures(search, index, queries, cwd, count=200):
    """One `search --json -n 10 QUERY` process per query (the first `count` queries, after
    one untimed pass): what a script that spawns the CLI per query pays, start and index
    open included."""
    def once():
        times = []
        for _, query in queries[:count]:
            t = time.perf_counter()
            subprocess.run([search, "--index", index, "--json", "-n", "10", "--", query], cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(1000 * (time.perf_counter() - t))
        return times
    once()
    times = once()
    return {"queries": len(times), "p50_ms": round(percentile(times, 50), 3),
            "p99_ms": round(percentile(times, 99), 3)}


def static_round_trip(server, count=2000):
    """p50 of GET /app.css on one keep-alive connection: what HTTP and the two processes'
    wake-ups cost on this machine without any search."""
    conn = server.connection(timeout=120)
    times = []
    for _ in range(count):
        t = time.perf_counter()
        conn.request("GET", "/app.css")
        conn.getresponse().read()
        times.append(1000 * (time.perf_counter() - t))
    conn.close()
    return round(percentile(times, 50), 3)


def load(server, queries, clients):
    """Every query once, spread over `clients` threads; returns the figures."""
    latencies, inside, errors, lock = [], [], [], threading.Lock()

    def client(k):
        conn = server.connection(timeout=120)
        mine, mine_inside = [], []
        for i in range(k, len(queries), clients):
            path = "/api/search?" + urllib.parse.urlencode({"q": queries[i][1], "n": "10"})
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                ok = response.status == 200 and body.startswith(b'{"hits":')
                if ok:
                    mine_inside.append(json.loads(body)["summary"]["elapsed_ms"])
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = server.connection(timeout=120)
                ok = False
            mine.append(1000 * (time.perf_counter() - t))
            if not ok:
                with lock:
                    errors.append(queries[i][0])
        conn.close()
        with lock:
            latencies.extend(mine)
            inside.extend(mine_inside)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {"clients": clients, "requests": len(latencies), "errors": len(errors),
            "requests_per_s": round(len(latencies) / wall, 1), "p50_ms": round(percentile(latencies, 50), 3),
            "p99_ms": round(percentile(latencies, 99), 3), "mean_ms": round(statistics.fmean(latencies), 3),
            "inside_p50_ms": round(percentile(inside, 50), 3)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="folder with indexer and search")
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with reviews.jsonl.gz and queries.tsv")
    ap.add_argument("--reviews", type=int, default=100000, help="reviews indexed (712383: all)")
    ap.add_argument("--clients", default="1,8,32")
    ap.add_argument("--index", help="the index of those reviews: built there unless it exists (default: a temp folder)")
    ap.add_argument("--out", help="write the figures as JSON here too")
    args = ap.parse_args()
    indexer, search = (os.path.abspath(os.path.join(args.build, b)) for b in ("indexer", "search"))
    queries_path = os.path.join(args.data, "queries.tsv")
    queries = read_queries(queries_path)
    with tempfile.TemporaryDirectory(prefix="kosearch-serve-bench-") as work:
        index = os.path.abspath(args.index) if args.index else os.path.join(work, "index")
        if not os.path.exists(index):
            print(f"bench: indexing the first {args.reviews} reviews …", file=sys.stderr)
            print("bench: " + build_index(indexer, args.data, args.reviews, index), file=sys.stderr)
        figures = {"reviews": args.reviews, "queries": len(queries), "cores": os.cpu_count(),
                   "batch": batch_figures(search, index, queries_path, work),
                   "process": process_figures(search, index, queries, work), "serve": []}
        with Server(search, index, work) as server:
            load(server, queries, 1)  # warm: every query once, untimed
            figures["static_round_trip_p50_ms"] = static_round_trip(server)
            for clients in (int(c) for c in args.clients.split(",")):
                figures["serve"].append(load(server, queries, clients))
                print(f"bench: {figures['serve'][-1]}", file=sys.stderr)
    b = figures["batch"]
    print(f"in-process --batch ({b['queries']} queries, one process): per query p50 {b['p50_ms']} ms, p99 "
          f"{b['p99_ms']} ms (from one summary line to the next), mean {b['mean_ms']} ms (start and index open "
          f"included); p50 inside the search {b['inside_p50_ms']} ms")
    p = figures["process"]
    print(f"one `search --json` process per query (first {p['queries']} queries): p50 {p['p50_ms']} ms, "
          f"p99 {p['p99_ms']} ms")
    print("| clients | requests/s | p50 ms | p99 ms | p50 inside the search, ms | errors |\n|---|---|---|---|---|---|")
    for s in figures["serve"]:
        print(f"| {s['clients']} | {s['requests_per_s']} | {s['p50_ms']} | {s['p99_ms']} | {s['inside_p50_ms']} | "
              f"{s['errors']} |")
    print(f"GET /app.css (no search) on one connection: p50 {figures['static_round_trip_p50_ms']} ms")
    one = next((s for s in figures["serve"] if s["clients"] == 1), None)
    if one:
        print(f"one client: p50 {one['p50_ms']} ms = {one['p50_ms'] / b['p50_ms']:.2f}× the in-process p50 "
              f"(goal ≤ 1.5×)")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)


if __name__ == "__main__":
    main()
