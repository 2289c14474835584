"""Cases of bench/run_nsmc.py where users search articles, not reviews (issue 20):

  petitions    the 3,611 petitions of ../shared/data/petitions (3.4 KB each), the
               1,784 tune titles as literal queries (`search -F`), kosearch's
               `search --batch --json` with snippets beside Lucene CJK with OR
               semantics (a title's bigrams are too many to require them all);
  big article  one generated article of about 20 MB (the petitions' texts as its
               lines, repeated), queried with petition titles: what a hit on one
               huge article costs, in the batch and as a whole process.

Also the batch runner the review collection uses for its `--batch --json`
figures. Imported by run_nsmc.py, not run on its own.
"""
import json
import os
import resource
import shutil
import statistics
import subprocess
import time

from bench_stats import percentile

BIG_ARTICLE_BYTES = 20_000_000
BIG_ARTICLE_QUERIES = 50  # petition titles, as literal queries


def read_tsv(path, limit=None):
    """(qid, query) pairs of a qid<TAB>query file."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "\t" in line:
                qid, query = line.rstrip("\n").split("\t", 1)
                pairs.append((qid, query))
            if limit and len(pairs) >= limit:
                break
    return pairs


def batch_latency(search, index, pairs, work, flags=()):
    """`search --batch FILE --json` over `pairs`: every query once untimed, then
    every query again timed, in one process (the same warm-up as
    query_latency). Times are the summaries' elapsed_ms (Searcher::search,
    snippets included, JSON output not); CPU is the whole process's, shared
    out over both passes."""
    path = os.path.join(work, "batch.tsv")
    with open(path, "w", encoding="utf-8") as f:
        for prefix in ("warm", "timed"):
            for i, (_, query) in enumerate(pairs):
                f.write(f"{prefix}{i}\t{query}\n")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.Popen([search, "--index", index, "--batch", path, "--json", "-n", "10", *flags],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out, _ = p.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode not in (0, 1):
        raise SystemExit(f"bench: search --batch failed (exit {p.returncode})")
    ms, hits = {}, {}
    for line in out.decode("utf-8").splitlines():
        r = json.loads(line)
        if r.get("type") == "summary" and r["qid"].startswith("timed"):
            ms[r["qid"]] = r["elapsed_ms"]
            hits[r["qid"]] = r["hits"]
    times = list(ms.values())
    if len(times) != len(pairs):
        raise SystemExit(f"bench: search --batch answered {len(times)} of {len(pairs)} queries")
    return {"queries": len(times), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "p99_ms": percentile(times, 99), "max_ms": max(times), "mean_ms": statistics.fmean(times),
            "no_result": sum(1 for h in hits.values() if h == 0), "process_wall_s": wall,
            # the whole process's CPU (opening, both passes, output) per timed query: an upper bound
            "cpu_per_query_ms": cpu_s * 1000 / max(1, len(times)) / 2}


def text_bytes(jsonl):
    total = 0
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            total += len(json.loads(line)["text"].encode("utf-8"))
    return total


def write_big_article(folder, petitions_jsonl, size=BIG_ARTICLE_BYTES):
    """A corpus folder with one article of about `size` bytes: a title line,
    a blank line, then the petitions' texts as its lines, in file order,
    repeated until the size is reached. Returns the article's path."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(petitions_jsonl, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    path = os.path.join(folder, "big.txt")
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write("국민청원 모음\n\n")
        while written < size:
            for text in texts:
                line = text.replace("\n", " ") + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                if written >= size:
                    break
    return path


def process_times(cmd, runs):
    """Wall and CPU (user + sys) ms of `runs` runs of one whole process."""
    times, cpu = [], []
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
    return {"runs": runs, "p50_ms": percentile(times, 50), "max_ms": max(times), "cpu_p50_ms": percentile(cpu, 50)}


def big_article_case(tools, petitions_dir, work):
    """Index one ~20 MB article and time literal petition-title queries on it."""
    folder = os.path.join(work, "big-corpus")
    article = write_big_article(folder, os.path.join(petitions_dir, "docs.jsonl"))
    index = os.path.join(work, "big-index")
    shutil.rmtree(index, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([tools["indexer"], "--corpus", folder, "--index", index, "-q"], check=True)
    build_s = time.perf_counter() - start
    pairs = read_tsv(os.path.join(petitions_dir, "queries-tune.tsv"), BIG_ARTICLE_QUERIES)
    result = {"article_bytes": os.path.getsize(article), "build_s": build_s,
              "batch": batch_latency(tools["search"], index, pairs, work, ["-F"]),
              "process": process_times([tools["search"], "--index", index, "-n", "10", "-F", "--", pairs[0][1]], 10)}
    shutil.rmtree(index, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    return result
