"""End-to-end: the command examples of the documentation run as written.

Every fenced block of README.md and of each docs/*.md page that holds
commands is taken: a `sh` block
(one command a line, `# comments` dropped), a block whose first line starts
with `$ ` (a transcript: that command, then what it prints) and a `python`
block. Each runs with bash from a folder laid out like the repository's root
after the set-up (corpus/, build/ with the binaries, a freshly built index/;
the build's folder first on PATH, as the README tells) and must exit 0.
A transcript's printed lines (those not shortened with `…`) must be what
the command prints. A block that must not run, or must exit otherwise, says
so in an HTML comment on the line before its fence:

  <!-- readme-test: exit 2 -->           expected exit code (1: no hit)
  <!-- readme-test: skip REASON -->       not run here, and why
  <!-- readme-test: synopsis -->          a summary with placeholders: every
                                          --flag it names must be in --help

A command block without a comment that cannot run fails the test; nothing is
skipped silently. Every relative link of these pages leads to a file that
exists, and a link with an #anchor to a heading of that page (as GitHub
names headings)."""
import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from harness import CORPUS, INDEXER, SEARCH

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
MARK = re.compile(r"^<!-- readme-test: (exit (\d+)|skip (.+)|synopsis) -->$")


def page_name(page):
    return os.path.relpath(page, ROOT)


def blocks(page):
    """(line number, language, body lines, marker) of each fenced block."""
    with open(page, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, i = [], 0
    while i < len(lines):
        fence = re.match(r"^```(\S*)$", lines[i])
        if not fence:
            i += 1
            continue
        end = lines.index("```", i + 1)
        marker = MARK.match(lines[i - 1]) if i > 0 else None
        out.append((i + 1, fence.group(1), lines[i + 1:end], marker))
        i = end + 1
    return out


def headings_and_links(page):
    """The anchors of a page's headings (GitHub's way: lower case, punctuation
    dropped, spaces to hyphens, a repeated one numbered) and its links, as
    (line number, target), outside fenced blocks and code spans."""
    anchors, links, seen, fence = set(), [], {}, False
    with open(page, encoding="utf-8") as f:
        for number, line in enumerate(f.read().split("\n"), 1):
            if line.startswith("```"):
                fence = not fence
            if fence:
                continue
            heading = re.match(r"^#{1,6} (.*)$", line)
            if heading:
                slug = re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-")
                anchors.add(slug if slug not in seen else "%s-%d" % (slug, seen[slug]))
                seen[slug] = seen.get(slug, 0) + 1
            prose = re.sub(r"`[^`]*`", "", line)
            links += [(number, target) for target in re.findall(r"\]\(([^)\s]+)\)", prose)]
    return anchors, links


def command_of(line):
    """A sh block's line without its trailing `# comment` (outside quotes)."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] == " "):
            return line[:i].strip()
    return line.strip()


class ReadmeExamples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-readme-")
        shutil.copytree(CORPUS, os.path.join(cls.tmp, "corpus"))
        os.symlink(os.path.dirname(SEARCH), os.path.join(cls.tmp, "build"))
        # `search - < article.txt`: a pasted text over the 64 KiB limit.
        with open(os.path.join(CORPUS, sorted(os.listdir(CORPUS))[0]), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(cls.tmp, "article.txt"), "w", encoding="utf-8") as f:
            f.write(text * (70000 // len(text.encode()) + 1))
        cls.env = {k: v for k, v in os.environ.items() if k not in ("SEARCH_INDEX", "NO_COLOR")}
        cls.env["PATH"] = os.path.dirname(INDEXER) + os.pathsep + os.path.dirname(SEARCH) + os.pathsep + \
            cls.env.get("PATH", "")
        r = subprocess.run(["indexer"], cwd=cls.tmp, env=cls.env, capture_output=True, timeout=120)
        assert r.returncode == 0, r.stderr.decode()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_shell(self, script):
        return subprocess.run(["bash", "-c", script], cwd=self.tmp, env=self.env, capture_output=True, timeout=120)

    def check(self, where, result, expected):
        self.assertEqual(result.returncode, expected, "%s: exit %d\n%s%s" % (
            where, result.returncode, result.stdout.decode(), result.stderr.decode()))

    def test_every_command_example_runs_as_written(self):
        ran = {}
        for page in PAGES:
            ran[page_name(page)] = self.run_examples(page)
        self.assertGreaterEqual(ran["README.md"], 6, ran)
        self.assertGreaterEqual(sum(ran.values()), 15, ran)

    def test_every_link_leads_somewhere(self):
        anchors = {os.path.realpath(page): headings_and_links(page)[0] for page in PAGES}
        checked = 0
        for page in PAGES:
            for number, target in headings_and_links(page)[1]:
                if re.match(r"^[a-z]+:", target):
                    continue  # https:, mailto:: not ours to check
                where = "%s:%d: %s" % (page_name(page), number, target)
                path, _, anchor = target.partition("#")
                linked = os.path.realpath(os.path.join(os.path.dirname(page), path)) if path else \
                    os.path.realpath(page)
                with self.subTest(link=where):
                    self.assertTrue(os.path.exists(linked), where + ": no such file")
                    if anchor:
                        self.assertIn(linked, anchors, where + ": an anchor into a page that is not checked")
                        self.assertIn(anchor, anchors[linked], where + ": no such heading")
                checked += 1
        self.assertGreaterEqual(checked, 20)

    def run_examples(self, page):
        ran = 0
        for number, language, body, marker in blocks(page):
            line = "%s line %d" % (page_name(page), number)
            transcript = bool(body) and body[0].startswith("$ ")
            if language not in ("sh", "python") and not transcript:
                self.assertIsNone(marker, "%s: a marked block that holds no commands" % line)
                continue
            if marker and marker.group(1) == "synopsis":
                self.check_synopsis(line, body)
                continue
            if marker and marker.group(3):
                continue  # skipped, with the reason on the page
            expected = int(marker.group(2)) if marker and marker.group(2) else 0
            with self.subTest(line=line):
                if language == "python":
                    r = subprocess.run(["/usr/bin/python3", "-c", "\n".join(body)], cwd=self.tmp, env=self.env,
                                       capture_output=True, timeout=120)
                    self.check(line, r, expected)
                    self.assertTrue(r.stdout.strip(), "%s printed nothing" % line)
                elif transcript:
                    r = self.run_shell(body[0][2:])
                    self.check(line, r, expected)
                    printed = (r.stdout + r.stderr).decode().split("\n")
                    for shown in body[1:]:
                        if shown.strip() and "…" not in shown:
                            self.assertIn(shown, printed, "%s: not printed" % line)
                else:
                    for command in filter(None, map(command_of, body)):
                        self.check(line, self.run_shell(command), expected)
                ran += 1
        return ran

    def check_synopsis(self, line, body):
        helps = {}
        for text in body:
            words = text.split()
            if not words or words[0] not in ("indexer", "search"):
                continue
            if words[0] not in helps:
                helps[words[0]] = self.run_shell(words[0] + " --help").stdout.decode()
            for flag in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", command_of(text)):
                self.assertIn(flag, helps[words[0]], "%s: %s %s is not in --help" % (line, words[0], flag))


if __name__ == "__main__":
    unittest.main()
