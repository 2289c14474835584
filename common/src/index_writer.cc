#include "kosearch/index_writer.h"

#include <fcntl.h>  // O_DIRECTORY
#include <unistd.h>  // fsync

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <memory>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index_swap.h"
#include "input_files.h"
#include "kosearch/input_split.h"
#include "kosearch/analyzer.h"
#include "kosearch/article_parser.h"
#include "kosearch/error.h"
#include "kosearch/index_health.h"
#include "kosearch/normalizer.h"
#include "kosearch/schema.h"
#include "kosearch/source_registry.h"
#include "kosearch/text_encoding.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

using Clock = std::chrono::steady_clock;

// Xapian refuses terms longer than this; one refused term would discard the
// whole uncommitted batch, so documents are checked before they are written.
constexpr std::size_t xapian_term_limit = 245;

// Salt for content hashes: an index built by other rules re-analyses everything.
std::string hash_salt(std::string_view citation_path) {
  std::string salt(schema::version);
  salt.append("|").append(Analyzer::version).append("|").append(citation_path).append("|");
  return salt;
}

std::string lock_message(const fs::path& dir) {
  return "index '" + dir.string() + "' is locked by another indexer (lock file " +
         (dir / "flintlock").string() + "); wait for it or rerun with --wait";
}

bool is_index_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "iamglass", ec);
}

// True when `dir` holds nothing but files Xapian's glass backend writes (an
// index, or what a crash while creating one leaves behind).
bool holds_only_index_files(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool glass = name == "flintlock" || name == "iamglass" || name == "v.tmp" ||
                       (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0);
    if (!glass) return false;
  }
  return !ec;
}

// A bulk build of JSONL from stdin copies it here, in the parts folder.
constexpr const char* spooled_stdin = "stdin.jsonl";

// Makes a rename inside `dir` durable.
void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// ---------------------------------------------------------------------------
// One database written by one run: its lock, the --rebuild sidecar, lookups,
// and changes grouped in transactions of `batch_size` changes. Each batch is
// one Xapian transaction, so Xapian's own auto-commit (every 10,000 changes)
// never splits a batch, a failure cancels only the open batch, and the
// database revision counts batches: a run that commits k batches moves the
// revision by exactly k (metadata is written inside the first batch).
// A sharded index would hold one IndexDb per shard.
class IndexDb {
 public:
  struct Stored {
    Xapian::docid docid = 0;
    std::string content_hash;
    std::string origin;
  };

  // `allow_bulk`: this run can build an empty index (or a --rebuild) in parts
  // (see BulkBuild); bulk() then says whether it does.
  IndexDb(fs::path dir, const IndexOptions& options, const std::function<void(const std::string&)>& warn,
          bool allow_bulk = false)
      : dir_(std::move(dir)), options_(options) {
    try {
      if (allow_bulk && !options_.dry_run)
        open_for_bulk(warn);
      else
        open(warn);
    } catch (const Xapian::DatabaseLockError& e) {
      if (!is_lock_held(e)) throw index_error(e, dir_);  // e.g. a lock file it may not create
      throw Error(ErrorKind::index_locked, lock_message(dir_));
    } catch (const Xapian::DatabaseError& e) {
      throw index_error(e, dir_);  // damaged (with the repair command), permission or I/O
    }
  }

  const fs::path& dir() const { return dir_; }
  // The index this run was judged against was built by other rules.
  bool other_versions() const { return other_versions_; }

  std::optional<Stored> lookup(const std::string& id_term) {
    if (!db_) return std::nullopt;
    auto p = db_->postlist_begin(id_term);
    if (p == db_->postlist_end(id_term)) return std::nullopt;
    const Xapian::Document doc = db_->get_document(*p);
    return Stored{*p, doc.get_value(schema::slot_content_hash), doc.get_value(schema::slot_origin)};
  }

  Xapian::Document document(Xapian::docid docid) { return db_->get_document(docid); }

  // The documents whose value in `slot` is one of `values`, by value: one
  // scan of the slot's value stream.
  std::unordered_map<std::string, std::vector<Xapian::docid>> with_values(
      Xapian::valueno slot, const std::unordered_set<std::string>& values) {
    std::unordered_map<std::string, std::vector<Xapian::docid>> out;
    if (!db_ || values.empty()) return out;
    for (auto v = db_->valuestream_begin(slot); v != db_->valuestream_end(slot); ++v)
      if (auto found = values.find(*v); found != values.end()) out[*found].push_back(v.get_docid());
    return out;
  }

  // The article id of a stored document.
  std::string id_of(Xapian::docid docid) {
    const std::string prefix(schema::unique_id);
    auto t = db_->termlist_begin(docid);
    t.skip_to(prefix);
    if (t == db_->termlist_end(docid) || (*t).compare(0, prefix.size(), prefix) != 0) return {};
    std::string term = *t;
    if (term.size() > prefix.size() && term[prefix.size()] == '#')  // hashed id: read the stored article
      return deserialize(db_->get_document(docid).get_data()).id;
    return term.substr(prefix.size());
  }

  std::string origin_of(Xapian::docid docid) { return db_->get_document(docid).get_value(schema::slot_origin); }

  // The name of the origin stored as `value`.
  std::string origin_name(const std::string& value) {
    std::string name = db_ ? db_->get_metadata(schema::origin_key(value)) : std::string();
    return name.empty() ? "another input" : name;
  }

  // This run's origin: its name is written with the first batch.
  void set_origin(const std::string& name) { origin_name_ = name; }

  void replace(const std::string& id_term, const Xapian::Document& doc) {
    begin_change();
    writable_->replace_document(id_term, doc);
    end_change();
  }
  void replace(Xapian::docid docid, const Xapian::Document& doc) {
    begin_change();
    writable_->replace_document(docid, doc);
    end_change();
  }
  void remove(Xapian::docid docid) {
    begin_change();
    writable_->delete_document(docid);
    end_change();
  }

  // Commits what is pending and, after a complete --rebuild, puts the new
  // index in place. An incomplete rebuild (stopped by a signal) is dropped:
  // the live index stays as it was.
  void finish(bool complete) {
    if (options_.dry_run) return;
    std::error_code ec;
    if (sidecar_ && !complete) {
      if (writable_) writable_->close();
      fs::remove_all(*sidecar_, ec);
      if (bulk_) fs::remove_all(parts_dir(), ec);
      return;
    }
    if (bulk_) {
      merge_parts();
      write_pending_metadata(*sidecar_);
    } else {
      if (!metadata_current() || !pending_metadata_.empty()) begin_batch();
      commit();
      if (!sidecar_) return;
      writable_->close();
    }
    detail::swap_in(dir_, *sidecar_);
    sync_directory(dir_.parent_path());
    if (live_) live_->close();
    fs::remove_all(*sidecar_, ec);  // now the old index
  }

