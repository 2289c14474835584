#include "index_db.h"

#include "index_generations.h"
#include "index_swap.h"
#include "lock_wait.h"
#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/index_health.h"

namespace fs = std::filesystem;

namespace kosearch {

bool is_index_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "iamglass", ec);
}

bool is_glass_file(const std::string& name) {
  return name == "flintlock" || name == "iamglass" || name == "v.tmp" ||
         (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0);
}

namespace {

std::string lock_message(const fs::path& dir) {
  return "index '" + detail::shown_index(dir).string() + "' is locked by another indexer (lock file " + (dir / "flintlock").string() + ")";
}

// True when `dir` holds nothing but files Xapian's glass backend writes (an
// index, or what a crash while creating one leaves behind).
bool holds_only_index_files(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (!is_glass_file(it->path().filename().string())) return false;
  return !ec;
}

// True when `parts` holds only what a bulk build writes there.
bool holds_only_parts(const fs::path& parts) {
  std::error_code ec;
  for (fs::directory_iterator it(parts, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name == spooled_stdin_name && it->is_regular_file()) continue;
    if (name.rfind("part", 0) != 0 || !holds_only_index_files(it->path())) return false;
  }
  return !ec;
}

// Removes what an earlier run left at `path`, if `is_ours` recognises it.
void remove_leftover(const fs::path& path, bool (*is_ours)(const fs::path&)) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return;
  if (!fs::is_directory(path, ec) || !is_ours(path))
    throw Error(ErrorKind::io, "'" + path.string() + "' holds files that are not a kosearch index; "
                               "move them away to build the index");
  fs::remove_all(path);
}

}  // namespace

std::optional<Xapian::WritableDatabase> open_to_replace(const std::function<Xapian::WritableDatabase()>& open,
                                                        const std::function<void(const std::string&)>& warn) {
  try {
    return open();
  } catch (const Xapian::DatabaseLockError&) {
    throw;
  } catch (const Xapian::Error& e) {
    warn("existing index cannot be opened (" + e.get_msg() + "); it is replaced");
    return std::nullopt;
  }
}

IndexDb::IndexDb(fs::path dir, const IndexOptions& options, const Warn& warn, bool allow_bulk)
    : dir_(std::move(dir)), options_(options) {
  try {
    if (allow_bulk && !options_.dry_run)
      open_for_bulk(warn);
    else
      open(warn);
  } catch (const Xapian::DatabaseLockError& e) {
    if (!is_lock_held(e)) throw index_error(e, detail::shown_index(dir_));  // e.g. a lock file it may not create
    throw Error(ErrorKind::index_locked, lock_message(dir_));
  } catch (const Xapian::DatabaseError& e) {
    throw index_error(e, detail::shown_index(dir_));  // damaged (with the repair command), permission or I/O
  }
}

std::optional<StoredArticle> IndexDb::lookup(const std::string& id_term) {
  if (!db_) return std::nullopt;
  auto p = db_->postlist_begin(id_term);
  if (p == db_->postlist_end(id_term)) return std::nullopt;
  const Xapian::Document doc = db_->get_document(*p);
  std::string origin = doc.get_value(schema::slot_origin);
  std::string name = origin_name(origin);
  return StoredArticle{doc.get_value(schema::slot_content_hash), std::move(origin), std::move(name), *p};
}

std::unordered_map<std::string, std::vector<Xapian::docid>> IndexDb::with_values(
    Xapian::valueno slot, const std::unordered_set<std::string>& values) {
  std::unordered_map<std::string, std::vector<Xapian::docid>> out;
  if (!db_ || values.empty()) return out;
  for (auto v = db_->valuestream_begin(slot); v != db_->valuestream_end(slot); ++v)
    if (auto found = values.find(*v); found != values.end()) out[*found].push_back(v.get_docid());
  return out;
}

std::string IndexDb::id_of(Xapian::docid docid) {
  const std::string prefix(schema::unique_id);
  auto t = db_->termlist_begin(docid);
  t.skip_to(prefix);
  if (t == db_->termlist_end(docid) || (*t).compare(0, prefix.size(), prefix) != 0) return {};
  std::string term = *t;
  if (term.size() > prefix.size() && term[prefix.size()] == '#')  // hashed id: read the stored article
    return deserialize(db_->get_document(docid).get_data()).id;
  return term.substr(prefix.size());
}

