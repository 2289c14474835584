"""End-to-end: sharded indexes, local and remote (xapian-tcpsrv on 127.0.0.1).

One corpus is indexed twice, as one index and as `--shards 2`; the two shards
are then served by two xapian-tcpsrv processes on free loopback ports. Every
way of searching the shards (the index dir, a local stub, a remote stub) must
give exactly the ranking of the single index. Servers are started and stopped
by PID; no loop waits without a bound.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest

from harness import CORPUS, INDEXER, SEARCH, SHARED, database_dir, run

TCPSRV = shutil.which("xapian-tcpsrv") or "/usr/bin/xapian-tcpsrv"
KORQUAD = os.path.join(SHARED, "data", "korquad", "docs.jsonl") if SHARED else ""
# Words of the seed corpus and of KorQuAD paragraphs (whichever is indexed).
QUERIES = ["노광 장비", "엔비디아", "반도체 수출", "중국", "대통령", "조선 시대", "음악", "1945년", "전쟁 이후 미국"]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def accepts(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Server:
    """One xapian-tcpsrv serving `db` on a free loopback port."""

    def __init__(self, db):
        self.db = db
        self.proc = None
        self.port = None
        for _ in range(3):  # another process may take the port between probe and bind
            self.port = free_port()
            self.proc = subprocess.Popen([TCPSRV, "--interface", "127.0.0.1", "--port", str(self.port), db],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                         start_new_session=True)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.proc.poll() is None and not accepts(self.port):
                time.sleep(0.05)
            if self.proc.poll() is None and accepts(self.port):
                return
            self.stop()
        raise RuntimeError(f"xapian-tcpsrv did not start for {db}")

    @property
    def stub_line(self):
        return f"remote 127.0.0.1:{self.port}"

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.kill(self.proc.pid, signal.SIGCONT)  # in case a test froze it
            self.proc.terminate()
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


@unittest.skipUnless(os.path.exists(TCPSRV), "xapian-tcpsrv (xapian-tools) is not installed")
class Shards(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-shards-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.source = ["--jsonl", KORQUAD] if KORQUAD and os.path.exists(KORQUAD) else ["--corpus", CORPUS]
        cls.single = os.path.join(cls.tmp, "single")
        cls.sharded = os.path.join(cls.tmp, "sharded")
        for index, extra in ((cls.single, []), (cls.sharded, ["--shards", "2"])):
            r = run([INDEXER, *cls.source, "--index", index, *extra], cwd=cls.tmp, timeout=600)
            if r.returncode not in (0, 1):
                raise AssertionError(f"indexer {extra} failed: {r.stderr.decode()}")
        cls.servers = []
        cls.addClassCleanup(lambda: [s.stop() for s in cls.servers])
        for shard in ("shard0", "shard1"):
            cls.servers.append(Server(os.path.join(database_dir(cls.sharded), shard)))
        cls.remote_stub = os.path.join(cls.tmp, "remote.stub")
        write(cls.remote_stub, "".join(s.stub_line + "\n" for s in cls.servers))
        cls.local_stub = os.path.join(cls.tmp, "local.stub")
        shards = os.path.relpath(database_dir(cls.sharded), cls.tmp)
        write(cls.local_stub, "# the two shards, relative to this file\nauto %s/shard0\n\nglass %s/shard1\n" % (shards, shards))

    def search(self, index, *args, timeout=120):
        return run([SEARCH, "--index", index, *args], cwd=self.tmp, timeout=timeout)

    def hits(self, index, query, *args):
        r = self.search(index, "--json", "-n", "20", *args, query)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        lines = [json.loads(line) for line in r.stdout.decode().splitlines()]
        return [(h["id"], h["score"], h["line"]) for h in lines if h["type"] == "hit"]

    def assertSameRanking(self, expected, got, what):
        self.assertEqual([h[0] for h in got], [h[0] for h in expected], what)
        for (_, want, _), (_, score, _) in zip(expected, got):
            self.assertAlmostEqual(score, want, delta=1e-9, msg=what)
        self.assertEqual([h[2] for h in got], [h[2] for h in expected], what)

    def test_indexer_writes_a_stub_listing_each_shard(self):
        # INDEX/XAPIANDB names the live generation, whose own stub lists its shards.
        with open(os.path.join(self.sharded, "XAPIANDB"), encoding="utf-8") as f:
            self.assertRegex(f.read(), r"^auto gen-\d+\n$")
        generation = database_dir(self.sharded)
        with open(os.path.join(generation, "XAPIANDB"), encoding="utf-8") as f:
            self.assertEqual(f.read().split("\n"), ["auto shard0", "auto shard1", ""])
        for shard in ("shard0", "shard1"):
            self.assertTrue(os.path.exists(os.path.join(generation, shard, "iamglass")), shard)

    def test_every_shard_holds_part_of_the_articles(self):
        per_shard = [self.hits(os.path.join(database_dir(self.sharded), s), "중국 미국 대통령 엔비디아", "--mode", "any")
                     for s in ("shard0", "shard1")]
        self.assertTrue(all(per_shard), "a shard has none of the common words")
        self.assertFalse({h[0] for h in per_shard[0]} & {h[0] for h in per_shard[1]}, "an article is in both shards")

    def test_local_and_remote_shards_rank_exactly_like_one_index(self):
        found = 0
        for query in QUERIES:
            for mode in ("prefer-all", "all"):
                expected = self.hits(self.single, query, "--mode", mode)
                found += bool(expected)
                for index in (self.sharded, os.path.join(self.sharded, "XAPIANDB"), self.local_stub, self.remote_stub):
                    self.assertSameRanking(expected, self.hits(index, query, "--mode", mode), (query, mode, index))
        self.assertGreaterEqual(found, len(QUERIES) // 2, "too few queries have hits to compare")

    def test_reindexing_a_sharded_index_changes_nothing(self):
        r = run([INDEXER, *self.source, "--index", self.sharded], cwd=self.tmp, timeout=600)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        self.assertRegex(r.stderr.decode().splitlines()[-1], r"^added 0, updated 0, unchanged \d+, removed 0")

    def test_another_shard_count_is_refused(self):
        r = run([INDEXER, *self.source, "--index", self.sharded, "--shards", "3"], cwd=self.tmp, timeout=600)
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        self.assertEqual(len(r.stderr.decode().splitlines()), 1, r.stderr.decode())

    def test_shard_that_is_down_is_exit_2_naming_it(self):
        spare = Server(os.path.join(database_dir(self.sharded), "shard1"))
        self.addCleanup(spare.stop)
        stub = os.path.join(self.tmp, "down.stub")
        write(stub, f"{self.servers[0].stub_line}\n{spare.stub_line}\n")
        self.assertIn(self.search(stub, "중국").returncode, (0, 1), "both shards up: the stub must work")
        spare.stop()
        started = time.monotonic()
        r = self.search(stub, "--timeout", "2000", "중국", timeout=30)
        elapsed = time.monotonic() - started
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        lines = r.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn(spare.stub_line, lines[0])
        self.assertIn("line 2", lines[0])
        self.assertLess(elapsed, 2 + 3, "a refused connection must fail within the timeout")
        self.assertEqual(r.stdout, b"")

    def test_hung_shard_fails_within_the_timeout(self):
        frozen = Server(os.path.join(database_dir(self.sharded), "shard1"))
        self.addCleanup(frozen.stop)
        stub = os.path.join(self.tmp, "hung.stub")
        write(stub, f"{self.servers[0].stub_line}\n{frozen.stub_line}\n")
        os.kill(frozen.proc.pid, signal.SIGSTOP)  # accepts connections (kernel backlog), never answers
        started = time.monotonic()
        r = self.search(stub, "--timeout", "800", "중국", timeout=60)
        elapsed = time.monotonic() - started
        os.kill(frozen.proc.pid, signal.SIGCONT)
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        lines = r.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn(frozen.stub_line, lines[0])
        self.assertIn("imeout", lines[0])
        self.assertLess(elapsed, 0.8 * 2 + 3, "a hung shard must fail within connect + read timeouts")

    def test_malformed_stub_names_the_line(self):
        stub = os.path.join(self.tmp, "bad.stub")
        write(stub, "auto sharded/shard0\nremote 127.0.0.1\n")
        r = self.search(stub, "중국")
        self.assertEqual(r.returncode, 2)
        self.assertRegex(r.stderr.decode(), r"^search: shard stub '.*bad.stub' line 2: .*no port")

    def test_missing_local_shard_is_exit_2_naming_it(self):
        stub = os.path.join(self.tmp, "missing.stub")
        write(stub, "auto %s/shard0\nauto sharded/shard9\n" % os.path.relpath(database_dir(self.sharded), self.tmp))
        r = self.search(stub, "중국")
        self.assertEqual(r.returncode, 2)
        self.assertIn("auto sharded/shard9", r.stderr.decode())


if __name__ == "__main__":
    unittest.main()