  // --rebuild or a bulk build: nothing of it is kept when the run stops early.
  bool rebuilding() const { return sidecar_.has_value(); }

  // Metadata as the index had it before this run (the live index during --rebuild).
  std::string metadata(const std::string& key) {
    if (!live_) return db_ ? db_->get_metadata(key) : std::string();
    try {
      return live_->get_metadata(key);
    } catch (const Xapian::Error&) {
      return {};  // a damaged index being rebuilt: its metadata is lost with it
    }
  }
  // Written with the run's first batch, or alone at the end when nothing else
  // changes (the source registry).
  void write_with_first_batch(const std::string& key, const std::string& value) {
    if (sidecar_ || metadata(key) != value) pending_metadata_[key] = value;
  }
  // Bulk build: the run fills an empty index (or replaces one with
  // --rebuild). The parts are written by BulkBuild into part_dir(i) and
  // merged in order into the sidecar by finish(), which swaps it in.
  bool bulk() const { return bulk_; }
  fs::path parts_dir() const { return dir_.string() + ".parts"; }
  fs::path part_dir(std::size_t i) const { return parts_dir() / ("part" + std::to_string(i)); }
  void set_part_count(std::size_t parts) { part_count_ = parts; }

 private:
  // Refuses a path that is not a directory or holds anything but an index.
  void check_dir() const {
    std::error_code ec;
    if (fs::exists(dir_, ec) && !fs::is_directory(dir_, ec))
      throw Error(ErrorKind::io, "index path '" + dir_.string() + "' exists and is not a directory");
    // A missing right is told as such, never as a lock to wait for.
    check_index_access(dir_, options_.rebuild && is_index_dir(dir_) ? IndexAccess::rebuild : IndexAccess::write);
    if (fs::exists(dir_, ec) && !holds_only_index_files(dir_))
      throw Error(ErrorKind::io, "'" + dir_.string() + "' holds files that are not a kosearch index; refusing to write into it");
  }

  // Takes the live index's lock (creating an empty index where there is
  // none). The run builds in bulk on --rebuild or into an index without
  // documents; otherwise it writes the held database incrementally. Either
  // way, what an interrupted bulk build left (parts, a sidecar) is removed
  // here, under the lock.
  void open_for_bulk(const std::function<void(const std::string&)>& warn) {
    check_dir();
    std::optional<Xapian::WritableDatabase> live;
    try {
      live = lock_with_retry([&] { return Xapian::WritableDatabase(dir_.string(), Xapian::DB_CREATE_OR_OPEN); });
    } catch (const Xapian::DatabaseLockError&) {
      throw;
    } catch (const Xapian::Error& e) {
      if (!options_.rebuild) throw;
      warn("existing index cannot be opened (" + e.get_msg() + "); it is replaced");
    }
    // Only a run holding the lock builds these, so what is there was left by a killed run.
    remove_leftover(dir_.string() + ".rebuild", [](const fs::path& p) { return holds_only_index_files(p); });
    remove_leftover(parts_dir(), [](const fs::path& parts) {
      std::error_code ec;
      for (fs::directory_iterator it(parts, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name == spooled_stdin && it->is_regular_file()) continue;
        if (name.rfind("part", 0) != 0 || !holds_only_index_files(it->path())) return false;
      }
      return !ec;
    });
    if (live && live->get_doccount() > 0 && !options_.rebuild) {
      writable_ = std::move(live);
      db_ = *writable_;
      note_versions();
      return;
    }
    live_ = std::move(live);
    bulk_ = true;
    sidecar_ = dir_.string() + ".rebuild";
  }

