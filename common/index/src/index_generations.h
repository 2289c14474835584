// The layout that lets an index be replaced while it is read: the index
// folder DIR holds the stub DIR/XAPIANDB (one line, `auto gen-N`) naming the
// live generation DIR/gen-N, which holds the tables (or, for --shards, its
// own shard stub and shard folders). Xapian opens a folder holding XAPIANDB
// as a stub, so `search --index DIR` and Xapian's tools keep working on DIR.
//
// A rebuild builds a new generation beside the live one and publishes it by
// replacing the stub with one rename; readers that were open keep reading
// the old generation (nothing writes to it any more) until they look at the
// stub again. Rule for removal: publishing gen-M after gen-N removes every
// generation older than gen-N, so the previous generation stays until the
// next rebuild (a reader that opened it just before a publish has a whole
// rebuild's time to finish). Incremental runs write into the live
// generation; its flintlock is the index's write lock, held by a rebuild for
// all its run, and a writer that got the lock of a generation that was
// replaced meanwhile moves on to the live one (current_folder).
//
// An index of the older layout (tables, or a shard stub, directly in DIR)
// keeps working as it is; its next rebuild converts it: the new generation
// and a stub are put together in DIR.convert, which is exchanged with DIR
// (the one time the folder-exchange of index_swap.h is used), and the old
// tables removed. A new index is created in the generation layout.
//
// Private to the library: index_db.cc, index_writer.cc, source_registry.cc and
// source_runs.cc use it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kosearch::detail {

// The live generation DIR/gen-N the stub of `index_dir` names; nullopt for an
// index of the older layout, a sharded stub, or no index.
std::optional<std::filesystem::path> live_generation(const std::filesystem::path& index_dir);

// The folder that holds the index's databases: the live generation, or
// `index_dir` itself (older layout, or nothing there yet).
std::filesystem::path database_folder(const std::filesystem::path& index_dir);

// database_folder() for a writer: where there is no index yet (no folder, or
// an empty one), creates one in the generation layout (DIR/gen-1 holding an
// empty database, or nothing when `sharded`, and the stub naming it) and
// returns DIR/gen-1. The caller checks the rights on DIR first
// (index_health.h's check_index_access), so a missing one names the folder
// the user gave.
std::filesystem::path writable_folder(const std::filesystem::path& index_dir, bool sharded = false);

// The live counterpart of a database folder a writer picked before waiting
// for its lock: the same folder while it is still live, else the one in the
// live generation (X/gen-N → X/gen-M, X/gen-N/shard0 → X/gen-M/shard0; an
// older-layout folder X since converted → X/gen-M).
std::filesystem::path current_folder(const std::filesystem::path& folder);

// The index folder a database folder belongs to, as the user names it
// (X/gen-N → X); any other folder is its own name. For messages.
std::filesystem::path shown_index(const std::filesystem::path& folder);

// What publish() does with a folder that is not a generation: `convert` an
// index folder the user named (older layout), `exchange` one built inside
// the library (a rebuild's new generation, built in bulk beside itself).
enum class OldLayout { convert, exchange };

// Makes `built` (a complete rebuild of the database folder `live`, built
// beside it) the live index, while the caller still holds `live`'s lock:
// a new generation published by the stub when `live` is one; the old
// folder-exchange for one shard of a sharded index (and for `exchange`);
// the conversion described above for an older-layout index folder. What it
// replaced is removed (generations by the rule above). Throws Error(io).
void publish(const std::filesystem::path& live, const std::filesystem::path& built, OldLayout old_layout);

// Replaces the file `path` by `text` durably: a temporary file beside it,
// fsync, rename, fsync of the folder. Throws Error(io).
void replace_file(const std::filesystem::path& path, const std::string& text);

// Makes a rename inside `dir` durable.
void sync_directory(const std::filesystem::path& dir);

}  // namespace kosearch::detail
