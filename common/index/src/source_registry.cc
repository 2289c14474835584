#include "kosearch/source_registry.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index_db.h"
#include "index_generations.h"
#include "index_swap.h"
#include "kosearch/error.h"
#include "kosearch/index_health.h"
#include "kosearch/schema.h"
#include "kosearch/shard_stub.h"
#include "kosearch/synonyms.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

void save_sources_file(const fs::path& index_dir);

std::string resolved(const fs::path& path) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(path, ec), ec).generic_string();
}

Source make_source(const char* kind, const char* origin_prefix, const fs::path& path, const std::string& encoding) {
  const std::string absolute = resolved(path);
  return {kind, absolute, origin_prefix + absolute, encoding, path.generic_string()};
}

// The path to read a source by: as it was given when that still leads to it
// (citations keep the form they were indexed with), else the absolute one.
fs::path path_to_read(const Source& source) {
  if (!source.given.empty() && resolved(source.given) == source.path) return source.given;
  return source.path;
}

nlohmann::json entries(std::string_view json) {
  auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  return parsed.is_array() ? parsed : nlohmann::json::array();
}

std::string without_source(std::string_view json, const Source& source) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& entry : entries(json))
    if (entry.value("origin", "") != source.origin) out.push_back(entry);
  return out.dump();
}

std::string listed(const std::vector<Source>& sources) {
  std::string out;
  for (const auto& s : sources) out += (out.empty() ? "" : ", ") + s.path;
  return out.empty() ? "none" : out;
}

// The documents of `db` from `origin` (one pass over the origin values: the
// schema keeps no per-origin term).
std::vector<Xapian::docid> documents_of(const Xapian::Database& db, const std::string& origin) {
  const std::string value = schema::origin_value(origin);
  std::vector<Xapian::docid> docids;
  for (auto v = db.valuestream_begin(schema::slot_origin); v != db.valuestream_end(schema::slot_origin); ++v)
    if (*v == value) docids.push_back(v.get_docid());
  return docids;
}

std::size_t articles_of(const fs::path& index_dir, const Source& source) {
  try {
    return documents_of(Xapian::Database(index_dir.string()), source.origin).size();
  } catch (const Xapian::Error&) {
    return 0;
  }
}