  // Removes what an earlier run left at `path`, if `is_ours` recognises it.
  template <typename IsOurs>
  static void remove_leftover(const fs::path& path, IsOurs is_ours) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    if (!fs::is_directory(path, ec) || !is_ours(path))
      throw Error(ErrorKind::io, "'" + path.string() + "' holds files that are not a kosearch index; "
                                 "move them away to build the index");
    fs::remove_all(path);
  }

  // Merges the committed part databases, in order, into the sidecar: one
  // full compaction, which keeps their order and syncs what it writes.
  // After a bulk merge: what would have gone with the first batch (the
  // source registry) goes into the merged database before it is swapped in.
  void write_pending_metadata(const fs::path& merged) {
    if (pending_metadata_.empty()) return;
    Xapian::WritableDatabase db(merged.string(), Xapian::DB_OPEN);
    for (const auto& [key, value] : pending_metadata_) db.set_metadata(key, value);
    db.commit();
    db.close();
    pending_metadata_.clear();
  }

  void merge_parts() {
    Xapian::Database parts;
    for (std::size_t i = 0; i < part_count_; ++i) parts.add_database(Xapian::Database(part_dir(i).string()));
    if (part_count_ == 0) {  // nothing was indexed: an empty index with our metadata
      Xapian::WritableDatabase empty(sidecar_->string(), Xapian::DB_CREATE_OR_OVERWRITE);
      empty.set_metadata(std::string(schema::meta_schema), std::string(schema::version));
      empty.set_metadata(std::string(schema::meta_analyzer), std::string(Analyzer::version));
      empty.commit();
    } else {
      parts.compact(sidecar_->string(), Xapian::Compactor::FULL);
    }
    std::error_code ec;
    fs::remove_all(parts_dir(), ec);
  }

  void open(const std::function<void(const std::string&)>& warn) {
    std::error_code ec;
    if (fs::exists(dir_, ec) && !fs::is_directory(dir_, ec))
      throw Error(ErrorKind::io, "index path '" + dir_.string() + "' exists and is not a directory");
    // A missing right is told as such, never as a lock to wait for.
    check_index_access(dir_, options_.dry_run                          ? IndexAccess::read
                             : options_.rebuild && is_index_dir(dir_) ? IndexAccess::rebuild
                                                                      : IndexAccess::write);
    // Never write into, or replace, a folder that holds something else.
    if (fs::exists(dir_, ec) && !holds_only_index_files(dir_))
      throw Error(ErrorKind::io, "'" + dir_.string() + "' holds files that are not a kosearch index; refusing to write into it");
    if (options_.dry_run) {
      if (is_index_dir(dir_) && !options_.rebuild) db_ = Xapian::Database(dir_.string());
      note_versions();
      return;
    }
    if (options_.rebuild && is_index_dir(dir_)) {
      // Build beside the live index while holding its lock, so searches keep
      // working and a crash mid-rebuild leaves the old index intact.
      try {
        live_ = lock_with_retry([&] { return Xapian::WritableDatabase(dir_.string(), Xapian::DB_OPEN); });
      } catch (const Xapian::DatabaseLockError&) {
        throw;
      } catch (const Xapian::Error& e) {
        warn("existing index cannot be opened (" + e.get_msg() + "); it is replaced");
      }
      sidecar_ = dir_.string() + ".rebuild";
      if (fs::exists(*sidecar_, ec) && !holds_only_index_files(*sidecar_))
        throw Error(ErrorKind::io, "'" + sidecar_->string() + "' holds files that are not a kosearch index; "
                                   "move them away to rebuild");
      writable_ = lock_with_retry(
          [&] { return Xapian::WritableDatabase(sidecar_->string(), Xapian::DB_CREATE_OR_OVERWRITE); });
    } else {
      writable_ = lock_with_retry(
          [&] { return Xapian::WritableDatabase(dir_.string(), Xapian::DB_CREATE_OR_OPEN); });
    }
    db_ = *writable_;
    note_versions();
  }

  // Opens with `open`; with --wait, polls until the lock is free (rather than
  // blocking in Xapian) so SIGINT/SIGTERM still stop the wait.
  template <typename Open>
  Xapian::WritableDatabase lock_with_retry(Open open) {
    auto pause = std::chrono::milliseconds(20);
    const auto deadline = Clock::now() + std::chrono::seconds(options_.max_wait_seconds);
    for (;;) {
      try {
        return open();
      } catch (const Xapian::DatabaseLockError& e) {
        if (!options_.wait_for_lock || !is_lock_held(e)) throw;
        if (options_.max_wait_seconds > 0 && Clock::now() >= deadline)
          throw Error(ErrorKind::index_locked, "index '" + dir_.string() + "' is still locked by another indexer after " +
                                                   std::to_string(options_.max_wait_seconds) +
                                                   " s (lock file " + (dir_ / "flintlock").string() + ")");
      }
      if (options_.should_stop && options_.should_stop())
        throw Error(ErrorKind::interrupted, "stopped while waiting for the lock on '" + dir_.string() + "'");
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::milliseconds(250));
    }
  }

  void note_versions() {
    if (!db_ || db_->get_doccount() == 0) return;
    other_versions_ = !metadata_current();
  }

  bool metadata_current() {
    if (!db_) return false;
    return db_->get_metadata(std::string(schema::meta_schema)) == schema::version &&
           db_->get_metadata(std::string(schema::meta_analyzer)) == Analyzer::version;
  }

  void begin_batch() {
    writable_->begin_transaction();
    in_batch_ = true;
    if (!metadata_current()) {
      writable_->set_metadata(std::string(schema::meta_schema), std::string(schema::version));
      writable_->set_metadata(std::string(schema::meta_analyzer), std::string(Analyzer::version));
    }
    const std::string key = schema::origin_key(schema::origin_value(origin_name_));
    if (!origin_name_.empty() && writable_->get_metadata(key) != origin_name_) writable_->set_metadata(key, origin_name_);
    for (const auto& [key, value] : pending_metadata_) writable_->set_metadata(key, value);
    pending_metadata_.clear();
  }

  void begin_change() {
    if (!in_batch_) begin_batch();
  }

  void end_change() {
    if (++pending_ >= options_.batch_size) commit();
  }

  void commit() {
    if (!in_batch_) return;
    writable_->commit_transaction();
    in_batch_ = false;
    pending_ = 0;
  }

  fs::path dir_;
  const IndexOptions& options_;
  std::optional<Xapian::WritableDatabase> writable_;
  std::optional<Xapian::WritableDatabase> live_;  // held only for its lock during --rebuild
  std::optional<Xapian::Database> db_;            // what "unchanged" is judged against
  std::optional<fs::path> sidecar_;               // --rebuild: the new index, built beside the live one
  std::map<std::string, std::string> pending_metadata_;
  std::string origin_name_;
  bool other_versions_ = false;
  bool bulk_ = false;
  std::size_t part_count_ = 0;
  bool in_batch_ = false;
  std::size_t pending_ = 0;
};

// ---------------------------------------------------------------------------
// --shards N: N databases DIR/shard0 … DIR/shard<N-1>, listed in the stub file
// DIR/XAPIANDB (which the searcher, and Xapian itself, open as one index).

constexpr const char* stub_name = "XAPIANDB";

fs::path shard_dir(const fs::path& index_dir, unsigned shard) { return index_dir / ("shard" + std::to_string(shard)); }

// Shards listed in an existing index's stub: 0 when there is no stub.
unsigned stub_shard_count(const fs::path& index_dir) {
  std::ifstream stub(index_dir / stub_name);
  unsigned count = 0;
  for (std::string line; std::getline(stub, line);)
    if (line.rfind("auto shard", 0) == 0) ++count;
  return count;
}

// How many databases this run writes: as asked, or as the index already is.
unsigned shard_count(const IndexOptions& options) {
  const fs::path& dir = options.index_dir;
  const unsigned existing = stub_shard_count(dir);
  if (options.shards == 0) return existing ? existing : 1;
  if ((existing && existing != options.shards) || (is_index_dir(dir) && options.shards > 1))
    throw Error(ErrorKind::usage, "index '" + dir.string() + "' has " + std::to_string(existing ? existing : 1) +
                                      " shard(s), not " + std::to_string(options.shards) +
                                      ": index into a new directory to change the shard count");
  return options.shards;
}

void write_stub(const fs::path& index_dir, unsigned shards) {
  const fs::path stub = index_dir / stub_name, tmp = index_dir / "XAPIANDB.tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (unsigned i = 0; i < shards; ++i) out << "auto " << shard_dir({}, i).generic_string() << '\n';
    if (!out.flush()) throw Error(ErrorKind::io, "cannot write shard stub '" + stub.string() + "'");
  }
  fs::rename(tmp, stub);
}

