// One database written by one indexer run: its lock (with --wait), the
// checks before anything is written, lookups, changes grouped in
// transactions, and the --rebuild / bulk-build sidecar that is swapped in
// when the run completes. Private to the library; index_writer.cc drives it.
//
// Each batch is one Xapian transaction of `batch_size` changes, so Xapian's
// own auto-commit (every 10,000 changes) never splits a batch, a failure
// cancels only the open batch, and the database revision counts batches: a
// run that commits k batches moves the revision by exactly k (metadata is
// written inside the first batch). A sharded index has one IndexDb per shard.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "change_planner.h"
#include "kosearch/index_options.h"
#include "kosearch/schema.h"

namespace kosearch {

// A bulk build of JSONL from stdin copies it to this file in the parts folder.
inline constexpr const char* spooled_stdin_name = "stdin.jsonl";

// True when `dir` holds a glass database (its version file).
bool is_index_dir(const std::filesystem::path& dir);
// True for the names of the files Xapian's glass backend writes.
bool is_glass_file(const std::string& name);
// Where a bulk build of `dir` writes its parts: INDEX.parts.
inline std::filesystem::path parts_dir_of(const std::filesystem::path& dir) { return dir.string() + ".parts"; }

// A rebuild's hold on a live database it is to replace: `open` opens it (for
// its lock). One that cannot be opened (damaged, not an index) is no reason
// to stop: the rebuild replaces it, `warn` is told "existing index cannot be
// opened (…); it is replaced", and there is nothing to hold (nullopt).
// Another indexer's lock is rethrown: that is a reason to stop (or wait).
std::optional<Xapian::WritableDatabase> open_to_replace(const std::function<Xapian::WritableDatabase()>& open,
                                                        const std::function<void(const std::string&)>& warn);

class IndexDb {
 public:
  using Warn = std::function<void(const std::string&)>;

  // Opens `dir` for this run (or only reads it, for --dry-run). `allow_bulk`:
  // this run can build an empty index (or a --rebuild) in parts; bulk() then
  // says whether it does. Throws Error: index_locked, permission, damage, a
  // folder that holds something else.
  IndexDb(std::filesystem::path dir, const IndexOptions& options, const Warn& warn, bool allow_bulk = false);

  const std::filesystem::path& dir() const { return dir_; }
  // The index this run is judged against was built by other rules.
  bool other_versions() const { return other_versions_; }

  // The article stored under `id_term`, if any.
  std::optional<StoredArticle> lookup(const std::string& id_term);
  Xapian::Document document(Xapian::docid docid) { return db_->get_document(docid); }
  // The documents whose value in `slot` is one of `values`, by value: one
  // scan of the slot's value stream.
  std::unordered_map<std::string, std::vector<Xapian::docid>> with_values(
      Xapian::valueno slot, const std::unordered_set<std::string>& values);
  std::string id_of(Xapian::docid docid);
  std::string origin_of(Xapian::docid docid) { return db_->get_document(docid).get_value(schema::slot_origin); }
  // The name of the input stored as origin value `value`.
  std::string origin_name(const std::string& value);

  // This run's input: its name is written with the first batch.
  void set_origin(const std::string& name) { origin_name_ = name; }

  void replace(const std::string& id_term, const Xapian::Document& doc);
  void replace(Xapian::docid docid, const Xapian::Document& doc);
  void remove(Xapian::docid docid);

  // Commits what is pending and, after a complete --rebuild or bulk build,
  // puts the new index in place. An incomplete one (stopped by a signal) is
  // dropped: the live index stays as it was.
  void finish(bool complete);

  // --rebuild or a bulk build: nothing of it is kept when the run stops early.
  bool rebuilding() const { return sidecar_.has_value(); }

  // Metadata as the index had it before this run (the live index during --rebuild).
  std::string metadata(const std::string& key);
  // Written with the run's first batch, or alone at the end when nothing else
  // changes (the source registry).
  void write_with_first_batch(const std::string& key, const std::string& value);

  // Bulk build: the parts are written into part_dir(i) and merged in order
  // into the sidecar by finish(), which swaps it in.
  bool bulk() const { return bulk_; }
  std::filesystem::path parts_dir() const { return parts_dir_of(dir_); }
  std::filesystem::path part_dir(std::size_t i) const { return parts_dir() / ("part" + std::to_string(i)); }
  void set_part_count(std::size_t parts) { part_count_ = parts; }

 private:
  void check_dir() const;
  void open_for_bulk(const Warn& warn);
  void open(const Warn& warn);
  Xapian::WritableDatabase create_or_open(const Warn& warn);
  Xapian::WritableDatabase open_locked(const std::function<Xapian::WritableDatabase()>& open);
  void write_pending_metadata(const std::filesystem::path& merged);
  void merge_parts();
  void note_versions();
  bool metadata_current();
  void begin_batch();
  void begin_change();
  void end_change();
  void commit();

  std::filesystem::path dir_;
  const IndexOptions& options_;
  std::optional<Xapian::WritableDatabase> writable_;
  std::optional<Xapian::WritableDatabase> live_;  // held only for its lock during --rebuild
  std::optional<Xapian::Database> db_;            // what "unchanged" is judged against
  std::optional<std::filesystem::path> sidecar_;  // --rebuild: the new index, built beside the live one
  std::map<std::string, std::string> pending_metadata_;
  std::string origin_name_;
  schema::OriginNames origin_names_;
  bool other_versions_ = false;
  bool bulk_ = false;
  std::size_t part_count_ = 0;
  bool in_batch_ = false;
  std::size_t pending_ = 0;
};

}  // namespace kosearch
