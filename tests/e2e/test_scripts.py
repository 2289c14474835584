"""The contract for scripts (issue 21): whatever meets search from a script is
told the truth, once, in the format it asked for.

- Off a terminal, and always with -c, -l and --json, the query is searched as
  typed: a correction is offered (JSON "suggestions", one stderr line) but
  never searched silently, and the exit code says what the typed query found.
  --suggest apply opts in to searching it, and then every format says so.
- --json is lean (no query description without --explain) and a batch line
  that cannot run gets an "error" object."""
import os
import shlex
import subprocess
import unicodedata

from harness import INDEXER, SEARCH, CorpusTestCase, json_schema_keys, run, run_on_terminal

TYPED, CORRECTION = "zzsigint2zz", "zzsigintzz"
NOTICE = f"search: no match for '{TYPED}'; did you mean '{CORRECTION}' (spelling)?\n"


class ScriptContract(CorpusTestCase):
    def setUp(self):
        super().setUp()
        self.write("004_signal.txt", f"신호 처리\n\n{CORRECTION} 신호가 들어오면 기사를 쓴다.\n")
        self.build_index()

    def test_count_is_for_the_query_as_typed(self):
        r = self.search("-c", TYPED)
        self.assertEqual((r.returncode, r.stdout, r.stderr.decode()), (1, b"0\n", NOTICE))

    def test_files_and_human_in_a_pipe_are_for_the_query_as_typed(self):
        for args in (["-l"], ["--format", "cite"], []):
            with self.subTest(args=args):
                r = self.search(*args, TYPED)
                self.assertEqual((r.returncode, r.stdout, r.stderr.decode()), (1, b"", NOTICE))

    def test_json_offers_the_correction_without_searching_it(self):
        r = self.search("--json", TYPED)
        self.assertEqual((r.returncode, r.stderr), (1, b""))
        [summary] = self.json_lines(r)
        self.assertEqual((summary["hits"], summary["showing_results_for"]), (0, None))
        self.assertEqual(summary["suggestions"], [{"kind": "spelling", "query": CORRECTION}])

    def test_count_on_a_terminal_is_for_the_query_as_typed(self):
        code, err, out = run_on_terminal([SEARCH, "--index", self.index, "-c", TYPED])
        self.assertEqual((code, out, err.decode()), (1, b"0\r\n", NOTICE))

    def test_a_script_waiting_for_the_word_waits_until_it_is_there(self):
        self.assertEqual(self.search("-c", TYPED).returncode, 1)
        self.write("005_new.txt", f"새 기사\n\n{TYPED} 이 나왔다.\n")
        self.build_index()
        r = self.search("-c", TYPED)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b"1\n", b""))

    def test_apply_searches_the_correction_and_every_format_says_so(self):
        said = f"search: no match for '{TYPED}'; showing results for '{CORRECTION}' (spelling)\n"
        r = self.search("--suggest", "apply", "-c", TYPED)
        self.assertEqual((r.returncode, r.stdout, r.stderr.decode()), (0, b"1\n", said))
        r = self.search("--suggest", "apply", "-l", TYPED)
        self.assertEqual((r.returncode, r.stdout, r.stderr.decode()), (0, b"corpus/004_signal.txt\n", said))
        r = self.search("--suggest", "apply", "--json", TYPED)
        self.assertEqual(r.returncode, 0)
        lines = self.json_lines(r)
        self.assertEqual([l["type"] for l in lines], ["hit", "summary"])
        self.assertEqual(lines[-1]["showing_results_for"], CORRECTION)
        r = self.search("--suggest", "apply", TYPED)
        self.assertEqual((r.returncode, r.stderr), (0, b""))
        self.assertEqual(r.stdout.decode().splitlines()[0],
                         f"showing results for '{CORRECTION}' (spelling): the query as typed matched nothing")

    def test_a_person_at_a_terminal_still_gets_the_correction(self):
        code, err, out = run_on_terminal([SEARCH, "--index", self.index, "--color=never", TYPED])
        self.assertEqual((code, err), (0, b""))
        lines = out.decode().splitlines()
        self.assertEqual(lines[0], f"showing results for '{CORRECTION}' (spelling): the query as typed matched nothing")
        self.assertIn(f"[[{CORRECTION}]]", out.decode())

    def test_never_offers_nothing(self):
        r = self.search("--suggest", "never", "-c", TYPED)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, b"0\n", b""))

    def test_help_states_the_contract(self):
        out = self.search("--help").stdout.decode()
        self.assertIn("For scripts: off a terminal, and always with --count, --files and --json,", out)
        self.assertIn("apply", out)