std::string IndexDb::origin_name(const std::string& value) {
  const std::string name = db_ ? origin_names_.of(*db_, value) : std::string();
  return name.empty() ? "another input" : name;
}

void IndexDb::replace(const std::string& id_term, const Xapian::Document& doc) {
  begin_change();
  writable_->replace_document(id_term, doc);
  end_change();
}

void IndexDb::replace(Xapian::docid docid, const Xapian::Document& doc) {
  begin_change();
  writable_->replace_document(docid, doc);
  end_change();
}

void IndexDb::remove(Xapian::docid docid) {
  begin_change();
  writable_->delete_document(docid);
  end_change();
}

void IndexDb::finish(bool complete) {
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
  // Published while the live index's lock is still held, so a writer that
  // waited for it finds the new index (open_locked).
  detail::publish(dir_, *sidecar_,
                  options_.index_dir_is_database ? detail::OldLayout::exchange : detail::OldLayout::convert);
  if (live_) live_->close();
}

std::string IndexDb::metadata(const std::string& key) {
  if (!live_) return db_ ? db_->get_metadata(key) : std::string();
  try {
    return live_->get_metadata(key);
  } catch (const Xapian::Error&) {
    return {};  // a damaged index being rebuilt: its metadata is lost with it
  }
}

void IndexDb::write_with_first_batch(const std::string& key, const std::string& value) {
  if (sidecar_ || metadata(key) != value) pending_metadata_[key] = value;
}

// Refuses a path that is not a directory or holds anything but an index; a
// missing right is told as such, never as a lock to wait for.
void IndexDb::check_dir() const {
  std::error_code ec;
  if (fs::exists(dir_, ec) && !fs::is_directory(dir_, ec))
    throw Error(ErrorKind::io, "index path '" + dir_.string() + "' exists and is not a directory");
  check_index_access(dir_, options_.dry_run                          ? IndexAccess::read
                           : options_.rebuild && is_index_dir(dir_) ? IndexAccess::rebuild
                                                                    : IndexAccess::write);
  if (fs::exists(dir_, ec) && !holds_only_index_files(dir_))
    throw Error(ErrorKind::io, "'" + dir_.string() + "' holds files that are not a kosearch index; refusing to write into it");
}

// Takes the live index's lock (creating an empty index where there is none).
// The run builds in bulk on --rebuild or into an index without documents;
// otherwise it writes the held database incrementally. Either way, what an
// interrupted bulk build left (parts, a sidecar) is removed here, under the
// lock: only a run holding it builds them, so what is there was left by a
// killed run.
void IndexDb::open_for_bulk(const Warn& warn) {
  check_dir();
  const auto open_live = [&] { return open_locked([&] { return create_or_open(warn); }); };
  std::optional<Xapian::WritableDatabase> live = options_.rebuild ? open_to_replace(open_live, warn) : open_live();
  remove_leftover(detail::rebuild_dir(dir_), holds_only_index_files);
  remove_leftover(parts_dir(), holds_only_parts);
  if (live && live->get_doccount() > 0 && !options_.rebuild) {
    writable_ = std::move(live);
    db_ = *writable_;
    note_versions();
    return;
  }
  live_ = std::move(live);
  bulk_ = true;
  sidecar_ = detail::rebuild_dir(dir_);
}

void IndexDb::open(const Warn& warn) {
  check_dir();
  if (options_.dry_run) {
    if (is_index_dir(dir_) && !options_.rebuild) db_ = Xapian::Database(dir_.string());
    note_versions();
    return;
  }
  if (options_.rebuild && is_index_dir(dir_)) {
    // Build beside the live index while holding its lock, so searches keep
    // working and a crash mid-rebuild leaves the old index intact.
    live_ = open_to_replace(
        [&] { return open_locked([&] { return Xapian::WritableDatabase(dir_.string(), Xapian::DB_OPEN); }); }, warn);
    sidecar_ = detail::rebuild_dir(dir_);
    std::error_code ec;
    if (fs::exists(*sidecar_, ec) && !holds_only_index_files(*sidecar_))
      throw Error(ErrorKind::io, "'" + sidecar_->string() + "' holds files that are not a kosearch index; "
                                 "move them away to rebuild");
    writable_ = open_locked(
        [&] { return Xapian::WritableDatabase(sidecar_->string(), Xapian::DB_CREATE_OR_OVERWRITE); });
  } else {
    writable_ = open_locked([&] { return create_or_open(warn); });
  }
  db_ = *writable_;
  note_versions();
}