// Checks and analyses one article: the document to write, or nullopt after a
// skip warning (Xapian would refuse a term, which would cost the whole batch).
template <typename Sink>
std::optional<Xapian::Document> analysed(Sink& sink, Analyzer& analyzer, const std::string& origin,
                                         const Article& article, const std::string& content_hash,
                                         const std::string& where) {
  schema::DocumentStats stats;
  Xapian::Document doc;
  try {
    doc = schema::make_document(article, analyzer, origin, content_hash, &stats);
  } catch (const Xapian::Error& e) {
    sink.skip(where, "cannot be indexed: " + e.get_description() + "; skipped");
    return std::nullopt;
  } catch (const std::exception& e) {
    sink.skip(where, std::string("cannot be indexed: ") + e.what() + "; skipped");
    return std::nullopt;
  }
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t).size() > xapian_term_limit) {
      sink.skip(where, "a term of " + std::to_string((*t).size()) + " bytes is over Xapian's " +
                           std::to_string(xapian_term_limit) + "-byte limit; skipped");
      return std::nullopt;
    }
  }
  if (stats.truncated_tokens > 0)
    sink.warn(where, std::to_string(stats.truncated_tokens) + " word(s) longer than " +
                         std::to_string(max_term_bytes) + " bytes indexed cut short");
  return doc;
}

// ---------------------------------------------------------------------------
// One indexer run over one input (a corpus dir or a JSONL file): decides
// added / updated / unchanged / removed / skipped, writes through IndexDb,
// removes what is gone and reports duplicates.
class Session {
 public:
  // `allow_bulk`: the input can be read in parts (see BulkBuild).
  Session(const IndexOptions& options, std::string origin, bool allow_bulk)
      : options_(options), origin_(std::move(origin)), started_(Clock::now()) {
    const unsigned shards = shard_count(options);
    if (shards == 1) {
      dbs_.emplace_back(
          options.index_dir, options_,
          [this](const std::string& reason) { warn(options_.index_dir.string(), reason); }, allow_bulk);
    } else {
      if (!options.dry_run) fs::create_directories(options.index_dir);
      dbs_.reserve(shards);
      for (unsigned i = 0; i < shards; ++i) {
        fs::path dir = shard_dir(options.index_dir, i);
        dbs_.emplace_back(dir, options_, [this, dir](const std::string& reason) { warn(dir.string(), reason); });
      }
      if (!options.dry_run) write_stub(options.index_dir, shards);
    }
    for (auto& db : dbs_) db.set_origin(origin_);
    for (auto& db : dbs_)
      if (db.other_versions())
        warn(db.dir().string(), "index was built by another schema or analyzer version; every article is re-analysed");
  }

  void warn(const std::string& where, const std::string& reason) {
    ++summary_.warnings;
    if (options_.on_warning) options_.on_warning({where, reason});
  }
  void skip(const std::string& where, const std::string& reason) {
    ++summary_.skipped;
    warn(where, reason);
  }
  bool should_stop() {
    if (!summary_.stopped && options_.should_stop && options_.should_stop()) summary_.stopped = true;
    return summary_.stopped;
  }
  void progress(const IndexProgress& p) {
    if (options_.on_progress) options_.on_progress(p);
  }
  const std::string& origin() const { return origin_; }

  // Records this run's input in the index's source registry (source_registry.h).
  void record_source(const Source& source) {
    const std::string key(meta_sources);
    for (auto& db : dbs_) db.write_with_first_batch(key, with_source(db.metadata(key), source));
  }

  // A once-indexed article whose input cannot be read now keeps its version.
  void keep(const std::string& id) { seen_.emplace(id, std::string()); }
  // Articles below these id prefixes (folders that could not be listed) are kept.
  void keep_prefix(std::string prefix) { kept_prefixes_.push_back(std::move(prefix)); }

  // Claims `id` for this run; false (with a warning) when the input repeats an
  // id met earlier in the run or one that belongs to another input.
  bool claim(const std::string& id, const std::string& where) {
    auto [it, fresh] = seen_.emplace(id, where);
    if (!fresh) {
      skip(where, "id '" + id + "' repeats the record at " + it->second + "; skipped (the first one is indexed)");
      return false;
    }
    current_ = db_for(id).lookup(schema::boolean_term(schema::unique_id, id));
    // JSONL records are keyed by id, not by file: a renamed or moved export
    // updates its articles instead of being refused.
    const auto is_jsonl = [](const std::string& origin) { return origin.rfind("jsonl:", 0) == 0; };
    if (current_ && current_->origin != origin_value_ &&
        !(is_jsonl(origin_) && is_jsonl(db_for(id).origin_name(current_->origin)))) {
      seen_.erase(id);
      skip(where, "id '" + id + "' belongs to an article from " + db_for(id).origin_name(current_->origin) +
                      "; skipped");
      return false;
    }
    return true;
  }

  // After claim(): is the claimed id stored with this content hash?
  bool unchanged(const std::string& content_hash) {
    if (!current_ || current_->content_hash != content_hash) return false;
    ++summary_.unchanged;
    return true;
  }
  const std::optional<IndexDb::Stored>& current() const { return current_; }
  // Inputs are told apart by the part writers of a bulk build only.
  void next_input() {}
  static constexpr bool updates_in_place = true;

  // Bulk build: the run writes into part databases (BulkBuild) instead.
  bool bulk() const { return dbs_.size() == 1 && dbs_.front().bulk(); }
  IndexDb& bulk_db() { return dbs_.front(); }

  // Bulk build: the decisions claim() and store() take, replayed in input
  // order from what the part writers met (the index is empty, so nothing is
  // looked up). False when `id` repeats an id met earlier (warned, skipped).
  bool replay_claim(const std::string& id, const std::string& where) {
    auto [it, fresh] = seen_.emplace(id, where);
    if (!fresh) skip(where, "id '" + id + "' repeats the record at " + it->second + "; skipped (the first one is indexed)");
    return fresh;
  }
  void replay_unclaim(const std::string& id) { seen_.erase(id); }
  void replay_stored(const std::string& id, const std::string& where, std::string fingerprint) {
    counted_change("add", id);
    stored_.push_back({id, where, std::move(fingerprint)});
  }

  // Analyses and writes (adds or replaces) an article claimed before.
  void store(const Article& article, const std::string& content_hash, const std::string& where) {
    const bool existed = current_.has_value();
    std::string fingerprint;
    if (options_.dry_run) {
      fingerprint = schema::body_fingerprint(article);
    } else {
      auto doc = analysed(*this, analyzer_, origin_, article, content_hash, where);
      if (!doc) {
        seen_.erase(article.id);  // a rebuild would not have it either
        return;
      }
      fingerprint = doc->get_value(schema::slot_fingerprint);
      db_for(article.id).replace(schema::boolean_term(schema::unique_id, article.id), *doc);
    }
    counted_change(existed ? "update" : "add", article.id);
    stored_.push_back({article.id, where, std::move(fingerprint)});
  }