class LeanJson(CorpusTestCase):
    def setUp(self):
        super().setUp()
        self.build_index()

    def test_explanation_only_with_explain(self):
        _, summary = self.search_json("노광 장비")
        self.assertIsNone(summary["explanation"])
        _, summary = self.search_json("--explain", "노광 장비")
        self.assertIn("노광", summary["explanation"])

    def test_batch_line_that_cannot_run_gets_an_error_object(self):
        path = os.path.join(self.tmp, "queries.tsv")
        with open(path, "wb") as f:
            f.write('q1\t노광\nq2\t"노광\nq3\t'.encode() + b"\xff\n" + "q4\tASML\n".encode())
        r = self.search("--batch", path, "--json")
        self.assertEqual(r.returncode, 2)
        lines = self.json_lines(r)
        self.assertEqual([(l["type"], l["qid"]) for l in lines if l["type"] != "hit"],
                         [("summary", "q1"), ("error", "q2"), ("error", "q3"), ("summary", "q4")])
        errors = [l for l in lines if l["type"] == "error"]
        self.assertEqual([list(e) for e in errors], [["type", "qid", "message"]] * 2)
        self.assertEqual(json_schema_keys()["error"], ["type", "message"])  # qid: --batch only, as documented
        err = r.stderr.decode().splitlines()
        self.assertEqual(len(err), 2, err)
        self.assertEqual(err[0], "search: query q2: " + errors[0]["message"])
        self.assertIn("query error at character 1", errors[0]["message"])


# Combinations of flags that used to be silently ignored: each is now a usage
# error (exit 2, one line on stderr naming the flag, nothing on stdout).
SEARCH_IGNORED = [
    (["--facets", "source", "-c"], "--facets"),
    (["--facets", "source", "-l"], "--facets"),
    (["--facets", "date", "--format", "cite"], "--facets"),
    (["--facets", "source", "--format", "count"], "--facets"),
    (["--facet-top", "3"], "--facet-top"),
    (["--fragments", "3", "-c"], "--fragments"),
    (["--fragments", "3", "-l"], "--fragments"),
    (["--fragments", "3", "--format", "cite"], "--fragments"),
    (["--path-style", "absolute", "-c"], "--path-style"),
    (["--sort", "date", "-c"], "--sort"),
    (["--sort", "-date", "--format", "count"], "--sort"),
    (["--color", "always", "--json"], "--color"),
    (["--color=always", "-l"], "--color"),
    (["--color=always", "-c"], "--color"),
]

# The same flags where they do shape the output: still accepted.
SEARCH_EFFECTIVE = [
    ["--facets", "source", "--json"], ["--facets", "source", "--facet-top", "1"], ["--fragments", "2", "--json"],
    ["--path-style", "absolute", "-l"], ["--path-style", "absolute", "--format", "cite"], ["--sort", "date", "-l"],
    ["--color", "always", "--format", "cite"], ["--color", "never", "-c"], ["--offset", "1", "-c"],
]

INDEXER_IGNORED = [
    ["--check", "--corpus", "corpus"], ["--check", "--encoding", "EUC-KR"], ["--check", "--batch-size", "10"],
    ["--check", "--shards", "2"], ["--check", "--threads", "2"], ["--check", "-v"], ["--check", "--wait"],
    ["--forget", "corpus", "--corpus", "corpus"], ["--forget", "corpus", "--jsonl", "a.jsonl"],
    ["--forget", "corpus", "--encoding", "EUC-KR"], ["--forget", "corpus", "--batch-size", "10"],
    ["--forget", "corpus", "--shards", "2"], ["--forget", "corpus", "--threads", "2"], ["--forget", "corpus", "-v"],
    ["--dry-run", "--batch-size", "10"], ["--dry-run", "--threads", "2"],
    ["--check", "--max-article-size", "1M"], ["--forget", "corpus", "--max-article-size", "1M"],
]


