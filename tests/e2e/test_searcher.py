"""End-to-end: `search` as a user at a terminal and a script meet it — query
syntax, output modes, JSON schema, paging, stdin and batch, colour, pipes,
exit codes and error lines. Indexes are built once per class."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unittest

from harness import (A000, A001, A002, A003, CORPUS, INDEXER, SEARCH, IndexedCorpus, json_schema_keys, run,
                     run_on_terminal)

# The keys as documented (the one table: search --json-schema, which docs/scripting.md holds).
DOCUMENTED = json_schema_keys()
HIT_KEYS, SUMMARY_KEYS = DOCUMENTED["hit"], DOCUMENTED["summary"]
# The only escape sequences search itself writes (bold, dim, match, reset).
OWN_SGR = re.compile(rb"\x1b\[(?:1|2|1;31|0)m")


class SearchCase(IndexedCorpus):
    """IndexedCorpus with the helpers these suites share."""

    def hits(self, *args):
        return self.search_json(*args)[0]

    def ids(self, *args):
        return self.ranked_ids(*args)

    def files(self, *args):
        r = self.search("--files", *args)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        return [os.path.basename(p) for p in r.stdout.decode().splitlines()]

    def assert_one_line_error(self, r, *fragments):
        """Exit 2, nothing on stdout, exactly one stderr line holding every fragment."""
        err = r.stderr.decode()
        self.assertEqual(r.returncode, 2, err)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertTrue(err.endswith("\n"), err)
        for fragment in fragments:
            self.assertIn(fragment, err)


class QueryLanguage(SearchCase):
    def test_phrase_matches_adjacent_words_after_analysis(self):
        # 000 has "노광 장비", 002 "노광 장비의"; 001 has both words, never side by side.
        self.assertEqual(set(self.files('"노광 장비"')), {A000, A002})
        self.assertIn(A001, self.files("노광 장비"))

    def test_literal_takes_operators_as_text(self):
        # A pasted question: a lone '-', an unclosed quote and ')' are errors
        # in the query language and plain text under -F.
        question = '노광 - "장비) 부족'
        self.assert_one_line_error(self.search("--", question), "query error at character 4")
        self.assertEqual(self.files("-F", "--", question)[:2], [A000, A002])
        r = self.search("--literal", "--batch", "-", "--count", input=f"q\t{question}\n".encode())
        self.assertEqual((r.returncode, r.stdout), (0, b"q\t4\n"))

    def test_curly_quotes_make_a_phrase_too(self):
        self.assertEqual(set(self.files("“노광 장비”")), {A000, A002})

    def test_exclusion_leaves_out_articles_with_the_word(self):
        self.assertEqual(set(self.files("ASML")), {A001, A003})
        self.assertEqual(self.files("ASML -화웨이"), [A003])

    def test_exclusion_as_a_separate_argument(self):
        self.assertEqual(self.files("ASML", "-화웨이"), [A003])
        self.assertEqual(self.files("ASML", '-"노광부문"', "-화웨이"), [A003])

    def test_ascii_exclusion_after_double_dash(self):
        self.assertEqual(set(self.files("--", "중국", "-ASML")), {A000, A002})

    def test_excluded_phrase(self):
        self.assertEqual(self.files('노광 -"노광 장비"'), [A001])

    def test_or_and_groups(self):
        self.assertEqual(set(self.files("화웨이 OR 타이거")), {A000, A001})
        self.assertEqual(self.files("(화웨이 OR 타이거) -ASML"), [A000])

    def test_field_filters(self):
        self.assertEqual(self.files("source:JTBC"), [A003])
        self.assertEqual(self.files("author:오로라"), [A002])
        self.assertEqual(self.files("title:마켓칼럼"), [A001])
        self.assertEqual(self.files('title:"중국의 AI기술은"'), [A001])

    def test_prefix_matches_and_highlights_whole_words(self):
        hits = self.hits("반도*", "-n", "4")
        self.assertEqual({h["id"] for h in hits}, {A000, A001, A002, A003})
        for h in hits:
            marked = [h["snippet"][s:e] for s, e in h["highlights"]]
            self.assertTrue(marked and all(m.startswith("반도") for m in marked), marked)

    def test_mode_all_requires_every_word(self):
        self.assertEqual(set(self.files("ASML 화웨이")), {A001, A003})
        self.assertEqual(self.files("--mode", "all", "ASML 화웨이"), [A001])

    def test_explain_prints_the_understood_query_on_stderr_only(self):
        query = '"노광 장비" -화웨이 title:AI date:2024..'
        plain, explained = self.search(query), self.search("--explain", query)
        self.assertEqual(explained.stdout, plain.stdout)
        err = explained.stderr.decode()
        for part in ("parsed:", 'phrase("노광 장비")', "-word(화웨이)", "title:word(AI)", "undated articles left out"):
            self.assertIn(part, err)


class DateFilters(SearchCase):
    # Dates: 002 2024-04-02, 003 2023-05-09; 000 and 001 have none.
    def test_since_keeps_later_articles_and_leaves_out_undated_ones(self):
        self.assertEqual(set(self.files("반도체")), {A000, A001, A002, A003})
        self.assertEqual(self.files("--since", "2024-01-01", "반도체"), [A002])

    def test_until(self):
        self.assertEqual(self.files("--until", "2023-12-31", "반도체"), [A003])

    def test_in_query_date_range(self):
        self.assertEqual(self.files("date:2024..2025 반도체"), [A002])
        self.assertEqual(self.files("date:2023 반도체"), [A003])

    def test_excluding_a_date_keeps_undated_articles(self):
        self.assertEqual(set(self.files("반도체 -date:2024")), {A000, A001, A003})

    def test_bad_date_flag_is_a_usage_error(self):
        self.assert_one_line_error(self.search("--since", "2024-13-01", "반도체"), "--since", "2024-13-01")


class SortByDate(SearchCase):
    """--sort date|-date: by the article's date, undated articles last, the
    same day by relevance; pages join into the full order."""

    def test_oldest_and_newest_first_with_undated_last(self):
        relevance = self.ids("반도체")
        undated = [i for i in relevance if i in (A000, A001)]  # in relevance order
        self.assertEqual(self.ids("--sort", "date", "반도체"), [A003, A002] + undated)
        self.assertEqual(self.ids("--sort=-date", "반도체"), [A002, A003] + undated)
        self.assertEqual(self.ids("--sort", "relevance", "반도체"), relevance)

    def test_pages_join_and_json_says_the_dates(self):
        full = self.hits("--sort=-date", "반도체")
        pages = [h for offset in range(4) for h in self.hits("--sort=-date", "-n", "1", "--offset", str(offset), "반도체")]
        self.assertEqual([h["id"] for h in pages], [h["id"] for h in full])
        self.assertEqual([h["date"] for h in full], ["2024-04-02", "2023-05-09", None, None])

    def test_unknown_order_is_a_usage_error(self):
        r = self.search("--sort", "newest", "반도체")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.decode().splitlines()), 1, r.stderr.decode())


class CopiesAcrossOutlets(SearchCase):
    """Identical texts collapse into one hit, which lists the others."""

    @classmethod
    def make_corpus(cls, corpus):
        shutil.copytree(CORPUS, corpus)
        shutil.copy(os.path.join(corpus, A003), os.path.join(corpus, "wire_copy.txt"))

    def test_the_hit_lists_the_other_copy(self):
        hits = self.hits("초크 포인트")
        self.assertEqual(len(hits), 1, [h["id"] for h in hits])
        other = ({A003, "wire_copy.txt"} - {hits[0]["id"]}).pop()  # which one stands for both is a tie
        self.assertEqual(hits[0]["copies"], [{"id": other, "path": "corpus/" + other,
                                              "source": "JTBC", "date": "2023-05-09"}])
        self.assertIn("   also in: corpus/%s (JTBC, 2023-05-09)" % other, self.search("초크 포인트").stdout.decode())
        self.assertEqual(self.hits("노광 장비")[0]["copies"], [])  # no copy: an empty list


class Facets(SearchCase):
    """--facets source,date: exact counts of the matching articles per
    publisher and per month, after the hits (human) or in the summary (JSON)."""

    def summary(self, *args):
        r = self.search("--json", *args)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return self.json_lines(r)[-1]

    def test_json_counts_every_match_per_publisher_and_month(self):
        summary = self.summary("--facets", "source,date", "-n", "1", "반도체")
        self.assertEqual(summary["hits"], 1)
        facets = summary["facets"]
        self.assertEqual(sorted((e["value"], e["count"]) for e in facets["source"] if e["value"]),
                         [("JTBC", 1), ("글로벌이코노믹", 1), ("한국경제", 1)])
        self.assertEqual(facets["month"], [{"value": "2023-05", "count": 1}, {"value": "2024-04", "count": 1},
                                           {"value": None, "count": 2}])
        for entries in facets.values():
            self.assertEqual(sum(e["count"] for e in entries), 4)  # every match, once
        self.assertIsNone(self.summary("반도체")["facets"])

    def test_top_values_and_the_human_block(self):
        summary = self.summary("--facets", "source", "--facet-top", "1", "반도체")
        self.assertEqual([e["value"] for e in summary["facets"]["source"]][-1], None)
        self.assertEqual(len(summary["facets"]["source"]), 2)  # the top one, then those without a publisher
        r = self.search("--facets", "source,date", "-n", "1", "반도체")
        out = r.stdout.decode().splitlines()
        self.assertIn("counts over all 4 matching articles (identical copies each counted):", out)
        self.assertTrue(any(l.strip().startswith("month: 2023-05 1 · 2024-04 1 · undated 2") for l in out), out)

    def test_unknown_facet_is_a_usage_error(self):
        r = self.search("--facets", "author", "반도체")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.decode().splitlines()), 1, r.stderr.decode())


class MalformedQueries(SearchCase):
    CASES = [  # query, position, words of the problem
        ('"노광 장비', 1, "quote"),
        ("(노광 장비", 1, "'('"),
        ("노광)", 3, "')'"),
        ("노광 -", 4, "'-'"),
        ("노광 OR", 4, "OR"),
        ("OR 노광", 1, "OR"),
        ("date:2024-13-01 노광", 6, "2024-13-01"),
        ("date:2025..2024", 6, "ends before"),
        ("title: 노광", 7, "title:"),
        ("*", 1, "'*'"),
        ("()", 1, "empty parentheses"),
        ("-화웨이", 1, "only exclusions"),
    ]

    def test_each_gives_one_line_naming_problem_and_position_exit_2(self):
        for query, position, problem in self.CASES:
            with self.subTest(query=query):
                self.assert_one_line_error(self.search(query), f"at character {position}:", problem)

    def test_query_not_utf8(self):
        r = subprocess.run([SEARCH.encode(), b"--index", self.index.encode(), b"\xff\xfe"], capture_output=True)
        self.assert_one_line_error(r, "UTF-8")


class UsageErrors(SearchCase):
    CASES = [
        (["--no-such-flag", "노광"], "--no-such-flag"),
        (["-n", "0", "노광"], "--limit"),
        (["-n"], "--limit"),
        (["--color=sometimes", "노광"], "--color"),
        (["--json", "--files", "노광"], "--files"),
        (["--format", "cite", "--count", "노광"], "--count"),
        (["--batch", "queries.tsv", "노광"], "--batch"),
        (["노광", "-ASML"], "-ASML"),
        ([], "no query"),
    ]

    def test_each_gives_one_line_and_exit_2(self):
        for args, fragment in self.CASES:
            with self.subTest(args=args):
                self.assert_one_line_error(self.search(*args), "search: ", fragment)

    def test_unknown_flags_are_named_as_typed(self):
        err = self.search("--no-such-flag", "노광", "-x").stderr.decode()
        self.assertTrue(err.startswith("search: unknown flag or argument: --no-such-flag -x (to exclude a word"), err)

    def test_missing_index(self):
        r = run([SEARCH, "--index", os.path.join(self.tmp, "nowhere"), "노광"], cwd=self.tmp)
        self.assert_one_line_error(r, "indexer")

    def test_help_documents_flags_syntax_json_schema_and_exit_codes(self):
        r = self.search("--help")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stderr, b"")
        out = r.stdout.decode()
        flags = ["--index", "--limit", "--offset", "--fragments", "--format", "--json", "--files", "--count",
                 "--color", "--mode", "--since", "--until", "--batch", "--timeout", "--explain", "--suggest"]
        syntax = ['"a phrase"', "-word", "OR", "title:", "source:", "author:", "date:2024..2025", "prefix*"]
        json_help = out[out.index("JSON Lines (--json)"):out.index("Exit codes:")]
        for key in HIT_KEYS + SUMMARY_KEYS + ["qid"]:
            self.assertRegex(json_help, r"\n    (\w+, )*%s[:,]" % key)
        for part in flags + syntax + ["half-open offsets in", "Exit codes:", "0  at least one hit", "1  no hit", "2  error",
                                               "NO_COLOR", "TERM is", "without a date"]:
            self.assertIn(part, out)


class OutputModes(SearchCase):
    def test_exit_0_on_hit_1_on_none(self):
        self.assertEqual(self.search("노광").returncode, 0)
        r = self.search("xyzzyplugh")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, b"", b""))

    def test_json_every_line_has_the_documented_keys_in_order(self):
        r = self.search("--json", "노광 장비")
        lines = self.json_lines(r)
        hits, summary = lines[:-1], lines[-1]
        self.assertGreaterEqual(len(hits), 3)
        for rank, hit in enumerate(hits, 1):
            self.assertEqual(list(hit), HIT_KEYS)
            self.assertEqual(hit["rank"], rank)
            self.assertIsInstance(hit["score"], float)
            for key in ("line", "column"):
                self.assertIsInstance(hit[key], int)
                self.assertGreaterEqual(hit[key], 1)
            for key in ("title", "source", "date", "updated", "author", "url"):
                self.assertTrue(hit[key] is None or isinstance(hit[key], str), (key, hit[key]))
        self.assertEqual(list(summary), SUMMARY_KEYS)
        self.assertEqual(summary["hits"], len(hits))
        self.assertIsInstance(summary["estimated_matches"], int)

    def test_json_null_for_fields_the_article_lacks(self):
        hits = {h["id"]: h for h in self.hits("중국", "-n", "4")}
        self.assertIsNone(hits[A000]["date"])
        self.assertEqual(hits[A002]["date"], "2024-04-02")
        self.assertIsNone(hits[A002]["source"])
        self.assertIsNone(hits[A003]["author"])

    def test_json_highlights_are_character_offsets_into_the_snippet(self):
        for hit in self.hits("노광", "-n", "3"):
            marked = [hit["snippet"][s:e] for s, e in hit["highlights"]]
            self.assertTrue(marked, hit)
            self.assertTrue(all(m.startswith("노광") for m in marked), marked)

    def test_json_column_is_in_characters(self):
        for hit in self.hits("노광", "-n", "3"):
            with open(os.path.join(self.tmp, hit["path"]), encoding="utf-8") as f:
                line = f.read().split("\n")[hit["line"] - 1]
            passage = line[hit["column"] - 1:]
            self.assertTrue(passage.startswith(hit["snippet"].lstrip("…")[:10]), (passage[:40], hit["snippet"][:40]))

    def test_json_summary_without_hits(self):
        r = self.search("--json", "xyzzyplugh")
        self.assertEqual(r.returncode, 1)
        (summary,) = self.json_lines(r)
        self.assertEqual((summary["type"], summary["hits"]), ("summary", 0))

    def test_files_one_existing_path_per_line(self):
        r = self.search("--files", "노광")
        paths = r.stdout.decode().splitlines()
        self.assertEqual(r.returncode, 0)
        self.assertEqual(len(paths), 3)
        self.assertEqual(len(set(paths)), len(paths))
        for p in paths:
            self.assertTrue(os.path.isfile(os.path.join(self.tmp, p)), p)
        self.assertEqual(self.search("-l", "노광").stdout, r.stdout)

    def test_count(self):
        r = self.search("--count", "반도체")
        self.assertEqual((r.returncode, r.stdout), (0, b"4\n"))
        self.assertEqual(self.search("-c", "xyzzyplugh").stdout, b"0\n")
        self.assertEqual(self.search("-c", "-n", "2", "반도체").stdout, b"2\n")

    def test_cite_one_ready_to_paste_line_per_hit(self):
        r = self.search("--format", "cite", "엔비디아")
        lines = r.stdout.decode().splitlines()
        self.assertEqual(len(lines), 3)
        by_id = {re.search(r"\(corpus/(\S+?):\d+:\d+\)$", l).group(1): l for l in lines}
        self.assertEqual(by_id[A002].split(" (")[0], "오로라, 「美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져」, 2024-04-02")
        self.assertIn("JTBC, 2023-05-09", by_id[A003])

    def test_human_hit_shows_title_metadata_location_and_marked_snippet(self):
        out = self.search("-n", "1", '"노광 장비"').stdout.decode().splitlines()
        self.assertRegex(out[0], r"^1\. 「.+」  ")
        self.assertRegex(out[1], r"^   corpus/\S+:\d+:\d+$")
        self.assertIn("[[노광]] [[장비", out[2])

    def test_fragments_joined_with_ellipsis(self):
        one = self.hits("반도체", "-n", "4")
        three = self.hits("--fragments", "3", "반도체", "-n", "4")
        self.assertTrue(any(" … " in h["snippet"] for h in three), [h["snippet"] for h in three])
        self.assertGreater(sum(len(h["highlights"]) for h in three), sum(len(h["highlights"]) for h in one))


class StdinAndBatch(SearchCase):
    def test_query_from_stdin(self):
        r = self.search("--files", "-", input='"노광 장비"\n'.encode())
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stdout, self.search("--files", '"노광 장비"').stdout)

    def test_empty_stdin_is_an_error(self):
        self.assert_one_line_error(self.search("-", input=b""), "empty query")

    def write_batch(self, text):
        path = os.path.join(self.tmp, "queries.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_batch_json_every_line_carries_its_qid(self):
        path = self.write_batch('q1\t"노광 장비"\nq2\txyzzyplugh\nASML -화웨이\n')
        r = self.search("--batch", path, "--json")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        lines = self.json_lines(r)
        self.assertTrue(all("qid" in l for l in lines), lines)
        summaries = [l for l in lines if l["type"] == "summary"]
        self.assertEqual([s["qid"] for s in summaries], ["q1", "q2", "3"])  # no tab: the line number
        self.assertEqual([s["hits"] for s in summaries], [2, 0, 1])
        self.assertEqual([l["id"] for l in lines if l.get("qid") == "3" and l["type"] == "hit"], [A003])
        self.assertEqual(list(lines[0])[:2], ["type", "qid"])

    def test_batch_count_and_files_lines_start_with_qid(self):
        path = self.write_batch("a\t노광\nb\tASML -화웨이\n")
        self.assertEqual(self.search("--batch", path, "--count").stdout.decode(), "a\t3\nb\t1\n")
        self.assertIn(f"b\tcorpus/{A003}\n", self.search("--batch", path, "-l").stdout.decode())

    def test_batch_from_stdin(self):
        r = self.search("--batch", "-", "--count", input="a\t노광\n".encode())
        self.assertEqual((r.returncode, r.stdout), (0, b"a\t3\n"))

    def read_line_within(self, stream, seconds):
        """One line from `stream`, or None when none comes within `seconds`."""
        got = []
        reader = threading.Thread(target=lambda: got.append(stream.readline()), daemon=True)
        reader.start()
        reader.join(seconds)
        return got[0] if got else None

    def test_batch_from_a_pipe_answers_each_line_before_reading_the_next(self):
        # Issue 24: one `search --batch -` kept as a co-process; it read all of
        # its input before answering, so this waited forever.
        proc = subprocess.Popen([SEARCH, "--index", self.index, "--batch", "-", "--count"], cwd=self.tmp,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.addCleanup(proc.kill)
        for qid, query, count in (("a", "노광", b"3"), ("b", "ASML -화웨이", b"1"), ("c", "xyzzyplugh", b"0")):
            proc.stdin.write(("%s\t%s\n" % (qid, query)).encode())
            proc.stdin.flush()
            self.assertEqual(self.read_line_within(proc.stdout, 20), qid.encode() + b"\t" + count + b"\n", qid)
        proc.stdin.close()
        self.assertEqual(proc.wait(20), 0)
        self.assertEqual(proc.stderr.read(), b"")

    def test_a_long_lived_batch_sees_a_rebuilt_index(self):
        index = os.path.join(self.tmp, "rebuilt")
        shutil.copytree(self.corpus, os.path.join(self.tmp, "corpus2"))
        self.assertEqual(run([INDEXER, "--corpus", "corpus2", "--index", "rebuilt"], cwd=self.tmp).returncode, 0)
        proc = subprocess.Popen([SEARCH, "--index", index, "--batch", "-", "--count"], cwd=self.tmp,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.addCleanup(proc.kill)

        def ask(qid):
            proc.stdin.write(("%s\tzorblax\n" % qid).encode())
            proc.stdin.flush()
            return self.read_line_within(proc.stdout, 20)

        self.assertEqual(ask("before"), b"before\t0\n")
        with open(os.path.join(self.tmp, "corpus2", "new.txt"), "w", encoding="utf-8") as f:
            f.write("새 기사\n\nzorblax 장비가 들어왔다.\n")
        r = run([INDEXER, "--index", "rebuilt", "--rebuild"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(ask("after"), b"after\t1\n")
        proc.stdin.close()
        self.assertEqual(proc.wait(20), 0)

    def test_batch_with_a_bad_query_runs_the_others_and_exits_2(self):
        path = os.path.join(self.tmp, "queries.tsv")
        with open(path, "wb") as f:
            f.write('ok\t노광\nbad\t"노광\nbytes\t'.encode() + b"\xff\n" + "last\tASML\n".encode())
        r = self.search("--batch", path, "--count")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout.decode(), "ok\t3\nlast\t2\n")
        err = r.stderr.decode().splitlines()
        self.assertEqual(len(err), 2, err)
        self.assertIn("query bad: query error at character 1", err[0])
        self.assertIn("query bytes:", err[1])


class ControlCharacters(SearchCase):
    EVIL_TITLE = "제목 \x1b]0;pwned\x07 테스트"
    EVIL_BODY = "악성 기사 본문 \x1b[2J 화면 \x07 벨 \x1b[31m빨강 반도체 \u009b2J 끝 \u202e역방향"

    @classmethod
    def make_corpus(cls, corpus):
        os.makedirs(corpus)
        with open(os.path.join(corpus, "evil\x1b[5m.txt"), "w", encoding="utf-8") as f:
            f.write(f"{cls.EVIL_TITLE}\n\n{cls.EVIL_BODY}\n")

    def test_article_text_never_reaches_the_terminal_raw(self):
        for args in ([], ["--color=always"], ["--json"], ["--files"], ["--format", "cite"],
                     ["--format", "cite", "--color=always"]):
            with self.subTest(args=args):
                r = self.search(*args, "반도체")
                self.assertEqual(r.returncode, 0, r.stderr.decode())
                out = OWN_SGR.sub(b"", r.stdout)
                for byte in (b"\x1b", b"\x07", b"\xc2\x9b", "\u202e".encode()):
                    self.assertNotIn(byte, out)
                self.assertIn(b"evil", out)  # the article was printed, in every format

    def test_query_and_qid_echoed_on_stderr_are_neutralized(self):
        r = self.search("--explain", "반도체 \x1b[2J")
        self.assertNotIn(b"\x1b", r.stderr)
        r = self.search("date:\x1b[2J")
        self.assert_one_line_error(r, "bad date")
        self.assertNotIn(b"\x1b", r.stderr)


def big_corpus(corpus, n):
    """n articles scoring exactly alike for 반도체 (same length, same words),
    told apart only by their number, under long names (large --files output)."""
    os.makedirs(corpus)
    sentence = "노광 장비와 반도체 공정에 대한 긴 설명이 이어진다. "
    for i in range(n):
        with open(os.path.join(corpus, f"반도체_장비_수출_기사_{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"기사 {i:05d}\n\n반도체 장비 수출 기사 번호 {i:05d}. {sentence * 5}\n")


class ManyEqualHits(SearchCase):
    N = 2000

    @classmethod
    def make_corpus(cls, corpus):
        big_corpus(corpus, cls.N)

    def test_files_and_count_cover_every_match_unless_limited(self):
        self.assertEqual(len(self.files("반도체")), self.N)
        self.assertEqual(self.search("--count", "반도체").stdout, f"{self.N}\n".encode())
        self.assertEqual(len(self.files("-n", "7", "반도체")), 7)
        self.assertEqual(len(self.hits("반도체")), 10)  # other modes show 10 by default

    def test_equal_scores_come_in_the_same_order_every_time(self):
        first = self.hits("-n", "50", "반도체")
        self.assertEqual(len({h["score"] for h in first}), 1, "the corpus should tie")
        self.assertEqual([h["id"] for h in self.hits("-n", "50", "반도체")], [h["id"] for h in first])

    def test_pages_join_into_the_full_ranking(self):
        whole = self.hits("-n", "30", "반도체")
        pages = [self.hits("-n", "10", "--offset", str(o), "반도체") for o in (0, 10, 20)]
        self.assertEqual([h["id"] for p in pages for h in p], [h["id"] for h in whole])
        self.assertEqual([h["rank"] for h in pages[1]], list(range(11, 21)))

    def test_offset_past_the_end_is_no_hit(self):
        r = self.search("--offset", str(self.N), "반도체")
        self.assertEqual((r.returncode, r.stdout), (1, b""))

    def test_pipe_closed_early_ends_quietly(self):
        # Like `search … | head -1`: the child starts with SIGPIPE at its
        # default (subprocess restores it), so search must ignore it itself.
        for args in ([], ["--json"], ["--files"], ["--format", "cite"]):
            with self.subTest(args=args):
                p = subprocess.Popen([SEARCH, "--index", self.index, "-n", str(self.N), *args, "반도체"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=self.tmp)
                self.assertTrue(p.stdout.readline())
                p.stdout.close()
                err = p.stderr.read()
                self.assertEqual(p.wait(timeout=60), 0)
                self.assertEqual(err, b"")

    def test_output_that_cannot_be_written_is_an_error(self):
        with open("/dev/full", "wb") as full:
            r = subprocess.run([SEARCH, "--index", self.index, "반도체"], stdout=full, stderr=subprocess.PIPE)
        self.assertEqual(r.returncode, 2)
        err = r.stderr.decode().splitlines()
        self.assertEqual(len(err), 1, err)
        self.assertIn("cannot write", err[0])


class Colour(SearchCase):
    def on_terminal(self, *args, **env):
        """What the terminal got from a search that must succeed and print hits."""
        code, _, out = run_on_terminal([SEARCH, "--index", self.index, *args, "노광"], env={"TERM": "xterm", **env})
        self.assertEqual(code, 0, out)
        self.assertTrue(out.strip(), "nothing printed")
        return out

    def test_terminal_gets_colour_and_no_markers(self):
        out = self.on_terminal()
        self.assertIn(b"\x1b[1;31m", out)
        self.assertNotIn(b"[[", out)

    def test_no_color_environment(self):
        out = self.on_terminal(NO_COLOR="1")
        self.assertNotIn(b"\x1b", out)
        self.assertIn(b"[[", out)

    def test_dumb_terminal(self):
        out = self.on_terminal(TERM="dumb")
        self.assertNotIn(b"\x1b", out)
        self.assertIn(b"[[", out)

    def test_color_never_on_a_terminal(self):
        out = self.on_terminal("--color=never")
        self.assertNotIn(b"\x1b", out)
        self.assertIn(b"[[", out)

    def test_pipe_gets_markers_unless_color_always(self):
        self.assertNotIn(b"\x1b", self.search("노광").stdout)
        self.assertNotIn(b"\x1b", self.search("--color=auto", "노광").stdout)
        self.assertIn(b"\x1b[1;31m", self.search("--color=always", "노광").stdout)
        self.assertIn(b"\x1b[1;31m", self.search("--color=always", "노광", env={"NO_COLOR": "1"}).stdout)

    def test_machine_formats_never_coloured(self):
        shown = {"--json": rb'"id"', "--files": re.escape(A000.encode()), "--count": rb"^\d+\s*$"}
        for fmt, pattern in shown.items():
            with self.subTest(fmt=fmt):
                out = self.on_terminal(fmt)
                self.assertNotIn(b"\x1b", out)
                self.assertRegex(out, pattern)
                # Asking for colour there is a usage error, not silently ignored (test_scripts).
                r = self.search(fmt, "--color=always", "노광")
                self.assertEqual((r.returncode, r.stdout), (2, b""))


if __name__ == "__main__":
    unittest.main()
