"""End-to-end: index the seed corpus and search it as a user would."""
import os
import subprocess
import tempfile
import unittest

from harness import A000, A001, A002, A003, CorpusTestCase, run, SEARCH

HIT_FIELDS = {"type", "rank", "score", "id", "path", "line", "column", "title", "source", "date", "updated",
              "author", "url", "snippet", "highlights"}


class SeedCorpus(CorpusTestCase):
    def setUp(self):
        super().setUp()
        self.build_index()

    def test_indexer_prints_one_summary_line(self):
        r = self.indexer()
        self.assertEqual(r.returncode, 0)
        lines = r.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertRegex(lines[0], r"^added 0, updated 0, unchanged 4, removed 0, skipped 0 in [0-9.]+ s$")

    def test_noko_jangbi_ranks_both_phrase_articles_first_then_001(self):
        ids = self.ranked_ids("노광 장비")
        self.assertEqual(set(ids[:2]), {A000, A002}, ids)
        self.assertEqual(ids[2], A001, ids)

    def test_nvidia_finds_every_article_mentioning_it(self):
        self.assertEqual(set(self.ranked_ids("엔비디아")), {A001, A002, A003})

    def test_particles_and_latin_words(self):
        self.assertEqual(set(self.ranked_ids("ASML")), {A001, A003})
        self.assertIn(A001, self.ranked_ids("장비를"))

    def test_no_match_exits_1(self):
        r = self.search("xyzzyplugh")
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertEqual(r.stdout, b"")

    def test_boilerplate_is_not_indexed(self):
        # Quoted, so the sub-word layer cannot match pieces of other words.
        for junk in ('"본문 바로가기"', '"JTBC 핫클릭"', '"종이신문보기"', '"웹편집"', '"인쇄 라인 위로가기"'):
            self.assertEqual(self.search(junk).returncode, 1, junk)
        self.assertEqual(self.search('"노광 장비"').returncode, 0)  # the same query form does find text

    def test_json_lines_have_documented_fields(self):
        hits, summary = self.search_json("노광 장비")
        self.assertGreaterEqual(len(hits), 3)
        for rank, hit in enumerate(hits, 1):
            self.assertTrue(HIT_FIELDS <= hit.keys(), HIT_FIELDS - hit.keys())
            self.assertEqual(hit["rank"], rank)
            self.assertTrue(hit["path"].endswith(hit["id"]))
            self.assertIsInstance(hit["line"], int)
        self.assertEqual(summary["hits"], len(hits))
        self.assertIn("elapsed_ms", summary)

    def test_metadata_shown_where_the_text_has_it(self):
        hits = {h["id"]: h for h in self.search_json("중국")[0]}
        self.assertEqual(hits[A002]["date"], "2024-04-02")
        self.assertIsNone(hits[A002]["source"])
        self.assertEqual(hits[A003]["date"], "2023-05-09")
        self.assertEqual(hits[A003]["source"], "JTBC")
        self.assertEqual(hits[A000]["source"], "글로벌이코노믹")
        self.assertIsNone(hits[A000]["date"])
        self.assertRegex(hits[A001]["source"], "한경|한국경제")
        self.assertEqual(hits[A002]["title"], "美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져")
        self.assertTrue(hits[A000]["title"].startswith('"美 턱밑까지 왔다"'))

    def test_line_points_at_the_matching_line_and_highlights_cover_matches(self):
        for hit in self.search_json("노광 장비")[0][:2]:
            with open(os.path.join(self.tmp, hit["path"]), encoding="utf-8") as f:
                line = f.read().split("\n")[hit["line"] - 1]
            self.assertIn("노광", line)
            marked = [hit["snippet"][s:e] for s, e in hit["highlights"]]
            self.assertTrue(any("노광" in m for m in marked), marked)
            self.assertTrue(all(m in line for m in marked), (marked, line))

    def test_human_output_without_terminal_has_no_colour(self):
        r = self.search("노광 장비")
        out = r.stdout.decode()
        self.assertEqual(r.returncode, 0)
        self.assertNotIn("\x1b", out)
        self.assertIn("[[", out)
        self.assertIn("corpus/" + A000 + ":", out)

    def test_limit(self):
        self.assertEqual(len(self.ranked_ids("-n", "1", "중국")), 1)

    def test_query_that_is_not_utf8_is_an_error(self):
        r = subprocess.run([SEARCH.encode(), b"--index", self.index.encode(), b"\xff\xfe"], capture_output=True)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.decode().splitlines()), 1)

    def test_index_from_environment(self):
        # From a folder without ./index, so only SEARCH_INDEX can lead to the index.
        elsewhere = tempfile.mkdtemp(dir=self.tmp)
        r = run([SEARCH, "--files", "노광 장비"], cwd=elsewhere, env={"SEARCH_INDEX": self.index})
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertTrue(r.stdout.decode().splitlines()[0].endswith(A000), r.stdout.decode())
        missing = os.path.join(elsewhere, "no-such-index")
        r = run([SEARCH, "노광"], cwd=elsewhere, env={"SEARCH_INDEX": missing})
        self.assertEqual(r.returncode, 2)
        self.assertIn(missing, r.stderr.decode())


class MissingOrIncompatibleIndex(CorpusTestCase):
    def test_missing_index_is_exit_2_with_one_line(self):
        r = self.search("노광")
        self.assertEqual(r.returncode, 2)
        err = r.stderr.decode().splitlines()
        self.assertEqual(len(err), 1, err)
        self.assertIn("indexer", err[0])

    def test_index_of_another_analyzer_is_refused(self):
        self.build_index()
        subprocess.run(["xapian-metadata", "set", self.index, "kosearch.analyzer", "ko-light-0"], check=True)
        r = self.search("노광")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--rebuild", r.stderr.decode())


if __name__ == "__main__":
    unittest.main()
