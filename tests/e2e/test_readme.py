"""End-to-end: the README's command examples run as written.

Every fenced block of README.md that holds commands is taken: a `sh` block
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
skipped silently."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from harness import CORPUS, INDEXER, SEARCH

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
README = os.path.join(ROOT, "README.md")
MARK = re.compile(r"^<!-- readme-test: (exit (\d+)|skip (.+)|synopsis) -->$")


def blocks():
    """(line number, language, body lines, marker) of each fenced block."""
    with open(README, encoding="utf-8") as f:
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
        self.assertEqual(result.returncode, expected, "README line %d: exit %d\n%s%s" % (
            where, result.returncode, result.stdout.decode(), result.stderr.decode()))

    def test_every_command_example_runs_as_written(self):
        ran = 0
        for line, language, body, marker in blocks():
            transcript = bool(body) and body[0].startswith("$ ")
            if language not in ("sh", "python") and not transcript:
                self.assertIsNone(marker, "README line %d: a marked block that holds no commands" % line)
                continue
            if marker and marker.group(1) == "synopsis":
                self.check_synopsis(line, body)
                continue
            if marker and marker.group(3):
                continue  # skipped, with the reason in the README
            expected = int(marker.group(2)) if marker and marker.group(2) else 0
            with self.subTest(line=line):
                if language == "python":
                    r = subprocess.run(["/usr/bin/python3", "-c", "\n".join(body)], cwd=self.tmp, env=self.env,
                                       capture_output=True, timeout=120)
                    self.check(line, r, expected)
                    self.assertTrue(r.stdout.strip(), "README line %d printed nothing" % line)
                elif transcript:
                    r = self.run_shell(body[0][2:])
                    self.check(line, r, expected)
                    printed = (r.stdout + r.stderr).decode().split("\n")
                    for shown in body[1:]:
                        if shown.strip() and "…" not in shown:
                            self.assertIn(shown, printed, "README line %d: not printed" % line)
                else:
                    for command in filter(None, map(command_of, body)):
                        self.check(line, self.run_shell(command), expected)
                ran += 1
        self.assertGreaterEqual(ran, 8)

    def check_synopsis(self, line, body):
        helps = {}
        for text in body:
            words = text.split()
            if not words or words[0] not in ("indexer", "search"):
                continue
            if words[0] not in helps:
                helps[words[0]] = self.run_shell(words[0] + " --help").stdout.decode()
            for flag in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", command_of(text)):
                self.assertIn(flag, helps[words[0]], "README line %d: %s %s is not in --help" % (line, words[0], flag))


if __name__ == "__main__":
    unittest.main()
