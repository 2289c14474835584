"""End-to-end: the indexer next to other processes. A second indexer exits
with code 3 at once (or waits with --wait); SIGINT/SIGTERM commit the work so
far and exit 130/143 (a bulk build — into an empty index, or --rebuild —
keeps nothing and leaves the index as it was); searches running while the
indexer rewrites the index never fail; progress appears on a terminal only."""
import json
import os
import pty
import signal
import subprocess
import sys
import threading
import time
import unittest

import nsmc
from big_article_text import write_big_article
from harness import (CorpusTestCase, database_dir, read_terminal_until_exit, run, summary_counts, xapian_module,
                     INDEXER, SEARCH)

SEARCH_LOOP = os.environ.get("SEARCH_LOOP", "")
# Words in nearly every NSMC-based article, so every search has hits.
QUERIES = ["영화", "최고", "영화 최고", "재미", "배우 연기", "\"이 영화\"", "감동 OR 재미", "영화 -지루"]


class NsmcCorpusTestCase(CorpusTestCase):
    ARTICLES = 1500

    def setUp(self):
        super().setUp()
        if not nsmc.available():
            self.skipTest("NSMC data not found at " + nsmc.reviews_path())
        self.corpus = os.path.join(self.tmp, "nsmc")
        nsmc.write_corpus(self.corpus, self.ARTICLES)

    def start_indexer(self, *args, stderr=subprocess.PIPE):
        return subprocess.Popen([INDEXER, "--corpus", self.corpus, "--index", self.index, *args],
                                stdout=subprocess.PIPE, stderr=stderr)

    REVIEWS = 40000  # a bulk build of this many reviews takes seconds, not a blink

    def reviews_jsonl(self):
        """The first REVIEWS reviews as a JSONL file (ids r0, r1, …)."""
        path = os.path.join(self.tmp, "reviews.jsonl")
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as f:
                for n, text in zip(range(self.REVIEWS), nsmc.review_stream()):
                    f.write(json.dumps({"id": "r%d" % n, "text": text}, ensure_ascii=False) + "\n")
        return path

    def start_slow_incremental(self, batch):
        """Seeds the index, starts an incremental run committing every `batch`
        changes and returns once it holds the lock (it has committed a batch)."""
        self.seed_index()
        revision = xapian_module(self).Database(self.index).get_revision()
        proc = self.start_indexer("--batch-size", batch)
        deadline = time.monotonic() + 30
        while xapian_module(self).Database(self.index).get_revision() == revision:
            self.assertIsNone(proc.poll(), "indexer ended before its first commit")
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.005)
        return proc

    def wait_until_open(self, proc):
        """Returns once `proc` holds the index (its version file exists)."""
        deadline = time.monotonic() + 30
        while not os.path.exists(os.path.join(database_dir(self.index), "iamglass")):
            self.assertIsNone(proc.poll(), "indexer ended before opening the index")
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.005)

    def doc_count(self):
        return xapian_module(self).Database(self.index).get_doccount()

    def seed_index(self):
        """Indexes the first article alone, so the next run is incremental
        (a run into an empty index is a bulk build, all or nothing)."""
        names = sorted(os.listdir(self.corpus))
        held = os.path.join(self.tmp, "held")
        os.makedirs(held)
        for name in names[1:]:
            os.rename(os.path.join(self.corpus, name), os.path.join(held, name))
        r = self.indexer()
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        for name in names[1:]:
            os.rename(os.path.join(held, name), os.path.join(self.corpus, name))


class SecondIndexer(NsmcCorpusTestCase):
    def test_second_indexer_exits_3_at_once_naming_the_lock_and_wait_waits(self):
        first = self.start_slow_incremental("2")  # 750 commits: it holds the lock for seconds
        started = time.monotonic()
        second = self.indexer()
        took = time.monotonic() - started
        self.assertIsNone(first.poll(), "the first indexer finished too early for this test")
        self.assertEqual(second.returncode, 3, second.stderr.decode())
        err = second.stderr.decode().splitlines()
        self.assertEqual(len(err), 1, err)
        self.assertIn("locked by another indexer", err[0])
        self.assertIn(os.path.join(database_dir(self.index), "flintlock"), err[0])
        self.assertLess(took, 2.0)

        waiter = self.start_indexer("--wait")
        time.sleep(0.3)
        self.assertIsNone(waiter.poll(), "--wait did not wait")
        self.assertEqual(first.wait(120), 0)
        out, err = waiter.communicate(timeout=120)
        self.assertEqual(waiter.returncode, 0, err.decode())
        first.communicate()
        counts = summary_counts(err)
        self.assertEqual((counts["added"], counts["unchanged"]), (0, self.ARTICLES))

    def test_bulk_build_holds_the_lock_too(self):
        proc = subprocess.Popen([INDEXER, "--jsonl", self.reviews_jsonl(), "--index", self.index],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.wait_until_open(proc)
        second = self.indexer()
        self.assertIsNone(proc.poll(), "the bulk build finished too early for this test")
        self.assertEqual(second.returncode, 3, second.stderr.decode())
        proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 0)


