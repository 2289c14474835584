"""End-to-end: the bulk build (a run into an empty index, or --rebuild) in
parts on several threads gives exactly what the incremental path gives: the
same documents (data, values, terms, positions), collection statistics,
rankings, warnings and summary, in input order; an incremental run on a bulk
index works; leftovers of an interrupted bulk build are cleaned up."""
import json
import os
import shutil
import unittest

from harness import CorpusTestCase, database_dir, index_dump, run, summary_counts, xapian_module, INDEXER, SEARCH

QUERIES = ["노광 장비", "엔비디아", "중국", "반도체 공장", "ASML", "zorblax", "기록"]


class BulkEqualsIncremental(CorpusTestCase):
    def build(self, index, *args):
        r = run([INDEXER, "--index", index, *args], cwd=self.tmp)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        return r

    def ranked(self, index, query):
        r = run([SEARCH, "--index", index, "--json", "-n", "50", query], cwd=self.tmp)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        lines = [json.loads(l) for l in r.stdout.decode().splitlines()]
        return [(h["id"], round(h["score"], 9)) for h in lines if h["type"] == "hit"]

    def assert_same_index(self, got_index, want_index):
        xapian = xapian_module(self)
        got, got_stats = index_dump(xapian, got_index)
        want, want_stats = index_dump(xapian, want_index)
        self.assertEqual(sorted(got), sorted(want))
        for doc_id in want:
            self.assertEqual(got[doc_id], want[doc_id], "document %s differs" % doc_id)
        self.assertEqual(got_stats, want_stats)
        for q in QUERIES:
            self.assertEqual(self.ranked(got_index, q), self.ranked(want_index, q), q)

    def docid_order(self, index):
        db = xapian_module(self).Database(index)
        return [db.get_document(p.docid).get_data() for p in db.postlist(b"")]

    def write_jsonl(self, name, lines):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            for line in lines:
                f.write((line if isinstance(line, bytes) else line.encode()) + b"\n")
        return path

    def test_corpus_in_parts_equals_the_incremental_path(self):
        bulk, incremental = os.path.join(self.tmp, "bulk"), os.path.join(self.tmp, "incr")
        self.build(bulk, "--corpus", self.corpus, "--threads", "3")
        # The incremental path: the first article alone (a bulk build), then the rest into that index.
        names = sorted(os.listdir(self.corpus))
        held = os.path.join(self.tmp, "held")
        os.makedirs(held)
        for name in names[1:]:
            os.rename(os.path.join(self.corpus, name), os.path.join(held, name))
        self.build(incremental, "--corpus", self.corpus)
        for name in names[1:]:
            os.rename(os.path.join(held, name), os.path.join(self.corpus, name))
        r = self.build(incremental, "--corpus", self.corpus)
        self.assertEqual(summary_counts(r.stderr)["added"], 3)
        self.assert_same_index(bulk, incremental)
        self.assertEqual(self.docid_order(bulk), self.docid_order(incremental))

    def test_jsonl_in_parts_equals_the_incremental_path_with_the_same_warnings(self):
        records = []
        for n in range(60):
            records.append(json.dumps({"id": "r%d" % n, "title": "기록 %d" % n,
                                       "text": "반도체 장비 %d 번째 문단.\n엔비디아 노광 장비 %d" % (n, n % 7)},
                                      ensure_ascii=False))
        records[10] = "not json"
        records[20] = json.dumps({"id": "r3", "text": "앞에 나온 아이디"}, ensure_ascii=False)  # repeats r3
        records[30] = b'{"id": "bad", "text": "\xff\xfe \xec\x9e\xa5\xeb\xb9\x84"}'  # invalid UTF-8
        records[45] = json.dumps({"id": "copy", "text": "반도체 장비 44 번째 문단.\n엔비디아 노광 장비 2"},
                                 ensure_ascii=False)  # same text as r44
        records[50] = json.dumps({"id": "r55", "text": "뒤에 같은 아이디가 또 나온다"}, ensure_ascii=False)
        records[51] = json.dumps({"id": "date", "date": "2024-13-40", "text": "날짜가 틀린 기록"}, ensure_ascii=False)
        bulk1, bulk3, incremental = (os.path.join(self.tmp, n) for n in ("bulk1", "bulk3", "incr"))
        jsonl = self.write_jsonl("all.jsonl", records)
        r1 = self.build(bulk1, "--jsonl", jsonl, "--threads", "1")
        r3 = self.build(bulk3, "--jsonl", jsonl, "--threads", "3")
        # The incremental path: the first record alone (a bulk build), then all of them into that index.
        self.write_jsonl("all.jsonl", records[:1])
        self.build(incremental, "--jsonl", jsonl)
        self.write_jsonl("all.jsonl", records)
        ri = self.build(incremental, "--jsonl", jsonl)
        strip = lambda r: r.stderr.decode().splitlines()[:-1]  # warnings, without the timed summary
        self.assertEqual(strip(r3), strip(r1))
        self.assertEqual(strip(ri), strip(r1))
        counts = summary_counts(r3.stderr)
        self.assertEqual(counts, summary_counts(r1.stderr))
        self.assertEqual((counts["added"], counts["skipped"]), (57, 3))
        self.assertIn("2 records repeat the id of an earlier one, e.g. %s:21 ('r3')" % jsonl, r3.stderr.decode())
        self.assertIn("same text as 'r44'", r3.stderr.decode())
        self.assertEqual(self.docid_order(bulk3), self.docid_order(bulk1))
        self.assert_same_index(bulk3, bulk1)
        self.assert_same_index(bulk3, incremental)
        # From stdin: one writer, or a copy of the stream split among several.
        with open(jsonl, "rb") as f:
            data = f.read()
        stdin1, stdin3 = os.path.join(self.tmp, "stdin1"), os.path.join(self.tmp, "stdin3")
        s1 = run([INDEXER, "--jsonl", "-", "--index", stdin1, "--threads", "1"], cwd=self.tmp, input=data)
        s3 = run([INDEXER, "--jsonl", "-", "--index", stdin3, "--threads", "3"], cwd=self.tmp, input=data)
        self.assertEqual(strip(s3), strip(s1))
        self.assertEqual(strip(s1), [l.replace(jsonl, "-") for l in strip(r1)])
        self.assertEqual(self.docid_order(stdin3), self.docid_order(stdin1))
        self.assert_same_index(stdin3, stdin1)
        self.assertFalse(os.path.exists(stdin3 + ".parts"))

    def test_incremental_run_on_a_bulk_index(self):
        r = self.build(self.index, "--corpus", self.corpus, "--threads", "2")
        self.assertEqual(summary_counts(r.stderr)["added"], 4)
        with open(os.path.join(self.corpus, "new.txt"), "w", encoding="utf-8") as f:
            f.write("새 기사\n\nzorblax 장비가 들어왔다.\n")
        os.remove(os.path.join(self.corpus, sorted(os.listdir(self.corpus))[0]))
        r = self.build(self.index, "--corpus", self.corpus)
        counts = summary_counts(r.stderr)
        self.assertEqual((counts["added"], counts["removed"], counts["unchanged"]), (1, 1, 3))
        self.assertEqual([h[0] for h in self.ranked(self.index, "zorblax")], ["new.txt"])
        self.assertEqual(run(["xapian-check", database_dir(self.index)]).returncode, 0)

    def killed_first_build(self):
        """The index as a first build killed before it published: its stub
        naming the empty first generation, beside which it built. Returns
        that generation's folder."""
        live = os.path.join(self.index, "gen-1")
        os.makedirs(live)
        with open(os.path.join(self.index, "XAPIANDB"), "w") as f:
            f.write("auto gen-1\n")
        return live

    def test_leftovers_of_an_interrupted_bulk_build_are_removed(self):
        live = self.killed_first_build()
        os.makedirs(live + ".parts/part0")
        with open(live + ".parts/part0/postlist.glass", "wb") as f:
            f.write(b"half written")
        os.makedirs(live + ".rebuild")
        r = self.build(self.index, "--corpus", self.corpus)
        self.assertEqual(summary_counts(r.stderr)["added"], 4)
        self.assertFalse(os.path.exists(live + ".parts"))
        self.assertFalse(os.path.exists(live + ".rebuild"))
        # An incremental run removes them too.
        live = database_dir(self.index)
        os.makedirs(live + ".parts/part1")
        r = self.build(self.index, "--corpus", self.corpus)
        self.assertEqual(summary_counts(r.stderr)["unchanged"], 4)
        self.assertFalse(os.path.exists(live + ".parts"))

    def test_a_parts_folder_holding_other_files_is_refused(self):
        live = self.killed_first_build()
        os.makedirs(live + ".parts")
        with open(live + ".parts/notes.txt", "w") as f:
            f.write("mine")
        r = run([INDEXER, "--corpus", self.corpus, "--index", self.index], cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertIn("not a kosearch index", r.stderr.decode())
        self.assertTrue(os.path.exists(live + ".parts/notes.txt"))

if __name__ == "__main__":
    unittest.main()