class NoFlagSilentlyIgnored(CorpusTestCase):
    def setUp(self):
        super().setUp()
        self.build_index()

    def assert_usage_error(self, r, flag):
        self.assertEqual((r.returncode, r.stdout), (2, b""), r.stderr.decode())
        err = r.stderr.decode()
        self.assertEqual(err.count("\n"), 1, err)
        self.assertIn(flag, err)

    def test_search_combinations_without_effect_are_usage_errors(self):
        for args, flag in SEARCH_IGNORED:
            with self.subTest(args=args):
                r = self.search(*args, "반도체")
                self.assert_usage_error(r, flag)
                self.assertTrue(r.stderr.decode().startswith("search: "), r.stderr.decode())

    def test_search_combinations_with_effect_still_work(self):
        for args in SEARCH_EFFECTIVE:
            with self.subTest(args=args):
                r = self.search(*args, "반도체")
                self.assertEqual(r.returncode, 0, r.stderr.decode())

    def test_indexer_combinations_without_effect_are_usage_errors(self):
        for args in INDEXER_IGNORED:
            with self.subTest(args=args):
                r = self.bare_indexer(*args)
                self.assert_usage_error(r, args[-1] if args[-1].startswith("-") else args[-2])

    def bare_indexer(self, *args):
        return run([INDEXER, "--index", self.index, *args], cwd=self.tmp)

    def test_forget_waits_for_the_lock_with_wait(self):
        # --wait with --forget used to be ignored: a locked index was exit 3 at once,
        # with a message that says to rerun with --wait.
        import threading
        from harness import xapian_module
        xapian = xapian_module(self)
        holder = xapian.WritableDatabase(self.index, xapian.DB_OPEN)
        r = self.bare_indexer("--forget", self.corpus)
        self.assertEqual(r.returncode, 3, r.stderr.decode())
        self.assertIn("--wait", r.stderr.decode())
        release = threading.Timer(1.0, holder.close)
        release.start()
        r = self.bare_indexer("--forget", self.corpus, "--wait")
        release.join()
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("removed 4 article(s)", r.stderr.decode())

    def test_check_quiet_prints_only_damage(self):
        r = self.bare_indexer("--check", "-q")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b"", b""))
        r = self.bare_indexer("--check")
        self.assertIn(b"is sound", r.stdout)


def complete(binary, *words):
    """What bash completion offers after `binary words…`, the last word being the
    one completed, from the script `binary --completion` prints. The words are as
    bash splits the line: `--sort=d` is `--sort`, `=`, `d`."""
    name = os.path.basename(binary)
    script = (f"source <({shlex.quote(binary)} --completion)\n"
              f"COMP_WORDS=({' '.join(shlex.quote(w) for w in [name, *words])})\n"
              f"COMP_CWORD={len(words)}\n"
              f"_kosearch_{name}\n"
              'printf "%s\\n" "${COMPREPLY[@]}"\n')
    r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=os.path.dirname(binary))
    return sorted(filter(None, r.stdout.split("\n")))


