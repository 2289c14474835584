#include "kosearch/source_runs.h"

#include <algorithm>
#include <optional>
#include <system_error>

#include <xapian.h>

#include "index_db.h"
#include "index_generations.h"
#include "index_swap.h"
#include "lock_wait.h"
#include "kosearch/error.h"
#include "kosearch/index_health.h"
#include "kosearch/index_writer.h"
#include "kosearch/shard_stub.h"
#include "kosearch/synonyms.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

IndexSummary index_one(SourceKind kind, const fs::path& path, const IndexOptions& options) {
  return kind == SourceKind::jsonl ? index_jsonl(path, options) : index_corpus(path, options);
}

// Opens each database of the live index for writing, only to hold its lock
// while a rebuild builds beside it; waits like the indexer does with --wait.
std::vector<Xapian::WritableDatabase> hold_locks(const fs::path& index_dir, const IndexOptions& options) {
  std::vector<Xapian::WritableDatabase> held;
  LockWait wait(options);
  for (const fs::path& db : index_databases(index_dir)) {
    const auto warn = [&](const std::string& reason) {
      if (options.on_warning) options.on_warning({db.string(), reason});
    };
    if (auto live = open_to_replace([&] { return open_waiting_for_lock(db, index_dir, wait); }, warn))
      held.push_back(std::move(*live));
  }
  return held;
}

// What a rebuild may clear away at INDEX.rebuild: what an interrupted rebuild
// leaves (Xapian's files, a shard stub and shard folders of them).
bool rebuild_leftover(const fs::path& dir, int depth = 0) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec)) {
      if (depth > 0 || name.rfind("shard", 0) != 0 || !rebuild_leftover(it->path(), 1)) return false;
      continue;
    }
    const std::string stub = shard_stub::file_name;
    if (!is_glass_file(name) && name != stub && name != stub + ".tmp") return false;
  }
  return !ec;
}

// The synonym list the live index holds (synonyms.h), if it can be read:
// a damaged index being rebuilt loses it to the starter list.
std::optional<std::string> live_synonyms(const fs::path& live) {
  try {
    const std::string stored = Xapian::Database(live.string()).get_metadata(std::string(meta_synonyms));
    if (!stored.empty()) return stored;
  } catch (const Xapian::Error&) {
  }
  return std::nullopt;
}

// The locks of the live generation of `index_dir`, taken as hold_locks
// does; a generation that a rebuild replaced while this one waited is let go
// for the live one. Sets `live` to the database folder locked.
std::vector<Xapian::WritableDatabase> hold_live_locks(const fs::path& index_dir, const IndexOptions& options,
                                                      fs::path& live) {
  for (int moved = 0;; ++moved) {
    live = detail::database_folder(index_dir);
    std::vector<Xapian::WritableDatabase> held = hold_locks(index_dir, options);
    if (detail::database_folder(index_dir) == live || moved > 100) return held;
  }
}

IndexSummary rebuild_all(const std::vector<Source>& sources, const IndexOptions& options) {
  for (const Source& source : sources)
    if (!fs::exists(source.path))
      throw Error(ErrorKind::usage,
                  "cannot rebuild: source '" + source.path + "' no longer exists and its articles would be lost; restore it",
                  Remedy::forget_source, source.path);
  check_index_access(options.index_dir, IndexAccess::rebuild);  // a missing right, told before any lock is tried
  fs::path live;
  std::vector<Xapian::WritableDatabase> held = hold_live_locks(options.index_dir, options, live);
  const fs::path sidecar = detail::rebuild_dir(live);
  std::error_code ec;
  if (fs::exists(sidecar, ec)) {  // left by a killed rebuild (only a holder of the lock builds there)
    if (!rebuild_leftover(sidecar))
      throw Error(ErrorKind::io, "'" + sidecar.string() + "' holds files that are not a kosearch index; move them away to rebuild");
    fs::remove_all(sidecar);
  }
  IndexOptions into = options;
  into.index_dir = sidecar;
  into.index_dir_is_database = true;
  into.rebuild = false;  // a new index: every source is a clean build into it
  if (!into.synonyms) into.synonyms = live_synonyms(live);  // the new index keeps the list
  if (into.shards == 0) into.shards = static_cast<unsigned>(index_databases(live).size());
  IndexSummary total;
  try {
    for (const Source& source : sources) {
      add_summary(total, index_source(source, into));
      if (total.stopped) break;
    }
  } catch (...) {
    fs::remove_all(sidecar, ec);
    throw;
  }
  if (total.stopped) {  // the live index stays as it was
    fs::remove_all(sidecar, ec);
    total.added = total.updated = total.removed = 0;
    return total;
  }
  detail::publish(live, sidecar, detail::OldLayout::convert);  // while its locks are held
  held.clear();
  save_sources_file(options.index_dir);
  return total;
}

}  // namespace