// The live index, created where there is none. A run killed while creating
// an index leaves Xapian's table files without the version file (iamglass),
// which Xapian then refuses to open: nothing was ever committed there, so it
// is created anew (taking the lock first, so a run still creating it is
// reported as holding the lock).
Xapian::WritableDatabase IndexDb::create_or_open(const Warn& warn) {
  try {
    return Xapian::WritableDatabase(dir_.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseNotFoundError&) {
    if (is_index_dir(dir_) || !holds_only_index_files(dir_)) throw;
    warn("an index creation was interrupted before its first commit; it is started again");
    return Xapian::WritableDatabase(dir_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  }
}

// Opens with `open`; with --wait, waits for the lock (lock_wait.h). A
// rebuild publishes its new generation before it lets go of the old one's
// lock: a lock got on a generation that is no longer live is let go, and the
// live one's taken instead (`open` opens dir_).
Xapian::WritableDatabase IndexDb::open_locked(const std::function<Xapian::WritableDatabase()>& open) {
  LockWait wait(options_);
  for (int moved = 0;;) {
    try {
      Xapian::WritableDatabase db = open();
      const fs::path live = detail::current_folder(dir_);
      if (live == dir_ || ++moved > 100) return db;
      db.close();
      dir_ = live;
      continue;
    } catch (const Xapian::DatabaseLockError& e) {
      if (!wait.worth_waiting(e)) throw;
    }
    wait.pause(detail::shown_index(dir_), dir_);
  }
}

// After a bulk merge: what would have gone with the first batch (the source
// registry) goes into the merged database before it is swapped in.
void IndexDb::write_pending_metadata(const fs::path& merged) {
  if (pending_metadata_.empty()) return;
  Xapian::WritableDatabase db(merged.string(), Xapian::DB_OPEN);
  for (const auto& [key, value] : pending_metadata_) db.set_metadata(key, value);
  db.commit();
  db.close();
  pending_metadata_.clear();
}

// Merges the committed part databases, in order, into the sidecar: one full
// compaction, which keeps their order and syncs what it writes.
void IndexDb::merge_parts() {
  Xapian::Database parts;
  for (std::size_t i = 0; i < part_count_; ++i) parts.add_database(Xapian::Database(part_dir(i).string()));
  if (part_count_ == 0) {  // nothing was indexed: an empty index with our metadata
    Xapian::WritableDatabase empty(sidecar_->string(), Xapian::DB_CREATE_OR_OVERWRITE);
    schema::stamp_versions(empty);
    empty.commit();
  } else {
    parts.compact(sidecar_->string(), Xapian::Compactor::FULL);
  }
  std::error_code ec;
  fs::remove_all(parts_dir(), ec);
}

void IndexDb::note_versions() {
  if (!db_ || db_->get_doccount() == 0) return;
  other_versions_ = !metadata_current();
}

bool IndexDb::metadata_current() {
  if (!db_) return false;
  return schema::versions_current(*db_);
}

void IndexDb::begin_batch() {
  writable_->begin_transaction();
  in_batch_ = true;
  if (!metadata_current()) schema::stamp_versions(*writable_);
  const std::string key = schema::origin_key(schema::origin_value(origin_name_));
  if (!origin_name_.empty() && writable_->get_metadata(key) != origin_name_) writable_->set_metadata(key, origin_name_);
  for (const auto& [meta_key, value] : pending_metadata_) writable_->set_metadata(meta_key, value);
  pending_metadata_.clear();
}

void IndexDb::begin_change() {
  if (!in_batch_) begin_batch();
}

void IndexDb::end_change() {
  if (++pending_ >= options_.batch_size) commit();
}

void IndexDb::commit() {
  if (!in_batch_) return;
  writable_->commit_transaction();
  in_batch_ = false;
  pending_ = 0;
}

}  // namespace kosearch
