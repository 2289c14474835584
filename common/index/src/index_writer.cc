#include "kosearch/index_writer.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "change_planner.h"
#include "index_db.h"
#include "index_generations.h"
#include "kosearch/input_files.h"
#include "kosearch/jsonl_records.h"
#include "kosearch/analyzer.h"
#include "kosearch/article_parser.h"
#include "kosearch/error.h"
#include "kosearch/index_health.h"
#include "kosearch/input_split.h"
#include "kosearch/schema.h"
#include "kosearch/source_registry.h"
#include "kosearch/synonyms.h"
#include "kosearch/text_encoding.h"
#include "kosearch/text.h"
#include "kosearch/shard_stub.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

using Clock = std::chrono::steady_clock;

// How many databases this run writes: as asked, or as the index already is.
unsigned shard_count(const IndexOptions& options) {
  const fs::path& dir = options.index_dir;
  const unsigned existing = shard_stub::written_shard_count(dir);
  if (options.shards == 0) return existing ? existing : 1;
  if ((existing && existing != options.shards) || (is_index_dir(dir) && options.shards > 1))
    throw Error(ErrorKind::usage, "index '" + dir.string() + "' has " + std::to_string(existing ? existing : 1) +
                                      " shard(s), not " + std::to_string(options.shards) +
                                      ": index into a new directory to change the shard count");
  return options.shards;
}

// Checks and analyses one article: the document to write, or nullopt after a
// skip warning (Xapian would refuse a term, which would cost the whole batch),
// or when the sink is asked to stop meanwhile (checked at each line, so a
// stop takes effect inside a huge file; the article is left as it was).
template <typename Sink>
std::optional<Xapian::Document> analysed(Sink& sink, Analyzer& analyzer, const std::string& origin,
                                         const Article& article, const std::string& content_hash,
                                         const std::string& where) {
  schema::DocumentStats stats;
  Xapian::Document doc;
  try {
    doc = schema::make_document(article, analyzer, origin, content_hash, &stats, [&] { return sink.should_stop(); });
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::interrupted) return std::nullopt;
    sink.skip(where, std::string("cannot be indexed: ") + e.what() + "; skipped");
    return std::nullopt;
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
                           std::to_string(xapian_term_limit) + "-byte limit; skipped",
                "articles have a term over Xapian's " + std::to_string(xapian_term_limit) + "-byte limit",
                "(" + std::to_string((*t).size()) + " bytes)");
      return std::nullopt;
    }
  }
  if (stats.truncated_tokens > 0)
    sink.warn(where,
              std::to_string(stats.truncated_tokens) + " word(s) longer than " + std::to_string(max_term_bytes) +
                  " bytes indexed cut short",
              Remedy::none, "articles have words longer than " + std::to_string(max_term_bytes) + " bytes",
              "(" + std::to_string(stats.truncated_tokens) + ")");
  return doc;
}

// ---------------------------------------------------------------------------
// One indexer run over one input (a corpus dir or a JSONL file): asks the
// ChangePlanner what to do with each article, writes through IndexDb (one
// per shard), removes what is gone and reports duplicates.
class Session {
 public:
  // `allow_bulk`: the input can be read in parts (see BulkBuild).
  Session(const IndexOptions& options, std::string origin, bool allow_bulk)
      : options_(options), planner_(origin), started_(Clock::now()) {
    open_databases(allow_bulk);
    planner_.limit_to(options.only_paths);
    for (auto& db : dbs_) db.set_origin(origin);
    for (auto& db : dbs_)
      if (db.other_versions())
        warn(db.dir().string(), "index was built by another schema or analyzer version; every article is re-analysed");
    record_synonyms();
  }

  // `kind`, `example`: see IndexWarning.
  void warn(const std::string& where, const std::string& reason, Remedy remedy = Remedy::none, std::string kind = {},
            std::string example = {}) {
    ++summary_.warnings;
    if (options_.on_warning) options_.on_warning({where, reason, remedy, std::move(kind), std::move(example)});
  }
  void skip(const std::string& where, const std::string& reason, std::string kind = {}, std::string example = {}) {
    ++summary_.skipped;
    warn(where, reason, Remedy::none, std::move(kind), std::move(example));
  }
  bool should_stop() {
    if (!summary_.stopped && options_.should_stop && options_.should_stop()) summary_.stopped = true;
    return summary_.stopped;
  }
  void progress(const IndexProgress& p) {
    if (options_.on_progress) options_.on_progress(p);
  }

