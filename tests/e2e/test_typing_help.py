"""Typing help (search --suggest, spelling_suggester.h) on the four bundled
articles: misspellings, the wrong keyboard layout both ways and 초성 words
find the right article first and say what was done; queries that find what
was typed are left alone.

The cases live in queries/typing_help.tsv; TYPING_HELP_QUERIES=FILE adds
another file of the same format (a held-out list)."""
import json
import os
import unicodedata

from harness import CorpusTestCase, SEARCH, run_on_terminal

HERE = os.path.dirname(os.path.abspath(__file__))
CASE_FILES = [os.path.join(HERE, "queries", "typing_help.tsv")] + \
    [f for f in [os.environ.get("TYPING_HELP_QUERIES")] if f]


def read_cases():
    """[(query, {first article ids}, suggestion (kind, query) or None, results)]"""
    cases = []
    for path in CASE_FILES:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                query, first, suggestion, results = line.rstrip("\n").split("\t")
                expected = None if suggestion == "-" else tuple(suggestion.split(":", 1))
                cases.append((query, set(first.split(",")), expected, results))
    return cases


def highlighted(hit):
    return [hit["snippet"][a:b] for a, b in hit["highlights"]]


class TypingHelp(CorpusTestCase):
    def setUp(self):
        super().setUp()
        self.build_index()

    def test_case_file_covers_every_kind(self):
        cases = read_cases()
        self.assertGreaterEqual(len(cases), 25)
        kinds = [c[2][0] if c[2] else "-" for c in cases]
        for kind in ("spelling", "layout", "initials", "-"):
            self.assertGreaterEqual(kinds.count(kind), 5, kind)
        hangul_layout = [c for c in cases if c[2] and c[2][0] == "layout" and not c[0].isascii()]
        self.assertTrue(hangul_layout, "no Hangul typed for Latin")

    def test_cases(self):
        failures = []
        for query, first, expected, results in read_cases():
            hits, summary = self.search_json("-n", "3", "--suggest", "apply", "--", query)
            got_first = hits[0]["id"][:3] if hits else None
            suggestion = (summary["suggestions"][0]["kind"], summary["suggestions"][0]["query"]) \
                if summary["suggestions"] else None
            rewritten = summary["showing_results_for"]
            problems = []
            if got_first not in first:
                problems.append(f"first hit {got_first}, expected one of {sorted(first)}")
            if suggestion != expected:
                problems.append(f"suggestion {suggestion}, expected {expected}")
            want_rewrite = expected[1] if results == "rewritten" else None
            if rewritten != want_rewrite:
                problems.append(f"showing_results_for {rewritten!r}, expected {want_rewrite!r}")
            if expected and hits:
                # Highlighting follows: the first hit marks a word of what it was found for.
                # (or a synonym of it that fired: 오픈AI for openai).
                typed = expected[1].split() + [t for r in summary["rewrites"] for t in r["terms"]]
                words = [unicodedata.normalize("NFKC", w.strip('"')).casefold() for w in typed]
                marks = [unicodedata.normalize("NFKC", h).casefold() for h in highlighted(hits[0])]
                if not any(m.startswith(w) or w.startswith(m) for m in marks for w in words):
                    problems.append(f"first hit highlights {marks}, none of {words}")
            if problems:
                failures.append(f"{query}: " + "; ".join(problems))
        self.assertEqual(failures, [])

    def test_never_leaves_the_query_as_typed(self):
        hits, summary = self.search_json("--suggest=never", "엔비디야")
        self.assertEqual((summary["suggestions"], summary["showing_results_for"]), ([], None))
        self.assertTrue(hits and all(h["match"] == "partial" for h in hits))  # syllable pairs only
        _, summary = self.search_json("--suggest=never", "shrhkd wkdql")
        self.assertEqual((summary["hits"], summary["suggestions"]), (0, []))

    def test_always_offers_for_unknown_words_only(self):
        _, summary = self.search_json("--suggest=always", "엔비디야 화웨이")
        self.assertEqual(summary["suggestions"], [{"kind": "spelling", "query": "엔비디아 화웨이"}])
        _, summary = self.search_json("--suggest=always", "노광 장비")
        self.assertEqual(summary["suggestions"], [])

    def test_apply_says_the_rewrite_in_the_output_even_in_a_pipe(self):
        r = self.search("--suggest", "apply", "엔비디야")
        self.assertEqual((r.returncode, r.stderr), (0, b""))
        out = r.stdout.decode()
        self.assertTrue(out.startswith("showing results for '엔비디아' (spelling): the query as typed matched nothing\n"),
                        out)
        self.assertIn("[[엔비디아", out)
        r = self.search("--suggest", "apply", "-l", "엔비디야")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stderr.decode(),
                         "search: no match for '엔비디야'; showing results for '엔비디아' (spelling)\n")

    def test_rewrite_on_a_terminal_as_before(self):
        code, err, out = run_on_terminal([SEARCH, "--index", self.index, "--color=never", "엔비디야"])
        self.assertEqual((code, err), (0, b""))
        self.assertTrue(out.decode().startswith("showing results for '엔비디아' (spelling)"), out.decode())
        self.assertIn("[[엔비디아", out.decode())

    def test_no_match_is_said_on_a_terminal_only(self):
        code, out, err = run_on_terminal([SEARCH, "--index", self.index, "xyzzyplugh"], terminal="stderr")
        self.assertEqual((code, out), (1, b""))
        self.assertEqual(err.decode().strip(), "search: no match for 'xyzzyplugh'")
        r = self.search("xyzzyplugh")
        self.assertEqual((r.returncode, r.stderr), (1, b""))

    def test_did_you_mean_on_a_terminal(self):
        code, out, err = run_on_terminal([SEARCH, "--index", self.index, "엔비디야 화웨이"], terminal="stderr")
        self.assertEqual(code, 0)
        # 화웨이 is in the starter synonym list: that is said first, on its own line.
        self.assertEqual(err.decode().splitlines(), ["search: 화웨이 also as Huawei (synonyms from the starter list)",
                                                     "search: did you mean '엔비디아 화웨이' (spelling)?"])
        code, out, err = run_on_terminal([SEARCH, "--index", self.index, "ㄴㄱ ㅈㅂ"], terminal="stderr")
        self.assertEqual(err.decode().strip(),
                         "search: 'ㄴㄱ ㅈㅂ' taken as initial consonants; the first hit reads '노광 장비'")
        code, out, err = run_on_terminal([SEARCH, "--index", self.index, "노광 장비"], terminal="stderr")
        self.assertEqual((code, err), (0, b""))

    def test_explain_lists_the_initials_expansion(self):
        r = self.search("--explain", "ㄴㄱ ㅈㅂ")
        self.assertEqual(r.returncode, 0)
        lines = [l for l in r.stderr.decode().splitlines() if "initial consonants (초성)" in l]
        self.assertEqual(len(lines), 2, r.stderr.decode())
        self.assertIn(" 노광 ", lines[0])
        self.assertIn(" 장비 ", lines[1])

    def test_batch_tags_the_notice_with_the_qid(self):
        batch = os.path.join(self.tmp, "q.tsv")
        with open(batch, "w", encoding="utf-8") as f:
            f.write("a\t노광 장비\nb\tdpsqleldk\n")
        r = self.search("--batch", batch, "--json", "--suggest", "apply")
        self.assertEqual(r.returncode, 0)
        summaries = [json.loads(l) for l in r.stdout.decode().splitlines() if '"summary"' in l]
        self.assertEqual([s["showing_results_for"] for s in summaries], [None, "엔비디아"])
        self.assertEqual(r.stderr.decode(),
                         "search: query b: no match for 'dpsqleldk'; showing results for '엔비디아' (layout)\n")

    def test_vocabulary_follows_incremental_runs(self):
        # A word only a new article holds is suggested after the next run, and
        # no longer once that article is gone.
        self.write("004_new.txt", "새 기사\n\n양자컴퓨터 연구소가 문을 열었다.\n")
        self.build_index()
        _, summary = self.search_json("--suggest", "apply", "양자컴퓨타")
        self.assertEqual(summary["showing_results_for"], "양자컴퓨터")
        os.remove(os.path.join(self.corpus, "004_new.txt"))
        self.build_index()
        _, summary = self.search_json("--suggest", "apply", "양자컴퓨타")
        self.assertEqual((summary["suggestions"], summary["showing_results_for"]), ([], None))
