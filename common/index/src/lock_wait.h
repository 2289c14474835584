// Waiting for another indexer's write lock (indexer --wait, --wait=SECONDS).
// Private to the library.
#pragma once

#include <chrono>
#include <filesystem>

#include <xapian.h>

#include "kosearch/index_options.h"

namespace kosearch {

// When a wait that starts now gives up (options.max_wait_seconds; unbounded when 0).
std::chrono::steady_clock::time_point lock_deadline(const IndexOptions& options);

// Opens the database `db` of the index `index_dir` for writing. Another
// indexer's lock is waited for until `deadline` as `options` asks (--wait),
// else it is an index_locked error.
Xapian::WritableDatabase open_waiting_for_lock(const std::filesystem::path& db, const std::filesystem::path& index_dir,
                                               const IndexOptions& options,
                                               std::chrono::steady_clock::time_point deadline);

}  // namespace kosearch