  // Rewrites only the stored article (not its terms) of the claimed id, after
  // `edit`: for a JSONL record that moved to another line.
  template <typename Edit>
  void restore_data(const std::string& id, const std::string& content_hash, Edit edit) {
    if (!options_.dry_run) {
      IndexDb& db = db_for(id);
      Xapian::Document doc = db.document(current_->docid);
      Article article = deserialize(doc.get_data());
      edit(article);
      doc.set_data(serialize(article));
      doc.add_value(schema::slot_content_hash, content_hash);
      db.replace(current_->docid, doc);
    }
    counted_change("update", id);
  }

  IndexSummary finish() {
    if (!summary_.stopped) {
      remove_unseen();
      report_duplicates();
    }
    for (auto& db : dbs_) {
      if (summary_.stopped && db.rebuilding()) summary_.added = summary_.updated = summary_.removed = 0;  // dropped
      db.finish(!summary_.stopped);
    }
    summary_.seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    return summary_;
  }

 private:
  struct StoredArticle {
    std::string id, where, fingerprint;
  };

  // --shards N: a stable hash of the id picks the shard, so a rerun finds
  // each article where it was.
  IndexDb& db_for(const std::string& id) {
    if (dbs_.size() == 1) return dbs_.front();
    return dbs_[std::stoull(schema::stable_hash(id), nullptr, 16) % dbs_.size()];
  }

  void counted_change(const char* change, const std::string& id) {
    if (options_.on_change) options_.on_change(change, id);
    change[0] == 'a' ? ++summary_.added : ++summary_.updated;
  }

  bool kept(const std::string& id) const {
    if (seen_.count(id)) return true;
    if (!options_.only_paths.empty() && !detail::in_paths(id, options_.only_paths)) return true;  // out of this run's scope
    for (const auto& prefix : kept_prefixes_)
      if (id.compare(0, prefix.size(), prefix) == 0) return true;
    return false;
  }

  // Deletes this origin's articles that were not seen in this run.
  void remove_unseen() {
    for (auto& db : dbs_) {
      auto of_origin = db.with_values(schema::slot_origin, {origin_value_});
      for (Xapian::docid docid : of_origin[origin_value_]) {
        const std::string id = db.id_of(docid);
        if (kept(id)) continue;
        if (options_.on_change) options_.on_change("remove", id);
        ++summary_.removed;
        if (!options_.dry_run) db.remove(docid);
      }
    }
  }

  // Warns about each article written in this run whose text equals that of
  // another article present after the run: one warning per extra copy, so a
  // clean rebuild of n copies warns n-1 times and adding a copy warns once.
  void report_duplicates() {
    std::unordered_map<std::string, std::size_t> first_with;  // fingerprint → first article of this run with it
    first_with.reserve(stored_.size());
    for (std::size_t i = 0; i < stored_.size(); ++i) first_with.emplace(stored_[i].fingerprint, i);
    // Every stored copy of this run's texts, found in one value scan per
    // database; a bulk build's database holds nothing else.
    std::unordered_set<std::string> written;
    std::vector<std::unordered_map<std::string, std::vector<Xapian::docid>>> copies(dbs_.size());
    if (!bulk()) {
      std::unordered_set<std::string> fingerprints;
      for (const auto& [fingerprint, first] : first_with) fingerprints.insert(fingerprint);
      for (std::size_t i = 0; i < dbs_.size(); ++i) copies[i] = dbs_[i].with_values(schema::slot_fingerprint, fingerprints);
      for (const auto& article : stored_) written.insert(article.id);
    }
    for (const auto& article : stored_) {
      std::string other = untouched_copy(article, written, copies);
      const StoredArticle& first = stored_[first_with[article.fingerprint]];
      if (other.empty() && first.id != article.id) other = first.id;
      if (other.empty()) continue;
      ++summary_.duplicates;
      ++summary_.warnings;
      const IndexWarning duplicate{article.where, "same text as '" + other + "'; results show it once"};
      if (options_.on_duplicate) options_.on_duplicate(duplicate);
      else if (options_.on_warning) options_.on_warning(duplicate);
    }
  }

  // The smallest id of an article with the same text that this run did not
  // write and does not remove; empty when there is none.
  std::string untouched_copy(
      const StoredArticle& article, const std::unordered_set<std::string>& written,
      const std::vector<std::unordered_map<std::string, std::vector<Xapian::docid>>>& copies) {
    std::string best;
    for (std::size_t i = 0; i < dbs_.size(); ++i) {
      const auto found = copies[i].find(article.fingerprint);
      if (found == copies[i].end()) continue;
      // Fast path for the usual case: no article but this one has the text.
      const bool holds_itself = !options_.dry_run && &dbs_[i] == &db_for(article.id);
      if (found->second.size() <= (holds_itself ? 1u : 0u)) continue;
      for (Xapian::docid docid : found->second) {
        std::string id = dbs_[i].id_of(docid);
        if (id == article.id || written.count(id)) continue;
        if (dbs_[i].origin_of(docid) == origin_value_ && !kept(id)) continue;  // removed by this run
        if (best.empty() || id < best) best = std::move(id);
      }
    }
    return best;
  }

  const IndexOptions& options_;
  std::string origin_;
  std::string origin_value_ = schema::origin_value(origin_);
  Clock::time_point started_;
  std::vector<IndexDb> dbs_;
  Analyzer analyzer_;
  IndexSummary summary_;
  std::unordered_map<std::string, std::string> seen_;  // id → where it was met
  std::vector<std::string> kept_prefixes_;
  std::optional<IndexDb::Stored> current_;  // what claim() found for its id
  std::vector<StoredArticle> stored_;
};

// ---------------------------------------------------------------------------
// Bulk build. A run into an empty index (a first run, or --rebuild) is split
// into byte-balanced parts of its input (input_split.h), one per writer
// thread, each analysed and written into its own database in a temporary
// folder (no fsync, no crash safety: nothing of it is live), then the parts
// are merged in input order into the sidecar and swapped in
// (IndexDb::finish). One part per writer measured best: more, smaller parts
// cost size (compaction copies each term's per-part posting chunks instead
// of re-chunking them) and no CPU was saved at full scale; an odd number of
// parts on two threads leaves one running alone at the end.
// A crash at any moment leaves the previous index; the next run removes the
// leftovers. Decisions that need the whole input (an id repeating an earlier
// one, duplicates, counts) are taken by the Session when it replays, in
// input order, what each part writer met: warnings and decisions come out as
// a sequential run gives them. A stopped bulk build keeps nothing.

