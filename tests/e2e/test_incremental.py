"""End-to-end: incremental reindexing of a corpus folder and of a JSONL file.
Every case checks the summary counts, what search finds, and (where it
matters) that the result equals a clean rebuild of the same input."""
import json
import os
import shutil
import subprocess
import unittest

from harness import (A000, A001, A002, A003, CorpusTestCase, database_dir, index_dump, index_ids, run, summary_counts, warning_lines,
                     xapian_module, INDEXER, SEARCH)

NEW_ARTICLE = ("평택 반도체 공장 착공\n\n"
               "삼성전자가 평택에 새 반도체 공장을 짓는다고 밝혔다.\n"
               "이번 공장은 zorblax 공정으로 메모리를 만든다.\n")
QUERIES = ["노광 장비", "엔비디아", "중국", "zorblax", "반도체 공장", "ASML"]


class IndexComparison:
    """Mixin: an index equals a clean rebuild of the same input."""

    def assert_equals_clean_rebuild(self, *input_args, also=()):
        """`also`: the inputs of further runs into the clean index (another source)."""
        xapian = xapian_module(self)
        clean = os.path.join(self.tmp, "clean-index")
        shutil.rmtree(clean, ignore_errors=True)
        for args in (input_args, *also):
            r = run([INDEXER, *args, "--index", clean], cwd=self.tmp)
            self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        got, got_stats = index_dump(xapian, self.index)
        want, want_stats = index_dump(xapian, clean)
        self.assertEqual(sorted(got), sorted(want), "different documents")
        for doc_id in want:
            self.assertEqual(got[doc_id], want[doc_id], "document %s differs from a clean rebuild" % doc_id)
        self.assertEqual(got_stats, want_stats)
        # Same ranked results; a group of identical articles may be shown by
        # any of its members, so hits are compared by fingerprint (value slot 2).
        fingerprint = {i: dict(d[1]).get(2) for i, d in want.items()}
        for q in QUERIES:
            self.assertEqual(self.ranked(self.index, q, fingerprint), self.ranked(clean, q, fingerprint), q)

    def ranked(self, index, query, fingerprint):
        r = run([SEARCH, "--index", index, "--json", "-n", "50", query], cwd=self.tmp)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        lines = [json.loads(l) for l in r.stdout.decode().splitlines()]
        return [(fingerprint[h["id"]], round(h["score"], 9)) for h in lines if h["type"] == "hit"]


