// How a Searcher opens an index: a plain value of its own, so the unit that
// keeps the database open (index_reader) and the Searcher both take it.
#pragma once

namespace kosearch {

// How an index is opened. `index_path` is an index directory, a directory
// holding a stub file XAPIANDB (what `indexer --shards N` writes), or a stub
// file. Stub lines: `auto PATH` / `glass PATH` (a local shard; relative paths
// are relative to the stub) and `remote HOST:PORT` (a shard served by
// xapian-tcpsrv); blank lines and `#` comments are ignored. All shards are
// searched as one index, with global term statistics.
struct OpenOptions {
  // Bounds for remote shards, in milliseconds (both must be > 0): how long a
  // connection may take, and how long any single reply may take. A shard that
  // is down or hung fails the open or the search within these bounds.
  unsigned connect_timeout_ms = 5000;
  unsigned timeout_ms = 5000;
};

}  // namespace kosearch
