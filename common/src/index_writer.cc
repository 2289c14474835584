#include "kosearch/index_writer.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index_swap.h"
#include "input_files.h"
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

  IndexDb(fs::path dir, const IndexOptions& options, const std::function<void(const std::string&)>& warn)
      : dir_(std::move(dir)), options_(options) {
    try {
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

  Xapian::doccount termfreq(const std::string& term) { return db_ ? db_->get_termfreq(term) : 0; }

  std::vector<Xapian::docid> postings(const std::string& term) {
    std::vector<Xapian::docid> out;
    if (!db_) return out;
    for (auto p = db_->postlist_begin(term); p != db_->postlist_end(term); ++p) out.push_back(*p);
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
    if (sidecar_ && !complete) {
      writable_->close();
      std::error_code ec;
      fs::remove_all(*sidecar_, ec);
      return;
    }
    if (!metadata_current() || !pending_metadata_.empty()) begin_batch();
    commit();
    if (!sidecar_) return;
    writable_->close();
    detail::swap_in(dir_, *sidecar_);
    if (live_) live_->close();
    std::error_code ec;
    fs::remove_all(*sidecar_, ec);  // now the old index
  }

  // --rebuild: nothing of it is kept when the run stops early.
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

 private:
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
  bool other_versions_ = false;
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

// ---------------------------------------------------------------------------
// One indexer run over one input (a corpus dir or a JSONL file): decides
// added / updated / unchanged / removed / skipped, writes through IndexDb,
// removes what is gone and reports duplicates.
class Session {
 public:
  Session(const IndexOptions& options, std::string origin)
      : options_(options), origin_(std::move(origin)), started_(Clock::now()) {
    const unsigned shards = shard_count(options);
    if (shards == 1) {
      dbs_.emplace_back(options.index_dir, options_,
                        [this](const std::string& reason) { warn(options_.index_dir.string(), reason); });
    } else {
      if (!options.dry_run) fs::create_directories(options.index_dir);
      dbs_.reserve(shards);
      for (unsigned i = 0; i < shards; ++i) {
        fs::path dir = shard_dir(options.index_dir, i);
        dbs_.emplace_back(dir, options_, [this, dir](const std::string& reason) { warn(dir.string(), reason); });
      }
      if (!options.dry_run) write_stub(options.index_dir, shards);
    }
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
    if (current_ && current_->origin != origin_ && !(is_jsonl(current_->origin) && is_jsonl(origin_))) {
      seen_.erase(id);
      skip(where, "id '" + id + "' belongs to an article from " + current_->origin + "; skipped");
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

  // Analyses and writes (adds or replaces) an article claimed before.
  void store(const Article& article, const std::string& content_hash, const std::string& where) {
    const bool existed = current_.has_value();
    std::string fingerprint;
    if (options_.dry_run) {
      fingerprint = schema::body_fingerprint(article);
    } else {
      auto doc = analysed(article, content_hash, where);
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

  std::optional<Xapian::Document> analysed(const Article& article, const std::string& content_hash,
                                           const std::string& where) {
    schema::DocumentStats stats;
    Xapian::Document doc;
    try {
      doc = schema::make_document(article, analyzer_, origin_, content_hash, &stats);
    } catch (const Xapian::Error& e) {
      skip(where, "cannot be indexed: " + e.get_description() + "; skipped");
      return std::nullopt;
    } catch (const std::exception& e) {
      skip(where, std::string("cannot be indexed: ") + e.what() + "; skipped");
      return std::nullopt;
    }
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).size() > xapian_term_limit) {
        skip(where, "a term of " + std::to_string((*t).size()) + " bytes is over Xapian's " +
                        std::to_string(xapian_term_limit) + "-byte limit; skipped");
        return std::nullopt;
      }
    }
    if (stats.truncated_tokens > 0)
      warn(where, std::to_string(stats.truncated_tokens) + " word(s) longer than " + std::to_string(max_term_bytes) +
                      " bytes indexed cut short");
    return doc;
  }

  bool kept(const std::string& id) const {
    if (seen_.count(id)) return true;
    for (const auto& prefix : kept_prefixes_)
      if (id.compare(0, prefix.size(), prefix) == 0) return true;
    return false;
  }

  // Deletes this origin's articles that were not seen in this run.
  void remove_unseen() {
    const std::string origin_term = schema::boolean_term(schema::origin, origin_);
    for (auto& db : dbs_) {
      for (Xapian::docid docid : db.postings(origin_term)) {
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
    std::unordered_map<std::string, std::vector<std::size_t>> by_fingerprint;
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < stored_.size(); ++i) {
      by_fingerprint[stored_[i].fingerprint].push_back(i);
      by_id[stored_[i].id] = i;
    }
    for (const auto& article : stored_) {
      const auto& group = by_fingerprint[article.fingerprint];
      std::string other = untouched_copy(article, by_id);
      if (other.empty() && stored_[group.front()].id != article.id) other = stored_[group.front()].id;
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
  std::string untouched_copy(const StoredArticle& article, const std::unordered_map<std::string, std::size_t>& written) {
    std::string best;
    const std::string term = schema::boolean_term(schema::fingerprint, article.fingerprint);
    for (auto& db : dbs_) {
      // Fast path for the usual case: no article but this one has the text.
      const bool holds_itself = !options_.dry_run && &db == &db_for(article.id);
      if (db.termfreq(term) <= (holds_itself ? 1u : 0u)) continue;
      for (Xapian::docid docid : db.postings(term)) {
        std::string id = db.id_of(docid);
        if (id == article.id || written.count(id)) continue;
        if (db.origin_of(docid) == origin_ && !kept(id)) continue;  // removed by this run
        if (best.empty() || id < best) best = std::move(id);
      }
    }
    return best;
  }

  const IndexOptions& options_;
  std::string origin_;
  Clock::time_point started_;
  std::vector<IndexDb> dbs_;
  Analyzer analyzer_;
  IndexSummary summary_;
  std::unordered_map<std::string, std::string> seen_;  // id → where it was met
  std::vector<std::string> kept_prefixes_;
  std::optional<IndexDb::Stored> current_;  // what claim() found for its id
  std::vector<StoredArticle> stored_;
};

// The input as UTF-8: legacy encodings converted, ill-formed bytes replaced
// by U+FFFD (text_encoding.h), warning once for the input.
std::string repaired_text(Session& session, const std::string& where, std::string&& bytes, const std::string& encoding) {
  if (is_valid_utf8(bytes)) return std::move(bytes);
  DecodedText decoded = decode_text(bytes, encoding);
  if (!decoded.warning.empty()) session.warn(where, decoded.warning);
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

IndexSummary run_corpus(const fs::path& corpus_dir, const IndexOptions& options) {
  std::vector<detail::Refusal> refused;
  auto listing = detail::list_corpus(corpus_dir, [&](const detail::Refusal& r) { refused.push_back(r); });
  const Source source = corpus_source(corpus_dir, options.encoding);
  Session session(options, source.origin);
  session.record_source(source);
  for (const auto& r : refused) session.skip(r.path, r.reason);
  for (auto& prefix : listing.unlisted_folders) session.keep_prefix(std::move(prefix));

  IndexProgress progress{0, listing.inputs.size(), 0, 0};
  for (const auto& input : listing.inputs) progress.bytes_total += input.size;
  for (const auto& input : listing.inputs) {
    if (session.should_stop()) break;
    detail::ReadResult read = detail::read_input(input);
    if (!read.bytes) {
      session.skip(input.citation_path, read.reason);
      if (read.transient) session.keep(input.id);
    } else if (session.claim(input.id, input.citation_path)) {
      // A forced encoding changes the text read from the same (non-UTF-8) bytes.
      const bool decoded = !options.encoding.empty() && !is_valid_utf8(*read.bytes);
      const std::string salt = decoded ? input.citation_path + "|" + options.encoding : input.citation_path;
      const std::string hash = schema::stable_hash(*read.bytes, hash_salt(salt));
      if (!session.unchanged(hash)) {
        std::string text = repaired_text(session, input.citation_path, std::move(*read.bytes), options.encoding);
        session.store(parse_article(text, input.id, input.citation_path), hash, input.citation_path);
      }
    }
    ++progress.inputs_done;
    progress.bytes_done += input.size;
    session.progress(progress);
  }
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
std::optional<Article> jsonl_article(const nlohmann::json& record, const std::string& path,
                                     std::uint32_t line_number, std::string& reason, Session& session,
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
    if (!a.date) session.warn(where, "\"date\" '" + *date + "' is not a date (YYYY-MM-DD); left out");
  }
  if (auto updated = string_field(record, "updated")) {
    a.updated = parse_date(*updated);
    if (!a.updated) session.warn(where, "\"updated\" '" + *updated + "' is not a date (YYYY-MM-DD); left out");
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

// A JSONL record's stored hash is "<content hash>@<line>": the line number is
// part of the stored citation, so a record that only moved is rewritten
// (without re-analysis) to match what a rebuild would store.
std::string jsonl_hash(const std::string& record, const std::string& path, std::uint32_t line_number) {
  return schema::stable_hash(record, hash_salt(path)) + "@" + std::to_string(line_number);
}

bool same_content(const std::string& stored, const std::string& hash) {
  const auto at = hash.find('@');
  return stored.compare(0, at + 1, hash, 0, at + 1) == 0;
}

void index_record(Session& session, const std::string& line, const std::string& path, std::uint32_t line_number,
                  const std::string& where) {
  auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) return session.skip(where, "not valid JSON; skipped");
  std::string reason;
  auto article = jsonl_article(record, path, line_number, reason, session, where);
  if (!article) return session.skip(where, reason);
  if (!session.claim(article->id, where)) return;
  const std::string hash = jsonl_hash(line, path, line_number);
  if (session.unchanged(hash)) return;
  if (session.current() && same_content(session.current()->content_hash, hash)) {
    return session.restore_data(article->id, hash, [&](Article& stored) {
      stored.title_line = line_number;
      for (auto& l : stored.body) l.number = line_number;
    });
  }
  session.store(*article, hash, where);
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
  Session session(options, from_stdin ? "jsonl:-" : source.origin);
  if (!from_stdin) session.record_source(source);

  IndexProgress progress{0, 0, 0, from_stdin ? 0 : static_cast<std::uint64_t>(fs::file_size(jsonl, ec))};
  std::string line;
  std::uint32_t line_number = 0;
  for (;;) {
    if (session.should_stop()) break;
    const detail::LineRead read = detail::read_line_bounded(in, line, max_input_bytes);
    if (read.status == detail::LineRead::end) break;
    ++line_number;
    progress.bytes_done += read.bytes;
    const std::string where = path + ":" + std::to_string(line_number);
    if (read.status == detail::LineRead::too_long) {
      session.skip(where, "record of " + std::to_string(read.bytes / (1024 * 1024)) + " MiB is at or over the " +
                              std::to_string(max_input_bytes / (1024 * 1024)) + " MiB limit; skipped");
      continue;
    }
    if (detail::is_blank(line)) continue;
    index_record(session, repaired_text(session, where, std::move(line), options.encoding), path, line_number, where);
    ++progress.inputs_done;
    session.progress(progress);
  }
  if (in.bad()) throw Error(ErrorKind::io, "reading '" + path + "' failed; nothing removed");
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
