// Why an index cannot be used, told apart so that each gets its own remedy:
// a right the process lacks (permission_denied: fix the rights; never
// "locked", and nothing to wait for), another indexer's lock (index_locked:
// wait), damaged files (index_corrupt: the repair command), other I/O errors
// (io, with the system's reason). Also the consistency check behind
// `indexer --check`.
//
// Xapian reports a truncated or overwritten file as a plain DatabaseError
// ("EOF reading block 2"), a damaged structure as DatabaseCorruptError, and
// a lock file it may not open as DatabaseLockError; index_error() sorts them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "kosearch/error.h"

namespace kosearch {

enum class IndexAccess {
  read,     // search, indexer --dry-run / --check: list the folder, read its files
  write,    // indexer: create or change the folder's files (or create the folder in its parent)
  rebuild,  // indexer --rebuild: write, and build the new index beside the live one (index_generations.h)
};

// Throws Error(permission_denied) naming the path and the missing right, or
// Error(io) with the system's reason (a parent folder that does not exist, a
// read-only file system), when the process cannot do `access` to the index
// at `index_path`. A path that does not exist passes for `read` (the caller
// reports a missing index).
void check_index_access(const std::filesystem::path& index_path, IndexAccess access);

// True when `e`, met while opening or reading an index, means its files are
// damaged (truncated, overwritten, inconsistent) rather than missing, locked
// or unreadable.
bool is_damage(const Xapian::Error& e);

// True when `e` says another process holds the index's write lock (the one
// case where waiting helps).
bool is_lock_held(const Xapian::Error& e);

// True when `e` comes from a system call refused for lack of rights.
bool is_permission_problem(const Xapian::Error& e);

// Our error for a Xapian error met on the index at `index_path` while
// opening or reading it: index_corrupt (remedy: rebuild it),
// permission_denied, index_locked or io.
Error index_error(const Xapian::Error& e, const std::filesystem::path& index_path);

// The databases of an index: the folder itself, or each local shard its
// XAPIANDB stub lists (read by shard_stub, which throws on a malformed one).
std::vector<std::filesystem::path> index_databases(const std::filesystem::path& index_path);

struct IndexCheck {
  bool ok = false;
  std::uint64_t documents = 0;  // when ok
  std::string problem;          // the first problem found, one line, when not ok
};

// Runs Xapian's consistency check (Xapian::Database::check) on every
// database of the index: the folder itself, or each shard its XAPIANDB stub
// lists. Throws only for an index that is missing or cannot be read
// (permissions); damage is reported in the result.
IndexCheck check_index(const std::filesystem::path& index_path);

}  // namespace kosearch
