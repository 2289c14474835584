#!/usr/bin/env bash
# One script for setting up and testing kosearch on Debian 12.
#   ./setup.sh        install packages, build, index corpus/, run a sample search
#   ./setup.sh test   install packages (and TEST_PACKAGES), build, run the whole test suite (what CI runs)
# Run as root or with sudo the first time: packages are installed with apt by name.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  build-essential cmake             # compiler and build
  libxapian-dev xapian-tools        # index and ranking; xapian-check/-compact/-tcpsrv
  libicu-dev                        # normalization, word and sentence breaking
  libcli11-dev                      # command lines
  libgtest-dev googletest           # unit tests
  nlohmann-json3-dev                # JSON Lines output, JSONL import
  libcpp-httplib-dev pkg-config     # search --serve (HTTP server; its build flags come from pkg-config)
  zlib1g-dev                        # bench/relevance_eval reads the NSMC reviews from their gzip
  python3                           # end-to-end tests and bench scripts (Debian's own)
  python3-xapian                    # bench and test helpers that inspect an index
  clang libclang-rt-14-dev          # libFuzzer targets with ASan/UBSan
  sqlite3 libsqlite3-dev            # the SQLite FTS5 peer in bench/
  time                              # /usr/bin/time -v: peak RSS in bench/run_nsmc.py
  man-db groff-base                 # e2e_scripts renders the man pages as man shows them
)
# Only for the tests (./setup.sh test): the search page in a headless browser (e2e_serve).
TEST_PACKAGES=(
  chromium python3-websocket        # the page driven through the DevTools protocol
  fonts-nanum                       # Korean glyphs in its screenshots
)
BUILD_DIR=${BUILD_DIR:-build}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "setup: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$BUILD_DIR" -j"$(nproc)"
}

# libFuzzer targets (analyzer, query parser) under ASan/UBSan need clang: a
# build dir of their own; each runs for FUZZ_SECONDS (tests/fuzz/CMakeLists.txt).
fuzz() {
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR-fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKOSEARCH_BUILD_TESTS=ON -DKOSEARCH_BUILD_FUZZERS=ON -DKOSEARCH_BUILD_BENCH=OFF -DKOSEARCH_WERROR=ON >/dev/null
  cmake --build "$BUILD_DIR-fuzz" -j"$(nproc)" --target fuzzers
  ctest --test-dir "$BUILD_DIR-fuzz" -L fuzz --output-on-failure -j"$(nproc)"
}

case "${1:-demo}" in
  demo)
    install_packages
    build -DKOSEARCH_BUILD_TESTS=OFF
    "$BUILD_DIR/indexer" --corpus corpus --index index
    "$BUILD_DIR/search" --index index "노광 장비"
    echo >&2
    echo "setup: done. Try: $BUILD_DIR/search '\"노광 장비\"'   ($BUILD_DIR/search --help for more)" >&2
    ;;
  test)
    install_packages "${TEST_PACKAGES[@]}"
    build -DKOSEARCH_BUILD_TESTS=ON -DKOSEARCH_WERROR=ON
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)"
    fuzz
    ;;
  *)
    echo "usage: ./setup.sh [demo|test]" >&2
    exit 2
    ;;
esac