class CompletionAndManPages(CorpusTestCase):
    def test_values_of_every_flag_with_a_fixed_set(self):
        self.assertEqual(complete(SEARCH, "--sort", ""), ["-date", "date", "relevance"])
        self.assertEqual(complete(SEARCH, "--sort", "=", ""), ["-date", "date", "relevance"])
        self.assertEqual(complete(SEARCH, "--sort", "=", "d"), ["date"])
        self.assertEqual(complete(SEARCH, "--format", "c"), ["cite", "count"])
        self.assertEqual(complete(SEARCH, "--mode", ""), ["all", "any", "prefer-all"])
        self.assertEqual(complete(SEARCH, "--color", ""), ["always", "auto", "never"])
        self.assertEqual(complete(SEARCH, "--suggest", "a"), ["always", "apply", "auto"])
        self.assertEqual(complete(SEARCH, "--path-style", ""), ["absolute", "relative"])
        self.assertEqual(complete(SEARCH, "--facets", ""), ["date", "month", "source"])
        self.assertEqual(complete(SEARCH, "--facets", "source,m"), ["source,month"])
        self.assertIn("--suggest", complete(SEARCH, "--sug"))

    def test_folders_for_index_and_corpus(self):
        folder = os.path.dirname(SEARCH)
        dirs = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)) and d[0] != ".")
        self.assertTrue(dirs)
        self.assertEqual(complete(SEARCH, "--index", ""), dirs)
        self.assertEqual(complete(INDEXER, "--corpus", ""), dirs)
        self.assertEqual(complete(INDEXER, "--index", ""), dirs)

    def man_text(self, binary):
        page = subprocess.run([binary, "--man"], capture_output=True, check=True).stdout
        path = os.path.join(self.tmp, os.path.basename(binary) + ".1")
        with open(path, "wb") as f:
            f.write(page)
        warnings = subprocess.run(["groff", "-k", "-man", "-Tutf8", "-ww", "-z", path], capture_output=True)
        self.assertEqual(warnings.stderr.decode(), "")
        shown = subprocess.run(["man", "-l", path], capture_output=True, env={**os.environ, "MANWIDTH": "80",
                                                                               "MANPAGER": "cat", "PAGER": "cat"})
        self.assertEqual(shown.returncode, 0, shown.stderr.decode())
        return shown.stdout.decode()

    def test_man_pages_render_cleanly(self):
        for binary in (SEARCH, INDEXER):
            with self.subTest(binary=os.path.basename(binary)):
                text = self.man_text(binary)
                self.assertIn("OPTIONS", text)
                for markup in ("**", "`", "\\e", "\\-"):
                    self.assertNotIn(markup, text)
                wide = [line for line in text.splitlines()
                        if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) > 80]
                self.assertEqual(wide, [])
        self.assertIn("characters (code points)", self.man_text(SEARCH))


class EveryHitShowsWhatMatched(CorpusTestCase):
    """초성 and partial hits highlight what they matched (the readings, the syllables)."""

    # Fifteen words with the initials ㄴㄱ, each in more articles than 노광: 노광 is
    # then not among the ten most frequent readings of ㄴㄱ, whose pairs with the
    # readings of ㅈㅂ are the forms of ㄴㄱㅈㅂ typed without its space.
    FILLERS = "누가 나가 내가 누구 남극 내공 눈길 늑골 난간 농구 능가 납기 녹각 논고 낙관".split()

    def setUp(self):
        super().setUp()
        for i in range(8):
            self.write(f"filler{i}.txt", f"잡문 {i}\n\n" + ", ".join(self.FILLERS) + ".\n")
        self.write("t.txt", "수출 규제\n\n정부는 노광 장비 수출을 막았다.\n")
        self.build_index()

    def test_initials_typed_without_the_space_highlight_their_reading(self):
        hits, summary = self.search_json("ㄴㄱㅈㅂ")
        self.assertTrue(hits)
        for hit in hits:
            with self.subTest(hit=hit["id"]):
                self.assertEqual(hit["match"], "all")
                shown = [hit["snippet"][a:b] for a, b in hit["highlights"]]
                self.assertTrue(shown and shown[0].startswith("노광") and shown[1].startswith("장비"), shown)
        self.assertEqual(summary["suggestions"], [{"kind": "initials", "query": "노광 장비"}])

    def test_initials_and_partial_hits_have_highlights(self):
        for query in ("ㄴㄱㅈㅂ", "ㄴㄱ ㅈㅂ", "ㅂㄷㅊㅅㅊ", "ㄴㄱㅈㅂ 엔비디야", "엔비디야", "ㅎㅇㅇ 엔비디야"):
            for suggest in ("never", "auto"):
                with self.subTest(query=query, suggest=suggest):
                    hits, _ = self.search_json("--suggest", suggest, "--", query)
                    self.assertTrue(hits)
                    self.assertEqual([h["id"] for h in hits if not h["highlights"]], [])


if __name__ == "__main__":
    import unittest
    unittest.main()
