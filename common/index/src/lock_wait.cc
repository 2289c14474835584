#include "lock_wait.h"

#include <thread>

#include "kosearch/error.h"
#include "kosearch/index_health.h"

namespace fs = std::filesystem;

namespace kosearch {

std::chrono::steady_clock::time_point lock_deadline(const IndexOptions& options) {
  return std::chrono::steady_clock::now() + std::chrono::seconds(options.max_wait_seconds);
}

Xapian::WritableDatabase open_waiting_for_lock(const fs::path& db, const fs::path& index_dir,
                                               const IndexOptions& options,
                                               std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    try {
      return Xapian::WritableDatabase(db.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      const bool give_up = !options.wait_for_lock || !is_lock_held(e) ||
                           (options.max_wait_seconds > 0 && std::chrono::steady_clock::now() >= deadline);
      if (give_up) throw index_error(e, index_dir);
    }
    if (options.should_stop && options.should_stop())
      throw Error(ErrorKind::interrupted, "stopped while waiting for the lock on '" + index_dir.string() + "'");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace kosearch