// Documents each part writer keeps in memory between flushes: small batches
// were measured faster (docs/xapian-speed.md: 1,000 gave 0.89× the time of
// Xapian's default 10,000, an unbounded buffer 1.4×).
constexpr const char* part_flush_threshold = "1000";

// What a part writer met, in input order.
struct PartEvent {
  enum Kind : std::uint8_t { warning, skip, keep, claim, unclaim, stored } kind;
  bool after_claim = false;  // belongs to the input of the last claim (dropped with it)
  std::string text;          // warning/skip: reason; keep/claim/unclaim: id; stored: fingerprint
  std::string where;         // warning/skip/claim: where it was met
  Xapian::docid docid = 0;   // stored: document in the part database
};

// Per part: the Session's role for the thread writing that part into its
// database, recording its decisions for the replay.
class PartWriter {
 public:
  PartWriter(const std::string& origin, const std::atomic<bool>& stop) : origin_(origin), stop_(stop) {}

  // The thread that writes this part, while it does.
  void attach(Xapian::WritableDatabase& db, Analyzer& analyzer) {
    db_ = &db;
    analyzer_ = &analyzer;
  }

  void warn(const std::string& where, const std::string& reason) { record(PartEvent::warning, reason, where); }
  void skip(const std::string& where, const std::string& reason) { record(PartEvent::skip, reason, where); }
  void keep(const std::string& id) { record(PartEvent::keep, id, {}); }
  bool claim(const std::string& id, const std::string& where) {
    record(PartEvent::claim, id, where);
    in_claim_ = true;
    return true;
  }
  bool unchanged(const std::string&) const { return false; }  // the index is empty
  void next_input() { in_claim_ = false; }
  static constexpr bool updates_in_place = false;
  bool should_stop() const { return stop_.load(std::memory_order_relaxed); }
  void progress(const IndexProgress& p) {
    inputs_done.store(p.inputs_done, std::memory_order_relaxed);
    bytes_done.store(p.bytes_done, std::memory_order_relaxed);
  }

  void store(const Article& article, const std::string& content_hash, const std::string& where) {
    auto doc = analysed(*this, *analyzer_, origin_, article, content_hash, where);
    if (!doc) return record(PartEvent::unclaim, article.id, {});
    std::string fingerprint = doc->get_value(schema::slot_fingerprint);
    const Xapian::docid docid = db_->add_document(*doc);
    record(PartEvent::stored, std::move(fingerprint), {});
    events.back().docid = docid;
  }

  std::vector<PartEvent> events;
  std::atomic<std::size_t> inputs_done{0};
  std::atomic<std::uint64_t> bytes_done{0};

 private:
  void record(PartEvent::Kind kind, std::string text, std::string where) {
    events.push_back({kind, in_claim_, std::move(text), std::move(where), 0});
  }

  const std::string& origin_;
  const std::atomic<bool>& stop_;
  Xapian::WritableDatabase* db_ = nullptr;
  Analyzer* analyzer_ = nullptr;
  bool in_claim_ = false;
};

// Opens part database `i` for writing: no fsync, no crash safety (nothing
// of it is live), small flushes.
Xapian::WritableDatabase open_part(IndexDb& db, std::size_t i, int mode) {
  return Xapian::WritableDatabase(db.part_dir(i).string(), mode | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS);
}

// Runs `work(part index, PartWriter&)` for `parts` parts, in order, on
// `threads` threads, each part into its own database; then replays their
// decisions into `session` and leaves the committed parts for
// IndexDb::finish to merge. `progress` holds the run's totals.
template <typename Work>
void build_in_parts(Session& session, std::size_t parts, unsigned threads, IndexProgress progress, Work work) {
  IndexDb& db = session.bulk_db();
  fs::create_directories(db.parts_dir());
  db.set_part_count(parts);
  // Xapian reads the flush threshold when a database is opened; one set by
  // the user is respected. Set before the threads start, unset after.
  const bool user_threshold = std::getenv("XAPIAN_FLUSH_THRESHOLD") != nullptr;
  if (!user_threshold) ::setenv("XAPIAN_FLUSH_THRESHOLD", part_flush_threshold, 1);

  std::atomic<bool> stop{false};
  std::atomic<std::size_t> next{0}, running{0};
  std::vector<std::unique_ptr<PartWriter>> writers;
  for (std::size_t i = 0; i < parts; ++i) writers.push_back(std::make_unique<PartWriter>(session.origin(), stop));
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, parts));
  running = threads;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      try {
        Analyzer analyzer;
        for (std::size_t i; !stop && (i = next++) < parts;) {
          Xapian::WritableDatabase part = open_part(db, i, Xapian::DB_CREATE_OR_OVERWRITE);
          writers[i]->attach(part, analyzer);
          work(i, *writers[i]);
          if (stop) break;
          part.set_metadata(std::string(schema::meta_schema), std::string(schema::version));
          part.set_metadata(std::string(schema::meta_analyzer), std::string(Analyzer::version));
          part.set_metadata(schema::origin_key(schema::origin_value(session.origin())), session.origin());
          part.commit();
        }
      } catch (...) {
        errors[t] = std::current_exception();
        stop = true;
      }
      --running;
    });
  }
  while (running > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (session.should_stop()) stop = true;
    progress.inputs_done = progress.bytes_done = 0;
    for (const auto& w : writers) {
      progress.inputs_done += w->inputs_done;
      progress.bytes_done += w->bytes_done;
    }
    session.progress(progress);
  }
  for (auto& t : pool) t.join();
  if (!user_threshold) ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  if (session.should_stop()) return;  // nothing of it is kept

  for (std::size_t i = 0; i < parts; ++i) {
    std::string id, where;
    bool claimed = true;
    std::vector<Xapian::docid> dropped;  // a later record's copy of an id: the first one wins
    for (auto& event : writers[i]->events) {
      if (event.after_claim && !claimed) {
        if (event.kind == PartEvent::stored) dropped.push_back(event.docid);
        continue;
      }
      switch (event.kind) {
        case PartEvent::warning: session.warn(event.where, event.text); break;
        case PartEvent::skip: session.skip(event.where, event.text); break;
        case PartEvent::keep: session.keep(event.text); break;
        case PartEvent::claim:
          id = std::move(event.text);
          where = std::move(event.where);
          claimed = session.replay_claim(id, where);
          break;
        case PartEvent::unclaim: session.replay_unclaim(event.text); break;
        case PartEvent::stored: session.replay_stored(id, where, std::move(event.text)); break;
      }
    }
    writers[i].reset();
    if (!dropped.empty()) {
      Xapian::WritableDatabase part = open_part(db, i, Xapian::DB_OPEN);
      for (Xapian::docid docid : dropped) part.delete_document(docid);
      part.commit();
    }
  }
}

