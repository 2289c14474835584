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
batch or a half-written document fails the check. For --rebuild kills the live
index must be either the old state or the complete new one.

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

try:
    import xapian
except ImportError:
    print("crash_test: python3-xapian is missing (run with Debian's /usr/bin/python3)", file=sys.stderr)
    sys.exit(77)

CONTENT_HASH_SLOT = 1
TABLES = ("postlist.glass", "termlist.glass", "docdata.glass", "position.glass", "iamglass")


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


def dump(index):
    """Everything a document is made of, by id: data, values, terms with wdf and positions."""
    db = xapian.Database(index)
    out = {}
    for t in db.allterms(b"Q"):
        for p in db.postlist(t.term):
            doc = db.get_document(p.docid)
            terms = tuple((x.term, x.wdf, tuple(db.positionlist(p.docid, x.term))) for x in doc.termlist())
            values = tuple((v.num, v.value) for v in doc.values())
            out[t.term] = (doc.get_data(), values, terms)
    return out, db.get_doccount(), db.get_avlength()


def xapian_check(index):
    r = subprocess.run(["xapian-check", index], capture_output=True)
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
        self.kills = {"random": 0, "commit": 0, "rebuild": 0}
        self.outcomes = {"batches committed": 0, "state before run": 0, "rebuild complete": 0}
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

    def kill_in_commit(self, proc):
        """Kills as soon as a table file changes: the indexer is writing a commit."""
        def snapshot():
            out = []
            for name in TABLES:
                try:
                    st = os.stat(os.path.join(self.index, name))
                    out.append((st.st_mtime_ns, st.st_size))
                except OSError:
                    out.append(None)
            return out
        first = snapshot()
        skip_commits = self.rng.randrange(4)  # not always the first commit
        while proc.poll() is None:
            now = snapshot()
            if now != first:
                if skip_commits == 0:
                    return self.kill(proc)
                skip_commits -= 1
                first = now
            time.sleep(0.0002)
        return False

    def kill(self, proc):
        if proc.poll() is not None:
            proc.wait()
            self.misses += 1
            return False
        proc.kill()
        proc.wait()
        return True

    def one_kill(self, longest):
        """One indexer run killed (or finished first); checks the index it leaves."""
        mode = self.rng.choice(["random", "random", "commit", "commit", "rebuild"])
        if mode == "rebuild" and not os.path.exists(os.path.join(self.index, "iamglass")):
            mode = "random"  # nothing to rebuild beside: --rebuild writes in place
        if self.rng.random() < 0.15 and mode != "rebuild":
            shutil.rmtree(self.index, ignore_errors=True)  # start from nothing now and then
        elif self.rng.random() < 0.5:
            self.mutate_corpus()
        batch = self.rng.choice([1, 2, 5, 20, 60])
        before_rev, before = read_state(self.index) if os.path.exists(os.path.join(self.index, "iamglass")) else (0, {})
        changes = plan(self.args.indexer, self.corpus, self.index, ["--rebuild"] if mode == "rebuild" else [])
        proc = self.start(self.indexer_cmd(batch, rebuild=mode == "rebuild"))
        killed = self.kill_in_commit(proc) if mode == "commit" else self.kill_at_random(proc, longest)
        if os.path.exists(os.path.join(self.index, "iamglass")):
            xapian_check(self.index)
            rev, state = read_state(self.index)
        else:
            rev, state = 0, {}
        if mode == "rebuild":
            if state == before and rev == before_rev:
                self.outcomes["state before run"] += 1
            else:  # the complete new index: every planned article, none of the old untouched
                check_state(0, {}, changes, batch, rev, state)
                if len(state) != len(changes):
                    raise CheckFailed("rebuild left a partial index live (%d of %d)" % (len(state), len(changes)))
                self.outcomes["rebuild complete"] += 1
        else:
            batches = check_state(before_rev, before, changes, batch, rev, state)
            self.outcomes["batches committed" if batches else "state before run"] += 1
        if killed:
            self.kills[mode] += 1
        return killed

    def converge(self):
        """A normal rerun must finish and equal a clean rebuild of the same corpus."""
        r = subprocess.run(self.indexer_cmd(50), capture_output=True)
        if r.returncode != 0:
            raise CheckFailed("final run exited %d: %s" % (r.returncode, r.stderr.decode()[-500:]))
        xapian_check(self.index)
        shutil.rmtree(self.reference, ignore_errors=True)
        r = subprocess.run([self.args.indexer, "--corpus", self.corpus, "--index", self.reference], capture_output=True)
        if r.returncode != 0:
            raise CheckFailed("reference build exited %d" % r.returncode)
        got, want = dump(self.index), dump(self.reference)
        if got != want:
            differing = [k for k in set(got[0]) | set(want[0]) if got[0].get(k) != want[0].get(k)]
            raise CheckFailed("converged index differs from a clean rebuild: %d documents differ (%s), "
                              "doccount %d vs %d" % (len(differing), differing[:5], got[1], want[1]))
        return len(got[0])

    def run(self):
        nsmc.write_corpus(self.corpus, self.args.files)
        started = time.monotonic()
        r = subprocess.run(self.indexer_cmd(5), capture_output=True)  # how long a slow full run takes
        longest = max(0.2, (time.monotonic() - started) * 1.2)
        if r.returncode != 0:
            raise CheckFailed("first run exited %d: %s" % (r.returncode, r.stderr.decode()))
        shutil.rmtree(self.index)
        attempts = 0
        while sum(self.kills.values()) < self.args.kills:
            attempts += 1
            if attempts > self.args.kills * 10:
                raise CheckFailed("too few runs could be killed (%d of %d)" % (sum(self.kills.values()), attempts))
            if self.one_kill(longest) and sum(self.kills.values()) % 20 == 0:
                print("  %d kills so far, %.0f s" % (sum(self.kills.values()), time.monotonic() - started), flush=True)
        docs = self.converge()
        took = time.monotonic() - started
        print("crash test: %d kills (%s), %d runs finished before their kill; outcomes %s; "
              "every index passed xapian-check and held a committed state; rerun converged to the "
              "clean rebuild (%d documents) in %.0f s total" %
              (sum(self.kills.values()), ", ".join("%d %s" % (v, k) for k, v in self.kills.items()),
               self.misses, self.outcomes, docs, took))


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
