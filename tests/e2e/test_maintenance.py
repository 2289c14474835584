"""End-to-end: index maintenance as a user meets it (issue 11): versions,
bounded query cost, permission / lock / corruption told apart, progress and
verbosity, legacy encodings."""
import os
import re
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


if __name__ == "__main__":
    unittest.main()
