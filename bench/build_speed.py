#!/usr/bin/python3
"""Build speed and size at NSMC scale: the figures of issue 10's build side.

For each collection it builds a fresh index with `indexer --jsonl FILE` under
/usr/bin/time -v (wall s, CPU s = user + sys, peak RSS), compacts a copy with
xapian-compact and reports its size per table and ÷ the UTF-8 bytes of the
texts; then it times an incremental run that adds 10 articles (a corpus
folder) to the reviews index, commit included.

Collections (read from the gz at run time, written as JSONL under --work):
  reviews  every review: the source record with "date" rewritten YY.MM.DD → 20YY-MM-DD
  movies   the reviews grouped by movie in file order, joined with "\\n": id movie<movie_id>

  /usr/bin/python3 bench/build_speed.py --indexer build/indexer [--limit N] [--only reviews]
The machine is shared: CPU seconds are the stable figure, wall seconds move with the load.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "data", "nsmc")
TABLES = ("postlist", "termlist", "docdata", "position")
DATE = re.compile(rb'"date": ?"(\d\d)\.(\d\d)\.(\d\d)"')


def write_collections(gz, work, limit):
    """Writes reviews.jsonl and movies.jsonl; returns {name: (path, text bytes, docs)}."""
    reviews = os.path.join(work, "reviews.jsonl")
    movies = os.path.join(work, "movies.jsonl")
    by_movie, order = {}, []
    review_bytes = docs = 0
    with gzip.open(gz, "rb") as f, open(reviews, "wb") as out:
        for n, line in enumerate(f):
            if limit and n >= limit:
                break
            record = json.loads(line)
            review_bytes += len(record["text"].encode())
            docs += 1
            out.write(DATE.sub(rb'"date":"20\1-\2-\3"', line, count=1))
            movie = record["movie"]
            if movie not in by_movie:
                by_movie[movie] = []
                order.append(movie)
            by_movie[movie].append(record["text"])
    movie_bytes = 0
    with open(movies, "w", encoding="utf-8") as out:
        for movie in order:
            text = "\n".join(by_movie[movie])
            movie_bytes += len(text.encode())
            out.write(json.dumps({"id": "movie" + movie, "text": text}, ensure_ascii=False) + "\n")
    return {"reviews": (reviews, review_bytes, docs), "movies": (movies, movie_bytes, len(order))}


def time_v(report):
    """(wall s, cpu s, peak RSS MiB) from a /usr/bin/time -v report."""
    fields = {}
    with open(report) as f:
        for line in f:
            key, _, value = line.strip().rpartition(": ")
            fields[key] = value
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return wall, cpu, int(fields["Maximum resident set size (kbytes)"]) / 1024


def dir_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def table_mib(index):
    return {t: os.path.getsize(os.path.join(index, t + ".glass")) / 2 ** 20
            for t in TABLES if os.path.exists(os.path.join(index, t + ".glass"))}


def build(indexer, jsonl, index, extra):
    shutil.rmtree(index, ignore_errors=True)
    report = index + ".time"
    r = subprocess.run(["/usr/bin/time", "-v", "-o", report, indexer, "--jsonl", jsonl, "--index", index, *extra],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        sys.exit("indexer failed (%d): %s" % (r.returncode, r.stderr.decode()[-2000:]))
    summary = r.stderr.decode().strip().splitlines()[-1]
    return time_v(report), summary


def compacted(index):
    out = index + ".compact"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(["xapian-compact", index, out], check=True, stdout=subprocess.DEVNULL)
    size, tables = dir_bytes(out), table_mib(out)
    shutil.rmtree(out)
    return size, tables


def add_ten(indexer, index, work):
    """Seconds for an incremental run adding 10 articles (a corpus folder) to `index`."""
    corpus = os.path.join(work, "ten")
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(corpus)
    for n in range(10):
        with open(os.path.join(corpus, "new%02d.txt" % n), "w", encoding="utf-8") as f:
            f.write("새 기사 %d 제목\n\n" % n + "반도체 장비 수출 규제가 강화됐다. 문단 %d.\n" % n * 20)
    started = time.monotonic()
    r = subprocess.run([indexer, "--corpus", corpus, "--index", index], capture_output=True)
    took = time.monotonic() - started
    if r.returncode != 0:
        sys.exit("incremental run failed (%d): %s" % (r.returncode, r.stderr.decode()))
    return took, r.stderr.decode().strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--indexer", required=True)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--work", default="/tmp/kosearch-build-speed")
    ap.add_argument("--limit", type=int, default=0, help="first N reviews only (0 = all)")
    ap.add_argument("--only", choices=("reviews", "movies"))
    ap.add_argument("--keep", action="store_true", help="keep the indexes")
    ap.add_argument("extra", nargs="*", help="more indexer flags (after --)")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    collections = write_collections(os.path.join(args.data, "reviews.jsonl.gz"), args.work, args.limit)
    rows = []
    for name, (jsonl, text_bytes, docs) in collections.items():
        if args.only and name != args.only:
            continue
        index = os.path.join(args.work, name + ".index")
        (wall, cpu, rss), summary = build(args.indexer, jsonl, index, args.extra)
        size, tables = compacted(index)
        row = {"collection": name, "docs": docs, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
               "peak_rss_mib": round(rss), "built_mib": round(dir_bytes(index) / 2 ** 20, 1),
               "compacted_mib": round(size / 2 ** 20, 1), "x_text": round(size / text_bytes, 2),
               "tables_mib": {t: round(v, 1) for t, v in tables.items()}, "summary": summary}
        if name == "reviews":
            row["add10_s"], row["add10_summary"] = add_ten(args.indexer, index, args.work)
            row["add10_s"] = round(row["add10_s"], 2)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        if not args.keep:
            shutil.rmtree(index, ignore_errors=True)
    print("| collection | docs | wall s | CPU s | peak RSS MiB | compacted MiB | ÷ text | postlist | termlist "
          "| docdata | position | add 10 s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        t = r["tables_mib"]
        print("| %s | %d | %.1f | %.1f | %d | %.1f | %.2f× | %s | %s | %s | %s | %s |" % (
            r["collection"], r["docs"], r["wall_s"], r["cpu_s"], r["peak_rss_mib"], r["compacted_mib"], r["x_text"],
            *("%.1f" % t.get(k, 0) for k in TABLES), r.get("add10_s", "")))


if __name__ == "__main__":
    main()