class StopInsideABigFile(CorpusTestCase):
    """Issue 21 (4): Ctrl-C inside a large file took 39 s to have any effect
    and said nothing. The analysis of one file checks the stop request, a
    terminal is told at once, the index stays sound and a rerun finishes."""

    def test_first_sigint_inside_a_50_MB_file_stops_within_seconds_and_says_so(self):
        self.build_index()
        write_big_article(os.path.join(self.corpus, "big.txt"), 50)
        leader, follower = pty.openpty()
        proc = subprocess.Popen([INDEXER, "--corpus", self.corpus, "--index", self.index],
                                stdout=subprocess.PIPE, stderr=follower)
        time.sleep(4)  # inside big.txt: reading, parsing and analysing it take far longer
        self.assertIsNone(proc.poll(), "the run ended before the signal")
        signalled = time.monotonic()
        proc.send_signal(signal.SIGINT)
        seen, _ = read_terminal_until_exit(leader, proc)
        waited = time.monotonic() - signalled
        os.close(follower)
        os.close(leader)
        proc.stdout.close()
        self.assertEqual(proc.returncode, 130, seen.decode())
        self.assertLess(waited, 5, "the first Ctrl-C took %.1f s" % waited)  # loose: it was 39 s
        text = seen.decode().replace("\r\n", "\n")
        self.assertEqual(text.count("stopping: committing what is done…\n"), 1, text)
        self.assertIn("(stopped early; rerun to finish)", text)
        check = run([INDEXER, "--index", self.index, "--check"])
        self.assertEqual(check.returncode, 0, check.stderr.decode())
        self.assertEqual(self.ranked_ids("zorblaxend"), [])
        r = self.indexer()  # the next run finishes the work
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual((summary_counts(r.stderr)["added"], summary_counts(r.stderr)["unchanged"]), (1, 4))
        self.assertEqual(self.ranked_ids("zorblaxend"), ["big.txt"])


