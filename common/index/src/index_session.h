// The writer of one incremental indexer run over one input (a corpus folder
// or a JSONL file), private to index_writer.cc and bulk_build.cc.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "article_analysis.h"
#include "change_planner.h"
#include "index_db.h"
#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/index_options.h"
#include "kosearch/schema.h"
#include "kosearch/source_registry.h"
#include "kosearch/shard_stub.h"
#include "kosearch/synonyms.h"

namespace kosearch {

// How many databases this run writes: as asked, or as the index already is.
inline unsigned shard_count(const IndexOptions& options) {
  const std::filesystem::path& dir = options.index_dir;
  const unsigned existing = shard_stub::written_shard_count(dir);
  if (options.shards == 0) return existing ? existing : 1;
  if ((existing && existing != options.shards) || (is_index_dir(dir) && options.shards > 1))
    throw Error(ErrorKind::usage, "index '" + dir.string() + "' has " + std::to_string(existing ? existing : 1) +
                                      " shard(s), not " + std::to_string(options.shards) +
                                      ": index into a new directory to change the shard count");
  return options.shards;
}

// One indexer run over one input (a corpus dir or a JSONL file): asks the
// ChangePlanner what to do with each article, writes through IndexDb (one
// per shard), removes what is gone and reports duplicates.
class Session {
 public:
  using Clock = std::chrono::steady_clock;

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
    const auto warn_about = [this](std::filesystem::path dir) {
      return [this, dir = std::move(dir)](const std::string& reason) { warn(dir.string(), reason); };
    };
    if (shards == 1) {
      dbs_.emplace_back(options_.index_dir, options_, warn_about(options_.index_dir), allow_bulk);
      return;
    }
    if (!options_.dry_run) std::filesystem::create_directories(options_.index_dir);
    dbs_.reserve(shards);
    for (unsigned i = 0; i < shards; ++i) {
      std::filesystem::path dir = shard_stub::shard_dir(options_.index_dir, i);
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

}  // namespace kosearch