  // The index's synonym list (synonyms.h), in every shard: --synonyms
  // replaces it, a new index gets the starter list, other runs keep it,
  // stored again when it was stored in another format or analysed by
  // another analyzer version (from_stored analyses it then).
  void record_synonyms() {
    const std::string key(meta_synonyms);
    std::optional<std::string> starter;  // parsed once, for the shards of a new index
    for (auto& db : dbs_) {
      std::string list = options_.synonyms ? *options_.synonyms : db.metadata(key);
      if (list.empty()) {
        if (!starter) starter = SynonymList::starter().stored();
        list = *starter;
      }
      try {
        list = SynonymList::from_stored(list).stored();
      } catch (const Error&) {
        // kept as it is: search names the remedy (a new list) when it meets it
      }
      db.write_with_first_batch(key, list);
    }
  }

  // Records this run's input in the index's source registry (source_registry.h).
  void record_source(const Source& source) {
    const std::string key(meta_sources);
    for (auto& db : dbs_) db.write_with_first_batch(key, with_source(db.metadata(key), source));
  }

  const std::string& origin() const { return planner_.origin(); }
  void keep(const std::string& id) { planner_.keep(id); }
  void keep_prefix(std::string prefix) { planner_.keep_prefix(std::move(prefix)); }

  // The id for this run to write, or nullopt after a skip warning.
  std::optional<Claim> claim(const std::string& id, const std::string& where) {
    std::string refusal;
    auto claim = planner_.claim(
        id, where, [&] { return db_for(id).lookup(schema::boolean_term(schema::unique_id, id)); }, refusal);
    if (!claim) skip_refused(id, where, refusal);
    return claim;
  }

