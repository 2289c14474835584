#!/usr/bin/env bash
# Installs kosearch from BUILD_DIR into a temporary prefix, builds the example
# project against the installed CMake package, and runs it on a fresh index of
# the seed corpus. Usage: run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$src/tests/install" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/example" >/dev/null
"$tmp/prefix/bin/indexer" --corpus "$src/corpus" --index "$tmp/index" 2>/dev/null
out=$("$tmp/example/example" "$tmp/index" "노광 장비")
echo "$out"
grep -q "000_f83dc9f58ae6b65b.txt" <<<"$out"
# search --serve runs the installed server program (LIBEXECDIR/kosearch/search-serve).
"$tmp/prefix/bin/search" --index "$tmp/index" --serve 127.0.0.1:0 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 50); do grep -q "serving" "$tmp/serve.log" && break; sleep 0.1; done
kill -INT "$server"; wait "$server"
grep -q "serving '$tmp/index'" "$tmp/serve.log"
