"""End-to-end: index maintenance as a user meets it (issue 11): versions,
bounded query cost, permission / lock / corruption told apart, progress and
verbosity, legacy encodings."""
import json
import os
import re
import shlex
import shutil
import subprocess
import threading
import time
import unittest

from harness import CorpusTestCase, database_dir, index_ids, run, run_on_terminal, xapian_module, INDEXER, SEARCH

REPO = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


def source_constant(relative_path, pattern):
    with open(os.path.join(REPO, relative_path), encoding="utf-8") as f:
        return re.search(pattern, f.read()).group(1)


class Version(unittest.TestCase):
    def test_both_binaries_print_every_version_and_exit_0(self):
        release = source_constant("CMakeLists.txt", r"project\(kosearch VERSION (\S+)")
        analyzer = source_constant("common/analysis/include/kosearch/analyzer.h", r'version = "([^"]+)"')
        schema = source_constant("common/index/include/kosearch/schema.h", r'version = "([^"]+)"')
        for program, binary in (("indexer", INDEXER), ("search", SEARCH)):
            r = run([binary, "--version"])
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            self.assertEqual(r.stderr, b"")
            lines = r.stdout.decode().splitlines()
            self.assertEqual([l.split(" ")[0] for l in lines], [program, "xapian", "icu", "analyzer", "schema"])
            self.assertEqual(lines[0], program + " " + release)
            self.assertRegex(lines[1], r"^xapian 1\.4\.\d+$")
            self.assertRegex(lines[2], r"^icu \d+\.\d+")
            self.assertEqual(lines[3], "analyzer " + analyzer)
            self.assertEqual(lines[4], "schema " + schema)
            try:
                import xapian
                self.assertEqual(lines[1], "xapian " + xapian.version_string())
            except ImportError:
                pass


