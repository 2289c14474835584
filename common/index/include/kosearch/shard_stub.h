// The shard stub: the text file XAPIANDB that lists an index's shards, one
// per line (`auto PATH`, `glass PATH` or `remote HOST:PORT`; `#` comments),
// in the format Xapian itself opens as one database. The one owner of that
// format: the indexer writes it for --shards N, the searcher reads it (local
// and remote shards). Private to the library.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kosearch::shard_stub {

inline constexpr const char* file_name = "XAPIANDB";

// One line of a stub.
struct Entry {
  std::string description;  // "remote 10.0.0.2:34501 (line 2 of 'idx/XAPIANDB')", for messages
  std::filesystem::path path;  // local shard: resolved against the stub's folder
  std::string host;            // remote shard
  unsigned port = 0;
  std::size_t line = 0;  // in the stub
  bool remote() const { return !host.empty(); }
};

// The stub behind an index path, if it is one: a folder holding XAPIANDB, or
// a text file (a single-file glass database is binary).
std::optional<std::filesystem::path> find(const std::filesystem::path& index_path);

// The entries of a stub. Throws Error(usage) naming the line of a malformed
// entry, Error(index_missing) when it lists none, Error(io) when unreadable.
std::vector<Entry> read(const std::filesystem::path& stub);

// Shard `i` of an index the indexer shards: INDEX/shard<i>.
std::filesystem::path shard_dir(const std::filesystem::path& index_dir, unsigned i);

// Replaces INDEX/XAPIANDB (atomically) by one listing shard0 … shard<count-1>.
void write(const std::filesystem::path& index_dir, unsigned count);

// How many shards the indexer wrote into `index_dir`: 0 when it has no stub.
// Throws Error(usage) when the stub lists anything but INDEX/shard0 … in
// order (remote shards are indexed on their own hosts).
unsigned written_shard_count(const std::filesystem::path& index_dir);

}  // namespace kosearch::shard_stub
