"""Man pages and bash completion are written by the binaries from the flags
--help shows (`--man`, `--completion`; the build saves them beside the
binaries and `cmake --install` installs them): every flag of --help is in the
man page and offered by the completion."""
import glob
import json
import os
import re
import shutil
import subprocess
import unittest

from harness import INDEXER, SEARCH, run

BUILD = os.path.dirname(INDEXER)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def pages():
    """{name: text} of README.md and every docs/*.md page."""
    out = {}
    for path in [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))):
        with open(path, encoding="utf-8") as f:
            out[os.path.relpath(path, ROOT)] = f.read()
    return out


def holders(text, where):
    """The pages that hold text: where a generated section lives now."""
    return [name for name, page in where.items() if text in page]


def long_flags(help_text):
    """The --flags --help lists in its option lines."""
    flags = set()
    for line in help_text.splitlines():
        if line.startswith("  -"):  # "  -n,--limit UINT   text": the names stand before the first gap
            flags.update(re.findall(r"(--[a-z][a-z-]*)", line.split("  ")[1]))
    return flags


class Docs(unittest.TestCase):
    def check(self, binary, name):
        help_text = run([binary, "--help"]).stdout.decode()
        flags = long_flags(help_text)
        self.assertIn("--index", flags)
        man = run([binary, "--man"])
        self.assertEqual(man.returncode, 0, man.stderr.decode())
        page = man.stdout.decode()
        self.assertTrue(page.startswith(".TH %s 1" % name.upper()), page[:80])
        for flag in flags:
            self.assertIn("\\fB" + flag.replace("-", "\\-"), page.replace(", ", ", \\fB"), flag)
        with open(os.path.join(BUILD, name + ".1"), encoding="utf-8") as f:
            self.assertEqual(f.read(), page, "the build's man page is not the binary's")
        if shutil.which("man"):
            r = subprocess.run(["man", "-l", os.path.join(BUILD, name + ".1")], capture_output=True,
                               env={**os.environ, "MANPAGER": "cat", "MANWIDTH": "80"})
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            self.assertIn("OPTIONS", r.stdout.decode())
        completion = os.path.join(BUILD, name + ".bash-completion")
        script = f'source {completion}; COMP_WORDS=({name} --in); COMP_CWORD=1; _kosearch_{name}; echo "${{COMPREPLY[@]}}"'
        offered = subprocess.run(["bash", "-c", script], capture_output=True).stdout.decode().split()
        self.assertIn("--index", offered)
        self.assertTrue(all(f.startswith("--in") for f in offered), offered)

    def test_indexer(self):
        self.check(INDEXER, "indexer")

    def test_search(self):
        self.check(SEARCH, "search")


class OneTable(unittest.TestCase):
    """The JSON schema and the exit codes are written once, in the code
    (json_schema.h, exit_codes.h); --help shows them and the documentation
    (docs/scripting.md today) holds them exactly as the binaries print them."""

    def test_docs_hold_the_tables_the_binaries_print(self):
        where = pages()
        for binary, flag in ((SEARCH, "--json-schema"), (SEARCH, "--exit-codes"), (INDEXER, "--exit-codes")):
            with self.subTest(binary=os.path.basename(binary), flag=flag):
                r = run([binary, flag])
                self.assertEqual(r.returncode, 0)
                self.assertTrue(r.stdout.startswith(b"| "), r.stdout)
                self.assertTrue(holders(r.stdout.decode(), where),
                                "no page of README.md, docs/*.md holds `%s %s` as printed" % (binary, flag))

    def test_help_shows_every_exit_code(self):
        for binary, codes in ((SEARCH, ["0", "1", "2"]), (INDEXER, ["0", "1", "2", "3", "130, 143"])):
            help_text = run([binary, "--help"]).stdout.decode()
            block = help_text[help_text.index("Exit codes:"):]
            self.assertEqual(re.findall(r"^  ([0-9, ]+?)  ", block, re.M), codes)


class RelevanceFigures(unittest.TestCase):
    """The documentation's relevance figures for kosearch (docs/ranking.md
    today) are the ones pinned in bench/relevance_expected.json, which CTest's
    relevance test holds the engine to: no page can claim more than the test
    checks."""

    def setUp(self):
        self.pages = pages()
        with open(os.path.join(ROOT, "bench", "relevance_expected.json"), encoding="utf-8") as f:
            self.pinned = json.load(f)

    def assertShown(self, text):
        self.assertTrue(holders(text, self.pages), "no page of README.md, docs/*.md shows: " + text)

    def test_korquad_row_is_the_pinned_figures(self):
        korquad = self.pinned["korquad"]
        figures = [korquad[c][k] for c in ("clean", "mixed") for k in ("mrr10", "r10")]
        self.assertShown("| **kosearch** | " + " | ".join("**%.4f**" % x for x in figures) + " |")
        self.assertShown("R@1 %.4f (clean) / %.4f (mixed)" % (korquad["clean"]["r1"], korquad["mixed"]["r1"]))

    def test_petitions_rows_are_the_pinned_figures(self):
        for variant in ("clean", "mixed"):
            f = self.pinned["petitions"][variant]
            cells = [f["mrr10"]] + [f["by_length"][k]["mrr10"] for k in ("1-2", "3-4", "5-7", "8+", "1-4")]
            self.assertShown("| **kosearch**, %s | " % variant + " | ".join("**%.4f**" % x for x in cells) + " |")


if __name__ == "__main__":
    unittest.main()