  bool unchanged(const Claim& claim, const std::string& content_hash) {
    if (ChangePlanner::change(claim, content_hash) != ArticleChange::unchanged) return false;
    ++summary_.unchanged;
    return true;
  }
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
    std::string refusal;
    if (planner_.claim(id, where, [] { return std::optional<StoredArticle>(); }, refusal)) return true;
    skip_refused(id, where, refusal);
    return false;
  }
  void replay_unclaim(const std::string& id) { planner_.release(id); }
  void replay_stored(const std::string& id, const std::string& where, std::string fingerprint) {
    counted_change(ArticleChange::add, id);
    planner_.note_written(id, where, std::move(fingerprint));
  }

  // Analyses and writes (adds or replaces) a claimed article. The article
  // is let go once analysed: the document holds all of it, and Xapian's
  // copy of its terms comes on top (a 50 MB file's text would be held thrice).
  void store(const Claim& claim, Article article, const std::string& content_hash, const std::string& where) {
    std::string fingerprint;
    const std::string id = article.id;
    if (options_.dry_run) {
      fingerprint = schema::body_fingerprint(article);
    } else {
      auto doc = analysed(*this, analyzer_, planner_.origin(), article, content_hash, where);
      if (!doc) return planner_.release(id);
      article = Article();
      fingerprint = doc->get_value(schema::slot_fingerprint);
      db_for(id).replace(schema::boolean_term(schema::unique_id, id), *doc);
    }
    counted_change(claim.stored ? ArticleChange::update : ArticleChange::add, id);
    planner_.note_written(id, where, std::move(fingerprint));
  }

  // Rewrites only the stored article (not its terms) of a claimed, stored
  // id, after `edit`: for a JSONL record that moved to another line.
  template <typename Edit>
  void restore_data(const Claim& claim, const std::string& content_hash, Edit edit) {
    if (!options_.dry_run) {
      IndexDb& db = db_for(claim.id);
      const Xapian::docid docid = claim.stored->docid;
      Xapian::Document doc = db.document(docid);
      Article article = deserialize(doc.get_data());
      edit(article);
      doc.set_data(serialize(article));
      doc.add_value(schema::slot_content_hash, content_hash);
      db.replace(docid, doc);
    }
    counted_change(ArticleChange::update, claim.id);
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
  void open_databases(bool allow_bulk) {
    const unsigned shards = shard_count(options_);
    const auto warn_about = [this](fs::path dir) {
      return [this, dir = std::move(dir)](const std::string& reason) { warn(dir.string(), reason); };
    };
    if (shards == 1) {
      dbs_.emplace_back(options_.index_dir, options_, warn_about(options_.index_dir), allow_bulk);
      return;
    }
    if (!options_.dry_run) fs::create_directories(options_.index_dir);
    dbs_.reserve(shards);
    for (unsigned i = 0; i < shards; ++i) {
      fs::path dir = shard_stub::shard_dir(options_.index_dir, i);
      dbs_.emplace_back(dir, options_, warn_about(dir));
    }
    if (!options_.dry_run) shard_stub::write(options_.index_dir, shards);
  }

  // --shards N: a stable hash of the id picks the shard, so a rerun finds
  // each article where it was.
  IndexDb& db_for(const std::string& id) {
    if (dbs_.size() == 1) return dbs_.front();
    return dbs_[schema::fnv1a64(id) % dbs_.size()];
  }

  // A claim refused: its id repeats one met earlier in the run (still met), or belongs to another input.
  void skip_refused(const std::string& id, const std::string& where, const std::string& refusal) {
    skip(where, refusal, planner_.met(id) ? "records repeat the id of an earlier one" : "ids belong to another input",
         "('" + id + "')");
  }

  void counted_change(ArticleChange change, const std::string& id) {
    if (options_.on_change) options_.on_change(change, id);
    change == ArticleChange::add ? ++summary_.added : ++summary_.updated;
  }

  // Deletes this input's articles that the run neither met nor keeps.
  void remove_unseen() {
    for (auto& db : dbs_) {
      auto of_origin = db.with_values(schema::slot_origin, {planner_.origin_value()});
      for (Xapian::docid docid : of_origin[planner_.origin_value()]) {
        const std::string id = db.id_of(docid);
        if (planner_.kept(id)) continue;
        if (options_.on_change) options_.on_change(ArticleChange::remove, id);
        ++summary_.removed;
        if (!options_.dry_run) db.remove(docid);
      }
    }
  }

  void report_duplicates() {
    for (const Duplicate& d : planner_.duplicates(untouched_copies())) {
      ++summary_.duplicates;
      ++summary_.warnings;
      const IndexWarning duplicate{d.where, "same text as '" + d.other_id + "'; results show it once", Remedy::none,
                                   "articles have the same text as another", "(as '" + d.other_id + "')"};
      if (options_.on_duplicate) options_.on_duplicate(duplicate);
      else if (options_.on_warning) options_.on_warning(duplicate);
    }
  }

  // For each text this run wrote, the smallest id of an indexed article with
  // that text which the run neither wrote nor removes: one value scan per
  // database. A bulk build's database holds nothing but what it wrote.
  std::unordered_map<std::string, std::string> untouched_copies() {
    std::unordered_map<std::string, std::string> out;
    if (bulk()) return out;
    const auto written = planner_.written_fingerprints();
    std::unordered_set<std::string> fingerprints;
    for (const auto& [fingerprint, count] : written) fingerprints.insert(fingerprint);
    std::unordered_map<std::string, std::vector<std::pair<IndexDb*, Xapian::docid>>> held;
    for (auto& db : dbs_)
      for (auto& [fingerprint, docids] : db.with_values(schema::slot_fingerprint, fingerprints))
        for (Xapian::docid docid : docids) held[fingerprint].emplace_back(&db, docid);
    for (const auto& [fingerprint, copies] : held) {
      // The usual case, cheaply: the only articles with the text are the ones written.
      if (!options_.dry_run && copies.size() <= written.at(fingerprint)) continue;
      for (const auto& [db, docid] : copies) {
        std::string id = db->id_of(docid);
        if (planner_.was_written(id)) continue;
        if (db->origin_of(docid) == planner_.origin_value() && !planner_.kept(id)) continue;  // removed by this run
        auto [it, fresh] = out.try_emplace(fingerprint, id);
        if (!fresh && id < it->second) it->second = std::move(id);
      }
    }
    return out;
  }

  const IndexOptions& options_;
  ChangePlanner planner_;
  Clock::time_point started_;
  std::vector<IndexDb> dbs_;
  Analyzer analyzer_;
  IndexSummary summary_;
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

// What a part writer met, in input order.
struct PartEvent {
  enum Kind : std::uint8_t { warning, skip, keep, claim, unclaim, stored } kind;
  bool after_claim = false;  // belongs to the input of the last claim (dropped with it)
  std::string text;          // warning/skip: reason; keep/claim/unclaim: id; stored: fingerprint
  std::string where;         // warning/skip/claim: where it was met
  Xapian::docid docid = 0;   // stored: document in the part database
  Remedy remedy = Remedy::none;  // warning: what the user can do
  std::string group, example;    // warning/skip: IndexWarning's kind and example
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

  void warn(const std::string& where, const std::string& reason, Remedy remedy = Remedy::none, std::string kind = {},
            std::string example = {}) {
    record(PartEvent::warning, reason, where);
    events.back().remedy = remedy;
    events.back().group = std::move(kind);
    events.back().example = std::move(example);
  }
  void skip(const std::string& where, const std::string& reason, std::string kind = {}, std::string example = {}) {
    record(PartEvent::skip, reason, where);
    events.back().group = std::move(kind);
    events.back().example = std::move(example);
  }
  void keep(const std::string& id) { record(PartEvent::keep, id, {}); }
  // The index is empty: every id is new; repeats are found by the replay.
  std::optional<Claim> claim(const std::string& id, const std::string& where) {
    record(PartEvent::claim, id, where);
    in_claim_ = true;
    return Claim{id, std::nullopt};
  }
  bool unchanged(const Claim&, const std::string&) const { return false; }
  void next_input() { in_claim_ = false; }
  static constexpr bool updates_in_place = false;
  bool should_stop() const { return stop_.load(std::memory_order_relaxed); }
  void progress(const IndexProgress& p) {
    inputs_done.store(p.inputs_done, std::memory_order_relaxed);
    bytes_done.store(p.bytes_done, std::memory_order_relaxed);
  }

  void store(const Claim&, Article article, const std::string& content_hash, const std::string& where) {
    auto doc = analysed(*this, *analyzer_, origin_, article, content_hash, where);
    if (!doc) return record(PartEvent::unclaim, article.id, {});
    article = Article();  // as Session::store
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
    events.push_back({kind, in_claim_, std::move(text), std::move(where), 0, Remedy::none, {}, {}});
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
          schema::stamp_versions(part);
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
        case PartEvent::warning:
          session.warn(event.where, event.text, event.remedy, std::move(event.group), std::move(event.example));
          break;
        case PartEvent::skip: session.skip(event.where, event.text, std::move(event.group), std::move(event.example)); break;
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
  if (!decoded.warning.empty()) sink.warn(where, decoded.warning, decoded.remedy);
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

// "64 MiB", "2.9 MiB", "512 KiB", "100 bytes": a size as the warnings state it.
std::string size_text(std::uint64_t bytes) {
  const auto in = [bytes](std::uint64_t unit, const char* name) {
    if (bytes % unit == 0) return std::to_string(bytes / unit) + " " + name;
    char out[48];
    std::snprintf(out, sizeof out, "%.1f %s", static_cast<double>(bytes) / static_cast<double>(unit), name);
    return std::string(out);
  };
  if (bytes >= 1024 * 1024) return in(1024 * 1024, "MiB");
  if (bytes >= 1024) return in(1024, "KiB");
  return std::to_string(bytes) + " bytes";
}

// An article longer than IndexOptions::max_article_bytes, told as it is (re)indexed.
template <typename Sink>
void warn_cut(Sink& sink, const std::string& where, std::uint64_t size, std::uint64_t limit) {
  const std::string over = "longer than the " + size_text(limit) + " limit";
  sink.warn(where, "article of " + size_text(size) + " is " + over + "; only its first " + size_text(limit) + " is searchable",
            Remedy::raise_article_limit, "articles are " + over, "(" + size_text(size) + ")");
}

template <typename Sink>
void index_input(Sink& sink, const detail::InputFile& input, const IndexOptions& options) {
  const std::string& encoding = options.encoding;
  sink.next_input();
  detail::ReadResult read = detail::read_input(input, options.max_article_bytes);
  if (!read.bytes) {
    sink.skip(input.citation_path, read.reason);
    if (read.transient) sink.keep(input.id);
  } else if (auto claim = sink.claim(input.id, input.citation_path)) {
    // A forced encoding changes the text read from the same (non-UTF-8) bytes.
    // The hash is of the bytes kept: what lies beyond the limit changes nothing indexed.
    const bool decoded = !encoding.empty() && !is_valid_utf8(*read.bytes);
    const std::string name = decoded ? input.citation_path + "|" + encoding : input.citation_path;
    const std::string hash = schema::content_hash(*read.bytes, name);
    if (!sink.unchanged(*claim, hash)) {
      if (read.cut) warn_cut(sink, input.citation_path, read.file_size, options.max_article_bytes);
      Article article;
      {  // the text is let go before the analysis: a 50 MB file would be held twice
        std::string text = repaired_text(sink, input.citation_path, std::move(*read.bytes), encoding);
        try {
          article = parse_article(text, input.id, input.citation_path, [&] { return sink.should_stop(); });
        } catch (const Error& e) {
          if (e.kind() == ErrorKind::interrupted) return;  // left as it was; the next run reads it again
          throw;
        }
      }
      if (sink.should_stop()) return;
      sink.store(*claim, std::move(article), hash, input.citation_path);
    }
  }
}

// Inputs [begin, end) of the listing, with progress counted from `progress`.
template <typename Sink>
void index_inputs(Sink& sink, const std::vector<detail::InputFile>& inputs, std::size_t begin, std::size_t end,
                  IndexProgress progress, const IndexOptions& options) {
  for (std::size_t i = begin; i < end; ++i) {
    if (sink.should_stop()) break;
    index_input(sink, inputs[i], options);
    ++progress.inputs_done;
    progress.bytes_done += inputs[i].size;
    sink.progress(progress);
  }
}

// The run writes (or, --dry-run, reads) the index's live generation
// (index_generations.h); a new index is created in that layout.
IndexOptions at_database_folder(const IndexOptions& options) {
  if (options.index_dir_is_database) return options;
  // The folder the user named is checked first, so a missing right names it.
  if (!options.dry_run) check_index_access(options.index_dir, options.rebuild ? IndexAccess::rebuild : IndexAccess::write);
  IndexOptions at = options;
  at.index_dir = options.dry_run ? detail::database_folder(options.index_dir)
                                 : detail::writable_folder(options.index_dir, options.shards > 1);
  return at;
}

IndexSummary run_corpus(const fs::path& corpus_dir, const IndexOptions& given) {
  std::vector<detail::Refusal> refused;
  auto listing = detail::list_corpus(
      corpus_dir, [&](const detail::Refusal& r) { refused.push_back(r); }, given.only_paths);
  // Only now: a new index inside the corpus folder is not part of its listing.
  const IndexOptions options = at_database_folder(given);
  const Source source = corpus_source(corpus_dir, options.encoding);
  Session session(options, source.origin, options.only_paths.empty());
  session.record_source(source);
  for (const auto& r : refused) session.skip(r.path, r.reason);
  for (auto& prefix : listing.unlisted_folders) session.keep_prefix(std::move(prefix));

  const auto& inputs = listing.inputs;
  IndexProgress progress{0, inputs.size(), 0, 0};
  for (const auto& input : inputs) progress.bytes_total += input.size;
  if (!session.bulk()) {
    index_inputs(session, inputs, 0, inputs.size(), progress, options);
    return session.finish();
  }
  std::vector<std::uint64_t> sizes;
  for (const auto& input : inputs) sizes.push_back(input.size);
  const unsigned writers = writer_count(options);
  const std::vector<std::size_t> bounds = split_by_bytes(sizes, writers);
  build_in_parts(session, bounds.size() - 1, writers, progress, [&](std::size_t part, PartWriter& writer) {
    index_inputs(writer, inputs, bounds[part], bounds[part + 1], IndexProgress{}, options);
  });
  return session.finish();
}

template <typename Sink>
void index_record(Sink& sink, const std::string& line, const std::string& path, std::uint32_t line_number,
                  std::uint64_t offset, const std::string& where, std::uint64_t max_article_bytes) {
  JsonlRecord record = parse_jsonl_record(line, path, line_number, max_article_bytes);
  if (!record.article) return sink.skip(where, record.refusal);
  Article& article = *record.article;
  auto claim = sink.claim(article.id, where);
  if (!claim) return;
  // A cut text is another input than the whole one: another limit re-analyses it.
  const std::string name = record.cut ? path + "|first " + std::to_string(max_article_bytes) : path;
  const std::string hash = jsonl_content_hash(line, name, line_number, offset);
  if (sink.unchanged(*claim, hash)) return;
  if constexpr (Sink::updates_in_place) {
    if (claim->stored && same_record_content(claim->stored->content_hash, hash)) {
      return sink.restore_data(*claim, hash, [&](Article& stored) {
        stored.title_line = line_number;
        for (auto& l : stored.body) l.number = line_number;
      });
    }
  }
  // What was left out of the record is told when it is (re)indexed, as for
  // the repairs of a corpus file: not again on every rerun.
  if (record.cut) warn_cut(sink, where, record.text_bytes, max_article_bytes);
  for (const auto& warning : record.warnings) sink.warn(where, warning.reason, Remedy::none, warning.kind, warning.example);
  sink.store(*claim, std::move(article), hash, where);
}

// Indexes the lines of `in` up to `length` bytes (all of it when 0), the
// first being line `line_number` + 1 at byte `begin` of the file; `progress`
// counts from where it is.
template <typename Sink>
void index_lines(Sink& sink, std::istream& in, std::uint64_t begin, std::uint64_t length, const std::string& path,
                 std::uint32_t line_number, IndexProgress progress, const IndexOptions& options) {
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
      sink.skip(where,
                "record of " + std::to_string(read.bytes / (1024 * 1024)) + " MiB is at or over the " +
                    std::to_string(max_input_bytes / (1024 * 1024)) + " MiB limit; skipped",
                "records are at or over the " + std::to_string(max_input_bytes / (1024 * 1024)) + " MiB limit",
                "(" + std::to_string(read.bytes / (1024 * 1024)) + " MiB)");
      continue;
    }
    if (detail::is_blank(line)) continue;
    index_record(sink, repaired_text(sink, where, std::move(line), options.encoding), path, line_number, offset, where,
                 options.max_article_bytes);
    ++progress.inputs_done;
    sink.progress(progress);
  }
  if (in.bad()) throw Error(ErrorKind::io, "reading '" + path + "' failed; nothing removed");
}

// Copies standard input into `dir`/stdin.jsonl, for a bulk build to split.
fs::path spool_stdin(const fs::path& dir) {
  fs::create_directories(dir);
  const fs::path spool = dir / spooled_stdin_name;
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
    index_lines(session, in, 0, 0, path, 0, progress, options);
    return session.finish();
  }
  // The file is cut into one part per writer; a stream is first copied to a
  // file beside the parts (for several writers; costs about a second per GB).
  const unsigned writers = writer_count(options);
  const fs::path input = from_stdin && writers > 1 ? spool_stdin(session.bulk_db().parts_dir()) : jsonl;
  const std::vector<LineRange> ranges =
      from_stdin && writers == 1 ? std::vector<LineRange>{{}} : split_lines(input, writers);
  build_in_parts(session, ranges.size(), writers, progress, [&](std::size_t part, PartWriter& writer) {
    if (input == "-") return index_lines(writer, in, 0, 0, path, 0, IndexProgress{}, options);
    std::ifstream range_in(input, std::ios::binary);
    range_in.seekg(static_cast<std::streamoff>(ranges[part].begin));
    if (!range_in) throw Error(ErrorKind::io, "cannot read JSONL file '" + input.string() + "'");
    index_lines(writer, range_in, ranges[part].begin, ranges[part].end - ranges[part].begin, path,
                ranges[part].first_line - 1,
                IndexProgress{}, options);
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
  return guarded(options, [&] { return run_jsonl(jsonl, at_database_folder(options)); });
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
