#!/usr/bin/python3
"""Fails on an include that runs up the library's layers or a loop of units.

The layers, lowest first: text → analysis → documents → index → query →
search → cli (ARCHITECTURE.md). A file of one layer may include the headers
of its own layer and of the layers below it, never one above. Inside a layer,
a unit (foo.h with foo.cc) may use another, but two units that include each
other, directly or round a longer loop, are one room with two doors: the
shared part belongs in a unit of its own (a plain value header, say).

CMake already refuses most upward includes (a layer sees only the headers of
the layers it links), but not from a layer that links one above it, nor
loops; this check covers both, from the sources alone.

Usage: check_includes.py [--root DIR]    (exit 1 and a list when it fails)
       check_includes.py --self-test     (the check fails on planted faults)
"""
import argparse
import os
import re
import sys
import tempfile

LAYERS = ["text", "analysis", "documents", "index", "query", "search", "cli"]

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def unit_of(path):
    return os.path.splitext(os.path.basename(path))[0]


def scan(root):
    """Files of each layer: {layer: {relative path: [included names]}}."""
    files = {}
    for layer in LAYERS:
        base = os.path.join(root, "common", layer)
        files[layer] = {}
        for folder, _, names in os.walk(base):
            for name in names:
                if not name.endswith((".h", ".cc")):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    files[layer][os.path.relpath(path, root)] = INCLUDE.findall(f.read())
    return files


def header_owner(root, include, layer_of_file):
    """(layer, unit) of an included header, or None for one outside the library."""
    if include.startswith("kosearch/"):
        for layer in LAYERS:
            if os.path.exists(os.path.join(root, "common", layer, "include", include)):
                return layer, unit_of(include)
        return None
    if os.path.exists(os.path.join(root, "common", layer_of_file, "src", include)):
        return layer_of_file, unit_of(include)  # a header private to the layer
    return None


def loops(edges):
    """Strongly connected components of more than one unit (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def check(root):
    """Problems found (strings)."""
    problems = []
    files = scan(root)
    for layer in LAYERS:
        edges, why = {}, {}
        for path, includes in sorted(files[layer].items()):
            for include in includes:
                owner = header_owner(root, include, layer)
                if owner is None:
                    continue
                to_layer, to_unit = owner
                if LAYERS.index(to_layer) > LAYERS.index(layer):
                    problems.append(f"{path}: includes {include} of the {to_layer} layer, above {layer}")
                elif to_layer == layer and to_unit != unit_of(path):
                    edges.setdefault(unit_of(path), set()).add(to_unit)
                    why.setdefault((unit_of(path), to_unit), path)
        for component in loops(edges):
            detail = ", ".join(f"{why[(a, b)]} → {b}" for a in sorted(component) for b in sorted(edges.get(a, ()))
                               if b in component)
            problems.append(f"{layer}: units include each other: {' ↔ '.join(sorted(component))} ({detail})")
    return problems


def self_test():
    """A tree with one upward include and one loop must give exactly those two."""
    with tempfile.TemporaryDirectory() as root:
        def write(path, text):
            path = os.path.join(root, path)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        write("common/text/include/kosearch/text.h", '#pragma once\n')
        write("common/index/include/kosearch/index_writer.h", '#include "kosearch/text.h"\n')
        write("common/documents/src/a.h", '#include "b.h"\n')
        write("common/documents/src/b.cc", '#include "b.h"\n')
        write("common/documents/src/b.h", '#include "kosearch/text.h"\n')
        problems = check(root)
        if problems:
            print("unexpected on a clean tree:", *problems, sep="\n  ")
            return 1
        write("common/documents/src/c.cc", '#include "kosearch/index_writer.h"\n')
        problems = check(root)
        write("common/documents/src/b.h", '#include "a.h"\n')  # a → b → a
        problems2 = check(root)
    upward = [p for p in problems if "above documents" in p]
    loop = [p for p in problems2 if "a ↔ b" in p]
    if len(problems) != 1 or len(upward) != 1 or len(loop) != 1:
        print("planted faults not found:", problems, problems2)
        return 1
    print("self-test: the planted upward include and loop are found")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    problems = check(os.path.abspath(args.root))
    for line in problems:
        print("error:", line)
    if problems:
        print(f"{len(problems)} include(s) run against the layers (ARCHITECTURE.md, 'Layers')")
        return 1
    print("includes follow the layers, with no loop of units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