// Opens one database of the index for writing. Another indexer's lock is
// waited for until `deadline` as IndexOptions asks (--wait), else it is an
// index_locked error.
Xapian::WritableDatabase open_waiting_for_lock(const fs::path& db, const fs::path& index_dir,
                                               const IndexOptions& options,
                                               std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    try {
      return Xapian::WritableDatabase(db.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      const bool give_up = !options.wait_for_lock || !is_lock_held(e) ||
                           (options.max_wait_seconds > 0 && std::chrono::steady_clock::now() >= deadline);
      if (give_up) throw index_error(e, index_dir);
    }
    if (options.should_stop && options.should_stop())
      throw Error(ErrorKind::interrupted, "stopped while waiting for the lock on '" + index_dir.string() + "'");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::chrono::steady_clock::time_point lock_deadline(const IndexOptions& options) {
  return std::chrono::steady_clock::now() + std::chrono::seconds(options.max_wait_seconds);
}

// Opens each database of the live index for writing, only to hold its lock
// while a rebuild builds beside it; waits like the indexer does with --wait.
std::vector<Xapian::WritableDatabase> hold_locks(const fs::path& index_dir, const IndexOptions& options) {
  std::vector<Xapian::WritableDatabase> held;
  const auto deadline = lock_deadline(options);
  for (const fs::path& db : index_databases(index_dir)) {
    try {
      held.push_back(open_waiting_for_lock(db, index_dir, options, deadline));
    } catch (const Xapian::Error& e) {
      if (options.on_warning) options.on_warning({db.string(), "existing index cannot be opened (" + e.get_msg() + "); it is replaced"});
    }
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

// The copy of the registry beside the tables (index_generations.h layout):
// INDEX/sources.json, outside every generation, so a rebuild of an index
// whose tables are damaged still knows what it was built from. None for an
// index of the older layout (its folder holds only Xapian's files).
std::optional<fs::path> sources_file(const fs::path& index_dir) {
  if (!detail::live_generation(index_dir)) return std::nullopt;
  return index_dir / sources_file_name;
}

// Writes the registry the index holds now to INDEX/sources.json (atomically,
// durably), after a run that may have changed it.
void save_sources_file(const fs::path& index_dir) {
  const auto file = sources_file(index_dir);
  if (!file) return;
  std::string registry;
  try {
    registry = Xapian::Database(index_dir.string()).get_metadata(std::string(meta_sources));
  } catch (const Xapian::Error&) {
    return;  // unreadable: the file keeps the last registry read
  }
  std::error_code ec;
  if (registry.empty() && !fs::exists(*file, ec)) return;
  std::string kept;
  if (std::ifstream in(*file, std::ios::binary); in) kept.assign(std::istreambuf_iterator<char>(in), {});
  if (kept != registry) detail::replace_file(*file, registry);
}

// The sources INDEX/sources.json lists; nullopt when there is no such file.
std::optional<std::vector<Source>> sources_from_file(const fs::path& index_dir) {
  const auto file = sources_file(index_dir);
  if (!file) return std::nullopt;
  std::ifstream in(*file, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string text(std::istreambuf_iterator<char>(in), {});
  return parse_sources(text);
}

}  // namespace

Source corpus_source(const fs::path& corpus_dir, const std::string& encoding) {
  return make_source("corpus", "dir:", corpus_dir, encoding);
}

Source jsonl_source(const fs::path& jsonl, const std::string& encoding) {
  return make_source("jsonl", "jsonl:", jsonl, encoding);
}

std::string with_source(std::string_view json, const Source& source) {
  nlohmann::json all = entries(json);
  nlohmann::json entry = {{"kind", source.kind}, {"path", source.path}, {"origin", source.origin},
                          {"encoding", source.encoding}, {"given", source.given}};
  for (auto& existing : all) {
    if (existing.value("origin", "") == source.origin) {
      existing = entry;
      return all.dump();
    }
  }
  all.push_back(entry);
  return all.dump();
}

std::vector<Source> parse_sources(std::string_view json) {
  std::vector<Source> out;
  for (const auto& e : entries(json)) {
    if (!e.is_object()) continue;
    Source s{e.value("kind", ""), e.value("path", ""), e.value("origin", ""), e.value("encoding", ""), e.value("given", "")};
    if ((s.kind == "corpus" || s.kind == "jsonl") && !s.path.empty() && !s.origin.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<Source> recorded_sources(const fs::path& index_dir) {
  std::error_code ec;
  if (!fs::exists(index_dir, ec)) return {};
  try {
    return parse_sources(Xapian::Database(index_dir.string()).get_metadata(std::string(meta_sources)));
  } catch (const Xapian::DatabaseOpeningError&) {
    // Not an index (yet): the writer says what is wrong with it.
    return sources_from_file(index_dir).value_or(std::vector<Source>{});
  } catch (const Xapian::Error& e) {
    // Damaged tables: the copy beside them still names the sources.
    if (auto kept = sources_from_file(index_dir)) return *kept;
    throw index_error(e, index_dir);
  }
}

const Source* find_source(const std::vector<Source>& sources, const fs::path& path) {
  const std::string absolute = resolved(path);
  for (const Source& s : sources)
    if (s.path == path.generic_string() || s.path == absolute) return &s;
  return nullptr;
}

std::size_t forget_source(const fs::path& index_dir, const fs::path& path, const IndexOptions& options) {
  const std::vector<Source> sources = recorded_sources(index_dir);
  const Source* source = find_source(sources, path);
  if (!source)
    throw Error(ErrorKind::usage, "index '" + index_dir.string() + "' records no source '" + path.string() +
                                      "' (recorded: " + listed(sources) + ")");
  if (options.dry_run) return articles_of(index_dir, *source);
  std::size_t removed = 0;
  const auto deadline = lock_deadline(options);
  for (const fs::path& db_path : index_databases(index_dir)) {
    try {
      Xapian::WritableDatabase db = open_waiting_for_lock(db_path, index_dir, options, deadline);
      const std::vector<Xapian::docid> docids = documents_of(db, source->origin);
      removed += docids.size();
      db.begin_transaction();  // every article of the source, in one transaction with its record
      for (const Xapian::docid docid : docids) db.delete_document(docid);
      db.set_metadata(std::string(meta_sources), without_source(db.get_metadata(std::string(meta_sources)), *source));
      db.commit_transaction();
    } catch (const Xapian::Error& e) {
      throw index_error(e, index_dir);
    }
  }
  save_sources_file(index_dir);
  return removed;
}

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
  return source.kind == "jsonl" ? index_jsonl(path, options) : index_corpus(path, options);
}

IndexSummary index_sources(const std::vector<Source>& sources, const IndexOptions& options) {
  if (options.rebuild && !options.dry_run) return rebuild_all(sources, options);
  IndexSummary total;
  for (const Source& source : sources) {
    if (!fs::exists(source.path)) {
      ++total.skipped;
      ++total.warnings;
      const std::size_t articles = articles_of(options.index_dir, source);
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

IndexSummary run_input(const std::string& kind, const fs::path& path, bool given, IndexOptions options) {
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
    const Source input = kind == "jsonl" ? jsonl_source(path, options.encoding) : corpus_source(path, options.encoding);
    auto same = std::find_if(recorded.begin(), recorded.end(), [&](const Source& s) { return s.origin == input.origin; });
    if (same != recorded.end()) *same = input;
    else recorded.push_back(input);
    options.encoding.clear();  // each source is read with its own
    return index_sources(recorded, options);
  }
  return kind == "jsonl" ? index_jsonl(path, options) : index_corpus(path, options);
}

}  // namespace

IndexSummary index_input(const std::string& kind, const fs::path& path, bool given, IndexOptions options) {
  const IndexSummary summary = run_input(kind, path, given, options);
  if (!options.dry_run) save_sources_file(options.index_dir);
  return summary;
}

}  // namespace kosearch