class StopSignals(NsmcCorpusTestCase):
    def stop_midway(self, sig, code):
        # Signalled just after the run's first commit (100 articles), with 1,400
        # still to read: a fixed sleep raced the end of the whole run (0.5 s) on
        # a fast machine. What was read since that commit is committed by the stop.
        proc = self.start_slow_incremental("100")
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, code, err.decode())
        lines = err.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertTrue(lines[0].endswith("(stopped early; rerun to finish)"), lines[0])
        done = summary_counts(err)["added"]
        self.assertTrue(0 < done < self.ARTICLES - 1, "stopped after %d of %d" % (done, self.ARTICLES - 1))
        self.assertEqual(self.doc_count(), done + 1, "the work done before the signal was not committed")
        self.assertEqual(subprocess.run(["xapian-check", database_dir(self.index)], capture_output=True).returncode, 0)
        # The lock is released and a rerun finishes the job.
        r = self.indexer()
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        counts = summary_counts(r.stderr)
        self.assertEqual((counts["added"], counts["unchanged"]), (self.ARTICLES - 1 - done, done + 1))

    def test_sigint_commits_work_so_far_and_exits_130(self):
        self.stop_midway(signal.SIGINT, 130)

    def test_sigterm_commits_work_so_far_and_exits_143(self):
        self.stop_midway(signal.SIGTERM, 143)

    def stop_bulk_build(self, *args):
        """Starts a bulk build of the reviews JSONL, stops it midway; returns its stderr."""
        proc = subprocess.Popen([INDEXER, "--jsonl", self.reviews_jsonl(), "--index", self.index, *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.wait_until_open(proc)
        time.sleep(0.3)
        self.assertIsNone(proc.poll(), "the bulk build finished too early for this test")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 130, err.decode())
        self.assertRegex(err.decode(), r"^added 0, updated 0, unchanged 0, removed 0, skipped 0 in [0-9.]+ s "
                                       r"\(stopped early; rerun to finish\)\n$")
        for leftover in (".rebuild", ".parts"):
            self.assertFalse(os.path.exists(self.index + leftover), leftover)
            self.assertFalse(os.path.exists(database_dir(self.index) + leftover), leftover)
        return err

    def test_stopped_rebuild_leaves_the_live_index_as_it_was(self):
        xapian = xapian_module(self)
        self.assertEqual(self.indexer().returncode, 0)
        revision = xapian.Database(self.index).get_revision()
        self.stop_bulk_build("--rebuild")
        db = xapian.Database(self.index)
        self.assertEqual((db.get_revision(), db.get_doccount()), (revision, self.ARTICLES))

    def test_stopped_first_build_keeps_nothing_and_a_rerun_builds_all(self):
        self.stop_bulk_build()
        self.assertEqual(self.doc_count(), 0)
        r = run([INDEXER, "--jsonl", self.reviews_jsonl(), "--index", self.index])
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(summary_counts(r.stderr)["added"], self.REVIEWS)

    def test_signal_while_waiting_for_the_lock(self):
        holder = self.start_slow_incremental("1")
        waiter = self.start_indexer("--wait")
        time.sleep(0.3)
        waiter.send_signal(signal.SIGINT)
        _, err = waiter.communicate(timeout=10)
        self.assertEqual(waiter.returncode, 130, err.decode())
        self.assertIsNone(holder.poll())
        holder.send_signal(signal.SIGTERM)
        holder.communicate(timeout=60)
        self.assertEqual(holder.returncode, 143)


def cpu_hog():
    """A process that keeps one core busy, as a loaded CI machine is."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


class SearchesWhileIndexing(NsmcCorpusTestCase):
    """Issue 24: searches never fail while the index is rewritten, on a loaded
    machine: search processes, a long-lived Searcher (search_loop) and a
    long-lived `search --batch -` co-process, while an indexer alternates
    incremental runs (a commit every BATCH changes) and --rebuild. A rebuild
    publishes a new generation through the stub, so no reader ever reads the
    tables of two databases. bench/concurrency_soak.py is the long version.
    CONCURRENCY_SEARCHES / CONCURRENCY_BATCH / CONCURRENCY_HOGS override the
    load for longer runs."""
    ARTICLES = 600
    SEARCHES = int(os.environ.get("CONCURRENCY_SEARCHES", "600"))
    BATCH = os.environ.get("CONCURRENCY_BATCH", "20")  # small batches: a commit every few dozen ms
    HOGS = int(os.environ.get("CONCURRENCY_HOGS", "1"))

    def rewrite_corpus(self, version):
        """Version 0: the articles as generated; 1: every article changed, 40 more."""
        names = sorted(n for n in os.listdir(self.corpus) if n.startswith("a"))
        for name in names:
            path = os.path.join(self.corpus, name)
            with open(path, encoding="utf-8") as f:
                text = f.read().split("\n덧붙임")[0]
            with open(path, "w", encoding="utf-8") as f:
                f.write(text + ("\n덧붙임 %d\n" % version if version else ""))
        extra = [n for n in os.listdir(self.corpus) if n.startswith("x")]
        if version and not extra:
            nsmc.write_corpus(self.corpus, 40, skip=self.ARTICLES, prefix="x")
        elif not version:
            for n in extra:
                os.remove(os.path.join(self.corpus, n))

    def reindex_repeatedly(self, stop, runs, failures):
        version = 0
        while not stop.is_set():
            version = 1 - version
            self.rewrite_corpus(version)
            rebuild = ["--rebuild"] if len(runs) % 2 == 1 else []
            r = run([INDEXER, "--corpus", self.corpus, "--index", self.index, "--batch-size", self.BATCH, *rebuild],
                    timeout=300)
            runs.append("rebuild" if rebuild else "update")
            if r.returncode != 0:
                failures.append("indexer exited %d: %s" % (r.returncode, r.stderr.decode()[-300:]))

    def search_cli(self, count, offset, failures, done, keep_going):
        """At least `count` searches, and on while keep_going() says the
        indexer has not yet done what the test must see."""
        i = 0
        while i < count or keep_going():
            q = QUERIES[(i + offset) % len(QUERIES)]
            i += 1
            r = run([SEARCH, "--index", self.index, "--json", "-n", "3", q])
            try:
                lines = [json.loads(l) for l in r.stdout.decode().splitlines()]
                ok = r.returncode == 0 and lines[-1]["type"] == "summary" and lines[-1]["hits"] >= 1
            except (ValueError, IndexError, KeyError):
                ok = False
            if not ok:
                failures.append("search %r exited %d: %s" % (q, r.returncode, r.stderr.decode().strip()))
            done.append(1)

    def search_batch(self, count, failures, done, keep_going):
        """One `search --batch - --count` fed a line at a time: each answer must
        come before the next line is written."""
        proc = subprocess.Popen([SEARCH, "--index", self.index, "--batch", "-", "--count"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        i = -1
        while i + 1 < count or keep_going():
            i += 1
            proc.stdin.write(("b%d\t%s\n" % (i, QUERIES[i % len(QUERIES)])).encode())
            proc.stdin.flush()
            answer = proc.stdout.readline().decode()
            qid, _, matches = answer.rstrip("\n").partition("\t")
            if qid != "b%d" % i or not matches.isdigit() or int(matches) < 1:
                failures.append("batch query b%d answered %r" % (i, answer))
                if not answer:
                    break
            done.append(1)
        proc.stdin.close()
        err = proc.stderr.read().decode()
        if proc.wait(60) != 0 or err:
            failures.append("search --batch - exited %d: %s" % (proc.returncode, err.strip()))

    def test_searches_never_fail_while_the_index_is_rewritten(self):
        r = self.indexer()
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        hogs = [cpu_hog() for _ in range(self.HOGS)]
        for hog in hogs:
            self.addCleanup(hog.wait)
            self.addCleanup(hog.kill)
        stop, runs, index_failures = threading.Event(), [], []
        writer = threading.Thread(target=self.reindex_repeatedly, args=(stop, runs, index_failures))
        writer.start()
        search_failures, done, batch_done = [], [], []
        # The searches go on until the indexer has rebuilt twice under them:
        # a fixed count ended before the second rebuild once searches got faster.
        deadline = time.monotonic() + 240
        def keep_going():
            return runs.count("rebuild") < 2 and not index_failures and time.monotonic() < deadline
        readers = [threading.Thread(target=self.search_cli,
                                    args=(self.SEARCHES // 2, k, search_failures, done, keep_going))
                   for k in range(2)]
        readers.append(threading.Thread(target=self.search_batch,
                                        args=(self.SEARCHES, search_failures, batch_done, keep_going)))
        loop = None
        if SEARCH_LOOP:
            loop = subprocess.Popen([SEARCH_LOOP, self.index, str(self.SEARCHES * 2), *QUERIES],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started = time.monotonic()
        for t in readers:
            t.start()
        for t in readers:
            t.join()
        loop_report = None
        if loop:
            out, err = loop.communicate(timeout=300)
            loop_report = json.loads(out) if out else {"failures": -1, "errors": [err.decode()]}
        runs_during = list(runs)
        stop.set()
        writer.join()
        took = time.monotonic() - started
        kinds = sorted({f.split(": ", 1)[-1][:90] for f in search_failures})
        print("\nconcurrency (%d CPU hog(s)): %d search processes and %d batch queries, %d failed %s; %s; "
              "%d indexer runs during the searches (%d rebuilds) in %.0f s"
              % (self.HOGS, len(done), len(batch_done), len(search_failures), kinds,
                 "long-lived Searcher: %s" % json.dumps(loop_report) if loop_report else "no search_loop",
                 len(runs_during), runs_during.count("rebuild"), took))
        self.assertGreaterEqual(len(done), self.SEARCHES // 2 * 2)
        self.assertGreaterEqual(len(batch_done), self.SEARCHES)
        self.assertEqual(search_failures, [])
        self.assertEqual(index_failures, [])
        self.assertGreaterEqual(runs_during.count("rebuild"), 2, "the index was not rebuilt during the searches")
        if loop_report is not None:
            self.assertEqual(loop_report["failures"], 0, loop_report)
            self.assertEqual(loop_report["searches"], self.SEARCHES * 2)


class Progress(NsmcCorpusTestCase):
    def test_progress_on_a_terminal(self):
        leader, follower = pty.openpty()
        proc = self.start_indexer(stderr=follower)
        output, _ = read_terminal_until_exit(leader, proc, timeout=300)
        os.close(follower)
        os.close(leader)
        self.assertEqual(proc.returncode, 0)
        text = output.decode()
        self.assertIn("\r\x1b[K", text)
        self.assertRegex(text, r"[\d,]+/%s documents, \d+%% of [0-9.]+ MB read, [\d,]+ documents/s"
                         % "{:,}".format(self.ARTICLES))
        self.assertRegex(text, r"ETA \d+ s")
        last = text.replace("\r\n", "\n").split("\r\x1b[K")[-1].strip()
        self.assertRegex(last, r"^added %d, updated 0, unchanged 0, removed 0, skipped 0" % self.ARTICLES)

    def test_only_the_summary_when_stderr_is_not_a_terminal(self):
        r = self.indexer()
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, b"")
        lines = r.stderr.decode().split("\n")
        self.assertEqual(len(lines), 2, lines)  # one line and its newline
        self.assertRegex(lines[0], r"^added %d, updated 0, unchanged 0, removed 0, skipped 0(, duplicates \d+, "
                                   r"warnings \d+)? in [0-9.]+ s$" % self.ARTICLES)
        self.assertNotIn("\x1b", r.stderr.decode())


if __name__ == "__main__":
    unittest.main()
