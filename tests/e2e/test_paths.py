"""End-to-end: the paths search prints open from wherever search runs.
The index is built from a relative --corpus (the stored paths are relative to
the folder the indexer ran in); searches run from other folders print paths
relative to their own folder when the file is below it, absolute otherwise
(--path-style absolute: always), and path:line:column points at the passage."""
import json
import os
import unittest

from harness import CorpusTestCase, INDEXER, SEARCH, run

QUERY = "반도체 장비"


class PathsFromAnywhere(CorpusTestCase):
    def setUp(self):
        super().setUp()
        r = run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())

    def hits(self, cwd, *args):
        r = run([SEARCH, "--index", self.index, "--json", *args, QUERY], cwd=cwd)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return [h for h in map(json.loads, r.stdout.decode().splitlines()) if h["type"] == "hit"]

    def assert_cites_its_passage(self, cwd, hit):
        path = os.path.join(cwd, hit["path"])
        self.assertTrue(os.path.isfile(path), "%s from %s" % (hit["path"], cwd))
        with open(path, encoding="utf-8") as f:
            line = f.read().split("\n")[hit["line"] - 1]
        passage = hit["snippet"].split(" … ")[0].strip("…")[:20]
        self.assertTrue(passage and line[hit["column"] - 1:].startswith(passage),
                        "%s:%d:%d is not %r" % (hit["path"], hit["line"], hit["column"], passage))

    def test_from_tmp_paths_are_relative_to_tmp_and_open(self):
        hits = self.hits("/tmp")
        self.assertEqual(len(hits), 4)
        for hit in hits:
            self.assertFalse(os.path.isabs(hit["path"]), hit["path"])
            self.assertTrue(hit["path"].startswith(os.path.relpath(self.corpus, "/tmp") + "/"), hit["path"])
            self.assert_cites_its_passage("/tmp", hit)

    def test_from_a_folder_the_files_are_not_below_paths_are_absolute(self):
        elsewhere = os.path.join(self.tmp, "elsewhere")
        os.mkdir(elsewhere)
        for hit in self.hits(elsewhere):
            self.assertEqual(os.path.dirname(hit["path"]), self.corpus)
            self.assert_cites_its_passage(elsewhere, hit)

    def test_inside_the_corpus_paths_are_the_file_names(self):
        for hit in self.hits(self.corpus):
            self.assertEqual(hit["path"], hit["id"])
            self.assert_cites_its_passage(self.corpus, hit)

    def test_path_style_absolute_and_every_output_mode(self):
        for hit in self.hits(self.tmp, "--path-style", "absolute"):
            self.assertEqual(hit["path"], os.path.join(self.corpus, hit["id"]))
        r = run([SEARCH, "--index", self.index, "-l", QUERY], cwd="/tmp")
        self.assertEqual((r.returncode, len(r.stdout.decode().split())), (0, 4), r.stderr.decode())
        for path in r.stdout.decode().split():
            self.assertTrue(os.path.isfile(os.path.join("/tmp", path)), path)
        r = run([SEARCH, "--index", self.index, "-n", "1", QUERY], cwd=self.corpus)
        self.assertRegex(r.stdout.decode().splitlines()[1].strip(), r"^\d{3}_[0-9a-f]{16}\.txt:\d+:\d+$")
        r = run([SEARCH, "--index", self.index, "--path-style", "sideways", QUERY], cwd=self.tmp)
        self.assertEqual(r.returncode, 2)

    def jsonl_hits(self, query):
        r = run([SEARCH, "--index", self.index, "--json", query], cwd="/tmp")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return [h for h in map(json.loads, r.stdout.decode().splitlines()) if h["type"] == "hit"]

    def cited(self, hit):
        """The text of the JSONL line from the hit's column on."""
        with open(os.path.join("/tmp", hit["path"]), encoding="utf-8") as f:
            return f.read().split("\n")[hit["line"] - 1][hit["column"] - 1:]

    def test_jsonl_citations_point_at_the_record_line_and_the_column_in_it(self):
        records = [{"id": "j0", "title": "첫 기사", "text": "관계없는 글."},
                   {"id": "j1", "title": "둘째 \"인용\" 기사", "text": "첫 문단에 \"따옴표\".\n\n둘째 문단의 quuxplor 장비."},
                   {"id": "j2", "title": "셋째", "text": "앞 문단.\n셋째 기사의 quuxplor 소식."}]
        jsonl = os.path.join(self.tmp, "export.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            f.write(json.dumps(records[0], ensure_ascii=False) + "\n")
            f.write(json.dumps(records[1], ensure_ascii=False) + "\n")
            f.write(json.dumps(records[2]) + "\n")  # Hangul written as \\uXXXX
        r = run([INDEXER, "--jsonl", "export.jsonl", "--index", "index"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        hits = {h["id"]: h for h in self.jsonl_hits("quuxplor")}
        self.assertEqual((hits["j1"]["path"], hits["j1"]["line"]), (os.path.relpath(jsonl, "/tmp"), 2))
        self.assertTrue(self.cited(hits["j1"]).startswith("둘째 문단의 quuxplor"), self.cited(hits["j1"]))
        self.assertEqual(hits["j2"]["line"], 3)
        self.assertTrue(self.cited(hits["j2"]).startswith("\\uc14b\\uc9f8 "), self.cited(hits["j2"]))
        title_hit, = self.jsonl_hits("인용")
        self.assertTrue(self.cited(title_hit).startswith('둘째 \\"인용\\" 기사'), self.cited(title_hit))
        # A record above grows: the others' offsets move with it, and the rerun keeps the columns right.
        records[0]["text"] = "관계없는 글이 길어졌다. " * 5
        with open(jsonl, "w", encoding="utf-8") as f:
            for i, rec in enumerate(records):
                f.write(json.dumps(rec, ensure_ascii=(i == 2)) + "\n")
        r = run([INDEXER, "--jsonl", "export.jsonl", "--index", "index"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        hits = {h["id"]: h for h in self.jsonl_hits("quuxplor")}
        self.assertTrue(self.cited(hits["j1"]).startswith("둘째 문단의 quuxplor"), self.cited(hits["j1"]))


if __name__ == "__main__":
    unittest.main()
