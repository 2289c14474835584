"""Shared helpers for the end-to-end tests: run the real binaries (paths from
CMake through the environment) on a temporary copy of corpus/."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from index_state import database_dir, index_dump  # noqa: F401 (re-exported for the suites)

INDEXER = os.environ["INDEXER"]
SEARCH = os.environ["SEARCH"]
CORPUS = os.environ["CORPUS"]
SHARED = os.environ.get("SHARED", "")


def run(cmd, cwd=None, env=None, input=None, timeout=120):
    full_env = dict(os.environ)
    full_env.pop("SEARCH_INDEX", None)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run(cmd, cwd=cwd, env=full_env, input=input, capture_output=True,
                          timeout=timeout)


def run_on_terminal(cmd, terminal="stdout", cwd=None, env=None):
    """Runs cmd with its stdout or stderr (`terminal`) on a pseudo-terminal;
    returns (exit code, the other stream, what the terminal got)."""
    import pty
    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SEARCH_INDEX")}
    full_env.update(env or {})
    streams = {"stdout": follower, "stderr": subprocess.PIPE} if terminal == "stdout" else \
        {"stdout": subprocess.PIPE, "stderr": follower}
    proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, **streams)
    other = proc.stderr if terminal == "stdout" else proc.stdout
    seen, rest = read_terminal_until_exit(leader, proc, other)
    os.close(follower)
    os.close(leader)
    return proc.returncode, rest, seen


def read_terminal_until_exit(leader, proc, other=None, timeout=120):
    """What the pseudo-terminal `leader` got from proc (and what proc's pipe `other`
    got), read until proc has ended and nothing is left to read. The caller keeps its
    follower end open until this returns: once a terminal's last writer closes, the
    kernel may drop output the reader has not read yet (a CI run lost a search's
    highlighted lines that way)."""
    import select
    import time
    seen, rest = b"", b""
    sources = [leader] + ([other] if other is not None else [])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select(sources, [], [], 0.05)
        if leader in ready:
            seen += os.read(leader, 65536)
        if other is not None and other in ready:
            chunk = os.read(other.fileno(), 65536)
            rest += chunk
            if not chunk:
                sources.remove(other)
        if not ready and proc.poll() is not None:
            break
    proc.wait(timeout=1)
    if other is not None:
        other.close()
    return seen, rest


def permission_bits_bind():
    """A command prefix under which a file's permission bits stop the command:
    none for a normal user; for root (as in CI), setpriv dropping the two
    capabilities that let root read and list anything. None when neither works."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    with tempfile.NamedTemporaryFile() as probe:
        os.chmod(probe.name, 0)
        check = "import sys\ntry: open(sys.argv[1]).close()\nexcept PermissionError: sys.exit(3)"
        r = subprocess.run(prefix + ["/usr/bin/python3", "-c", check, probe.name], capture_output=True)
    return prefix if r.returncode == 3 else None


# Ids of the bundled articles in corpus/.
A000 = "000_f83dc9f58ae6b65b.txt"
A001 = "001_296e250b8337e3ff.txt"
A002 = "002_4f174f445bf85026.txt"
A003 = "003_8cfa8beb3592a07e.txt"


def json_schema_keys():
    """{"hit": [...], "summary": [...]}: the keys `search --json-schema` documents, in
    order, without "qid" (batch mode only)."""
    tables = run([SEARCH, "--json-schema"]).stdout.decode().strip().split("\n\n")
    keys = {}
    for table in tables:
        rows = [line.split(" | ")[0] for line in table.splitlines()[2:]]
        names = [k for row in rows for k in re.findall(r"`([a-z_]+)`", row)]
        obj = re.search(r'`"([a-z]+)"`', table.splitlines()[2]).group(1)
        keys[obj] = [k for k in names if k != "qid"]
    return keys


class JsonOutput:
    """search --json output, checked line by line (for test cases with a `search` method)."""

    def json_lines(self, r):
        """Every stdout line parsed as JSON (a line that does not parse fails the test)."""
        lines = []
        for n, line in enumerate(r.stdout.decode().splitlines(), 1):
            try:
                lines.append(json.loads(line))
            except json.JSONDecodeError as e:
                self.fail(f"line {n} is not JSON ({e}): {line!r}")
        return lines

    def search_json(self, *args):
        """Runs search --json; returns (hits, summary) after checking every line."""
        r = self.search("--json", *args)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        lines = self.json_lines(r)
        self.assertTrue(lines, "no JSON output")
        self.assertEqual(lines[-1]["type"], "summary", lines)
        self.assertTrue(all(l["type"] == "hit" for l in lines[:-1]), lines)
        return lines[:-1], lines[-1]

    def ranked_ids(self, *args):
        return [h["id"] for h in self.search_json(*args)[0]]


class IndexedCorpus(JsonOutput, unittest.TestCase):
    """A temp dir with a corpus and its index, built once for the class."""

    @classmethod
    def make_corpus(cls, corpus):
        shutil.copytree(CORPUS, corpus)

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-e2e-search-")
        cls.corpus = os.path.join(cls.tmp, "corpus")
        cls.index = os.path.join(cls.tmp, "index")
        cls.make_corpus(cls.corpus)
        # Relative, as a user types it: citations then read corpus/….
        r = run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=cls.tmp)
        if r.returncode != 0:
            raise RuntimeError("indexer failed: " + r.stderr.decode())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def search(self, *args, env=None, input=None):
        return run([SEARCH, "--index", self.index, *args], cwd=self.tmp, env=env, input=input)


class CorpusTestCase(JsonOutput, unittest.TestCase):
    """Each test gets its own copy of corpus/ and a fresh index in a temp dir."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="kosearch-e2e-")
        self.corpus = os.path.join(self.tmp, "corpus")
        self.index = os.path.join(self.tmp, "index")
        shutil.copytree(CORPUS, self.corpus)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def indexer(self, *args, **kw):
        return run([INDEXER, "--corpus", self.corpus, "--index", self.index, *args], cwd=self.tmp, **kw)

    def search(self, *args, **kw):
        return run([SEARCH, "--index", self.index, *args], cwd=self.tmp, **kw)

    def build_index(self):
        r = self.indexer()
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return r

    def write(self, name, data):
        path = os.path.join(self.corpus, name)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode) as f:
            f.write(data)
        return path


# --- helpers for the robustness suites (incremental, bad input, concurrency) ---

def xapian_module(test):
    """python3-xapian, or skips the test when this python has none."""
    try:
        import xapian
        return xapian
    except ImportError:
        test.skipTest("python3-xapian missing (run with Debian's /usr/bin/python3)")


def index_ids(xapian, index):
    db = xapian.Database(index)
    return sorted(t.term[1:].decode() for t in db.allterms(b"Q"))


def warning_lines(stderr):
    """The `warning: <path>: <reason>` lines of an indexer run, as (path, reason)."""
    out = []
    for line in stderr.decode().splitlines():
        if line.startswith("warning: "):
            path, _, reason = line[len("warning: "):].partition(": ")
            out.append((path, reason))
    return out


def summary_counts(stderr):
    """{'added': n, 'updated': n, …} from the indexer's summary (last stderr line)."""
    import re
    last = stderr.decode().splitlines()[-1]
    return {k: int(v) for k, v in re.findall(r"([a-z]+) (\d+)", last.split(" in ")[0])}

