#!/usr/bin/python3
"""Soak test of issue 24: searches while the index is rewritten, at length.

An indexer alternates incremental runs over a changing NSMC corpus (a commit
every --batch-size changes) and --rebuild, until it has done --rebuilds
rebuilds and --commits incremental commits; meanwhile readers search until
--searches searches are done and the writer has finished: search processes
(two threads), long-lived Searchers (tests/stress/search_loop, restarted every
500 searches) and one long-lived `search --batch - --count` co-process fed a
line at a time through a pipe. --hogs N starts N CPU-bound processes beside
it all. Prints one JSON object with the counts; exit 0 when nothing failed.

  nice bench/concurrency_soak.py --build build --hogs 2

Needs the NSMC data (../shared/data/nsmc) and Debian's python3-xapian.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
import nsmc  # noqa: E402
from index_state import database_dir  # noqa: E402

import xapian  # noqa: E402

QUERIES = ["영화", "최고", "영화 최고", "재미", "배우 연기", "\"이 영화\"", "감동 OR 재미", "영화 -지루"]


class Soak:
    def __init__(self, args, tmp):
        self.args = args
        self.corpus = os.path.join(tmp, "corpus")
        self.index = os.path.join(tmp, "index")
        self.indexer = os.path.join(args.build, "indexer")
        self.search = os.path.join(args.build, "search")
        self.search_loop = os.path.join(args.build, "tests", "search_loop")
        self.lock = threading.Lock()
        self.writer_done = threading.Event()
        self.counts = {"search_processes": 0, "batch_queries": 0, "searcher_queries": 0, "rebuilds": 0,
                       "incremental_runs": 0, "incremental_commits": 0}
        self.failures = []

    def fail(self, what):
        with self.lock:
            self.failures.append(what)

    def count(self, key, n=1):
        with self.lock:
            self.counts[key] += n

    def searches(self):
        with self.lock:
            return self.counts["search_processes"] + self.counts["batch_queries"] + self.counts["searcher_queries"]

    def more(self):
        return not self.writer_done.is_set() or self.searches() < self.args.searches

    def rewrite_corpus(self, version):
        for name in sorted(n for n in os.listdir(self.corpus) if n.startswith("a")):
            path = os.path.join(self.corpus, name)
            with open(path, encoding="utf-8") as f:
                text = f.read().split("\n덧붙임")[0]
            with open(path, "w", encoding="utf-8") as f:
                f.write(text + ("\n덧붙임 %d\n" % version if version else ""))

    def indexer_run(self, *extra):
        r = subprocess.run([self.indexer, "--corpus", self.corpus, "--index", self.index,
                            "--batch-size", str(self.args.batch_size), *extra], capture_output=True, timeout=600)
        if r.returncode != 0:
            self.fail("indexer %s exited %d: %s" % (" ".join(extra), r.returncode, r.stderr.decode()[-300:]))

    def write(self):
        version = 0
        try:
            while self.counts["rebuilds"] < self.args.rebuilds or self.counts["incremental_commits"] < self.args.commits:
                version = 1 - version
                self.rewrite_corpus(version)
                if self.counts["incremental_commits"] < self.args.commits:
                    before = xapian.Database(self.index).get_revision()
                    self.indexer_run()
                    self.count("incremental_runs")
                    self.count("incremental_commits", xapian.Database(self.index).get_revision() - before)
                else:
                    self.indexer_run("--rebuild")
                    self.count("rebuilds")
                    continue
                if self.counts["rebuilds"] < self.args.rebuilds:
                    self.indexer_run("--rebuild")
                    self.count("rebuilds")
        finally:
            self.writer_done.set()

    def search_processes(self, offset):
        i = offset
        while self.more():
            q = QUERIES[i % len(QUERIES)]
            i += 1
            r = subprocess.run([self.search, "--index", self.index, "--json", "-n", "3", q], capture_output=True)
            try:
                summary = json.loads(r.stdout.decode().splitlines()[-1])
                ok = r.returncode == 0 and summary["type"] == "summary" and summary["hits"] >= 1
            except (ValueError, IndexError, KeyError):
                ok = False
            if not ok:
                self.fail("search %r exited %d: %s" % (q, r.returncode, r.stderr.decode().strip()[:300]))
            self.count("search_processes")

    def batch_coprocess(self):
        proc = subprocess.Popen([self.search, "--index", self.index, "--batch", "-", "--count"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        i = 0
        while self.more():
            proc.stdin.write(("b%d\t%s\n" % (i, QUERIES[i % len(QUERIES)])).encode())
            proc.stdin.flush()
            answer = proc.stdout.readline().decode()
            qid, _, matches = answer.rstrip("\n").partition("\t")
            if qid != "b%d" % i or not matches.isdigit() or int(matches) < 1:
                self.fail("batch query b%d answered %r" % (i, answer))
                if not answer:
                    break
            self.count("batch_queries")
            i += 1
        proc.stdin.close()
        err = proc.stderr.read().decode()
        if proc.wait(60) != 0 or err:
            self.fail("search --batch - exited %d: %s" % (proc.returncode, err.strip()[:300]))

    def long_lived_searchers(self):
        while self.more():
            r = subprocess.run([self.search_loop, self.index, "500", *QUERIES], capture_output=True, timeout=600)
            try:
                report = json.loads(r.stdout)
            except ValueError:
                report = {"searches": 0, "failures": 1, "errors": [r.stderr.decode()[:300]]}
            if report["failures"]:
                self.fail("long-lived Searcher: %s" % json.dumps(report, ensure_ascii=False))
            self.count("searcher_queries", report["searches"])

    def run(self):
        nsmc.write_corpus(self.corpus, self.args.articles)
        r = subprocess.run([self.indexer, "--corpus", self.corpus, "--index", self.index], capture_output=True)
        if r.returncode != 0:
            sys.exit("first build failed: " + r.stderr.decode())
        hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(self.args.hogs)]
        started = time.monotonic()
        threads = [threading.Thread(target=self.write)]
        threads += [threading.Thread(target=self.search_processes, args=(k,)) for k in range(2)]
        threads += [threading.Thread(target=self.batch_coprocess), threading.Thread(target=self.long_lived_searchers)]
        try:
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            for hog in hogs:
                hog.kill()
                hog.wait()
        generations = sorted(n for n in os.listdir(self.index) if n.startswith("gen-"))
        report = dict(self.counts, searches=self.searches(), failures=len(self.failures),
                      failure_kinds=sorted({f[:160] for f in self.failures})[:10], hogs=self.args.hogs,
                      seconds=round(time.monotonic() - started, 1), generations_left=generations,
                      live=os.path.basename(database_dir(self.index)))
        print(json.dumps(report, ensure_ascii=False))
        return 0 if not self.failures else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default="build", help="the build folder (indexer, search, tests/search_loop)")
    parser.add_argument("--searches", type=int, default=10000)
    parser.add_argument("--rebuilds", type=int, default=20)
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=20)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--hogs", type=int, default=0, help="CPU-bound processes beside the test")
    args = parser.parse_args()
    if not nsmc.available():
        print("concurrency_soak: NSMC data not found at " + nsmc.reviews_path(), file=sys.stderr)
        return 77
    with tempfile.TemporaryDirectory(prefix="kosearch-soak-") as tmp:
        return Soak(args, tmp).run()


if __name__ == "__main__":
    sys.exit(main())