class CorpusReindex(CorpusTestCase, IndexComparison):
    def setUp(self):
        super().setUp()
        self.build_index()

    def reindex(self, *args, expect=0):
        r = self.indexer(*args)
        self.assertEqual(r.returncode, expect, r.stderr.decode())
        return summary_counts(r.stderr), r

    def test_added_article_is_the_only_change_and_is_searchable(self):
        self.write("new.txt", NEW_ARTICLE)
        counts, _ = self.reindex()
        self.assertEqual(counts, {"added": 1, "updated": 0, "unchanged": 4, "removed": 0, "skipped": 0})
        self.assertEqual(self.ranked_ids("zorblax"), ["new.txt"])

    def test_changed_article_is_updated(self):
        with open(os.path.join(self.corpus, A003), "a", encoding="utf-8") as f:
            f.write("\n추가 문단: zorblax 장비가 도입됐다.\n")
        counts, _ = self.reindex()
        self.assertEqual((counts["updated"], counts["unchanged"], counts["added"]), (1, 3, 0))
        self.assertEqual(self.ranked_ids("zorblax"), [A003])

    def test_renamed_article_is_removed_and_added_under_its_new_name(self):
        os.makedirs(os.path.join(self.corpus, "sub"))
        os.rename(os.path.join(self.corpus, A002), os.path.join(self.corpus, "sub", "renamed.txt"))
        counts, _ = self.reindex()
        self.assertEqual((counts["added"], counts["removed"], counts["unchanged"]), (1, 1, 3))
        ids = self.ranked_ids("노광 장비")
        self.assertIn("sub/renamed.txt", ids)
        self.assertNotIn(A002, ids)

    def test_removed_article_disappears(self):
        self.assertIn(A003, self.ranked_ids("엔비디아"))
        os.remove(os.path.join(self.corpus, A003))
        counts, _ = self.reindex()
        self.assertEqual((counts["removed"], counts["unchanged"]), (1, 3))
        self.assertNotIn(A003, self.ranked_ids("엔비디아"))

    def test_identical_copy_is_reported_once_and_shown_once(self):
        shutil.copy(os.path.join(self.corpus, A002), os.path.join(self.corpus, "copy.txt"))
        counts, r = self.reindex()
        self.assertEqual((counts["added"], counts["duplicates"]), (1, 1))
        self.assertEqual(warning_lines(r.stderr), [(os.path.join(self.corpus, "copy.txt"),
                                                    "same text as '%s'; results show it once" % A002)])
        ids = self.ranked_ids("노광 장비")
        self.assertEqual(len([i for i in ids if i in (A002, "copy.txt")]), 1, ids)

    def test_near_identical_copy_is_a_duplicate_too(self):
        with open(os.path.join(self.corpus, A002), encoding="utf-8") as f:
            text = f.read()
        # Saved again elsewhere: other line wrapping, spacing and punctuation, full-width digits.
        near = text.replace(". ", ".\n").replace(",", " ,").replace("2022년", "２０２２년")
        self.assertNotEqual(near, text)
        self.write("near.txt", near)
        counts, r = self.reindex()
        self.assertEqual(counts["duplicates"], 1, r.stderr.decode())
        ids = self.ranked_ids("노광 장비")
        self.assertEqual(len([i for i in ids if i in (A002, "near.txt")]), 1, ids)

    def test_articles_without_body_are_not_duplicates_of_each_other(self):
        self.write("only-title-1.txt", "첫 번째 제목뿐인 글\n")
        self.write("only-title-2.txt", "두 번째 제목뿐인 글\n")
        counts, r = self.reindex()
        self.assertEqual((counts["added"], counts.get("duplicates", 0)), (2, 0), r.stderr.decode())

    def test_unchanged_articles_are_not_rewritten(self):
        xapian = xapian_module(self)
        # Mark two stored documents; a rewrite (re-analysis) would drop the mark.
        db = xapian.WritableDatabase(self.index, xapian.DB_OPEN)
        for doc_id in (A000, A001):
            docid = next(iter(db.postlist(b"Q" + doc_id.encode()))).docid
            doc = db.get_document(docid)
            doc.add_boolean_term(b"XZMARK")
            db.replace_document(docid, doc)
        db.commit()
        db.close()
        with open(os.path.join(self.corpus, A001), "a", encoding="utf-8") as f:
            f.write("\n덧붙임.\n")
        counts, _ = self.reindex()
        self.assertEqual((counts["updated"], counts["unchanged"]), (1, 3))
        marked = [p.docid for p in xapian.Database(self.index).postlist(b"XZMARK")]
        self.assertEqual(marked, [next(iter(xapian.Database(self.index).postlist(b"Q" + A000.encode()))).docid])

    def test_run_without_changes_writes_no_new_revision(self):
        xapian = xapian_module(self)
        before = xapian.Database(self.index).get_revision()
        counts, _ = self.reindex()
        self.assertEqual(counts["unchanged"], 4)
        self.assertEqual(xapian.Database(self.index).get_revision(), before)

    def test_dry_run_lists_changes_and_writes_nothing(self):
        xapian = xapian_module(self)
        before = xapian.Database(self.index).get_revision()
        self.write("new.txt", NEW_ARTICLE)
        with open(os.path.join(self.corpus, A001), "a", encoding="utf-8") as f:
            f.write("\n덧붙임.\n")
        os.remove(os.path.join(self.corpus, A003))
        r = self.indexer("--dry-run")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stdout.decode().splitlines(), ["update\t" + A001, "add\tnew.txt", "remove\t" + A003])
        self.assertRegex(r.stderr.decode(), r"^dry run: would have added 1, updated 1, unchanged 2, removed 1, skipped 0 in")
        self.assertEqual(xapian.Database(self.index).get_revision(), before)
        self.assertEqual(self.search("zorblax").returncode, 1)
        counts, _ = self.reindex()
        self.assertEqual((counts["added"], counts["updated"], counts["removed"]), (1, 1, 1))

    def test_rebuild_starts_over_and_equals_a_clean_build(self):
        self.write("new.txt", NEW_ARTICLE)
        os.remove(os.path.join(self.corpus, A003))
        self.reindex()
        counts, _ = self.reindex("--rebuild")
        self.assertEqual((counts["added"], counts["unchanged"], counts["removed"]), (4, 0, 0))
        self.assertFalse(os.path.exists(self.index + ".rebuild"))
        self.assert_equals_clean_rebuild("--corpus", self.corpus)

    def test_rebuild_replaces_a_corrupt_index(self):
        # Every block, not only the first: which blocks are live depends on
        # how the index was written (a compacted build, later commits).
        postlist = os.path.join(database_dir(self.index), "postlist.glass")
        size = os.path.getsize(postlist)
        with open(postlist, "r+b") as f:
            f.write((b"\xde\xad\xbe\xef" * (size // 4 + 1))[:size])
        r = self.indexer()
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        err = r.stderr.decode().splitlines()
        self.assertEqual(len(err), 1, err)
        self.assertIn("--rebuild", err[0])
        r = self.indexer("--rebuild")
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        self.assertEqual(subprocess.run(["xapian-check", database_dir(self.index)], capture_output=True).returncode, 0)
        self.assertEqual(set(self.ranked_ids("엔비디아")), {A001, A002, A003})

    def test_index_path_holding_other_files_is_refused(self):
        other = os.path.join(self.tmp, "documents")
        os.makedirs(other)
        with open(os.path.join(other, "notes.txt"), "w") as f:
            f.write("mine")
        for args in ((), ("--rebuild",)):
            r = run([INDEXER, "--corpus", self.corpus, "--index", other, *args], cwd=self.tmp)
            self.assertEqual(r.returncode, 2, r.stderr.decode())
            self.assertEqual(os.listdir(other), ["notes.txt"])

    def append(self, name, text):
        with open(os.path.join(self.corpus, name), "a", encoding="utf-8") as f:
            f.write(text)

    def move(self, name, to):
        os.makedirs(os.path.dirname(os.path.join(self.corpus, to)), exist_ok=True)
        os.rename(os.path.join(self.corpus, name), os.path.join(self.corpus, to))

    def test_any_sequence_of_runs_equals_a_clean_rebuild(self):
        corpus = lambda name: os.path.join(self.corpus, name)
        steps = [
            lambda: (self.write("new1.txt", NEW_ARTICLE), self.write("new2.txt", "둘째 새 기사\n\n엔비디아 이야기.\n")),
            lambda: self.append(A001, "\n중국 관련 문단.\n"),
            lambda: self.move(A002, "sub/moved.txt"),
            lambda: os.remove(corpus(A003)),
            lambda: (shutil.copy(corpus(A000), corpus("copy.txt")),
                     self.write("new1-again.txt", NEW_ARTICLE.replace("\n", "\n\n"))),
            lambda: (self.write("binary.txt", b"abc\0def"), self.write("latin1.txt", "중국 기사\n\n".encode() + b"caf\xe9\n")),
            lambda: self.write("new2.txt", ""),  # emptied: removed, as a rebuild would not have it
            lambda: (os.remove(corpus(A000)), self.write("binary.txt", "이제 글이 된 파일\n\n중국 이야기.\n")),
        ]
        for step in steps:
            step()
            r = self.indexer()
            self.assertIn(r.returncode, (0, 1), r.stderr.decode())
            self.assert_equals_clean_rebuild("--corpus", self.corpus)


class JsonlReindex(CorpusTestCase, IndexComparison):
    def setUp(self):
        super().setUp()
        self.jsonl = os.path.join(self.tmp, "articles.jsonl")
        self.records = [
            {"id": "r1", "title": "반도체 장비 수출", "text": "노광 장비 수출이 늘었다.\n엔비디아도 언급됐다."},
            {"id": "r2", "title": "중국 AI", "text": "중국 AI 모델 성능이 뒤처졌다."},
            {"id": "r3", "title": "평택 공장", "text": "삼성전자가 평택에 zorblax 공장을 짓는다."},
            {"id": 4, "title": "숫자 아이디", "text": "아이디가 숫자인 기록."},
        ]
        self.save()
        r = self.index_jsonl()
        self.assertEqual(r.returncode, 0, r.stderr.decode())

    def save(self, extra_lines=()):
        with open(self.jsonl, "w", encoding="utf-8") as f:
            for line in extra_lines:
                f.write(line + "\n")
            for rec in self.records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def index_jsonl(self, *args):
        return run([INDEXER, "--jsonl", self.jsonl, "--index", self.index, *args], cwd=self.tmp)

    def test_add_change_remove_by_id(self):
        self.records[1]["text"] = "중국 AI 모델이 zorblax 를 따라잡았다."
        del self.records[2]
        self.records.append({"id": "r5", "title": "새 기록", "text": "새로 더한 엔비디아 기록."})
        self.save()
        r = self.index_jsonl()
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        counts = summary_counts(r.stderr)
        # r2 changed; record 4 moved up a line (its stored line is rewritten, not re-analysed).
        self.assertEqual((counts["added"], counts["updated"], counts["unchanged"], counts["removed"]), (1, 2, 1, 1))
        self.assertEqual(self.ranked_ids("zorblax"), ["r2"])
        self.assertEqual(set(self.ranked_ids("엔비디아")), {"r1", "r5"})
        self.assert_equals_clean_rebuild("--jsonl", self.jsonl)

    def test_record_that_only_moved_keeps_its_terms_and_gets_its_new_line(self):
        xapian = xapian_module(self)
        db = xapian.WritableDatabase(self.index, xapian.DB_OPEN)
        docid = next(iter(db.postlist(b"Qr3"))).docid
        doc = db.get_document(docid)
        doc.add_boolean_term(b"XZMARK")
        db.replace_document(docid, doc)
        db.commit()
        db.close()
        self.records.insert(0, {"id": "r0", "title": "맨 앞", "text": "맨 앞에 끼운 기록."})
        self.save()
        r = self.index_jsonl()
        counts = summary_counts(r.stderr)
        self.assertEqual((counts["added"], counts["updated"], counts["unchanged"]), (1, 4, 0), r.stderr.decode())
        db = xapian.Database(self.index)
        self.assertEqual([p.docid for p in db.postlist(b"XZMARK")], [docid], "r3 was re-analysed")
        hits = {h["id"]: h for h in self.search_json("zorblax")[0]}
        self.assertEqual(hits["r3"]["line"], 4)
        # Apart from the test's mark, the index is what a clean build gives.
        db = xapian.WritableDatabase(self.index, xapian.DB_OPEN)
        doc = db.get_document(docid)
        doc.remove_term(b"XZMARK")
        db.replace_document(docid, doc)
        db.commit()
        db.close()
        self.assert_equals_clean_rebuild("--jsonl", self.jsonl)

    def test_repeated_id_keeps_the_first_record(self):
        self.records.append({"id": "r1", "title": "같은 아이디", "text": "두 번째 r1 기록 zorblax."})
        self.save()
        for _ in range(2):  # stable: a rerun changes nothing
            r = self.index_jsonl()
            self.assertEqual(r.returncode, 1, r.stderr.decode())
            self.assertEqual(warning_lines(r.stderr), [(self.jsonl + ":5", "id 'r1' repeats the record at %s:1; "
                                                        "skipped (the first one is indexed)" % self.jsonl)])
            counts = summary_counts(r.stderr)
            self.assertEqual((counts["unchanged"], counts["skipped"]), (4, 1))
        self.assertEqual(self.search("zorblax", "-n", "10").returncode, 0)
        self.assertNotIn("r1", self.ranked_ids("zorblax"))
        self.assert_equals_clean_rebuild("--jsonl", self.jsonl)

    def test_id_of_another_input_is_not_taken_over(self):
        r = self.indexer()  # the corpus folder into the same index
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.records.append({"id": A000, "title": "빼앗기", "text": "코퍼스 파일의 아이디를 쓰는 기록."})
        self.save()
        r = self.index_jsonl()
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        (path, reason), = warning_lines(r.stderr)
        self.assertEqual(path, self.jsonl + ":5")
        self.assertIn("belongs to an article from dir:", reason)
        hits = {h["id"]: h for h in self.search_json("--path-style", "absolute", "노광 장비")[0]}
        self.assertEqual(hits[A000]["path"], os.path.join(self.corpus, A000))

    def test_stdin(self):
        with open(self.jsonl, "rb") as f:
            data = f.read()
        r = run([INDEXER, "--jsonl", "-", "--index", os.path.join(self.tmp, "stdin-index")], cwd=self.tmp, input=data)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(summary_counts(r.stderr)["added"], 4)

    def test_sequence_of_runs_equals_a_clean_rebuild(self):
        steps = [
            lambda: self.records.append({"id": "r5", "title": "다섯", "text": "다섯째 기록."}),
            lambda: self.records.insert(0, {"id": "r0", "title": "영", "text": "맨 앞 기록 중국."}),
            lambda: self.records[2].update(text="바뀐 본문 엔비디아."),
            lambda: self.records.pop(3),
            lambda: self.records.append({"id": "r6", "title": "복제", "text": self.records[1]["text"]}),
            lambda: self.records.append({"id": "r7", "text": ""}),
        ]
        for step in steps:
            step()
            self.save(extra_lines=["not json", '{"title": "no id", "text": "x"}'])
            r = self.index_jsonl()
            self.assertEqual(r.returncode, 1, r.stderr.decode())
            self.assert_equals_clean_rebuild("--jsonl", self.jsonl)


if __name__ == "__main__":
    unittest.main()
