#include "lock_wait.h"

#include <algorithm>
#include <string>
#include <thread>

#include "kosearch/error.h"
#include "kosearch/index_health.h"

namespace fs = std::filesystem;

namespace kosearch {

LockWait::LockWait(const IndexOptions& options)
    : options_(options), deadline_(std::chrono::steady_clock::now() + std::chrono::seconds(options.max_wait_seconds)) {}

bool LockWait::worth_waiting(const Xapian::DatabaseLockError& e) const {
  return options_.wait_for_lock && is_lock_held(e);
}

void LockWait::pause(const fs::path& index, const fs::path& db) {
  if (options_.max_wait_seconds > 0 && std::chrono::steady_clock::now() >= deadline_)
    throw Error(ErrorKind::index_locked,
                "index '" + index.string() + "' is still locked by another indexer after " +
                    std::to_string(options_.max_wait_seconds) + " s (lock file " + (db / "flintlock").string() + ")",
                Remedy::none);  // it was waited for
  if (options_.should_stop && options_.should_stop())
    throw Error(ErrorKind::interrupted, "stopped while waiting for the lock on '" + index.string() + "'");
  std::this_thread::sleep_for(pause_);
  pause_ = std::min(pause_ * 2, std::chrono::milliseconds(250));
}

Xapian::WritableDatabase open_waiting_for_lock(const fs::path& db, const fs::path& index_dir, LockWait& wait) {
  for (;;) {
    try {
      return Xapian::WritableDatabase(db.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      if (!wait.worth_waiting(e)) throw index_error(e, index_dir);
    }
    wait.pause(index_dir, db);
  }
}

}  // namespace kosearch
