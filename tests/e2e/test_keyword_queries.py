"""Keyword queries about the four bundled articles put their article(s) first,
on the articles alone and with 100,000 short NSMC reviews indexed beside them
(the mixed collection: one-line texts must not bury the articles).

The queries live in queries/keyword_queries.tsv; KEYWORD_QUERIES=FILE adds
another file of the same format (a held-out list)."""
import gzip
import itertools
import json
import os
import shutil
import tempfile
import unittest

import nsmc
from harness import CORPUS, INDEXER, SEARCH, run

HERE = os.path.dirname(os.path.abspath(__file__))
QUERY_FILES = [os.path.join(HERE, "queries", "keyword_queries.tsv")] + \
    [f for f in [os.environ.get("KEYWORD_QUERIES")] if f]
REVIEWS = 100_000


def read_queries():
    """[(query, {article ids that must come first}, note)]"""
    names = {name[:3]: name for name in os.listdir(CORPUS)}
    out = []
    for path in QUERY_FILES:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                query, first, note = (line.rstrip("\n").split("\t") + [""])[:3]
                out.append((query, {names[k] for k in first.split(",")}, note))
    return out


def write_reviews(path, count):
    with gzip.open(nsmc.reviews_path(), "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for line in itertools.islice(src, count):
            review = json.loads(line)
            out.write(json.dumps({"id": review["id"], "text": review["text"]}, ensure_ascii=False) + "\n")


class KeywordQueries(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-keywords-")
        cls.queries = read_queries()
        cls.batch = os.path.join(cls.tmp, "queries.tsv")
        with open(cls.batch, "w", encoding="utf-8") as f:
            for n, (query, _, _) in enumerate(cls.queries):
                f.write(f"q{n}\t{query}\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def index(self, name, jsonl=None):
        index = os.path.join(self.tmp, name)
        r = run([INDEXER, "--corpus", CORPUS, "--index", index], timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        if jsonl:
            r = run([INDEXER, "--jsonl", jsonl, "--index", index], timeout=600)
            self.assertIn(r.returncode, (0, 1), r.stderr.decode())  # 1: some reviews repeat others
        return index

    def ranked(self, index):
        """{qid: [ids in rank order]} for the whole query file, in one process."""
        r = run([SEARCH, "--index", index, "--json", "-n", "10", "--batch", self.batch], timeout=300)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        ranked = {}
        for line in r.stdout.decode().splitlines():
            obj = json.loads(line)
            ranked.setdefault(obj["qid"], [])
            if obj["type"] == "hit":
                ranked[obj["qid"]].append(obj["id"])
        return ranked

    def assert_first(self, index):
        ranked = self.ranked(index)
        wrong = []
        for n, (query, first, note) in enumerate(self.queries):
            ids = ranked.get(f"q{n}", [])
            if set(ids[:len(first)]) != first:
                wrong.append(f"{query!r} ({note}): want {sorted(first)} first, got {ids[:len(first) + 2]}")
        self.assertFalse(wrong, f"{len(wrong)} of {len(self.queries)} queries:\n" + "\n".join(wrong))

    def test_query_file_is_large_enough(self):
        self.assertGreaterEqual(len(self.queries), 40)

    def test_articles_alone(self):
        self.assert_first(self.index("clean"))

    def test_articles_among_100k_reviews(self):
        if not nsmc.available():
            self.skipTest("NSMC reviews not found under ../shared/data")
        jsonl = os.path.join(self.tmp, "reviews.jsonl")
        write_reviews(jsonl, REVIEWS)
        self.assert_first(self.index("mixed", jsonl))


if __name__ == "__main__":
    unittest.main()
