#!/usr/bin/python3
"""Memory and time of one big article file (issue 21, item 5).

Writes a corpus folder holding the bundled articles and one article of
--megabytes MB (distinct Korean paragraphs, the generator of
tests/e2e/test_concurrency.py's Ctrl-C test), then, each under
/usr/bin/time -v (wall s, CPU s = user + sys, peak RSS):
  build     indexer into a new index (a bulk build)
  touch     the same after a one-line change of the big file (its title; an incremental run)
and prints one JSON object. The machine is shared: CPU seconds and peak RSS
are the stable figures, wall seconds move with the load.

  /usr/bin/python3 bench/big_article.py --indexer build/indexer [--megabytes 50]
      [--max-article-size SIZE|none] [--work DIR]

--max-article-size is passed to the indexer (default: the indexer's, 48M).
Indexing takes about six times the text's size: without a limit the peak
grows with the file (a 50 MB file: about 300 MiB); with the default limit it
stays near 320 MiB whatever the file's size (a 200 MB file: 319 MiB; the
figures are in docs/indexing.md, "One huge article").
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "corpus")
sys.path.insert(0, os.path.join(HERE, "..", "tests", "e2e"))
from big_article_text import write_big_article  # noqa: E402


def timed(cmd):
    """{wall_s, cpu_s, peak_rss_mib} of `cmd` under /usr/bin/time -v; exits on failure."""
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr))
    field = lambda name: re.search(re.escape(name) + r": (.+)", r.stderr).group(1).strip()
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    return {"wall_s": round(sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall))), 1),
            "cpu_s": round(float(field("User time (seconds)")) + float(field("System time (seconds)")), 1),
            "peak_rss_mib": round(int(field("Maximum resident set size (kbytes)")) / 1024)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--indexer", required=True)
    ap.add_argument("--megabytes", type=int, default=50)
    ap.add_argument("--max-article-size", help="passed to the indexer (default: the indexer's)")
    ap.add_argument("--work", help="folder to write into (default: a temporary one, removed after)")
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="kosearch-big-")
    try:
        corpus, index = os.path.join(work, "corpus"), os.path.join(work, "index")
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(index, ignore_errors=True)
        shutil.copytree(CORPUS, corpus)
        big = os.path.join(corpus, "big.txt")
        write_big_article(big, args.megabytes)
        out = {"megabytes": args.megabytes, "file_bytes": os.path.getsize(big),
               "max_article_size": args.max_article_size or "default"}
        limit = ["--max-article-size", args.max_article_size] if args.max_article_size else []
        out["build"] = timed([args.indexer, "--corpus", corpus, "--index", index, "-q", *limit])
        with open(big, "r+", encoding="utf-8") as f:  # a change near the start: within any limit
            f.write("아주 긴 기사 두개\n")  # as long as the title it replaces
        out["touch"] = timed([args.indexer, "--corpus", corpus, "--index", index, "-q", *limit])
        print(json.dumps(out))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