// How many part writers: as asked, else one per core.
unsigned writer_count(const IndexOptions& options) {
  if (options.threads) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// ---------------------------------------------------------------------------
// Reading inputs: the same steps for a Session (incremental, sequential) and
// for a PartWriter (one part of a bulk build).

// The input as UTF-8: legacy encodings converted, ill-formed bytes replaced
// by U+FFFD (text_encoding.h), warning once for the input.
template <typename Sink>
std::string repaired_text(Sink& sink, const std::string& where, std::string&& bytes, const std::string& encoding) {
  if (is_valid_utf8(bytes)) return std::move(bytes);
  DecodedText decoded = decode_text(bytes, encoding);
  if (!decoded.warning.empty()) sink.warn(where, decoded.warning);
  return std::move(decoded.text);
}

// Turns Xapian's exceptions during a run into ours. The open batch is
// cancelled as the database objects go away, so the index stays at its last
// commit.
template <typename Body>
IndexSummary guarded(const IndexOptions& options, Body body) {
  try {
    return body();
  } catch (const Xapian::Error& e) {
    if (is_damage(e)) throw index_error(e, options.index_dir);
    throw Error(ErrorKind::io, "writing index '" + options.index_dir.string() + "' failed: " + e.get_description() +
                                   "; the index is left at its last commit");
  }
}

template <typename Sink>
void index_input(Sink& sink, const detail::InputFile& input, const std::string& encoding) {
  sink.next_input();
  detail::ReadResult read = detail::read_input(input);
  if (!read.bytes) {
    sink.skip(input.citation_path, read.reason);
    if (read.transient) sink.keep(input.id);
  } else if (sink.claim(input.id, input.citation_path)) {
    // A forced encoding changes the text read from the same (non-UTF-8) bytes.
    const bool decoded = !encoding.empty() && !is_valid_utf8(*read.bytes);
    const std::string salt = decoded ? input.citation_path + "|" + encoding : input.citation_path;
    const std::string hash = schema::hash_value(*read.bytes, hash_salt(salt));
    if (!sink.unchanged(hash)) {
      std::string text = repaired_text(sink, input.citation_path, std::move(*read.bytes), encoding);
      sink.store(parse_article(text, input.id, input.citation_path), hash, input.citation_path);
    }
  }
}

// Inputs [begin, end) of the listing, with progress counted from `progress`.
template <typename Sink>
void index_inputs(Sink& sink, const std::vector<detail::InputFile>& inputs, std::size_t begin, std::size_t end,
                  IndexProgress progress, const std::string& encoding) {
  for (std::size_t i = begin; i < end; ++i) {
    if (sink.should_stop()) break;
    index_input(sink, inputs[i], encoding);
    ++progress.inputs_done;
    progress.bytes_done += inputs[i].size;
    sink.progress(progress);
  }
}

IndexSummary run_corpus(const fs::path& corpus_dir, const IndexOptions& options) {
  std::vector<detail::Refusal> refused;
  auto listing = detail::list_corpus(
      corpus_dir, [&](const detail::Refusal& r) { refused.push_back(r); }, options.only_paths);
  const Source source = corpus_source(corpus_dir, options.encoding);
  Session session(options, source.origin, options.only_paths.empty());
  session.record_source(source);
  for (const auto& r : refused) session.skip(r.path, r.reason);
  for (auto& prefix : listing.unlisted_folders) session.keep_prefix(std::move(prefix));

  const auto& inputs = listing.inputs;
  IndexProgress progress{0, inputs.size(), 0, 0};
  for (const auto& input : inputs) progress.bytes_total += input.size;
  if (!session.bulk()) {
    index_inputs(session, inputs, 0, inputs.size(), progress, options.encoding);
    return session.finish();
  }
  std::vector<std::uint64_t> sizes;
  for (const auto& input : inputs) sizes.push_back(input.size);
  const unsigned writers = writer_count(options);
  const std::vector<std::size_t> bounds = split_by_bytes(sizes, writers);
  build_in_parts(session, bounds.size() - 1, writers, progress, [&](std::size_t part, PartWriter& writer) {
    index_inputs(writer, inputs, bounds[part], bounds[part + 1], IndexProgress{}, options.encoding);
  });
  return session.finish();
}

std::optional<std::string> string_field(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return std::nullopt;
}

// Builds an Article from one JSONL record, or explains why it cannot.
template <typename Sink>
std::optional<Article> jsonl_article(const nlohmann::json& record, const std::string& path,
                                     std::uint32_t line_number, std::string& reason, Sink& sink,
                                     const std::string& where) {
  auto refuse = [&reason](const char* why) -> std::optional<Article> {
    reason = why;
    return std::nullopt;
  };
  if (!record.is_object()) return refuse("not a JSON object; skipped");
  auto id = string_field(record, "id");
  auto text = string_field(record, "text");
  if (!id || id->empty()) return refuse("record has no \"id\"; skipped");
  if (!text) return refuse("record has no \"text\"; skipped");
  if (detail::is_blank(*text) && !string_field(record, "title")) return refuse("record has empty \"text\"; skipped");
  Article a;
  a.id = *id;
  a.path = path;
  a.title = string_field(record, "title");
  a.source = string_field(record, "source");
  a.author = string_field(record, "author");
  a.url = string_field(record, "url");
  a.title_line = line_number;
  if (auto date = string_field(record, "date")) {
    a.date = parse_date(*date);
    if (!a.date) sink.warn(where, "\"date\" '" + *date + "' is not a date (YYYY-MM-DD); left out");
  }
  if (auto updated = string_field(record, "updated")) {
    a.updated = parse_date(*updated);
    if (!a.updated) sink.warn(where, "\"updated\" '" + *updated + "' is not a date (YYYY-MM-DD); left out");
  }
  std::string_view rest = *text;
  while (!rest.empty()) {
    auto nl = rest.find('\n');
    std::string_view para = rest.substr(0, nl);
    if (!detail::is_blank(para)) a.body.push_back({line_number, std::string(para)});
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return a;
}

// A JSONL record's stored hash is its content hash (8 bytes) and where it
// is (schema::record_location: line number and byte offset): both belong to
// the stored citation, so a record that only moved is rewritten (without
// re-analysis) to match what a rebuild would store. A hash stored before the
// offset was (12 bytes) counts as moved.
std::string jsonl_hash(const std::string& record, const std::string& path, std::uint32_t line_number,
                       std::uint64_t offset) {
  return schema::hash_value(record, hash_salt(path)) + schema::record_location(line_number, offset);
}

bool same_content(const std::string& stored, const std::string& hash) {
  return stored.size() >= 8 && stored.compare(0, 8, hash, 0, 8) == 0;
}

template <typename Sink>
void index_record(Sink& sink, const std::string& line, const std::string& path, std::uint32_t line_number,
                  std::uint64_t offset, const std::string& where) {
  auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) return sink.skip(where, "not valid JSON; skipped");
  std::string reason;
  auto article = jsonl_article(record, path, line_number, reason, sink, where);
  if (!article) return sink.skip(where, reason);
  if (!sink.claim(article->id, where)) return;
  const std::string hash = jsonl_hash(line, path, line_number, offset);
  if (sink.unchanged(hash)) return;
  if constexpr (Sink::updates_in_place) {
    if (sink.current() && same_content(sink.current()->content_hash, hash)) {
      return sink.restore_data(article->id, hash, [&](Article& stored) {
        stored.title_line = line_number;
        for (auto& l : stored.body) l.number = line_number;
      });
    }
  }
  sink.store(*article, hash, where);
}

// Indexes the lines of `in` up to `length` bytes (all of it when 0), the
// first being line `line_number` + 1 at byte `begin` of the file; `progress`
// counts from where it is.
template <typename Sink>
void index_lines(Sink& sink, std::istream& in, std::uint64_t begin, std::uint64_t length, const std::string& path,
                 std::uint32_t line_number, IndexProgress progress, const std::string& encoding) {
  std::string line;
  std::uint64_t consumed = 0;
  for (;;) {
    if (sink.should_stop()) break;
    if (length && consumed >= length) break;
    const detail::LineRead read = detail::read_line_bounded(in, line, max_input_bytes);
    if (read.status == detail::LineRead::end) break;
    ++line_number;
    const std::uint64_t offset = begin + consumed;
    consumed += read.bytes;
    progress.bytes_done += read.bytes;
    sink.next_input();
    const std::string where = path + ":" + std::to_string(line_number);
    if (read.status == detail::LineRead::too_long) {
      sink.skip(where, "record of " + std::to_string(read.bytes / (1024 * 1024)) + " MiB is at or over the " +
                           std::to_string(max_input_bytes / (1024 * 1024)) + " MiB limit; skipped");
      continue;
    }
    if (detail::is_blank(line)) continue;
    index_record(sink, repaired_text(sink, where, std::move(line), encoding), path, line_number, offset, where);
    ++progress.inputs_done;
    sink.progress(progress);
  }
  if (in.bad()) throw Error(ErrorKind::io, "reading '" + path + "' failed; nothing removed");
}

// Copies standard input into `dir`/stdin.jsonl, for a bulk build to split.
fs::path spool_stdin(const fs::path& dir) {
  fs::create_directories(dir);
  const fs::path spool = dir / spooled_stdin;
  std::ofstream out(spool, std::ios::binary | std::ios::trunc);
  std::vector<char> buffer(1 << 20);
  while (std::cin.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || std::cin.gcount() > 0)
    out.write(buffer.data(), std::cin.gcount());
  if (std::cin.bad()) throw Error(ErrorKind::io, "reading '-' failed; nothing removed");
  if (!out.flush()) throw Error(ErrorKind::io, "cannot write '" + spool.string() + "'");
  return spool;
}

IndexSummary run_jsonl(const fs::path& jsonl, const IndexOptions& options) {
  const bool from_stdin = jsonl == "-";
  std::ifstream file;
  if (!from_stdin) {
    file.open(jsonl, std::ios::binary);
    if (!file) throw Error(ErrorKind::io, "cannot read JSONL file '" + jsonl.string() + "'");
  }
  std::istream& in = from_stdin ? std::cin : file;
  std::error_code ec;
  const std::string path = from_stdin ? "-" : jsonl.generic_string();
  const Source source = jsonl_source(jsonl, options.encoding);
  Session session(options, from_stdin ? "jsonl:-" : source.origin, true);
  if (!from_stdin) session.record_source(source);
  IndexProgress progress{0, 0, 0, from_stdin ? 0 : static_cast<std::uint64_t>(fs::file_size(jsonl, ec))};
  if (!session.bulk()) {
    index_lines(session, in, 0, 0, path, 0, progress, options.encoding);
    return session.finish();
  }
  // The file is cut into one part per writer; a stream is first copied to a
  // file beside the parts (for several writers; costs about a second per GB).
  const unsigned writers = writer_count(options);
  const fs::path input = from_stdin && writers > 1 ? spool_stdin(session.bulk_db().parts_dir()) : jsonl;
  const std::vector<LineRange> ranges =
      from_stdin && writers == 1 ? std::vector<LineRange>{{}} : split_lines(input, writers);
  build_in_parts(session, ranges.size(), writers, progress, [&](std::size_t part, PartWriter& writer) {
    if (input == "-") return index_lines(writer, in, 0, 0, path, 0, IndexProgress{}, options.encoding);
    std::ifstream range_in(input, std::ios::binary);
    range_in.seekg(static_cast<std::streamoff>(ranges[part].begin));
    if (!range_in) throw Error(ErrorKind::io, "cannot read JSONL file '" + input.string() + "'");
    index_lines(writer, range_in, ranges[part].begin, ranges[part].end - ranges[part].begin, path,
                ranges[part].first_line - 1,
                IndexProgress{}, options.encoding);
  });
  return session.finish();
}

}  // namespace

IndexSummary index_corpus(const fs::path& corpus_dir, const IndexOptions& options) {
  if (!options.encoding.empty()) check_encoding_name(options.encoding);
  return guarded(options, [&] { return run_corpus(corpus_dir, options); });
}

IndexSummary index_jsonl(const fs::path& jsonl, const IndexOptions& options) {
  if (!options.encoding.empty()) check_encoding_name(options.encoding);
  return guarded(options, [&] { return run_jsonl(jsonl, options); });
}

std::string format_summary(const IndexSummary& s) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", s.seconds);
  std::string out = "added " + std::to_string(s.added) + ", updated " + std::to_string(s.updated) +
                    ", unchanged " + std::to_string(s.unchanged) + ", removed " + std::to_string(s.removed) +
                    ", skipped " + std::to_string(s.skipped);
  if (s.duplicates) out += ", duplicates " + std::to_string(s.duplicates);
  if (s.warnings) out += ", warnings " + std::to_string(s.warnings);
  out += std::string(" in ") + seconds + " s";
  if (s.stopped) out += " (stopped early; rerun to finish)";
  return out;
}

}  // namespace kosearch
