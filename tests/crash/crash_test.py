#!/usr/bin/python3
"""Crash test: kill -9 the indexer at random moments and inside commits, then
check that the index opens, passes xapian-check and holds exactly the last
committed state, and that rerunning converges to a clean rebuild.

How "exactly the last committed state" is checked. The indexer writes each
batch of --batch-size changes as one Xapian transaction, metadata included in
the first, so the database revision advances by one per committed batch. Its
changes come in a known order: before each run the script asks
`indexer --dry-run` for the list of changes (adds and updates in input order,
then removals) — the same order the real run writes them. After a kill, with
k = revision now - revision before, the index must equal the state before the
run with the first min(k * batch, len(changes)) changes applied: those ids
present or absent as planned, updated articles carrying a new content hash,
every other article untouched (same content hash). A lost commit, a torn
batch or a half-written document fails the check.

A run into an empty index (a first run) and --rebuild are bulk builds: parts
written by several threads in INDEX/gen-N.parts, merged into
INDEX/gen-N.rebuild, published as INDEX/gen-M by replacing the stub
INDEX/XAPIANDB. Those are killed at a random moment or aimed at a phase — while the parts
are written, during the merge, around the swap — and the live index must then
be either exactly the old state or the complete new one; the next run must
clean up what the killed one left.

Needs Debian's python3 with python3-xapian, xapian-check, and the NSMC data
(../shared/data/nsmc). Usage:
  crash_test.py --indexer build/indexer               # CI: 20 kills
  crash_test.py --indexer build/indexer --full        # 200 kills on a larger corpus
Exit 0 when every check passed, 1 on a failed check, 77 when the data is absent.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import nsmc  # noqa: E402
from index_state import database_dir, index_dump  # noqa: E402

try:
    import xapian
except ImportError:
    print("crash_test: python3-xapian is missing (run with Debian's /usr/bin/python3)", file=sys.stderr)
    sys.exit(77)

CONTENT_HASH_SLOT = 1
TABLES = ("postlist.glass", "termlist.glass", "docdata.glass", "position.glass")


class CheckFailed(Exception):
    pass


def read_state(index):
    """(revision, {id: content hash}) of the index at `index`."""
    db = xapian.Database(index)
    state = {}
    for t in db.allterms(b"Q"):
        for p in db.postlist(t.term):
            state[t.term[1:].decode()] = db.get_document(p.docid).get_value(CONTENT_HASH_SLOT)
    if len(state) != db.get_doccount():
        raise CheckFailed("%d documents but %d unique ids" % (db.get_doccount(), len(state)))
    return db.get_revision(), state


def xapian_check(index):
    r = subprocess.run(["xapian-check", database_dir(index)], capture_output=True)
    if r.returncode != 0:
        raise CheckFailed("xapian-check failed:\n" + r.stdout.decode()[-2000:] + r.stderr.decode()[-2000:])


def plan(indexer, corpus, index, extra=()):
    """The changes the next run will write, in order: [(change, id)]."""
    r = subprocess.run([indexer, "--dry-run", "--corpus", corpus, "--index", index, *extra], capture_output=True)
    if r.returncode not in (0, 1):
        raise CheckFailed("dry run failed (%d): %s" % (r.returncode, r.stderr.decode()))
    changes = []
    for line in r.stdout.decode().splitlines():
        change, _, doc_id = line.partition("\t")
        changes.append((change, doc_id))
    return changes


def expected_after(before, changes, applied):
    """{id: old hash or None for 'new content'} after the first `applied` changes."""
    state = dict(before)
    for change, doc_id in changes[:applied]:
        if change == "remove":
            state.pop(doc_id, None)
        else:
            state[doc_id] = None
    return state


def check_state(before_rev, before, changes, batch, rev, state):
    """Raises unless `state` is the committed state after rev - before_rev batches."""
    batches = rev - before_rev
    total = -(-len(changes) // batch)
    if batches < 0 or batches > total:
        raise CheckFailed("revision %d after %d: expected 0..%d batches" % (rev, before_rev, total))
    want = expected_after(before, changes, min(batches * batch, len(changes)))
    if set(want) != set(state):
        missing, extra = sorted(set(want) - set(state)), sorted(set(state) - set(want))
        raise CheckFailed("after %d batches of %d: missing %s, unexpected %s" %
                          (batches, batch, missing[:5], extra[:5]))
    for doc_id, old_hash in want.items():
        if old_hash is None:
            if doc_id in before and state[doc_id] == before[doc_id]:
                raise CheckFailed("%s should be updated after %d batches" % (doc_id, batches))
        elif state[doc_id] != old_hash:
            raise CheckFailed("%s changed although its update was not committed" % doc_id)
    return batches


class Runner:
    def __init__(self, args, work):
        self.args = args
        self.rng = random.Random(args.seed)
        self.corpus = os.path.join(work, "corpus")
        self.index = os.path.join(work, "index")
        self.reference = os.path.join(work, "reference")
        self.next_article = args.files
        self.kills = {"random": 0, "commit": 0, "bulk random": 0, "bulk parts": 0, "bulk merge": 0,
                      "bulk swap": 0}
        self.outcomes = {}  # of the killed runs: where the kill left the index
        self.misses = 0

    def indexer_cmd(self, batch, rebuild=False):
        cmd = [self.args.indexer, "--corpus", self.corpus, "--index", self.index, "--batch-size", str(batch)]
        return cmd + (["--rebuild"] if rebuild else [])

    def mutate_corpus(self):
        """Changes, removes and adds a few articles, as a user would between runs."""
        names = sorted(os.listdir(self.corpus))
        for name in self.rng.sample(names, max(1, len(names) // 20)):
            with open(os.path.join(self.corpus, name), "a", encoding="utf-8") as f:
                f.write("덧붙인 문장 %d\n" % self.rng.randrange(10 ** 9))
        for name in self.rng.sample(names, max(1, len(names) // 40)):
            os.remove(os.path.join(self.corpus, name))
        added = max(1, len(names) // 40)
        nsmc.write_corpus(self.corpus, added, skip=self.next_article)
        self.next_article += added

    def start(self, cmd):
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def kill_at_random(self, proc, longest):
        deadline = time.monotonic() + self.rng.uniform(0, longest)
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.001)
        return self.kill(proc)

    def kill_in_commit(self, proc, commits_before):
        """Kills at the first table write after `commits_before` commits of the
        run: Xapian is then writing a commit whose version file is not yet
        renamed into place."""
        def stamp(name):
            try:
                st = os.stat(os.path.join(database_dir(self.index), name))
                return st.st_mtime_ns, st.st_size, st.st_ino
            except OSError:
                return None
        version = stamp("iamglass")
        tables = [stamp(name) for name in TABLES]
        while proc.poll() is None:
            now_version = stamp("iamglass")
            if now_version != version:
                version = now_version
                commits_before -= 1
                tables = [stamp(name) for name in TABLES]
            elif commits_before <= 0 and [stamp(name) for name in TABLES] != tables:
                return self.kill(proc)
            time.sleep(0.0002)
        return self.kill(proc)

    def kill_in_phase(self, proc, phase, longest):
        """Kills a bulk build while it writes its parts (at a random moment of
        that phase), once the merge has begun, or once the merged index is
        complete (just before or after the swap)."""
        # The build goes beside the live generation (which a first build creates
        # when it starts) and is published by replacing the stub.
        def parts():
            return database_dir(self.index) + ".parts"

        def merged():
            return database_dir(self.index) + ".rebuild"
        reached = {
            "parts": lambda: os.path.isdir(parts()) and not os.path.exists(merged()),
            "merge": lambda: os.path.isdir(parts()) and os.path.exists(merged()),
            "swap": lambda: os.path.exists(os.path.join(merged(), "iamglass")) and not os.path.exists(parts()),
        }[phase]
        while proc.poll() is None and not reached():
            time.sleep(0.0002)
        if phase == "parts":
            return self.kill_at_random(proc, longest)
        if phase == "swap":  # the swap follows within a millisecond or so: land before and after it
            time.sleep(self.rng.uniform(0, 0.004))
        return self.kill(proc)

    def kill(self, proc):
        if proc.poll() is not None:
            proc.wait()
            self.misses += 1
            return False
        proc.kill()
        proc.wait()
        return True

    def has_index(self):
        return os.path.exists(os.path.join(database_dir(self.index), "iamglass"))

    def prepare(self, mode):
        """Gives the next run work to do; returns its planned changes."""
        if mode == "first":
            shutil.rmtree(self.index, ignore_errors=True)  # start from nothing: a bulk build
        elif mode != "rebuild" and not (self.has_index() and read_state(self.index)[1]):
            # An incremental run needs an index with articles: finish a build first.
            r = subprocess.run(self.indexer_cmd(50), capture_output=True)
            if r.returncode != 0:
                raise CheckFailed("build exited %d: %s" % (r.returncode, r.stderr.decode()[-500:]))
            self.mutate_corpus()
        elif self.rng.random() < 0.5:
            self.mutate_corpus()
        extra = ["--rebuild"] if mode == "rebuild" else []
        changes = plan(self.args.indexer, self.corpus, self.index, extra)
        while not changes:  # the index is complete: change the corpus
            self.mutate_corpus()
            changes = plan(self.args.indexer, self.corpus, self.index, extra)
        return changes

    def one_kill(self, cost):
        """One indexer run killed (or finished first); checks the index it leaves."""
        mode = self.rng.choice(["random", "random", "commit", "commit", "first", "rebuild"])
        if mode == "rebuild" and not self.has_index():
            mode = "first"  # nothing to rebuild: a first build
        changes = self.prepare(mode)
        batch = self.rng.choice([1, 2, 5, 20, 60])
        before_rev, before = read_state(self.index) if self.has_index() else (0, {})
        rebuild = mode == "rebuild"
        bulk = rebuild or not before  # a run into an empty index is a bulk build too
        if bulk:
            mode = "bulk " + self.rng.choice(["random", "parts", "merge", "swap"])
        proc = self.start(self.indexer_cmd(batch, rebuild=rebuild))
        total = -(-len(changes) // batch)
        analysis, commit, bulk_change = cost
        if mode == "commit":
            killed = self.kill_in_commit(proc, self.rng.randrange(min(4, total)))
        elif mode in ("bulk parts", "bulk merge", "bulk swap"):
            killed = self.kill_in_phase(proc, mode.split()[1], len(changes) * bulk_change)
        elif bulk:
            killed = self.kill_at_random(proc, 0.2 + len(changes) * bulk_change)
        else:  # uniform over the run's expected length
            killed = self.kill_at_random(proc, 0.2 + len(changes) * analysis + total * commit)
        if self.has_index():
            xapian_check(self.index)
            rev, state = read_state(self.index)
        else:
            rev, state = 0, {}
        if bulk:
            if state == before and (not before or rev == before_rev):
                outcome = "bulk: old index kept"
            else:  # the complete new index: every planned article, none of the old untouched
                planned = {doc_id for change, doc_id in changes if change != "remove"}
                if set(state) != planned:
                    raise CheckFailed("bulk build left a partial index live (%d of %d articles)" %
                                      (len(set(state) & planned), len(planned)))
                outcome = "bulk: new index swapped in"
        else:
            batches = check_state(before_rev, before, changes, batch, rev, state)
            if batches == 0:
                outcome = "before the run's first commit"
            elif batches == total:
                outcome = "after the run's last commit"
            else:
                outcome = "between two commits of the run"
        if killed:
            self.kills[mode] += 1
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        return killed

    def converge(self):
        """A normal rerun must finish and equal a clean rebuild of the same corpus."""
        r = subprocess.run(self.indexer_cmd(50), capture_output=True)
        if r.returncode != 0:
            raise CheckFailed("final run exited %d: %s" % (r.returncode, r.stderr.decode()[-500:]))
        xapian_check(self.index)
        for leftover in (".parts", ".rebuild"):
            for where in (self.index, database_dir(self.index)):
                if os.path.exists(where + leftover):
                    raise CheckFailed("a finished run left %s%s behind" % (where, leftover))
        shutil.rmtree(self.reference, ignore_errors=True)
        r = subprocess.run([self.args.indexer, "--corpus", self.corpus, "--index", self.reference], capture_output=True)
        if r.returncode != 0:
            raise CheckFailed("reference build exited %d" % r.returncode)
        got, want = index_dump(xapian, self.index), index_dump(xapian, self.reference)
        if got != want:
            differing = [k for k in set(got[0]) | set(want[0]) if got[0].get(k) != want[0].get(k)]
            raise CheckFailed("converged index differs from a clean rebuild: %d documents differ (%s), "
                              "doccount %d vs %d" % (len(differing), differing[:5], got[1]["doccount"],
                                                     want[1]["doccount"]))
        return len(got[0])

    def timed_run(self, batch, seed=None):
        """Seconds of a run into no index (a bulk build), or into one holding
        only `seed`'s article (another input): an incremental run."""
        shutil.rmtree(self.index, ignore_errors=True)
        if seed:
            subprocess.run([self.args.indexer, "--corpus", seed, "--index", self.index], check=True,
                           capture_output=True)
        started = time.monotonic()
        r = subprocess.run(self.indexer_cmd(batch), capture_output=True)
        if r.returncode != 0:
            raise CheckFailed("full run exited %d: %s" % (r.returncode, r.stderr.decode()))
        return time.monotonic() - started

    def calibrate(self):
        """(seconds per change and per commit of an incremental run, seconds per
        change of a bulk build), to spread random kills over a run."""
        seed = os.path.join(os.path.dirname(self.corpus), "seed")
        nsmc.write_corpus(seed, 1, prefix="seed")
        bulk = self.timed_run(self.args.files)
        one_batch = self.timed_run(self.args.files, seed)
        small_batches = self.timed_run(5, seed)
        shutil.rmtree(self.index)
        analysis = one_batch / self.args.files
        return analysis, max(0.0, (small_batches - one_batch) / (self.args.files / 5)), bulk / self.args.files

    def run(self):
        nsmc.write_corpus(self.corpus, self.args.files)
        started = time.monotonic()
        cost = self.calibrate()
        attempts = 0
        while sum(self.kills.values()) < self.args.kills:
            attempts += 1
            if attempts > self.args.kills * 10:
                raise CheckFailed("too few runs could be killed (%d of %d)" % (sum(self.kills.values()), attempts))
            if self.one_kill(cost) and sum(self.kills.values()) % 20 == 0:
                print("  %d kills so far, %.0f s" % (sum(self.kills.values()), time.monotonic() - started), flush=True)
        docs = self.converge()
        took = time.monotonic() - started
        print("crash test: %d kills (%s); %d more runs finished before their kill; the kills left the index %s; "
              "every index passed xapian-check and held exactly a committed state; the final rerun converged "
              "to the clean rebuild (%d documents); %.0f s in all" %
              (sum(self.kills.values()), ", ".join("%d %s" % (v, k) for k, v in self.kills.items()),
               self.misses, ", ".join("%d %s" % (v, k) for k, v in sorted(self.outcomes.items())), docs, took))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--indexer", required=True)
    p.add_argument("--full", action="store_true", help="200 kills on 3,000 articles")
    p.add_argument("--kills", type=int)
    p.add_argument("--files", type=int)
    p.add_argument("--seed", type=int, default=int(time.time()))
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    args = p.parse_args()
    args.kills = args.kills or (200 if args.full else 20)
    args.files = args.files or (3000 if args.full else 400)
    if not nsmc.available():
        print("crash_test: NSMC data not found at %s; skipped" % nsmc.reviews_path(), file=sys.stderr)
        return 77
    if not shutil.which("xapian-check"):
        print("crash_test: xapian-check not found (package xapian-tools); skipped", file=sys.stderr)
        return 77
    work = tempfile.mkdtemp(prefix="kosearch-crash-")
    print("crash test: seed %d, work dir %s" % (args.seed, work), flush=True)
    try:
        Runner(args, work).run()
    except CheckFailed as e:
        print("crash test FAILED (seed %d): %s" % (args.seed, e), file=sys.stderr)
        args.keep = True
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
