"""End-to-end: index maintenance as a user meets it (issue 11): versions,
bounded query cost, permission / lock / corruption told apart, progress and
verbosity, legacy encodings."""
import os
import re
import subprocess
import unittest

from harness import CorpusTestCase, run, INDEXER, SEARCH

REPO = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


def source_constant(relative_path, pattern):
    with open(os.path.join(REPO, relative_path), encoding="utf-8") as f:
        return re.search(pattern, f.read()).group(1)


class Version(unittest.TestCase):
    def test_both_binaries_print_every_version_and_exit_0(self):
        release = source_constant("CMakeLists.txt", r"project\(kosearch VERSION (\S+)")
        analyzer = source_constant("common/include/kosearch/analyzer.h", r'version = "([^"]+)"')
        schema = source_constant("common/include/kosearch/schema.h", r'version = "([^"]+)"')
        for program, binary in (("indexer", INDEXER), ("search", SEARCH)):
            r = run([binary, "--version"])
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            self.assertEqual(r.stderr, b"")
            lines = r.stdout.decode().splitlines()
            self.assertEqual([l.split(" ")[0] for l in lines], [program, "xapian", "icu", "analyzer", "schema"])
            self.assertEqual(lines[0], program + " " + release)
            self.assertRegex(lines[1], r"^xapian 1\.4\.\d+$")
            self.assertRegex(lines[2], r"^icu \d+\.\d+")
            self.assertEqual(lines[3], "analyzer " + analyzer)
            self.assertEqual(lines[4], "schema " + schema)
            try:
                import xapian
                self.assertEqual(lines[1], "xapian " + xapian.version_string())
            except ImportError:
                pass


class QueryLength(CorpusTestCase):
    """Issue 11: `search - < q.txt` with a 1 MB query ran for over ten minutes
    and grew to 5.4 GB. Over the limits (64 KiB, 1,000 words) a query is one
    error line and exit 2; with -F its beginning is searched, with one warning."""

    def setUp(self):
        super().setUp()
        self.build_index()
        with open(os.path.join(self.corpus, "000_f83dc9f58ae6b65b.txt"), encoding="utf-8") as f:
            self.words = re.findall(r"[가-힣]+", f.read())

    def n_words(self, n):
        return " ".join(self.words[i % len(self.words)] for i in range(n))

    def query_of(self, n_bytes):
        text, i = [], 0
        size = 0
        while size < n_bytes:
            word = self.words[i % len(self.words)]
            text.append(word)
            size += len(word.encode()) + 1
            i += 1
        return " ".join(text).encode()[:n_bytes].decode("utf-8", "ignore")

    def test_a_1_MB_query_on_stdin_is_one_error_line_and_exit_2(self):
        query = self.query_of(1024 * 1024).encode()
        r = self.search("-", input=query, timeout=10)  # was more than ten minutes
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(r.stderr.decode(), "search: query on stdin is over the limit of 65536 bytes (64 KiB); "
                                            "shorten it (or search its beginning with -F/--literal)\n")

    def test_too_many_words_as_arguments_is_one_error_line_and_exit_2(self):
        query = self.n_words(1200)
        r = self.search(query, timeout=10)
        self.assertEqual(r.returncode, 2)
        self.assertRegex(r.stderr.decode(), r"^search: query of \d+ words is over the limit of 1000 words; shorten it "
                                            r"\(or search its beginning with -F/--literal\)\n$")

    def test_a_query_within_the_limits_runs(self):
        r = self.search("-c", self.n_words(900), timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stderr, b"")

    def test_literal_cuts_a_1_MB_query_to_the_limits_with_one_warning(self):
        query = self.query_of(1024 * 1024).encode()
        r = self.search("-F", "-c", "-", input=query, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        lines = r.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertRegex(lines[0], r"^search: warning: query cut to its first \d+ bytes to fit the limits "
                                   r"\(1000 words, 65536 bytes\)$")
        self.assertGreater(int(r.stdout), 0)

    def test_a_batch_reports_the_long_query_and_runs_the_others(self):
        batch = "q1\t노광 장비\nq2\t" + self.n_words(1200) + "\nq3\tASML\n"
        r = self.search("--batch", "-", "--count", input=batch.encode(), timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout.decode().splitlines(), ["q1\t4", "q3\t2"])
        self.assertRegex(r.stderr.decode(), r"^search: query q2: query of \d+ words is over the limit of 1000 words")
        self.assertEqual(len(r.stderr.decode().splitlines()), 1)


if __name__ == "__main__":
    unittest.main()
