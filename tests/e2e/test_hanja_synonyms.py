"""Hanja read in Hangul and the index's synonym list, as a new user meets them.

The table is queries/hanja_synonyms.tsv (its header says the format): each
case must put its article first, and --json's "rewrites" and --explain's
"rewritten:" lines must say what fired (or that nothing did). The corpus is
the bundled articles plus a few small ones for what they lack (a bank in
Hanja and in Hangul, 北/軍, 與/檢, DeepSeek)."""
import json
import os
import shutil
import tempfile
import unittest

from harness import CORPUS, INDEXER, SEARCH, database_dir, run, run_on_terminal
from test_shards import TCPSRV, Server, write

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "queries", "hanja_synonyms.tsv")
CUSTOM = os.path.join(HERE, "queries", "custom_synonyms.txt")

EXTRA_ARTICLES = {
    "x01_bank_hanja.txt": "銀行 대출 금리 또 올라\n\n시중 銀行들이 주택담보대출 금리를 0.2%포인트 올렸다. "
                          "대출 수요가 줄지 않았기 때문이다.\n",
    "x02_north.txt": "北 미사일 발사… 軍 경계 강화\n\n합동참모본부는 北이 오늘 동해상으로 탄도미사일을 쐈다고 "
                     "밝혔다. 軍은 경계 태세를 강화했다.\n",
    "x03_party.txt": "여당, 검찰 개혁 법안 단독 처리\n\n여당은 야당의 반발에도 검찰 개혁 법안을 본회의에서 "
                     "처리했다.\n",
    "x04_deepseek.txt": "DeepSeek, 새 추론 모델 공개\n\n중국 AI 스타트업 DeepSeek가 새 추론 모델을 내놨다. "
                        "비용은 기존 모델의 일부다.\n",
    "x05_bank_hangul.txt": "예금 금리 내린다\n\n은행들이 정기 예금 금리를 일제히 내렸다. 예금자들은 다른 "
                           "상품을 찾고 있다.\n",
}
INDEX_FLAGS = {"starter": [], "custom": ["--replace-synonyms", CUSTOM], "added": ["--synonyms", CUSTOM],
               "none": ["--synonyms", "none"]}


