// The database a Searcher reads, kept as the index is now: opened through
// its stub (INDEX/XAPIANDB names the live generation, index_generations.h; a
// stub file may list local and remote shards, shard_stub.h), moved to the
// latest commit before each read (a long-lived reader sees what an indexer
// run or indexer --watch committed), and each read retried when a commit or a
// rebuild gets in its way. Only damage that a fresh open through the stub
// still meets is reported as such. With the database: what is read from its
// metadata and must follow it, the synonym list and the names of the inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <sys/types.h>

#include <xapian.h>

#include "kosearch/error.h"
#include "kosearch/index_health.h"
#include "kosearch/open_options.h"
#include "kosearch/schema.h"
#include "kosearch/shard_stub.h"
#include "kosearch/synonyms.h"

namespace kosearch {

// An indexer committing underneath us can discard the revision we read;
// reopening picks up the new one. Each try needs the search to finish within
// about two commits, which a search over every match (--count, --files) may
// not while an indexer commits every few milliseconds: 5 quick tries failed
// 1 of 600 such queries of a long-lived batch on a loaded machine. So after
// a few quick tries the searcher waits longer and longer (1 ms doubling to
// 256 ms, about 1.5 s in all) for a pause between commits (a run's end, a
// rebuild, which writes elsewhere).
inline constexpr int max_reopen_attempts = 16;
inline constexpr int quick_reopen_attempts = 3;

// Sleeps before retry `attempt` (not before the quick ones).
void pause_before_retry(int attempt);

// "Couldn't connect (Connection refused)"
std::string network_problem(const Xapian::Error& e);

// What tells a replaced stub (index_generations.h: a rebuild publishes a
// new generation by renaming a new XAPIANDB into place) from the one read:
// one stat per query.
struct StubStamp {
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const StubStamp&) const = default;
};

class IndexReader {
 public:
  // Opens `path` through its stub. Throws Error: index_missing, index_corrupt,
  // index_incompatible (another schema or analyzer, an unreadable synonym
  // list), permission_denied, network (a remote shard), usage (a bad stub).
  IndexReader(std::string path, OpenOptions options);

  Xapian::Database& db() { return db_; }
  const Xapian::Database& db() const { return db_; }
  const std::string& path() const { return path_; }
  bool sharded() const { return !shards_.empty(); }
  const SynonymIndex& synonyms() const { return synonyms_; }
  // The name of the input stored as origin value `value` ("jsonl:/data/x.jsonl"), cached.
  const std::string& origin_name(const std::string& value) { return origins_.of(db_, value); }

  // Runs `read` (a search, an article's look-up) on the index as it is now,
  // retrying what a changing index causes: a revision discarded by a commit,
  // a generation replaced or removed by a rebuild, a block or a stored record
  // read while a commit reused it. Only damage that a fresh open through the
  // stub still meets is reported as such.
  template <class Read>
  auto with_retries(Read read) -> decltype(read()) {
    for (int attempt = 1;; ++attempt) {
      try {
        if (broken_) open_through_stub();
        else if (attempt == 1) see_latest();
        return read();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == max_reopen_attempts)
          throw Error(ErrorKind::io, "index '" + path_ + "' kept changing during the search; try again");
        pause_before_retry(attempt);
        reopen_latest();
      } catch (const Xapian::NetworkError& e) {
        // Xapian: after a NetworkError only a freshly opened database is sound.
        broken_ = true;
        throw Error(ErrorKind::network, "shard " + failed_shard(e) + " failed: " + network_problem(e));
      } catch (const Xapian::Error& e) {
        // A block rewritten by a commit between our reads, or a generation
        // removed under a reader that kept it past two rebuilds, looks like
        // damage: a fresh open through the stub tells the two apart.
        const bool transient = is_damage(e) || std::string(e.get_type()) == "DatabaseOpeningError";
        if (!transient) throw Error(ErrorKind::internal, "search failed: " + e.get_description());
        if (attempt == max_reopen_attempts) throw index_error(e, path_);
        open_through_stub();
      } catch (const Error& e) {
        // A stored record read while a commit was reusing its blocks can
        // fail to decode as damage does.
        if (e.kind() != ErrorKind::index_corrupt || attempt >= quick_reopen_attempts) throw;
        open_through_stub();
      }
    }
  }

 private:
  void load_synonyms();
  void open_through_stub();
  bool stub_replaced() const;
  bool has_remote_shard() const;
  void see_latest();
  void reopen_latest();
  void move_to_latest_revision();
  void open_database();
  std::string failed_shard(const Xapian::Error& e) const;

  std::string path_;
  OpenOptions open_options_;
  std::vector<shard_stub::Entry> shards_;  // empty: `path_` is one database (Xapian follows a one-entry stub)
  StubStamp stub_;                          // as it was when the database was opened
  Xapian::Database db_;
  bool broken_ = false;  // a remote shard failed: reconnect before the next read
  schema::OriginNames origins_;
  SynonymIndex synonyms_;  // the index's list (synonyms.h), read with each (re)open
};

}  // namespace kosearch
