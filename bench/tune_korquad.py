#!/usr/bin/python3
"""Coordinate search of kosearch's ranking parameters on the KorQuAD tune split,
on both collections at once: the paragraphs alone (clean) and the paragraphs
among 100,000 short reviews (mixed). The score of a setting is the mean of the
two MRR@10, so a value that helps one collection by hurting the other loses.

Runs bench/korquad_eval once per setting (the indexes are built once and
reused: ranking flags only change queries). For each parameter in turn, every
value of its grid is tried with the others held; the value kept is the one
whose score *averaged with its grid neighbours* is best, so a lone spike loses
to a broad plateau (tuning for the held-out half, not for particular
questions). Passes repeat until nothing moves.

  /usr/bin/python3 bench/tune_korquad.py --eval build/bench/korquad_eval
      [--start k1=0.3,b=0.9,...] [--only k1,b] [--passes 3] [--log FILE] [--index DIR]

Prints every trial and, at the end, the chosen values with the figures there.
Copy the values into common/query/include/kosearch/ranking.h by hand and pin the
figures in bench/korquad_expected.json: this script changes no file.
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
}
# The stem weight is the unit the other layers are measured in.


def header_defaults():
    """The defaults in ranking.h (what `search` uses), keyed like the flags."""
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common", "include",
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
    def __init__(self, binary, index_dir, log):
        self.binary = binary
        self.index_dir = index_dir
        self.log = log
        self.cache = {}
        self.built = False

    def __call__(self, params):
        key = tuple(sorted(params.items()))
        if key in self.cache:
            return self.cache[key]
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            cmd = [self.binary, "--index", self.index_dir, "--json", out.name]
            if self.built:
                cmd.append("--reuse")
            for name, value in params.items():
                cmd += [f"--{name}", str(value)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            self.built = True
            both = json.load(open(out.name))
        clean, mixed = both["clean"], both["mixed"]
        figures = {"score": (clean["mrr10"] + mixed["mrr10"]) / 2, "clean": clean, "mixed": mixed}
        self.cache[key] = figures
        line = " ".join(f"{n}={v}" for n, v in sorted(params.items()))
        row = (f"{figures['score']:.4f} clean {clean['mrr10']:.4f}/{clean['r10']:.4f} "
               f"mixed {mixed['mrr10']:.4f}/{mixed['r10']:.4f}  {line}")
        print(row, flush=True)
        if self.log:
            self.log.write(row + "\n")
            self.log.flush()
        return figures


def smoothed(scores, i):
    """MRR@10 at grid index i weighted 2:1 against each neighbour (an edge
    value has one neighbour), so a value wins by standing on a plateau."""
    weights = [(scores[j], 2 if j == i else 1) for j in (i - 1, i, i + 1) if 0 <= j < len(scores)]
    return sum(s * w for s, w in weights) / sum(w for _, w in weights)


def tune_one(evaluate, params, name):
    grid = GRIDS[name]
    scores = []
    for value in grid:
        trial = dict(params, **{name: value})
        scores.append(evaluate(trial)["score"])
    current = grid.index(params[name]) if params[name] in grid else None
    best = max(range(len(grid)), key=lambda i: (round(smoothed(scores, i), 5),
                                               i == current, -abs(i - (current or 0))))
    return grid[best], scores


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", required=True, help="path to the korquad_eval binary")
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
    with tempfile.TemporaryDirectory(prefix="tune-korquad-") as scratch:
        evaluate = Evaluator(os.path.abspath(args.eval), args.index or os.path.join(scratch, "index"), log)
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
    for name in ("clean", "mixed"):
        f = final[name]
        print(f"# {name}: MRR@10 {f['mrr10']:.4f} R@1 {f['r1']:.4f} R@10 {f['r10']:.4f} "
              f"nDCG@10 {f['ndcg10']:.4f} zero {f['zero_results']}")


if __name__ == "__main__":
    main()
