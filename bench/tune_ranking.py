#!/usr/bin/python3
"""Coordinate search of kosearch's ranking parameters on the tune splits of
every collection bench/relevance_eval measures (KorQuAD paragraphs and
petition headlines, each alone and, with --distractors, among short reviews).
The score of a setting is the mean MRR@10 over the collections, so a value
that helps one collection by hurting another loses.

Runs bench/relevance_eval once per setting (the indexes are built once and
reused: ranking flags only change queries; --jobs settings run at once on the
same indexes). For each parameter in turn, every value of its grid is tried
with the others held; the value kept is the one whose score *averaged with its
grid neighbours* is best, so a lone spike loses to a broad plateau (tuning for
the held-out halves, not for particular queries). Passes repeat until nothing
moves.

  /usr/bin/python3 bench/tune_ranking.py --eval build/bench/relevance_eval --index /tmp/tune
      [--distractors 0] [--start k1=0.3,b=0.9,...] [--only k1,b] [--passes 3] [--jobs 2] [--log FILE]

Prints every trial and, at the end, the chosen values with the figures there.
Copy the values into common/query/include/kosearch/ranking.h by hand and pin the
figures in bench/relevance_expected.json: this script changes no file.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# Grids: round values, dense enough to see a plateau. Order matters little
# because passes repeat.
GRIDS = {
    "k1": [0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0],
    "b": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "word-tier": [0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0],
    "inside-share": [0.25, 0.5, 0.75, 1.0],
    "delta": [0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0],
    "bigram-weight": [0.25, 0.5, 0.75, 1.0, 1.25, 1.5],
    "title-weight": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0],
    "near-weight": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0],
    "near-window": [3, 4, 5, 6, 8, 10, 12, 15, 20],
    "adjacent-weight": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0],
    "spaced-weight": [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0],
    "joined-weight": [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0],
    "keyword-tier": [0.0, 3.0, 10.0, 30.0, 100.0, 1000.0],
    "keyword-idf-floor": [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
}
# The stem weight is the unit the other layers are measured in.


def header_defaults():
    """The defaults in ranking.h (what `search` uses), keyed like the flags."""
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common", "query", "include",
                          "kosearch", "ranking.h")
    found = dict(re.findall(r"^\s*(?:double|unsigned)\s+(\w+)\s*=\s*([0-9.]+);", open(header).read(), re.M))
    values = {}
    for name in GRIDS:
        field = name.replace("-", "_")
        if field not in found:
            sys.exit(f"tune_korquad: no default for {field} in {header}")
        values[name] = int(found[field]) if name == "near-window" else float(found[field])
    return values


def parse_assignments(text):
    values = {}
    for item in filter(None, (text or "").split(",")):
        name, _, value = item.partition("=")
        if name not in GRIDS:
            sys.exit(f"tune_korquad: unknown parameter {name!r} (known: {', '.join(GRIDS)})")
        values[name] = float(value) if name != "near-window" else int(value)
    return values


class Evaluator:
    """Runs relevance_eval for settings, caching each; `many` runs up to
    `jobs` of them at once (the indexes are only read once built)."""

    def __init__(self, binary, index_dir, distractors, jobs, log):
        self.binary = binary
        self.index_dir = index_dir
        self.distractors = distractors
        self.jobs = jobs
        self.log = log
        self.cache = {}
        self.built = False

    def _command(self, params, out):
        cmd = ["nice", self.binary, "--index", self.index_dir, "--json", out, "--distractors", str(self.distractors)]
        if self.built:
            cmd.append("--reuse")
        for name, value in params.items():
            cmd += [f"--{name}", str(value)]
        return cmd

    def _record(self, params, figures_file):
        sets = json.load(open(figures_file))
        rows = {f"{s}-{v}": f for s, variants in sets.items() for v, f in variants.items()}
        figures = {"score": sum(f["mrr10"] for f in rows.values()) / len(rows), "rows": rows}
        self.cache[tuple(sorted(params.items()))] = figures
        line = " ".join(f"{n}={v}" for n, v in sorted(params.items()))
        row = f"{figures['score']:.4f} " + " ".join(
            f"{name} {f['mrr10']:.4f} ({f['by_length']['1-4']['mrr10']:.4f})" for name, f in sorted(rows.items())
        ) + f"  {line}"
        print(row, flush=True)
        if self.log:
            self.log.write(row + "\n")
            self.log.flush()

    def many(self, settings):
        todo = [p for p in settings if tuple(sorted(p.items())) not in self.cache]
        if todo and not self.built:  # the first run builds the indexes, alone
            first = todo.pop(0)
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                subprocess.run(self._command(first, out.name), check=True, stdout=subprocess.DEVNULL)
                self.built = True
                self._record(first, out.name)
        for i in range(0, len(todo), self.jobs):
            batch = todo[i:i + self.jobs]
            outs = [tempfile.NamedTemporaryFile(suffix=".json") for _ in batch]
            procs = [subprocess.Popen(self._command(p, o.name), stdout=subprocess.DEVNULL) for p, o in zip(batch, outs)]
            for proc in procs:
                if proc.wait() != 0:
                    sys.exit(f"tune_ranking: relevance_eval failed ({proc.returncode})")
            for p, o in zip(batch, outs):
                self._record(p, o.name)
                o.close()
        return [self.cache[tuple(sorted(p.items()))] for p in settings]

    def __call__(self, params):
        return self.many([params])[0]


def smoothed(scores, i):
    """MRR@10 at grid index i weighted 2:1 against each neighbour (an edge
    value has one neighbour), so a value wins by standing on a plateau."""
    weights = [(scores[j], 2 if j == i else 1) for j in (i - 1, i, i + 1) if 0 <= j < len(scores)]
    return sum(s * w for s, w in weights) / sum(w for _, w in weights)


def tune_one(evaluate, params, name):
    grid = GRIDS[name]
    scores = [f["score"] for f in evaluate.many([dict(params, **{name: value}) for value in grid])]
    current = grid.index(params[name]) if params[name] in grid else None
    best = max(range(len(grid)), key=lambda i: (round(smoothed(scores, i), 5),
                                               i == current, -abs(i - (current or 0))))
    return grid[best], scores


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", required=True, help="path to the relevance_eval binary")
    ap.add_argument("--distractors", type=int, default=100000, help="reviews beside each set (0: clean only)")
    ap.add_argument("--jobs", type=int, default=1, help="settings evaluated at once")
    ap.add_argument("--start", help="starting values, e.g. k1=0.3,b=0.9 (others: the program's defaults)")
    ap.add_argument("--only", help="comma-separated parameters to tune (default: all)")
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--log", help="append every trial to FILE")
    ap.add_argument("--index", help="index folder to build once and keep (default: a temporary one)")
    args = ap.parse_args()

    names = args.only.split(",") if args.only else list(GRIDS)
    defaults = header_defaults()
    params = {name: defaults[name] for name in names}
    params.update(parse_assignments(args.start))

    log = open(args.log, "a") if args.log else None
    with tempfile.TemporaryDirectory(prefix="tune-ranking-") as scratch:
        evaluate = Evaluator(os.path.abspath(args.eval), args.index or os.path.join(scratch, "index"),
                             args.distractors, args.jobs, log)
        evaluate.built = bool(args.index) and os.path.isdir(args.index)
        evaluate(params)
        for n in range(args.passes):
            moved = False
            for name in names:
                value, scores = tune_one(evaluate, params, name)
                print(f"# pass {n + 1} {name}: " +
                      " ".join(f"{v}:{s:.4f}" for v, s in zip(GRIDS[name], scores)) + f" -> {value}", flush=True)
                if value != params[name]:
                    params[name] = value
                    moved = True
            if not moved:
                break
        final = evaluate(params)
    print("# chosen: " + " ".join(f"--{n} {v}" for n, v in params.items()))
    for name, f in sorted(final["rows"].items()):
        print(f"# {name}: MRR@10 {f['mrr10']:.4f} R@1 {f['r1']:.4f} R@10 {f['r10']:.4f} nDCG@10 {f['ndcg10']:.4f} "
              "by length " + " ".join(f"{k} {v['mrr10']:.4f}" for k, v in sorted(f["by_length"].items())))


if __name__ == "__main__":
    main()