void add_summary(IndexSummary& total, const IndexSummary& s) {
  total.added += s.added;
  total.updated += s.updated;
  total.unchanged += s.unchanged;
  total.removed += s.removed;
  total.skipped += s.skipped;
  total.warnings += s.warnings;
  total.duplicates += s.duplicates;
  total.seconds += s.seconds;
  total.stopped = total.stopped || s.stopped;
}

IndexSummary index_source(const Source& source, IndexOptions options) {
  if (options.encoding.empty()) options.encoding = source.encoding;
  const fs::path path = path_to_read(source);
  return index_one(source.kind, path, options);
}

IndexSummary index_sources(const std::vector<Source>& sources, const IndexOptions& options) {
  if (options.rebuild && !options.dry_run) return rebuild_all(sources, options);
  IndexSummary total;
  for (const Source& source : sources) {
    if (!fs::exists(source.path)) {
      ++total.skipped;
      ++total.warnings;
      const std::size_t articles = articles_of_source(options.index_dir, source);
      if (options.on_warning)
        options.on_warning({source.path,
                            "recorded source no longer exists; " +
                                (articles ? "its " + std::to_string(articles) + " article(s) are kept"
                                          : std::string("it has no articles left")),
                            Remedy::forget_source});
      continue;
    }
    add_summary(total, index_source(source, options));
    if (total.stopped) break;
  }
  return total;
}

namespace {

IndexSummary run_input(SourceKind kind, const fs::path& path, bool given, IndexOptions options) {
  std::vector<Source> recorded;
  try {
    recorded = recorded_sources(options.index_dir);
  } catch (const Error& e) {
    // A rebuild of a damaged index that kept no copy of its record (older
    // layout): "rebuild it" would print this again; the input must be given.
    if (options.rebuild && !given && e.kind() == ErrorKind::index_corrupt)
      throw Error(ErrorKind::index_corrupt, std::string(e.what()) + " and its record of sources with it",
                  Remedy::give_source);
    if (!(options.rebuild && given && e.kind() == ErrorKind::index_corrupt)) throw;
    if (options.on_warning)
      options.on_warning({options.index_dir.string(),
                          "damaged: its recorded sources cannot be read; rebuilt from the input given only"});
  }
  if (!given && !recorded.empty()) return index_sources(recorded, options);
  if (options.rebuild && !recorded.empty() && path != "-") {
    const Source input = source_of(kind, path, options.encoding);
    auto same = std::find_if(recorded.begin(), recorded.end(), [&](const Source& s) { return s.origin == input.origin; });
    if (same != recorded.end()) *same = input;
    else recorded.push_back(input);
    options.encoding.clear();  // each source is read with its own
    return index_sources(recorded, options);
  }
  return index_one(kind, path, options);
}

}  // namespace

IndexSummary index_input(SourceKind kind, const fs::path& path, bool given, IndexOptions options) {
  const IndexSummary summary = run_input(kind, path, given, options);
  if (!options.dry_run) save_sources_file(options.index_dir);
  return summary;
}

}  // namespace kosearch
