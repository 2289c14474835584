"""End-to-end: each kind of bad input gets exactly one `warning: <path>:
<reason>` line, is counted in the summary, costs no other document, and sets
the documented exit code (1 when something was skipped, 0 when it was
repaired and indexed)."""
import json
import os
import shutil
import subprocess
import unittest

from big_article_text import WORDS
from harness import CorpusTestCase, permission_bits_bind, run, summary_counts, warning_lines, xapian_module, INDEXER


def check_index(index):
    """indexer --check's exit code (0: sound)."""
    return run([INDEXER, "--check", "--index", index, "-q"]).returncode



def run_measured(cmd):
    """Runs `cmd`; returns (exit code, stdout, stderr, resource usage of the process)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with proc.stdout, proc.stderr:
        err = proc.stderr.read()  # the indexer writes nothing to stdout outside --dry-run
        out = proc.stdout.read()
    _, status, rusage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, out, err, rusage


class BadCorpusFile(CorpusTestCase):
    as_user = []  # the prefix a test sets for the indexer to meet the permission bits

    def run_indexer(self):
        """Runs the indexer; returns (exit code, warnings, summary counts, max RSS in KiB)."""
        rc, out, err, rusage = run_measured(self.as_user + [INDEXER, "--corpus", self.corpus, "--index", self.index])
        self.assertEqual(out, b"")
        lines = err.decode().splitlines()
        self.assertTrue(lines, "no summary")
        for line in lines[:-1]:
            self.assertRegex(line, r"^warning: .+: .+$")
        return rc, warning_lines(err), summary_counts(err), rusage

    def assert_one_warning(self, path, reason_part, skipped, code):
        rc, warnings, counts, _ = self.run_indexer()
        self.assertEqual(len(warnings), 1, warnings)
        self.assertEqual(warnings[0][0], path)
        self.assertIn(reason_part, warnings[0][1])
        self.assertEqual(counts["skipped"], 1 if skipped else 0)
        self.assertEqual(counts["warnings"], 1)
        self.assertEqual(rc, code)
        self.assert_seed_articles_indexed()
        return counts

    def assert_seed_articles_indexed(self):
        self.assertEqual(set(self.ranked_ids("엔비디아")), {"001_296e250b8337e3ff.txt", "002_4f174f445bf85026.txt",
                                                        "003_8cfa8beb3592a07e.txt"})
        self.assertEqual(len(self.ranked_ids("노광 장비")), 4)

    def test_invalid_utf8_is_replaced_and_indexed(self):
        path = self.write("latin1.txt", "화웨이 신제품 발표\n\n".encode() + b"caf\xe9 \xff\xfe zorblax \xed\xa0\x80 end\n")
        counts = self.assert_one_warning(path, "not valid UTF-8; ill-formed bytes replaced by U+FFFD", False, 0)
        self.assertEqual(counts["added"], 5)
        hits, _ = self.search_json("zorblax")
        self.assertEqual([h["id"] for h in hits], ["latin1.txt"])

    def test_nul_bytes_binary_file_is_skipped(self):
        path = self.write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
        self.assert_one_warning(path, "binary file (contains NUL bytes); skipped", True, 1)

    def test_empty_file_is_skipped(self):
        path = self.write("empty.txt", b"")
        self.assert_one_warning(path, "empty file; skipped", True, 1)

    def test_white_space_only_file_is_skipped(self):
        path = self.write("blank.txt", b" \n\t\r\n  \n")
        self.assert_one_warning(path, "empty file; skipped", True, 1)

    def test_huge_binary_file_is_skipped_with_bounded_memory(self):
        path = os.path.join(self.corpus, "huge.txt")
        with open(path, "wb") as f:  # sparse: instant, no disk used
            f.truncate(100 * 1024 * 1024)
        rc, warnings, counts, rusage = self.run_indexer()
        self.assertEqual(warnings, [(path, "binary file (contains NUL bytes); skipped")])
        self.assertEqual((rc, counts["skipped"], counts["added"]), (1, 1, 4))
        # Refused at its first NUL byte: the file is never read whole.
        self.assertLess(rusage.ru_maxrss, 64 * 1024, "indexer used %d KiB for a skipped 100 MiB file" % rusage.ru_maxrss)

    def test_file_just_under_the_limit_is_read(self):
        path = os.path.join(self.corpus, "big.txt")
        line = ("대용량 문서 줄 zorblax 입니다. " * 20 + "\n").encode()
        with open(path, "wb") as f:
            f.write(line * (5 * 1024 * 1024 // len(line)))
        rc, warnings, counts, _ = self.run_indexer()
        self.assertEqual((rc, warnings, counts["added"]), (0, [], 5))
        self.assertEqual(self.ranked_ids("zorblax"), ["big.txt"])

    def test_word_over_the_term_limit_is_cut_and_indexed(self):
        xapian = xapian_module(self)
        path = self.write("long-word.txt", "아주 긴 낱말\n\n" + "가" * 100 + " 그리고 " + "x" * 300 + " zorblax\n")
        rc, warnings, counts, _ = self.run_indexer()
        self.assertEqual(len(warnings), 1, warnings)
        self.assertEqual(warnings[0][0], path)
        self.assertIn("longer than 200 bytes indexed cut short", warnings[0][1])
        self.assertEqual((rc, counts["added"], counts["skipped"]), (0, 5, 0))
        self.assertEqual(self.ranked_ids("zorblax"), ["long-word.txt"])
        longest = max(len(t.term) for t in xapian.Database(self.index).allterms())
        self.assertLessEqual(longest, 245)

    def meet_permission_bits(self):
        self.as_user = permission_bits_bind()
        if self.as_user is None:
            self.skipTest("running as root without a working setpriv: chmod 000 does not stop root")

    def test_unreadable_file_is_skipped(self):
        self.meet_permission_bits()
        path = self.write("secret.txt", "읽을 수 없는 기사\n\n본문.\n")
        os.chmod(path, 0)
        self.assert_one_warning(path, "cannot read: Permission denied; skipped", True, 1)

    def test_file_that_turns_unreadable_keeps_its_indexed_version(self):
        self.meet_permission_bits()
        path = self.write("secret.txt", "잠긴 기사\n\nzorblax 본문.\n")
        self.build_index()
        os.chmod(path, 0)
        rc, warnings, counts, _ = self.run_indexer()
        self.assertEqual((rc, len(warnings), counts["removed"]), (1, 1, 0))
        self.assertEqual(self.ranked_ids("zorblax"), ["secret.txt"])

    def test_folder_that_cannot_be_listed_keeps_what_was_indexed_from_it(self):
        self.meet_permission_bits()
        os.makedirs(os.path.join(self.corpus, "locked"))
        self.write("locked/inside.txt", "잠긴 폴더의 기사\n\nzorblax 본문.\n")
        self.build_index()
        os.chmod(os.path.join(self.corpus, "locked"), 0)
        try:
            rc, warnings, counts, _ = self.run_indexer()
        finally:
            os.chmod(os.path.join(self.corpus, "locked"), 0o755)
        self.assertEqual(len(warnings), 1, warnings)
        self.assertIn("cannot list folder", warnings[0][1])
        self.assertEqual((rc, counts["removed"]), (1, 0))
        self.assertEqual(self.ranked_ids("zorblax"), ["locked/inside.txt"])

    def test_symlink_loop_is_skipped(self):
        path = os.path.join(self.corpus, "loop.txt")
        os.symlink("loop.txt", path)
        self.assert_one_warning(path, "symlink loop; skipped", True, 1)

    def test_symlink_to_a_folder_is_not_followed(self):
        os.makedirs(os.path.join(self.corpus, "sub"))
        path = os.path.join(self.corpus, "sub", "up")
        os.symlink("..", path)  # would loop forever if followed
        self.assert_one_warning(path, "symlink to a folder; not followed", True, 1)

    def test_symlink_leading_outside_the_corpus_is_skipped(self):
        outside = os.path.join(self.tmp, "outside.txt")
        with open(outside, "w", encoding="utf-8") as f:
            f.write("코퍼스 밖의 글\n\nzorblax.\n")
        path = os.path.join(self.corpus, "outside.txt")
        os.symlink(outside, path)
        self.assert_one_warning(path, "symlink leads outside the corpus", True, 1)
        self.assertEqual(self.search("zorblax").returncode, 1)

    def test_symlink_to_a_file_inside_the_corpus_is_indexed_as_a_copy(self):
        os.symlink("000_f83dc9f58ae6b65b.txt", os.path.join(self.corpus, "alias.txt"))
        rc, warnings, counts, _ = self.run_indexer()
        self.assertEqual((rc, counts["added"], counts["duplicates"]), (0, 5, 1))
        self.assertEqual(warnings[0][1], "same text as '000_f83dc9f58ae6b65b.txt'; results show it once")

    def test_fifo_is_skipped_without_blocking(self):
        path = os.path.join(self.corpus, "pipe.txt")
        os.mkfifo(path)
        self.assert_one_warning(path, "a FIFO; skipped", True, 1)

    def test_file_name_not_valid_utf8_is_skipped(self):
        with open(os.path.join(self.corpus.encode(), b"caf\xe9.txt"), "w", encoding="utf-8") as f:
            f.write("이름이 잘못된 파일\n\nzorblax.\n")
        self.assert_one_warning(self.corpus + "/caf\ufffd.txt", "file name is not valid UTF-8", True, 1)

    def test_hidden_files_are_ignored_silently(self):
        self.write(".draft.txt", "숨은 파일\n\nzorblax.\n")
        rc, warnings, counts, _ = self.run_indexer()
        self.assertEqual((rc, warnings, counts["added"]), (0, [], 4))


class IndexerUsageErrors(CorpusTestCase):
    """One line naming the problem, exit 2, nothing written."""

    def assert_usage_error(self, r, line):
        self.assertEqual((r.returncode, r.stdout), (2, b""))
        self.assertEqual(r.stderr.decode(), "indexer: %s (see --help)\n" % line)
        self.assertFalse(os.path.exists(self.index))

    def test_unknown_flag_or_argument(self):
        self.assert_usage_error(self.indexer("--no-such-flag", "extra"),
                                "unknown flag or argument: --no-such-flag extra")

    def test_value_out_of_range(self):
        self.assert_usage_error(self.indexer("--threads", "0"), "--threads: Value 0 not in range 1 to 256")

    def test_a_corpus_and_a_jsonl_file_in_one_run_is_a_usage_error(self):
        # One run reads one input: --corpus was silently ignored beside --jsonl.
        path = os.path.join(self.tmp, "in.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(BadJsonlRecord.GOOD[0], ensure_ascii=False) + "\n")
        r = run([INDEXER, "--corpus", self.corpus, "--jsonl", path, "--index", self.index], cwd=self.tmp)
        self.assert_usage_error(r, "--corpus excludes --jsonl")


class BadJsonlRecord(CorpusTestCase):
    GOOD = [{"id": "g1", "title": "좋은 기록", "text": "엔비디아 반도체 이야기."},
            {"id": "g2", "title": "또 좋은 기록", "text": "중국 AI 이야기."}]

    def index_lines(self, bad_line):
        """Indexes good, bad, good: returns (exit code, warnings, counts)."""
        path = os.path.join(self.tmp, "in.jsonl")
        with open(path, "wb") as f:
            f.write(json.dumps(self.GOOD[0], ensure_ascii=False).encode() + b"\n")
            f.write(bad_line + b"\n")
            f.write(json.dumps(self.GOOD[1], ensure_ascii=False).encode() + b"\n")
        r = run([INDEXER, "--jsonl", path, "--index", self.index], cwd=self.tmp)
        self.where = path + ":2"
        return r.returncode, warning_lines(r.stderr), summary_counts(r.stderr)

    def assert_skipped(self, bad_line, reason):
        rc, warnings, counts = self.index_lines(bad_line)
        self.assertEqual(warnings, [(self.where, reason)])
        self.assertEqual((rc, counts["added"], counts["skipped"], counts["warnings"]), (1, 2, 1, 1))
        self.assertEqual(set(self.ranked_ids("이야기")), {"g1", "g2"})

    def test_line_that_is_not_json(self):
        self.assert_skipped(b'{"id": "b1", "text": "unterminated', "not valid JSON; skipped")

    def test_line_that_is_not_an_object(self):
        self.assert_skipped(b'["id", "text"]', "not a JSON object; skipped")

    def test_record_without_id(self):
        self.assert_skipped('{"title": "아이디 없음", "text": "본문"}'.encode(), 'record has no "id"; skipped')

    def test_record_without_text(self):
        self.assert_skipped('{"id": "b2", "title": "본문 없음"}'.encode(), 'record has no "text"; skipped')

    def test_record_with_invalid_utf8_is_repaired_and_indexed(self):
        rc, warnings, counts = self.index_lines(b'{"id": "b3", "text": "caf\xe9 zorblax"}')
        self.assertEqual(warnings, [(self.where, "not valid UTF-8; ill-formed bytes replaced by U+FFFD and indexed")])
        self.assertEqual((rc, counts["added"]), (0, 3))
        self.assertEqual(self.ranked_ids("zorblax"), ["b3"])

    def test_record_over_100_mib_is_skipped_with_bounded_memory(self):
        path = os.path.join(self.tmp, "in.jsonl")
        with open(path, "wb") as f:
            f.write(json.dumps(self.GOOD[0], ensure_ascii=False).encode() + b"\n")
            f.truncate(f.tell() + 200 * 1024 * 1024)  # a 200 MiB line of NUL bytes, sparse
            f.seek(0, os.SEEK_END)
            f.write(b"\n" + json.dumps(self.GOOD[1], ensure_ascii=False).encode() + b"\n")
        rc, _, err, rusage = run_measured([INDEXER, "--jsonl", path, "--index", self.index])
        self.assertEqual(rc, 1)
        self.assertEqual(warning_lines(err), [(path + ":2", "record of 200 MiB is at or over the 100 MiB limit; skipped")])
        self.assertEqual(summary_counts(err)["added"], 2)
        # A record is parsed whole, so up to the limit is held; never the whole line.
        self.assertLess(rusage.ru_maxrss, 160 * 1024)


class ArticleSizeLimit(CorpusTestCase):
    """Issue 21 (5): one huge article cost six times its size in memory. An
    article longer than --max-article-size is indexed up to its last whole
    line within it (its line numbers unchanged), with one warning; what lies
    beyond is neither read nor searchable, and a rerun skips it unchanged."""

    LIMIT = "1M"
    WARNING = ("article of 2.9 MiB is longer than the 1 MiB limit; only its first 1 MiB is searchable "
               "(--max-article-size raises the limit)")

    def huge_text(self):
        """About 3 MB: a word on line 3, filler paragraphs, a word on the last line."""
        lines = ["아주 긴 기사 하나", "", "첫 문단에 zorblaxfirst 가 있다.", ""]
        n, size = 0, 0
        while size < 3 * 1000 * 1000:
            lines += [" ".join(WORDS[(n * 7 + k) % 10] for k in range(12)) + " 문단%d 번째 이야기이다." % n, ""]
            size += len(lines[-2].encode()) + 2
            n += 1
        return "\n".join(lines + ["마지막 문단 zorblaxend"]) + "\n"

    def assert_cut(self, where, rc, err):
        self.assertEqual(rc, 0, err.decode())
        self.assertEqual(warning_lines(err), [(where, self.WARNING)])
        self.assertEqual(self.ranked_ids("zorblaxend"), [])
        self.assertEqual(check_index(self.index), 0)

    def test_file_over_the_limit_is_indexed_up_to_it(self):
        path = self.write("huge.txt", self.huge_text())
        r = self.indexer("--max-article-size", self.LIMIT)
        self.assert_cut(path, r.returncode, r.stderr)
        self.assertEqual(summary_counts(r.stderr)["added"], 5)
        hits, _ = self.search_json("zorblaxfirst")
        self.assertEqual([(h["id"], h["line"]) for h in hits], [("huge.txt", 3)])
        # A rerun skips it as unchanged, without the warning.
        r = self.indexer("--max-article-size", self.LIMIT)
        self.assertEqual((r.returncode, warning_lines(r.stderr)), (0, []))
        self.assertEqual(summary_counts(r.stderr)["unchanged"], 5)
        # A higher limit indexes it whole.
        r = self.indexer("--max-article-size", "none")
        self.assertEqual((r.returncode, warning_lines(r.stderr), summary_counts(r.stderr)["updated"]), (0, [], 1))
        self.assertEqual(self.ranked_ids("zorblaxend"), ["huge.txt"])

    def test_jsonl_text_over_the_limit_is_indexed_up_to_it(self):
        path = os.path.join(self.tmp, "in.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "huge", "title": "긴 기록", "text": self.huge_text()}, ensure_ascii=False) + "\n")
        r = run([INDEXER, "--jsonl", path, "--index", self.index, "--max-article-size", self.LIMIT])
        self.assert_cut(path + ":1", r.returncode, r.stderr)
        self.assertEqual(self.ranked_ids("zorblaxfirst"), ["huge"])
        r = run([INDEXER, "--jsonl", path, "--index", self.index, "--max-article-size", self.LIMIT])
        self.assertEqual((r.returncode, warning_lines(r.stderr), summary_counts(r.stderr)["unchanged"]), (0, [], 1))


class RepeatedWarnings(CorpusTestCase):
    """Issue 21 (3): a 20,000-review import printed 20,001 lines, one per
    record. Warnings of one kind are one line with the count and a first
    example; -v lists each; common date spellings are read, not warned about."""

    def write_records(self, dates):
        path = os.path.join(self.tmp, "reviews.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for n, date in enumerate(dates):
                f.write(json.dumps({"id": "r%d" % n, "date": date, "text": "리뷰 %d 재밌다" % n},
                                   ensure_ascii=False) + "\n")
        return path

    def test_one_line_per_kind_with_the_count_and_a_first_example(self):
        path = self.write_records(["어제"] * 3000 + ["2024-02-30"])
        with open(path, "a", encoding="utf-8") as f:
            f.write("not json\n" * 2 + '{"id": "r0", "text": "또"}\n')
        r = run([INDEXER, "--jsonl", path, "--index", self.index], cwd=self.tmp)
        lines = r.stderr.decode().splitlines()
        self.assertEqual(lines[:-1], [
            "warning: 3,001 records have a \"date\" that is not a date, e.g. %s:1 '어제'; left out; -v lists each" % path,
            "warning: 2 inputs: not valid JSON; skipped (e.g. %s:3002); -v lists each" % path,
            "warning: %s:3004: id 'r0' repeats the record at %s:1; skipped (the first one is indexed)" % (path, path),
        ])
        counts = summary_counts(r.stderr)
        self.assertEqual((r.returncode, counts["added"], counts["warnings"]), (1, 3001, 3004))
        shutil.rmtree(self.index)
        r = run([INDEXER, "--jsonl", path, "--index", self.index, "-v"], cwd=self.tmp)
        told = [l for l in r.stderr.decode().splitlines() if l.startswith("warning: ")]
        self.assertEqual(len(told), 3004)
        self.assertEqual(told[0], "warning: %s:1: \"date\" '어제' is not a date; left out" % path)

    def test_common_date_spellings_are_read_in_records_and_in_filters(self):
        # NSMC's reviews write YY.MM.DD (as scraped): 03.11.21 is 2003-11-21 by POSIX's %y rule.
        path = self.write_records(["03.11.21", "2003.11.22", "20031123", "2003-11-24T09:30:00+09:00", "99.01.02"])
        r = run([INDEXER, "--jsonl", path, "--index", self.index], cwd=self.tmp)
        self.assertEqual((r.returncode, warning_lines(r.stderr)), (0, []), r.stderr.decode())
        self.assertEqual(sorted(self.ranked_ids("리뷰", "date:2003-11-21..2003-11-24")), ["r0", "r1", "r2", "r3"])
        self.assertEqual(self.ranked_ids("리뷰", "date:..1999-12-31"), ["r4"])
        self.assertEqual(self.ranked_ids("리뷰", "date:03.11.21"), ["r0"])
        self.assertEqual(sorted(self.ranked_ids("리뷰", "date:2003.11.22..20031123")), ["r1", "r2"])
        self.assertEqual(sorted(self.ranked_ids("리뷰", "--since", "03.11.23", "--until", "2003-11-24T23:00")),
                         ["r2", "r3"])


if __name__ == "__main__":
    unittest.main()