class QueryLength(CorpusTestCase):
    """Issue 11: `search - < q.txt` with a 1 MB query ran for over ten minutes
    and grew to 5.4 GB. Over the limits (64 KiB, 1,000 words) a query is one
    error line and exit 2; with -F its beginning is searched, with one warning."""

    def setUp(self):
        super().setUp()
        self.build_index()
        with open(os.path.join(self.corpus, "000_f83dc9f58ae6b65b.txt"), encoding="utf-8") as f:
            self.words = re.findall(r"[가-힣]+", f.read())

    def n_words(self, n):
        return " ".join(self.words[i % len(self.words)] for i in range(n))

    def query_of(self, n_bytes):
        text, i = [], 0
        size = 0
        while size < n_bytes:
            word = self.words[i % len(self.words)]
            text.append(word)
            size += len(word.encode()) + 1
            i += 1
        return " ".join(text).encode()[:n_bytes].decode("utf-8", "ignore")

    def test_a_1_MB_query_on_stdin_is_one_error_line_and_exit_2(self):
        query = self.query_of(1024 * 1024).encode()
        r = self.search("-", input=query, timeout=10)  # was more than ten minutes
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(r.stderr.decode(), "search: query on stdin is over the limit of 65536 bytes (64 KiB); "
                                            "shorten it (or search its beginning with -F/--literal)\n")

    def test_too_many_words_as_arguments_is_one_error_line_and_exit_2(self):
        query = self.n_words(1200)
        r = self.search(query, timeout=10)
        self.assertEqual(r.returncode, 2)
        self.assertRegex(r.stderr.decode(), r"^search: query of \d+ words is over the limit of 1000 words; shorten it "
                                            r"\(or search its beginning with -F/--literal\)\n$")

    def test_a_query_within_the_limits_runs(self):
        r = self.search("-c", self.n_words(900), timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stderr, b"")

    def test_literal_cuts_a_1_MB_query_to_the_limits_with_one_warning(self):
        query = self.query_of(1024 * 1024).encode()
        r = self.search("-F", "-c", "-", input=query, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        lines = r.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertRegex(lines[0], r"^search: warning: query cut to its first \d+ bytes to fit the limits "
                                   r"\(1000 words, 65536 bytes\)$")
        self.assertGreater(int(r.stdout), 0)

    def test_a_batch_reports_the_long_query_and_runs_the_others(self):
        batch = "q1\t노광 장비\nq2\t" + self.n_words(1200) + "\nq3\tASML\n"
        r = self.search("--batch", "-", "--count", input=batch.encode(), timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout.decode().splitlines(), ["q1\t4", "q3\t2"])
        self.assertRegex(r.stderr.decode(), r"^search: query q2: query of \d+ words is over the limit of 1000 words")
        self.assertEqual(len(r.stderr.decode().splitlines()), 1)


class PermissionLockDamage(CorpusTestCase):
    """Issue 11: a missing right, another indexer's lock and a damaged index
    are told apart: exit 2 naming the path and the right (never "locked",
    nothing to wait for), exit 3 for a lock (--wait waits, --wait=N at most N
    seconds), exit 2 with the repair command for damage; indexer --check."""

    def as_other_user(self, *cmd):
        """Runs cmd as a user without rights on root's files: `nobody` through
        setpriv when we are root (as in CI), else ourselves."""
        if os.geteuid() != 0:
            return list(cmd)
        setpriv = shutil.which("setpriv")
        if not setpriv:
            self.skipTest("running as root without setpriv: cannot drop the rights this test needs")
        os.chmod(self.tmp, 0o755)  # nobody must reach the corpus and the index
        prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        # Where other users cannot enter the build's folders (a home folder
        # of mode 700), nobody cannot even start the binaries (exit 127, a
        # library it may not open): that says nothing about our messages.
        probe = run(prefix + [cmd[0], "--help"], cwd=self.tmp)
        if probe.returncode != 0:
            self.skipTest("user nobody cannot run %s here (exit %d: %s)"
                          % (cmd[0], probe.returncode, probe.stderr.decode().strip()[:200]))
        return prefix + list(cmd)

    def tearDown(self):
        self.doCleanups()  # rights back before the temp dir is removed
        super().tearDown()

    @staticmethod
    def restore_rights(path):
        os.chmod(path, 0o755)

    def own_dir(self, name):
        path = os.path.join(self.tmp, name)
        os.mkdir(path, 0o755)
        return path

    def test_index_folder_without_write_permission_is_exit_2_never_locked(self):
        self.build_index()
        if os.geteuid() != 0:
            os.chmod(self.index, 0o555)
            self.addCleanup(self.restore_rights, self.index)
        for extra in ([], ["--wait"], ["--wait=30"]):
            cmd = self.as_other_user(INDEXER, "--corpus", self.corpus, "--index", self.index, *extra)
            started = time.monotonic()
            r = run(cmd, cwd=self.tmp, timeout=20)
            self.assertEqual(r.returncode, 2, r.stderr.decode())
            self.assertEqual(r.stderr.decode(), "indexer: cannot write index folder '%s': permission denied\n" % self.index)
            self.assertLess(time.monotonic() - started, 10, "--wait waited on a permission problem")

    def test_parent_without_write_permission_names_the_parent_and_the_reason(self):
        parent = self.own_dir("readonly")
        if os.geteuid() != 0:
            os.chmod(parent, 0o555)
            self.addCleanup(self.restore_rights, parent)
        index = os.path.join(parent, "index")
        r = run(self.as_other_user(INDEXER, "--corpus", self.corpus, "--index", index, "--wait"), cwd=self.tmp, timeout=20)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.decode(), "indexer: cannot create index folder '%s' in '%s': permission denied\n"
                         % (index, parent))

    def test_missing_parent_is_named(self):
        index = os.path.join(self.tmp, "no", "such", "index")
        r = self.indexer_at(index)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.decode(), "indexer: cannot create index folder '%s': folder '%s' does not exist\n"
                         % (index, os.path.dirname(index)))

    def indexer_at(self, index, *args):
        return run([INDEXER, "--corpus", self.corpus, "--index", index, *args], cwd=self.tmp, timeout=60)

    def test_search_on_an_unreadable_index_says_permission_denied(self):
        self.build_index()
        os.chmod(self.index, 0o700 if os.geteuid() == 0 else 0o000)
        self.addCleanup(self.restore_rights, self.index)
        r = run(self.as_other_user(SEARCH, "--index", self.index, "노광"), cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.decode(), "search: cannot read index folder '%s': permission denied\n" % self.index)

    def test_search_on_an_index_file_it_may_not_read_says_permission_denied(self):
        self.build_index()
        postlist = os.path.join(database_dir(self.index), "postlist.glass")
        os.chmod(postlist, 0o600 if os.geteuid() == 0 else 0o000)
        self.addCleanup(os.chmod, postlist, 0o644)
        r = run(self.as_other_user(SEARCH, "--index", self.index, "노광"), cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertRegex(r.stderr.decode(), r"^search: cannot access index '.+': permission denied \(.+postlist\.glass.*\)\n$")

    def hold_lock(self):
        xapian = xapian_module(self)
        return xapian.WritableDatabase(self.index, xapian.DB_OPEN)

    def test_lock_held_by_another_writer_is_exit_3_and_wait_is_bounded(self):
        self.build_index()
        holder = self.hold_lock()
        r = self.indexer()
        self.assertEqual(r.returncode, 3)
        self.assertIn("is locked by another indexer", r.stderr.decode())
        started = time.monotonic()
        r = self.indexer("--wait=1")
        self.assertEqual(r.returncode, 3)
        self.assertGreaterEqual(time.monotonic() - started, 1.0)
        self.assertEqual(r.stderr.decode(), "indexer: index '%s' is still locked by another indexer after 1 s "
                                            "(lock file %s/flintlock)\n" % (self.index, database_dir(self.index)))
        holder.close()

    def test_plain_wait_waits_for_the_lock_to_be_released(self):
        self.build_index()
        holder = self.hold_lock()
        threading.Timer(1.0, holder.close).start()
        started = time.monotonic()
        r = self.indexer("--wait", timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertGreaterEqual(time.monotonic() - started, 0.9)

    def test_a_writer_that_waited_for_a_rebuild_writes_into_the_generation_it_published(self):
        # What a rebuild does, by hand: hold the live generation's lock, put
        # the new generation in place and name it in the stub, then let go.
        self.build_index()
        holder = self.hold_lock()
        self.write("new.txt", "새 기사\n\nzorblax 장비가 들어왔다.\n")
        waiter = subprocess.Popen([INDEXER, "--corpus", self.corpus, "--index", self.index, "--wait"],
                                  cwd=self.tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(0.5)
        self.assertIsNone(waiter.poll(), "--wait did not wait")
        old = database_dir(self.index)
        shutil.copytree(old, os.path.join(self.index, "gen-99"), ignore=shutil.ignore_patterns("flintlock"))
        with open(os.path.join(self.index, "XAPIANDB.tmp"), "w") as f:
            f.write("auto gen-99\n")
        os.rename(os.path.join(self.index, "XAPIANDB.tmp"), os.path.join(self.index, "XAPIANDB"))
        holder.close()
        _, err = waiter.communicate(timeout=60)
        self.assertEqual(waiter.returncode, 0, err.decode())
        self.assertEqual(self.ranked_ids("zorblax"), ["new.txt"])  # through the stub: gen-99
        self.assertEqual(xapian_module(self).Database(old).get_doccount(), 4)  # the replaced one untouched

    def damage(self):
        self.build_index()
        with open(os.path.join(database_dir(self.index), "postlist.glass"), "r+b") as f:
            f.truncate(8192)  # as a full disk or an interrupted copy leaves it

    def test_damaged_index_is_exit_2_with_the_repair_command_from_both_binaries(self):
        self.damage()
        repair = "rebuild it with: indexer --rebuild --index %s" % self.index
        for r, program in ((self.search("노광"), "search"), (self.indexer(), "indexer")):
            self.assertEqual(r.returncode, 2, program)
            lines = r.stderr.decode().splitlines()
            self.assertEqual(len(lines), 1, lines)
            self.assertRegex(lines[0], "^%s: index '%s' is damaged \\(.+\\); " % (program, re.escape(self.index)))
            self.assertIn(repair, lines[0])

    def test_index_whose_creation_was_killed_is_created_again(self):
        # kill -9 while a new index was being created leaves Xapian's table
        # files without the version file (iamglass); nothing was committed.
        os.makedirs(self.index)
        for name in ("flintlock", "postlist.glass", "termlist.glass"):
            open(os.path.join(self.index, name), "wb").close()
        r = self.indexer()
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("interrupted before its first commit", r.stderr.decode())
        self.assertEqual(len(self.ranked_ids("엔비디아")), 3)

    def test_check_reports_sound_and_damaged_in_one_line_and_rebuild_repairs(self):
        self.build_index()
        before = self.search("-c", "노광").stdout
        r = run([INDEXER, "--index", self.index, "--check"])
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stdout.decode(), "index '%s' is sound: 4 articles\n" % self.index)
        self.damage()
        r = run([INDEXER, "--index", self.index, "--check"])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(len(r.stderr.decode().splitlines()), 1)
        self.assertRegex(r.stderr.decode(), "^indexer: index '.+' is damaged \\(.+\\); rebuild it with: indexer --rebuild --index ")
        r = self.indexer("--rebuild")
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        self.assertEqual(run([INDEXER, "--index", self.index, "--check"]).returncode, 0)
        self.assertEqual(self.search("-c", "노광").stdout, before)

    def test_check_finds_damage_a_search_does_not_touch(self):
        self.build_index()
        with open(os.path.join(database_dir(self.index), "postlist.glass"), "r+b") as f:
            f.seek(8192 + 100)
            f.write(b"\xff" * 200)
        r = run([INDEXER, "--index", self.index, "--check"])
        self.assertEqual(r.returncode, 2, r.stdout.decode())
        self.assertIn("is damaged", r.stderr.decode())


class RepairAdviceWorks(CorpusTestCase):
    """Issue 21: the command printed for a damaged index repairs it. With one
    table truncated (in a copy), `indexer --check` names the damage and the
    command; running exactly that command finds every article again, those of
    the corpus folder and of a JSONL file alike (the record of the sources is
    kept beside the tables in INDEX/sources.json)."""

    TABLES = ("postlist", "termlist", "position", "docdata")

    def setUp(self):
        super().setUp()
        self.build_index()
        self.jsonl = os.path.join(self.tmp, "extra.jsonl")
        with open(self.jsonl, "w", encoding="utf-8") as f:
            f.write('{"id": "j1", "title": "가져온 기사", "text": "quillfeather 장비가 들어왔다."}\n')
            f.write('{"id": "j2", "title": "또 하나", "text": "zorblax 공정 소식."}\n')
        r = run([INDEXER, "--jsonl", self.jsonl, "--index", self.index], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.ids = sorted(index_ids(xapian_module(self), self.index))
        self.assertEqual(len(self.ids), 6, self.ids)

    def damaged_copy(self, table):
        copy = os.path.join(self.tmp, "copy-" + table)
        shutil.copytree(self.index, copy)
        path = os.path.join(database_dir(copy), table + ".glass")
        size = os.path.getsize(path)
        with open(path, "r+b") as f:
            f.truncate(min(size // 2, 8192))  # as a full disk or an interrupted copy leaves it
        return copy

    def test_the_printed_command_rebuilds_every_source_whatever_table_is_damaged(self):
        for table in self.TABLES:
            with self.subTest(table=table):
                copy = self.damaged_copy(table)
                r = run([INDEXER, "--index", copy, "--check"], cwd=self.tmp)
                self.assertEqual(r.returncode, 2, r.stdout.decode())
                message = r.stderr.decode().strip()
                self.assertIn("is damaged", message)
                command = message.split("rebuild it with: ", 1)[1]
                self.assertEqual(command, "indexer --rebuild --index " + copy)
                argv = shlex.split(command)
                r = run([INDEXER, *argv[1:]], cwd=self.tmp)
                self.assertIn(r.returncode, (0, 1), r.stderr.decode())
                self.assertEqual(run([INDEXER, "--index", copy, "--check"], cwd=self.tmp).returncode, 0)
                self.assertEqual(sorted(index_ids(xapian_module(self), copy)), self.ids)
                found = run([SEARCH, "--index", copy, "-l", "quillfeather OR zorblax OR 엔비디아"], cwd=self.tmp)
                self.assertEqual(found.returncode, 0, found.stderr.decode())

    def test_an_older_layout_index_without_the_copy_asks_for_the_input(self):
        # Tables directly in the folder, as indexes were before generations.
        old = os.path.join(self.tmp, "old")
        shutil.copytree(database_dir(self.index), old, ignore=shutil.ignore_patterns("flintlock"))
        with open(os.path.join(old, "postlist.glass"), "r+b") as f:
            f.truncate(4096)
        r = run([INDEXER, "--rebuild", "--index", old], cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.decode().count("\n"), 1, r.stderr.decode())
        self.assertRegex(r.stderr.decode(), r"is damaged \(.+\) and its record of sources with it; "
                                            r"give one with --corpus DIR or --jsonl FILE\n$")
        r = run([INDEXER, "--rebuild", "--index", old, "--corpus", self.corpus], cwd=self.tmp)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        self.assertEqual(run([INDEXER, "--index", old, "--check"], cwd=self.tmp).returncode, 0)
        self.assertTrue(os.path.isfile(os.path.join(old, "XAPIANDB")))  # converted: the copy is kept from now on
        self.assertTrue(os.path.isfile(os.path.join(old, "sources.json")))

    def test_the_sources_file_follows_the_record(self):
        with open(os.path.join(self.index, "sources.json"), encoding="utf-8") as f:
            recorded = json.load(f)
        self.assertEqual(sorted(s["kind"] for s in recorded), ["corpus", "jsonl"])
        r = run([INDEXER, "--index", self.index, "--forget", self.jsonl], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        with open(os.path.join(self.index, "sources.json"), encoding="utf-8") as f:
            self.assertEqual([s["kind"] for s in json.load(f)], ["corpus"])


class TalksLikeAGoodTool(CorpusTestCase):
    """Issue 11: progress on a terminal only, -q errors only, -v one line per
    change, duplicates summed up in one line (12,769 lines on 200,000 reviews)."""

    def copies(self, n):
        for i in range(n):
            shutil.copy(os.path.join(self.corpus, "000_f83dc9f58ae6b65b.txt"), os.path.join(self.corpus, "copy%d.txt" % i))

    def test_progress_line_on_a_terminal_is_erased_before_the_summary(self):
        rc, out, seen = run_on_terminal([INDEXER, "--corpus", self.corpus, "--index", self.index], "stderr", self.tmp)
        self.assertEqual(rc, 0, seen)
        self.assertEqual(out, b"")
        text = seen.decode()
        self.assertRegex(text, r"\r\x1b\[K\d+/4 documents, \d+% of 0\.\d MB read")
        progress, _, summary = text.rpartition("\r\x1b[K")
        self.assertTrue(progress)
        self.assertRegex(summary, r"^added 4, updated 0, unchanged 0, removed 0, skipped 0 in [0-9.]+ s\r?\n$")

    def test_no_progress_when_stderr_is_not_a_terminal(self):
        r = self.indexer()
        self.assertNotIn(b"\x1b", r.stderr)
        self.assertNotIn(b"documents", r.stderr)
        self.assertEqual(len(r.stderr.decode().splitlines()), 1)

    def test_quiet_prints_errors_only(self):
        self.copies(3)
        self.write("empty.txt", b"")
        rc, _, seen = run_on_terminal([INDEXER, "--corpus", self.corpus, "--index", self.index, "-q"], "stderr", self.tmp)
        self.assertEqual((rc, seen), (1, b""))  # skipped input: exit 1, but not a word
        r = run([INDEXER, "--corpus", os.path.join(self.tmp, "nothing"), "--index", self.index, "--quiet"])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.decode().splitlines()), 1)
        self.assertIn("does not exist", r.stderr.decode())

    def test_verbose_prints_one_line_per_change(self):
        r = self.indexer("-v")
        self.assertEqual(r.returncode, 0)
        lines = r.stderr.decode().splitlines()
        self.assertEqual(sorted(lines[:-1]), ["added " + n for n in sorted(os.listdir(self.corpus))])
        os.remove(os.path.join(self.corpus, "001_296e250b8337e3ff.txt"))
        with open(os.path.join(self.corpus, "002_4f174f445bf85026.txt"), "a", encoding="utf-8") as f:
            f.write("\n덧붙인 문단 zorblax.\n")
        lines = self.indexer("--verbose").stderr.decode().splitlines()
        self.assertEqual(lines[:-1], ["updated 002_4f174f445bf85026.txt", "removed 001_296e250b8337e3ff.txt"])

    def test_duplicates_are_one_line_with_a_count_and_listed_with_verbose(self):
        self.copies(3)
        r = self.indexer()
        lines = r.stderr.decode().splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertRegex(lines[0], r"^warning: 3 articles have the same text as another, e\.g\. .+/copy\d\.txt "
                                   r"\(as '000_f83dc9f58ae6b65b\.txt'\); results show it once; -v lists each$")
        self.assertIn("duplicates 3", lines[1])
        shutil.rmtree(self.index)
        lines = self.indexer("-v").stderr.decode().splitlines()
        same = [l for l in lines if l.startswith("warning: ")]
        self.assertEqual(len(same), 3, lines)
        for line in same:
            self.assertRegex(line, r"^warning: .+/copy\d\.txt: same text as '000_f83dc9f58ae6b65b\.txt'; results show it once$")


class LegacyEncodings(CorpusTestCase):
    """Issue 11: articles saved by older Korean software (EUC-KR, CP949) or as
    UTF-16 are converted, with one warning naming the encoding, instead of
    being indexed as U+FFFD."""

    TEXT = "{title}\n\n네덜란드 ASML의 극자외선 노광 장비는 중국으로 수출되지 않는다. {extra}\n"

    def test_euc_kr_cp949_and_utf16_files_are_found_by_their_words(self):
        self.write("euckr.txt", self.TEXT.format(title="옛 신문 기사 zorblax", extra="반도체 규제").encode("euc-kr"))
        self.write("cp949.txt", self.TEXT.format(title="윈도우 메모장 기사", extra="똠방각하 뷁").encode("cp949"))
        self.write("utf16.txt", self.TEXT.format(title="유니코드 기사", extra="쿼크 글루온").encode("utf-16"))
        r = self.indexer()
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        warnings = sorted(l for l in r.stderr.decode().splitlines() if l.startswith("warning: "))
        self.assertEqual(warnings, [  # one line for the two files of one kind (issue 21)
            "warning: %s/utf16.txt: encoded in UTF-16LE (byte order mark); converted to UTF-8" % self.corpus,
            "warning: 2 inputs: encoded in EUC-KR/CP949 (detected); converted to UTF-8 (e.g. %s/cp949.txt) "
            "(--encoding NAME forces another); -v lists each" % self.corpus])
        self.assertEqual(self.ranked_ids("zorblax"), ["euckr.txt"])
        self.assertEqual(self.ranked_ids("똠방각하"), ["cp949.txt"])
        self.assertEqual(self.ranked_ids("글루온"), ["utf16.txt"])
        hits, _ = self.search_json("zorblax")
        self.assertEqual(hits[0]["title"], "옛 신문 기사 zorblax")

    def test_forced_encoding_decodes_what_detection_cannot(self):
        self.write("short.txt", "노광 zorblax".encode("euc-kr"))  # too short to detect: U+FFFD
        r = self.indexer()
        self.assertIn("not valid UTF-8; ill-formed bytes replaced by U+FFFD", r.stderr.decode())
        self.assertEqual(self.search("노광", "-l").stdout.decode().count("short.txt"), 0)
        r = self.indexer("--encoding", "EUC-KR")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("updated 1", r.stderr.decode())  # the same bytes, decoded anew
        self.assertIn("short.txt", self.search("노광", "-l").stdout.decode())

    def test_unknown_encoding_is_a_usage_error(self):
        r = self.indexer("--encoding", "klingon")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.decode().splitlines(), ["indexer: unknown encoding 'klingon' (use a name such as "
                                                          "EUC-KR, CP949, UTF-16LE or ISO-8859-1)"])

    def test_euc_kr_jsonl_records_are_converted(self):
        import json
        path = os.path.join(self.tmp, "old.jsonl")
        record = json.dumps({"id": "old-1", "title": "옛 기사", "text": "네덜란드 노광 장비 수출 규제 zorblax " * 5},
                            ensure_ascii=False)
        with open(path, "wb") as f:
            f.write(record.encode("euc-kr") + b"\n")
        r = run([INDEXER, "--jsonl", path, "--index", self.index])
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("old.jsonl:1: encoded in EUC-KR/CP949 (detected)", r.stderr.decode())
        self.assertEqual(self.ranked_ids("zorblax"), ["old-1"])


class IndexKnowsItsSources(CorpusTestCase):
    """Issue 11: `indexer --corpus corpus --index idx --rebuild` silently
    dropped every JSONL document imported earlier (summary `removed 0`). The
    index records its sources; a rebuild rebuilds them all, a run without a
    source updates them all, a vanished source is reported and kept until
    --forget, and a renamed JSONL export updates the same articles."""

    def setUp(self):
        super().setUp()
        self.jsonl = os.path.join(self.tmp, "export.jsonl")
        self.write_jsonl(self.jsonl, "zorblax")

    def write_jsonl(self, path, word):
        import json
        with open(path, "w", encoding="utf-8") as f:
            for i in range(3):
                f.write(json.dumps({"id": "j%d" % i, "title": "제목 %d" % i, "text": "젤리피쉬 본문 %s %d" % (word, i)},
                                   ensure_ascii=False) + "\n")

    def index_jsonl(self, path=None, *args):
        return run([INDEXER, "--jsonl", path or self.jsonl, "--index", self.index, *args], cwd=self.tmp)

    def test_rebuild_with_one_source_keeps_the_other_sources(self):
        self.build_index()
        self.assertEqual(self.index_jsonl().returncode, 0)
        self.assertEqual(self.search("-c", "zorblax").stdout, b"3\n")
        r = self.indexer("--rebuild")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertRegex(r.stderr.decode(), r"^added 7, updated 0, unchanged 0, removed 0")
        self.assertEqual(self.search("-c", "zorblax").stdout, b"3\n")  # was 0: the JSONL articles were dropped
        self.assertEqual(run([INDEXER, "--index", self.index, "--check"]).returncode, 0)

    def test_no_source_updates_every_recorded_source(self):
        self.build_index()
        self.index_jsonl()
        self.write_jsonl(self.jsonl, "quuxplor")
        self.write("new.txt", "새 기사 제목\n\n새로 추가된 기사 본문 flumpet.\n")
        r = run([INDEXER, "--index", self.index], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertRegex(r.stderr.decode(), r"^added 1, updated 3, unchanged 4, removed 0, skipped 0")
        self.assertEqual(self.search("-c", "quuxplor").stdout, b"3\n")
        self.assertEqual(self.search("-l", "--path-style", "absolute", "flumpet").stdout.decode(),
                         os.path.join(self.corpus, "new.txt") + "\n")
        r = run([INDEXER, "--index", self.index, "--rebuild"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertRegex(r.stderr.decode(), r"^added 8, ")

    def test_a_vanished_source_is_reported_and_kept_until_forgotten(self):
        self.build_index()
        self.index_jsonl()
        os.remove(self.jsonl)
        r = run([INDEXER, "--index", self.index], cwd=self.tmp)
        self.assertEqual(r.returncode, 1)
        self.assertIn("warning: %s: recorded source no longer exists; its 3 article(s) are kept; "
                      "indexer --forget %s drops it and its articles" % (self.jsonl, self.jsonl), r.stderr.decode())
        self.assertEqual(self.search("-c", "zorblax").stdout, b"3\n")
        r = run([INDEXER, "--index", self.index, "--rebuild"], cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot rebuild: source '%s' no longer exists" % self.jsonl, r.stderr.decode())
        self.assertEqual(self.search("-c", "zorblax").stdout, b"3\n")
        r = run([INDEXER, "--index", self.index, "--forget", self.jsonl], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stderr.decode(), "removed 3 article(s) of '%s' and its record\n" % self.jsonl)
        self.assertEqual(self.search("-c", "zorblax").returncode, 1)
        r = run([INDEXER, "--index", self.index], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertRegex(r.stderr.decode(), r"^added 0, updated 0, unchanged 4, removed 0, skipped 0 in")

    def test_a_relative_source_keeps_its_relative_citations(self):
        r = run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.write("new.txt", "새 기사 제목\n\n새로 추가된 기사 본문 flumpet.\n")
        r = run([INDEXER, "--index", "index"], cwd=self.tmp)
        self.assertRegex(r.stderr.decode(), r"^added 1, updated 0, unchanged 4, ")
        self.assertEqual(self.search("-l", "flumpet").stdout.decode(), "corpus/new.txt\n")

    def test_forget_of_an_unknown_source_is_an_error(self):
        self.build_index()
        r = run([INDEXER, "--index", self.index, "--forget", "nowhere.jsonl"], cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertIn("records no source 'nowhere.jsonl' (recorded: %s)" % os.path.realpath(self.corpus), r.stderr.decode())

    def test_a_renamed_jsonl_export_updates_the_same_articles(self):
        self.index_jsonl()
        renamed = os.path.join(self.tmp, "export-2026.jsonl")
        os.rename(self.jsonl, renamed)
        r = self.index_jsonl(renamed)
        self.assertEqual(r.returncode, 0, r.stderr.decode())  # was: every id "belongs to" the old file, skipped
        self.assertRegex(r.stderr.decode(), r"^added 0, updated 3, ")
        hits, _ = self.search_json("--path-style", "absolute", "zorblax")
        self.assertEqual(sorted(h["id"] for h in hits), ["j0", "j1", "j2"])
        self.assertEqual({h["path"] for h in hits}, {renamed})
        r = run([INDEXER, "--index", self.index], cwd=self.tmp)
        self.assertIn("warning: %s: recorded source no longer exists; it has no articles left; indexer --forget %s "
                      "drops it and its articles" % (self.jsonl, self.jsonl), r.stderr.decode())


if __name__ == "__main__":
    unittest.main()
