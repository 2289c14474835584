#!/usr/bin/python3
"""What typing help (search --suggest, spelling_suggester.h) costs per query,
on an index of the NSMC reviews (see bench/run_nsmc.py for building one).

From nsmc/queries.tsv it derives, deterministically, sets of queries a
person gets wrong, each from the query's longest Hangul word of 3+ syllables:
  misspelled        one vowel after the first syllable swapped for its
                    neighbour on the keyboard (ㅏ↔ㅑ, ㅓ↔ㅕ, ㅐ↔ㅔ, ㅗ↔ㅛ,
                    ㅜ↔ㅠ, ㅡ↔ㅣ): a word the index may lack
  misspelled-first  the same in the first syllable: candidates are then
                    looked for in the whole 초성 bucket (100,000 terms for ㅇ)
  layout            that word typed with the keyboard in English mode (두벌식)
  initials          that word as its initial consonants (초성)
and times, in process (bench/query_latency: one Searcher, warm, snippets
off), the original queries, each set, and every query of queries.tsv, with
--suggest=never and auto: wall time, and the thread's CPU time (steadier on
a shared machine). Prints a Markdown table (--md FILE also writes
it there); --out FILE also writes the JSON figures.

  /usr/bin/python3 bench/typing_help_latency.py --index /tmp/nsmc-index \\
      --query-latency build/bench/query_latency [--count 300] [--out /tmp/typing.json]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared")
DEFAULT_QUERIES = os.path.join(SHARED, "data", "nsmc", "queries.tsv")

BASE, MEDIALS, FINALS = 0xAC00, 21, 28
INITIAL_JAMO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
FINAL_JAMO = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
# 두벌식 keys of the compatibility jamo ㄱ (U+3131) … ㅣ (U+3163), in order.
KEYS = ("r R rt s sw sg e E f fr fa fq ft fx fv fg a q Q qt t T d w W c z x v g "
        "k o i O j p u P h hk ho hl y n nj np nl b m ml l").split()
# Medial indexes swapped for a neighbour: ㅏ↔ㅑ ㅐ↔ㅔ ㅓ↔ㅕ ㅗ↔ㅛ ㅜ↔ㅠ ㅡ↔ㅣ.
NEIGHBOUR = {0: 2, 2: 0, 1: 5, 5: 1, 4: 6, 6: 4, 8: 12, 12: 8, 13: 17, 17: 13, 18: 20, 20: 18}


def is_syllable(c):
    return BASE <= ord(c) < BASE + 19 * MEDIALS * FINALS


def parts(c):
    o = ord(c) - BASE
    return o // (MEDIALS * FINALS), o % (MEDIALS * FINALS) // FINALS, o % FINALS


def keys_of(jamo):
    return KEYS[ord(jamo) - 0x3131]


def to_keys(word):
    out = ""
    for c in word:
        i, m, f = parts(c)
        out += keys_of(INITIAL_JAMO[i]) + keys_of(chr(0x314F + m)) + (keys_of(FINAL_JAMO[f]) if f else "")
    return out


def misspell(word, first=False):
    for k, c in enumerate(word if first else word[1:], 0 if first else 1):
        i, m, f = parts(c)
        if m in NEIGHBOUR:
            return word[:k] + chr(BASE + (i * MEDIALS + NEIGHBOUR[m]) * FINALS + f) + word[k + 1:]
    return None


def derived_sets(path, count):
    sets = {"original": [], "misspelled": [], "misspelled-first": [], "layout": [], "initials": [], "all": []}
    with open(path, encoding="utf-8") as f:
        for line in f:
            qid, _, query = line.rstrip("\n").partition("\t")
            sets["all"].append((qid, query))
            words = query.split()
            hangul = [w for w in words if len(w) >= 3 and all(is_syllable(c) for c in w)]
            if not hangul or len(sets["misspelled"]) >= count:
                continue
            word = max(hangul, key=len)
            wrong, wrong_first = misspell(word), misspell(word, first=True)
            if wrong is None or wrong_first is None:
                continue
            at = words.index(word)
            swap = lambda new: " ".join(words[:at] + [new] + words[at + 1:])
            sets["original"].append((qid, query))
            sets["misspelled"].append((qid, swap(wrong)))
            sets["misspelled-first"].append((qid, swap(wrong_first)))
            sets["layout"].append((qid, swap(to_keys(word))))
            sets["initials"].append((qid, swap("".join(INITIAL_JAMO[parts(c)[0]] for c in word))))
    return sets


def latency(tool, index, queries, suggest):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=False) as f:
        f.writelines(f"{qid}\t{q}\n" for qid, q in queries)
    try:
        r = subprocess.run([tool, "--index", index, "--queries", f.name, "--suggest", suggest],
                           capture_output=True, text=True, check=True)
    finally:
        os.unlink(f.name)
    return json.loads(r.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True)
    ap.add_argument("--query-latency", default=os.path.join(os.path.dirname(HERE), "build", "bench", "query_latency"))
    ap.add_argument("--queries", default=DEFAULT_QUERIES)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--out")
    ap.add_argument("--md")
    args = ap.parse_args()
    sets = derived_sets(args.queries, args.count)
    figures = {}
    table = ["| queries | --suggest | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | no result | suggested | "
             "searched as the suggestion |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    print("\n".join(table), flush=True)
    for name, queries in sets.items():
        for suggest in ("never", "auto"):
            r = latency(args.query_latency, args.index, queries, suggest)
            figures[f"{name}/{suggest}"] = r
            table.append(f"| {name} ({len(queries)}) | {suggest} | {r['p50_ms']:.2f} | {r['p95_ms']:.2f} | "
                         f"{r['cpu_p50_ms']:.2f} | {r['cpu_p95_ms']:.2f} | "
                         f"{r['no_result']} | {r['suggested']} | {r['rewritten']} |")
            print(table[-1], flush=True)
    if args.md:
        with open(args.md, "w", encoding="utf-8") as f:
            f.write("\n".join(table) + "\n")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"sets": {k: v[:5] for k, v in sets.items()}, "figures": figures}, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
