"""End-to-end relevance on the seed corpus: particles, joins and spacing
variants find every article that contains the word, and those rank first."""
import os
import unittest

from harness import A000, A001, A002, A003, CorpusTestCase



class SeedCorpusRelevance(CorpusTestCase):
    def setUp(self):
        super().setUp()
        self.build_index()

    def containing(self, text):
        """Articles whose raw text contains `text` (ASCII case folded)."""
        found = set()
        for name in os.listdir(self.corpus):
            with open(os.path.join(self.corpus, name), encoding="utf-8") as f:
                if text.lower() in f.read().lower():
                    found.add(name)
        return found

    def assert_found_first(self, query, written=None):
        """Every article containing the word (as `written`, default the query)
        is found, ranked before any article that does not contain it."""
        expected = self.containing(written or query)
        self.assertTrue(expected, f"seed corpus no longer contains {written or query!r}")
        ids = self.ranked_ids(query)
        self.assertEqual(set(ids[:len(expected)]), expected, ids)

    def test_number_with_unit(self):
        self.assert_found_first("7나노")  # written 7나노 and 7나노칩

    def test_latin_word(self):
        self.assert_found_first("Qwen")
        self.assert_found_first("qwen", "Qwen")

    def test_hangul_transcription(self):
        self.assert_found_first("큐원")

    def test_word_with_and_without_particles(self):
        self.assert_found_first("엔비디아")
        self.assert_found_first("ASML")

    def test_one_syllable_noun_with_particles(self):
        self.assert_found_first("칩")  # written 칩, 칩을, 칩이, 칩과, 칩입니다

    def test_compound_written_without_the_space(self):
        # 노광장비 is nowhere in the corpus; 노광 장비 is in 000 and 002.
        ids = self.ranked_ids("노광장비")
        self.assertEqual(set(ids[:2]), {A000, A002}, ids)

    def test_highlight_covers_a_latin_word_with_its_particle(self):
        hits, _ = self.search_json("A800")
        self.assertEqual([h["id"] for h in hits], [A003])
        marked = [hits[0]["snippet"][s:e] for s, e in hits[0]["highlights"]]
        self.assertIn("A800과", marked)


if __name__ == "__main__":
    unittest.main()
