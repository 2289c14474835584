"""End-to-end: indexer --watch keeps the index current while files are added,
edited, renamed (also the temporary-file-and-rename save of editors) and
deleted; searches see each change within a bounded wait; SIGTERM ends it with
everything applied (exit 0); a watched folder moved away ends it with exit 2."""
import json
import os
import re
import signal
import subprocess
import time
import unittest

import nsmc
from harness import A002, A003, CorpusTestCase, INDEXER, index_ids, run, xapian_module
from test_incremental import IndexComparison

SUMMARY = re.compile(r"^added \d+, updated \d+, unchanged \d+, removed \d+, skipped \d+(, .*)? in \d+\.\d\d s$")
WAIT = 10  # seconds a change may take to become searchable before the test fails


class Watch(CorpusTestCase, IndexComparison):
    def setUp(self):
        super().setUp()
        self.start_watch("--corpus", "corpus", "--index", self.index)

    def start_watch(self, *args, first_update=True):
        """Starts indexer --watch ARGS in the temp dir, its stderr in a log; with
        `first_update`, returns once the first update's summary is there."""
        self.log = open(os.path.join(self.tmp, "watch.log"), "w+b")
        self.proc = subprocess.Popen([INDEXER, "--watch", *args], cwd=self.tmp, stdout=subprocess.DEVNULL,
                                     stderr=self.log)
        if first_update:
            self.wait_for(lambda: len(self.summary_lines()) >= 1, "the first update's summary")

    def tearDown(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        super().tearDown()

    def stderr(self):
        with open(self.log.name, "rb") as f:
            return f.read().decode()

    def summary_lines(self):
        return [l for l in self.stderr().splitlines() if SUMMARY.match(l)]

    def wait_for(self, condition, what):
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if condition():
                return
            self.assertIsNone(self.proc.poll(), "indexer --watch ended: " + self.stderr())
            time.sleep(0.05)
        self.fail("not within %d s: %s\n%s" % (WAIT, what, self.stderr()))

    def files(self, query):
        r = self.search("-l", query)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        return r.stdout.decode().split()

    def shown(self, query, name):
        return os.path.join("corpus", name) in self.files(query)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=WAIT)
        self.assertEqual(code, 0, self.stderr())

    def test_changes_are_searchable_while_watching_and_all_committed_at_sigterm(self):
        # Added.
        self.write("new.txt", "평택 공장 소식\n\n삼성전자가 zorblax 공정을 도입했다.\n")
        self.wait_for(lambda: self.shown("zorblax", "new.txt"), "added file searchable")
        # Edited in place.
        with open(os.path.join(self.corpus, "new.txt"), "a", encoding="utf-8") as f:
            f.write("추가 문단: quuxite 소재.\n")
        self.wait_for(lambda: self.shown("quuxite", "new.txt"), "edit searchable")
        # Renamed into a new subfolder.
        os.makedirs(os.path.join(self.corpus, "2025", "01"))
        os.rename(os.path.join(self.corpus, "new.txt"), os.path.join(self.corpus, "2025", "01", "moved.txt"))
        self.wait_for(lambda: self.files("zorblax") == ["corpus/2025/01/moved.txt"], "rename seen")
        # An editor's save: backup copy, new text in a temporary file renamed over the article.
        target = os.path.join(self.corpus, A003)
        with open(target, encoding="utf-8") as f:
            text = f.read()
        with open(target + "~", "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(self.corpus, "." + A003 + ".swp"), "w", encoding="utf-8") as f:
            f.write(text)
        tmp = os.path.join(self.corpus, A003 + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text + "\n편집기 저장: frobnicate 단계.\n")
        os.replace(tmp, target)
        self.wait_for(lambda: self.shown("frobnicate", A003), "temp-file save searchable")
        # Deleted.
        os.remove(os.path.join(self.corpus, A002))
        self.wait_for(lambda: os.path.join("corpus", A002) not in self.files("노광 장비"), "deletion seen")
        # Written just before SIGTERM: applied before the watch ends.
        self.write("last.txt", "마지막 기사\n\n종료 직전 glorpnik 기사.\n")
        self.stop()
        xapian = xapian_module(self)
        ids = index_ids(xapian, self.index)
        self.assertIn("last.txt", ids)
        self.assertNotIn(A002, ids)
        self.assertFalse([i for i in ids if i.endswith(("~", ".tmp", ".swp"))], ids)
        self.assert_equals_clean_rebuild("--corpus", "corpus")
        lines = self.stderr().splitlines()
        self.assertTrue(all(SUMMARY.match(l) or l.startswith("warning: ") for l in lines), lines)
        self.assertGreaterEqual(len(self.summary_lines()), 6)  # the first update, then one per batch at least

    def test_a_burst_of_files_is_one_batch(self):
        before = len(self.summary_lines())
        for i in range(30):
            self.write("burst%02d.txt" % i, "묶음 기사 %d\n\n한꺼번에 들어온 blimpwort 기사 %d.\n" % (i, i))
        self.wait_for(lambda: len(self.files("blimpwort")) == 30, "burst searchable")
        self.stop()
        batches = self.summary_lines()[before:]
        self.assertLessEqual(len(batches), 3, batches)  # not one per file
        self.assertEqual(sum(int(re.match(r"added (\d+)", l).group(1)) for l in batches), 30)

    def test_watched_folder_moved_away_ends_the_watch_with_exit_2(self):
        before = self.files("노광 장비")
        os.rename(self.corpus, self.corpus + ".old")
        code = self.proc.wait(timeout=WAIT)
        self.assertEqual(code, 2, self.stderr())
        last = self.stderr().splitlines()[-1]
        self.assertTrue(last.startswith("indexer: watched folder '%s' was moved away or deleted" % self.corpus), last)
        os.rename(self.corpus + ".old", self.corpus)
        self.assertEqual(self.files("노광 장비"), before)  # its articles are kept


class WatchWithTheIndexInsideTheCorpus(Watch):
    """The index folder inside the watched folder: its commits are not changes."""

    def setUp(self):
        CorpusTestCase.setUp(self)
        self.index = os.path.join(self.corpus, "index")
        self.start_watch("--corpus", "corpus", "--index", "corpus/index")

    def test_only_the_articles_written_make_batches(self):
        self.write("a.txt", "첫 기사\n\n오늘의 plinkett 소식.\n")
        self.wait_for(lambda: self.shown("plinkett", "a.txt"), "a.txt searchable")
        self.write("b.txt", "둘째 기사\n\n오늘의 zoomba 소식.\n")
        self.wait_for(lambda: self.shown("zoomba", "b.txt"), "b.txt searchable")
        self.stop()
        self.assertEqual(len(self.summary_lines()), 3, self.stderr())
        self.assertNotIn("warning", self.stderr())

    # The cases of the parent class run once, with the index beside the corpus.
    test_changes_are_searchable_while_watching_and_all_committed_at_sigterm = None
    test_a_burst_of_files_is_one_batch = None
    test_watched_folder_moved_away_ends_the_watch_with_exit_2 = None


class ChangesDuringTheFirstUpdate(Watch):
    """A file written while the first update runs, after it listed the
    folder, is applied after it: the watch starts before the update (it
    started after, and such a file waited for the next change)."""

    def setUp(self):
        CorpusTestCase.setUp(self)
        if not nsmc.available():
            self.skipTest("NSMC data not found at " + nsmc.reviews_path())
        nsmc.write_corpus(self.corpus, 1500)  # a first update of a few tenths of a second
        self.start_watch("--corpus", "corpus", "--index", self.index, first_update=False)

    def test_a_file_written_during_the_first_update_is_applied(self):
        self.wait_for(lambda: any(os.path.exists(self.index + end) for end in ("", ".parts", ".rebuild")),
                      "the first update under way")
        self.write("late.txt", "늦은 기사\n\n첫 갱신 중에 들어온 quillfeather 기사.\n")
        if self.summary_lines():
            self.skipTest("the first update ended before the file was written: nothing to show here")
        self.wait_for(lambda: self.shown("quillfeather", "late.txt"), "the file written during the first update")
        self.stop()

    test_changes_are_searchable_while_watching_and_all_committed_at_sigterm = None
    test_a_burst_of_files_is_one_batch = None
    test_watched_folder_moved_away_ends_the_watch_with_exit_2 = None


class WatchJsonl(Watch):
    """A JSONL export rewritten in place or through a temporary file is re-read
    whole: changed records updated, new ones added, dropped ones removed; the
    corpus folder recorded beside it stays watched."""

    def setUp(self):
        CorpusTestCase.setUp(self)
        self.build_index()
        self.jsonl = os.path.join(self.tmp, "export.jsonl")
        self.export({"r1": "첫 기록 zorblax 반도체", "r2": "둘째 기록 quuxite 소재"})
        self.start_watch("--jsonl", "export.jsonl", "--index", self.index)

    def export(self, records, path=None):
        with open(path or self.jsonl, "w", encoding="utf-8") as f:
            for rid, text in records.items():
                f.write(json.dumps({"id": rid, "title": rid, "text": text}, ensure_ascii=False) + "\n")

    def ids(self, query):
        return sorted(self.ranked_ids(query))

    def test_rewritten_exports_and_the_corpus_are_followed(self):
        self.assertEqual(self.ids("zorblax"), ["r1"])
        # Rewritten in place: r1 changed, r2 dropped, r3 new.
        self.export({"r1": "첫 기록 frobnicate 반도체", "r3": "셋째 기록 glorpnik"})
        self.wait_for(lambda: self.ids("glorpnik") == ["r3"], "the rewritten export searchable")
        self.assertEqual(self.ids("frobnicate"), ["r1"])
        self.assertEqual(self.ids("zorblax"), [])
        self.assertEqual(self.ids("quuxite"), [])
        # Another file in the export's folder is no change: the batch of a corpus
        # file written with it does not re-read the export.
        self.export({"x1": "다른 파일 plinkett"}, os.path.join(self.tmp, "other.jsonl"))
        self.write("new.txt", "평택 공장 소식\n\n삼성전자가 zoomba 공정을 도입했다.\n")
        self.wait_for(lambda: self.shown("zoomba", "new.txt"), "a corpus file searchable")
        self.assertRegex(self.summary_lines()[-1], r"^added 1, updated 0, unchanged 0, removed 0, skipped 0 in ")
        # Written to a temporary file renamed over the export.
        self.export({"r1": "첫 기록 frobnicate 반도체", "r3": "셋째 기록 glorpnik", "r4": "넷째 blimpwort"},
                    self.jsonl + ".tmp")
        os.replace(self.jsonl + ".tmp", self.jsonl)
        self.wait_for(lambda: self.ids("blimpwort") == ["r4"], "the renamed export searchable")
        self.stop()
        self.assertEqual(self.ids("plinkett"), [])
        self.assertEqual(len(self.summary_lines()), 4, self.stderr())  # the first update and three batches
        self.assert_equals_clean_rebuild("--corpus", self.corpus, also=[("--jsonl", "export.jsonl")])

    def test_a_deleted_export_changes_nothing(self):
        os.remove(self.jsonl)
        self.write("new.txt", "평택 공장 소식\n\n삼성전자가 zoomba 공정을 도입했다.\n")
        self.wait_for(lambda: self.shown("zoomba", "new.txt"), "a corpus file searchable")
        self.stop()
        self.assertEqual(self.ids("zorblax"), ["r1"])

    # The corpus cases of the parent class run once, in Watch.
    test_changes_are_searchable_while_watching_and_all_committed_at_sigterm = None
    test_a_burst_of_files_is_one_batch = None
    test_watched_folder_moved_away_ends_the_watch_with_exit_2 = None


class WatchRefused(CorpusTestCase):
    """Exit 2 with one line, before watching anything."""

    def test_a_recorded_corpus_folder_that_no_longer_exists(self):
        self.build_index()
        os.rename(self.corpus, self.corpus + ".old")
        r = run([INDEXER, "--watch", "--index", self.index], cwd=self.tmp, timeout=WAIT)
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        self.assertEqual(r.stderr.decode(), "indexer: recorded corpus folder '%s' no longer exists; cannot watch it "
                         "(its articles are kept); indexer --forget %s drops it and its articles\n"
                         % (self.corpus, self.corpus))

    def test_a_corpus_folder_given_that_does_not_exist(self):
        r = run([INDEXER, "--watch", "--corpus", "nothere", "--index", self.index], cwd=self.tmp, timeout=WAIT)
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        self.assertEqual(r.stderr.decode(), "indexer: corpus directory 'nothere' does not exist or is not a directory\n")

    def test_an_index_fed_from_stdin_alone_has_nothing_to_watch(self):
        r = run([INDEXER, "--watch", "--jsonl", "-", "--index", self.index], cwd=self.tmp, timeout=WAIT,
                input='{"id": "s1", "text": "반도체"}\n'.encode())
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        self.assertEqual(r.stderr.decode().splitlines()[-1],
                         "indexer: index '%s' records no source to watch; give one with --corpus DIR or --jsonl FILE"
                         % self.index)


if __name__ == "__main__":
    unittest.main()