def read_table():
    """[(line number, index name, query, first id prefix or '-', [fired notes], highlight or '')]"""
    cases, index = [], "starter"
    with open(TABLE, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("## index:"):
                index = line.split(":", 1)[1].strip()
                continue
            if not line.strip() or line.startswith("#"):
                continue
            query, first, fired, highlight = (line.split("\t") + [""])[:4]
            cases.append((number, index, query, first, [] if fired == "-" else fired.split(","), highlight))
    return cases


def fired_notes(rewrites):
    """--json's rewrites as the table writes them."""
    return [f"hanja:{r['word']}={r['terms'][0]}" if r["by"] == "hanja" else f"synonym:{r['word']}" for r in rewrites]


class HanjaAndSynonyms(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-hanja-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.corpus = os.path.join(cls.tmp, "corpus")
        shutil.copytree(CORPUS, cls.corpus)
        for name, text in EXTRA_ARTICLES.items():
            write(os.path.join(cls.corpus, name), text)
        cls.indexes = {name: cls.build(name, flags) for name, flags in INDEX_FLAGS.items()}

    @classmethod
    def build(cls, name, flags, *more):
        index = os.path.join(cls.tmp, name)
        r = run([INDEXER, "--corpus", cls.corpus, "--index", index, *flags, *more], timeout=300)
        if r.returncode != 0:
            raise AssertionError(f"indexer {flags}: {r.stderr.decode()}")
        return index

    def search(self, index, query, limit=3):
        """(hits, summary) of `search --json --explain query` (no extra flag: the list is in the index)."""
        r = run([SEARCH, "--index", index, "--json", "--explain", "-n", str(limit), "--", query])
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        lines = [json.loads(line) for line in r.stdout.decode().splitlines()]
        return [o for o in lines if o["type"] == "hit"], lines[-1]

    def test_table(self):
        cases = read_table()
        self.assertGreaterEqual(len(cases), 40)
        for number, index, query, first, fired, highlight in cases:
            with self.subTest(line=number, index=index, query=query):
                hits, summary = self.search(self.indexes[index], query)
                if first == "-":
                    self.assertEqual(hits, [])
                else:
                    self.assertTrue(hits, "no hit")
                    self.assertTrue(hits[0]["id"].startswith(first), [h["id"] for h in hits])
                self.assertEqual(sorted(fired_notes(summary["rewrites"])), sorted(fired))
                explained = summary["explanation"]
                self.assertEqual("rewritten:" in explained, bool(fired), explained)
                rewritten = explained.partition("rewritten:")[2]  # one line in JSON
                for note in fired:
                    self.assertIn(" " + note.split(":", 1)[1].split("=")[0] + " → ", rewritten)
                if highlight:
                    marked = [hits[0]["snippet"][s:e] for s, e in hits[0]["highlights"]]
                    self.assertTrue(any(m.startswith(highlight) for m in marked), marked)

    def test_either_spelling_finds_the_same_articles(self):
        # (How they rank against each other: query_builder_test's SynonymIsTheSameQueryWord.)
        ids = lambda q: {h["id"] for h in self.search(self.indexes["starter"], q, limit=10)[0]}
        self.assertEqual(ids("엔비디아"), ids("NVIDIA"))
        self.assertEqual(ids("화웨이"), ids("Huawei"))
        self.assertEqual(ids("딥시크"), ids("DeepSeek"))

    def test_a_person_at_a_terminal_is_told_what_was_also_searched(self):
        code, out, err = run_on_terminal([SEARCH, "--index", self.indexes["starter"], "-n", "1", "美 엔비디아"],
                                         terminal="stderr")
        self.assertEqual(code, 0)
        self.assertEqual(err.decode().replace("\r\n", "\n"),
                         "search: 美 searched as 미국 (Hanja); 엔비디아 also as NVIDIA, 엔비디아社 "
                         "(synonyms from the starter list)\n")
        self.assertIn("엔비디아", out.decode())
        # Not into a pipe or a log file, and nothing when nothing was rewritten.
        self.assertEqual(run([SEARCH, "--index", self.indexes["starter"], "-n", "1", "美"]).stderr, b"")
        code, _, err = run_on_terminal([SEARCH, "--index", self.indexes["starter"], "-n", "1", "반도체"], terminal="stderr")
        self.assertEqual((code, err), (0, b""))

    def test_malformed_synonym_file_is_one_line_naming_the_line_and_exit_2(self):
        bad = os.path.join(self.tmp, "bad.txt")
        write(bad, "# mine\n엔비디아 = NVIDIA\n화웨이\n")
        index = os.path.join(self.tmp, "bad-index")
        r = run([INDEXER, "--corpus", self.corpus, "--index", index, "--synonyms", bad])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.decode(),
                         f"indexer: synonyms '{bad}' line 3: no '=': write a group as `word = other word [= …]`\n")
        self.assertFalse(os.path.exists(index))
        r = run([INDEXER, "--corpus", self.corpus, "--index", index, "--synonyms", os.path.join(self.tmp, "absent")])
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot read synonyms file", r.stderr.decode())

    def test_the_list_is_replaced_kept_and_survives_a_rebuild(self):
        index = self.build("replaced", [])
        fired = lambda q: fired_notes(self.search(index, q)[1]["rewrites"])
        self.assertEqual(fired("Huawei"), ["synonym:huawei"])
        self.build("replaced", ["--replace-synonyms", CUSTOM])  # an existing index: only the list changes
        self.assertEqual(fired("Huawei"), [])
        self.assertEqual(fired("lithography"), ["synonym:lithography"])
        self.build("replaced", [])  # a run without --synonyms keeps the list
        self.assertEqual(fired("lithography"), ["synonym:lithography"])
        self.build("replaced", [], "--rebuild")
        self.assertEqual(fired("lithography"), ["synonym:lithography"])
        self.build("replaced", ["--synonyms", "none"])
        self.assertEqual(fired("lithography"), [])

    def test_a_users_file_adds_to_the_starter_list_and_explain_names_the_list(self):
        # Issue 21 (9): `--synonyms my.txt` replaced the starter list, so NVIDIA no longer found 엔비디아.
        mine = os.path.join(self.tmp, "my.txt")
        write(mine, "딥시크 = DeepSeek\n")
        index = self.build("mine", ["--synonyms", mine])
        hits, summary = self.search(index, "NVIDIA")
        self.assertTrue(hits, "NVIDIA finds nothing: the starter list was dropped")
        self.assertEqual(fired_notes(summary["rewrites"]), ["synonym:nvidia"])
        self.assertIn("(synonyms from the starter list, ranked as the same word)", summary["explanation"])
        hits, summary = self.search(index, "딥시크")
        self.assertTrue(hits and hits[0]["id"].startswith("x04"), hits)
        self.assertIn(f"(synonyms from {mine}, ranked as the same word)", summary["explanation"])
        code, _, err = run_on_terminal([SEARCH, "--index", index, "-n", "1", "딥시크"], terminal="stderr")
        self.assertEqual(err.decode().replace("\r\n", "\n"), f"search: 딥시크 also as DeepSeek (synonyms from {mine})\n")
        # --synonyms none empties the list; --replace-synonyms keeps the file's groups alone.
        self.build("mine", ["--replace-synonyms", mine])
        self.assertEqual(fired_notes(self.search(index, "NVIDIA")[1]["rewrites"]), [])
        self.assertEqual(fired_notes(self.search(index, "DeepSeek")[1]["rewrites"]), ["synonym:deepseek"])
        self.build("mine", ["--synonyms", "none"])
        self.assertEqual(fired_notes(self.search(index, "DeepSeek")[1]["rewrites"]), [])

    @unittest.skipUnless(os.path.exists(TCPSRV), "xapian-tcpsrv (xapian-tools) is not installed")
    def test_every_shard_carries_the_list_local_and_remote(self):
        index = self.build("sharded", ["--synonyms", CUSTOM], "--shards", "2")
        servers = [Server(os.path.join(database_dir(index), shard)) for shard in ("shard0", "shard1")]
        self.addCleanup(lambda: [s.stop() for s in servers])
        stub = os.path.join(self.tmp, "remote.stub")
        write(stub, "".join(s.stub_line + "\n" for s in servers))
        for where in (index, stub):
            hits, summary = self.search(where, "lithography")
            self.assertEqual(fired_notes(summary["rewrites"]), ["synonym:lithography"], where)
            self.assertTrue(hits and hits[0]["id"].startswith("000"), where)


if __name__ == "__main__":
    unittest.main()
