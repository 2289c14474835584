// The server's Searchers. A Searcher holds its own Xapian::Database and is
// not safe to share between threads, so each request leases one for its
// duration. At most `size` are open at once (memory, and no more searches
// at a time than the machine can run); a lease waits for one to be free.
// Each is opened at its first lease, so an index that cannot be opened yet
// (not built, being replaced) is tried again by the next request instead of
// failing the server. Noticing a changed index is the Searcher's own work.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "kosearch/searcher.h"

namespace kosearch {

class SearcherPool {
 public:
  SearcherPool(std::string index_path, OpenOptions options, std::size_t size);

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher) : pool_(&pool), searcher_(std::move(searcher)) {}
    Lease(Lease&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)), searcher_(std::move(other.searcher_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }
    // The searcher failed in a way a fresh open may cure (damaged or replaced
    // index): it is closed instead of returned, the next lease opens anew.
    void discard() { searcher_.reset(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  // Throws what Searcher::open throws (index missing, incompatible, …).
  Lease lease();

  const std::string& index_path() const { return index_path_; }
  std::size_t size() const { return size_; }

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  const std::string index_path_;
  const OpenOptions options_;
  const std::size_t size_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::size_t leased_or_opening_ = 0;
};

}  // namespace kosearch
