#!/usr/bin/python3
"""Whole-process cost of `search`: one process per query, as a script that
calls it per query pays it, for one or more builds side by side.

The builds run interleaved (query 1 on each, then query 2, …) so a busy
machine weighs on all of them alike. CPU is the child's user + system time.

  /usr/bin/python3 bench/process_cost.py --index IDX --queries nsmc/queries.tsv \\
      --limit 200 build-shared-icu/search build/search
"""
import argparse

from bench_stats import percentile, process_cost


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True)
    ap.add_argument("--queries", required=True, help="qid<TAB>query lines")
    ap.add_argument("--limit", type=int, default=200, help="first N queries")
    ap.add_argument("binaries", nargs="+", help="search binaries to compare")
    args = ap.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        queries = [line.rstrip("\n").split("\t")[-1] for line in f][: args.limit]
    wall = {b: [] for b in args.binaries}
    cpu = {b: [] for b in args.binaries}
    for query in queries:
        for binary in args.binaries:
            wall_ms, cpu_ms, _ = process_cost([binary, "--index", args.index, "-n", "10", "--", query])
            wall[binary].append(wall_ms)
            cpu[binary].append(cpu_ms)
    print(f"{len(queries)} queries, one process each, ms")
    print("| binary | wall p50 | wall p95 | CPU p50 | CPU p95 |\n|---|---:|---:|---:|---:|")
    for b in args.binaries:
        print(f"| `{b}` | {percentile(wall[b], 50):.2f} | {percentile(wall[b], 95):.2f} | "
              f"{percentile(cpu[b], 50):.2f} | {percentile(cpu[b], 95):.2f} |")


if __name__ == "__main__":
    main()
