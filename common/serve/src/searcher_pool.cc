#include "kosearch/searcher_pool.h"

#include <utility>

namespace kosearch {

SearcherPool::SearcherPool(std::string index_path, OpenOptions options, std::size_t size)
    : index_path_(std::move(index_path)), options_(options), size_(size == 0 ? 1 : size) {}

SearcherPool::Lease::~Lease() {
  if (pool_) pool_->give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::lease() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [this] { return !idle_.empty() || idle_.size() + leased_or_opening_ < size_; });
  ++leased_or_opening_;
  if (!idle_.empty()) {
    std::unique_ptr<Searcher> searcher = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(searcher));
  }
  lock.unlock();  // opening reads the index: other leases go on meanwhile
  try {
    return Lease(*this, std::make_unique<Searcher>(Searcher::open(index_path_, options_)));
  } catch (...) {
    give_back(nullptr);
    throw;
  }
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  {
    std::lock_guard lock(mutex_);
    --leased_or_opening_;
    if (searcher) idle_.push_back(std::move(searcher));
  }
  freed_.notify_one();
}

}  // namespace kosearch
