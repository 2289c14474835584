#include "index_reader.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

#include <sys/stat.h>

#include "kosearch/analyzer.h"

namespace kosearch {
namespace {

void check_versions(const Xapian::Database& db, const std::string& path) {
  const std::string schema_version = db.get_metadata(std::string(schema::meta_schema));
  const std::string analyzer_version = db.get_metadata(std::string(schema::meta_analyzer));
  if (schema_version.empty() && db.get_doccount() == 0) return;  // created, never filled
  if (schema_version != schema::version || analyzer_version != Analyzer::version)
    throw Error(ErrorKind::index_incompatible,
                "index '" + path + "' was built by " + (schema_version.empty() ? "another program" : schema_version) +
                    " / " + (analyzer_version.empty() ? "unknown analyzer" : analyzer_version) + ", but this search needs " +
                    std::string(schema::version) + " / " + std::string(Analyzer::version));
}

// Opens with `open`, retrying while commits get in the way.
template <typename Open>
Xapian::Database open_latest(const std::string& what, Open open) {
  for (int attempt = 1;; ++attempt) {
    try {
      Xapian::Database db = open();
      check_versions(db, what);
      return db;
    } catch (const Xapian::DatabaseModifiedError& e) {
      // An indexer committed while we opened: open the new revision.
      if (attempt == max_reopen_attempts) throw index_error(e, what);
    } catch (const Xapian::DatabaseCorruptError& e) {
      // Damage, or a block a commit rewrote under us: only the first lasts.
      if (attempt == max_reopen_attempts) throw index_error(e, what);
    }
  }
}

// Runs `open` and turns Xapian's errors into ours, naming `what` was opened.
template <typename Open>
Xapian::Database open_checked(const std::string& what, Open open) {
  try {
    return open_latest(what, open);
  } catch (const Xapian::NetworkError& e) {
    throw Error(ErrorKind::network, "shard " + what + " is unreachable: " + network_problem(e));
  } catch (const Xapian::DatabaseOpeningError& e) {
    if (is_permission_problem(e)) throw index_error(e, what);  // a file of the index it may not read
    throw Error(ErrorKind::index_missing, "'" + what + "' is not an index (" + e.get_msg() +
                                              ")");
  } catch (const Xapian::Error& e) {
    throw index_error(e, what);  // damaged (truncated files), permission or I/O
  }
}

// The stub behind `index_path`: INDEX/XAPIANDB, or the path itself when it
// is a stub file.
StubStamp stub_stamp(const std::string& index_path) {
  struct stat st {};
  const std::string stub = index_path + "/" + shard_stub::file_name;
  if (::stat(stub.c_str(), &st) != 0 && (::stat(index_path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))) return {};
  return {true, st.st_dev, st.st_ino, st.st_size,
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

}  // namespace

void pause_before_retry(int attempt) {
  if (attempt < quick_reopen_attempts) return;
  std::this_thread::sleep_for(std::chrono::milliseconds(1 << std::min(attempt - quick_reopen_attempts, 8)));
}

std::string network_problem(const Xapian::Error& e) {
  const char* cause = e.get_error_string();
  return cause && *cause ? e.get_msg() + " (" + cause + ")" : e.get_msg();
}

IndexReader::IndexReader(std::string path, OpenOptions options) : path_(std::move(path)), open_options_(options) {
  try {
    open_through_stub();
  } catch (const Error& e) {
    // A rebuild published a new generation and removed the one the stub
    // named while we opened it: damage only if a fresh look still says so.
    if (e.kind() != ErrorKind::index_corrupt && e.kind() != ErrorKind::index_missing) throw;
    open_through_stub();
  }
}

// Every shard holds the list; a combined database answers from its first.
void IndexReader::load_synonyms() {
  try {
    synonyms_ = SynonymIndex(SynonymList::from_stored(db_.get_metadata(std::string(meta_synonyms))));
  } catch (const Error& e) {
    throw Error(ErrorKind::index_incompatible,
                "index '" + path_ + "' holds a synonym list that cannot be read (" + e.what() + ")",
                Remedy::replace_synonyms);
  }
}

// Opens the index as its stub names it now (a new generation after a
// rebuild; index_generations.h), reading the stub again.
void IndexReader::open_through_stub() {
  stub_ = stub_stamp(path_);
  shards_.clear();
  if (auto file = shard_stub::find(path_)) {
    std::vector<shard_stub::Entry> entries = shard_stub::read(*file);
    if (entries.size() > 1 || entries.front().remote()) shards_ = std::move(entries);
  }
  origins_ = {};
  open_database();
}

bool IndexReader::stub_replaced() const { return stub_stamp(path_) != stub_; }

bool IndexReader::has_remote_shard() const {
  return std::any_of(shards_.begin(), shards_.end(), [](const shard_stub::Entry& s) { return s.remote(); });
}

// What was committed or published since the last query, so a long-lived
// reader (search --batch, search --serve) sees an incremental run or
// indexer --watch as a new process would: a new generation when the stub
// was replaced, else the latest revision (reopen() reads the version file
// only). Remote shards keep the revision they have: a reopen is a round
// trip to each.
void IndexReader::see_latest() {
  if (stub_replaced()) return open_through_stub();
  if (!has_remote_shard()) move_to_latest_revision();
}

// After a commit discarded the revision read: the new revision, or the new
// generation when the stub was replaced meanwhile.
void IndexReader::reopen_latest() {
  if (stub_replaced()) return open_through_stub();
  move_to_latest_revision();
}

void IndexReader::move_to_latest_revision() {
  if (!db_.reopen()) return;
  origins_ = {};
  load_synonyms();  // a run may have replaced the list
}

void IndexReader::open_database() {
  if (shards_.empty()) {
    db_ = open_checked(path_, [&] { return Xapian::Database(path_); });
    load_synonyms();
    return;
  }
  Xapian::Database all;
  for (const shard_stub::Entry& shard : shards_) {
    all.add_database(open_checked(shard.description, [&] {
      if (!shard.remote()) return Xapian::Database(shard.path.string());
      return Xapian::Remote::open(shard.host, shard.port, open_options_.timeout_ms, open_options_.connect_timeout_ms);
    }));
  }
  db_ = all;
  broken_ = false;
  load_synonyms();
}

// Xapian names a failing remote as "remote:tcp(HOST:PORT)"; find its stub line.
std::string IndexReader::failed_shard(const Xapian::Error& e) const {
  for (const shard_stub::Entry& shard : shards_)
    if (shard.remote() && e.get_context().find(shard.host + ":" + std::to_string(shard.port)) != std::string::npos)
      return shard.description;
  return "of '" + path_ + "'" + (e.get_context().empty() ? "" : " (" + e.get_context() + ")");
}

}  // namespace kosearch
