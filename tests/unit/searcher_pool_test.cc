#include "kosearch/searcher_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "kosearch/error.h"
#include "kosearch/index_writer.h"
#include "temp_folder.h"

namespace ks = kosearch;

namespace {

class SearcherPoolTest : public kosearch_test::TempFolderTest {
 protected:
  void build_index() {
    std::ofstream(dir_ / "docs.jsonl") << R"({"id":"a","title":"노광 장비","text":"극자외선 노광 장비"})" "\n";
    ks::IndexOptions options;
    options.index_dir = dir_ / "index";
    ks::index_jsonl(dir_ / "docs.jsonl", options);
  }
  std::string index() const { return (dir_ / "index").string(); }
};

TEST_F(SearcherPoolTest, AnIndexThatCannotBeOpenedIsTriedAgainAtTheNextLease) {
  ks::SearcherPool pool(index(), {}, 2);
  EXPECT_THROW(pool.lease(), ks::Error);
  build_index();
  auto searcher = pool.lease();
  EXPECT_EQ(searcher->search("노광").hits.size(), 1u);
}

TEST_F(SearcherPoolTest, ALeaseWaitsWhileEverySearcherIsLeased) {
  build_index();
  ks::SearcherPool pool(index(), {}, 1);
  std::atomic<bool> second_leased{false};
  std::thread other;
  {
    auto first = pool.lease();
    other = std::thread([&] {
      auto second = pool.lease();
      second_leased = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_FALSE(second_leased);
  }
  other.join();
  EXPECT_TRUE(second_leased);
}

TEST_F(SearcherPoolTest, AReturnedSearcherIsReusedAndADiscardedOneReplaced) {
  build_index();
  ks::SearcherPool pool(index(), {}, 1);
  const ks::Searcher* first = nullptr;
  {
    auto lease = pool.lease();
    first = &*lease;
  }
  {
    auto lease = pool.lease();
    EXPECT_EQ(&*lease, first);
    lease.discard();
  }
  auto lease = pool.lease();  // a new one: the discarded one no longer counts against the size
  EXPECT_EQ(lease->search("노광").hits.size(), 1u);
}

}  // namespace
