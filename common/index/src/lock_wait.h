// Waiting for another indexer's write lock (indexer --wait, --wait=SECONDS):
// the one policy every writer of the library follows, whether it opens the
// database it writes (index_db.h) or only holds the live index's locks (a
// rebuild of every source, indexer --forget; source_runs.h, source_registry.h).
// The wait polls, rather than blocking in Xapian, so SIGINT/SIGTERM still
// end it; it backs off from 20 ms to 250 ms between tries. Private to the
// library.
#pragma once

#include <chrono>
#include <filesystem>

#include <xapian.h>

#include "kosearch/index_options.h"

namespace kosearch {

class LockWait {
 public:
  // A wait as `options` asks (wait_for_lock, max_wait_seconds, should_stop),
  // its bound counted from now. `options` must outlive it.
  explicit LockWait(const IndexOptions& options);

  // Whether waiting can help with `e`, met opening a database for writing:
  // --wait was given and another process holds the lock (not a lock file
  // that cannot be created, which waiting never fixes).
  bool worth_waiting(const Xapian::DatabaseLockError& e) const;

  // Before the next try: throws Error(index_locked) once the bound has passed
  // ("index INDEX is still locked by another indexer after N s (lock file
  // DB/flintlock)"), Error(interrupted) when should_stop says so; else sleeps.
  // `index`: the index as the user names it; `db`: the database locked.
  void pause(const std::filesystem::path& index, const std::filesystem::path& db);

 private:
  const IndexOptions& options_;
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::milliseconds pause_{20};
};

// Opens the database `db` of the index `index_dir` for writing, waiting for
// another indexer's lock as `wait` says; a lock waiting does not help with
// is Error(index_locked) (index_error).
Xapian::WritableDatabase open_waiting_for_lock(const std::filesystem::path& db, const std::filesystem::path& index_dir,
                                               LockWait& wait);

}  // namespace kosearch
