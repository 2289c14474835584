#include "kosearch/source_watch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <xapian.h>

#include "kosearch/index_writer.h"

namespace ks = kosearch;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using Strings = std::vector<std::string>;

ks::FileEvent written(std::string path, std::size_t source = 0) { return {ks::FileEvent::written, source, std::move(path)}; }
ks::FileEvent removed(std::string path, std::size_t source = 0) { return {ks::FileEvent::removed, source, std::move(path)}; }

TEST(ChangeCoalescer, TheLastEventOfAPathDecides) {
  ks::ChangeCoalescer c;
  c.add(written("a.txt"));
  c.add(removed("a.txt"));  // written, then deleted: gone
  c.add(removed("b.txt"));
  c.add(written("b.txt"));  // deleted, then written again: changed
  c.add(written("c.txt"));
  c.add(written("c.txt"));
  const auto batch = c.take();
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0].changed, (Strings{"b.txt", "c.txt"}));
  EXPECT_EQ(batch[0].removed, (Strings{"a.txt"}));
  EXPECT_FALSE(batch[0].rescan);
  EXPECT_TRUE(c.empty());
  EXPECT_TRUE(c.take().empty());
}

TEST(ChangeCoalescer, SaveThroughATemporaryFileIsOneChangeOfTheFinalName) {
  // An editor writes "a.txt.tmp" and renames it over "a.txt": the temporary
  // name is gone when the batch is read, the final one changed.
  ks::ChangeCoalescer c;
  c.add(written("a.txt.tmp"));
  c.add(removed("a.txt.tmp"));  // IN_MOVED_FROM
  c.add(written("a.txt"));      // IN_MOVED_TO
  const auto batch = c.take();
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0].changed, (Strings{"a.txt"}));
  EXPECT_EQ(batch[0].removed, (Strings{"a.txt.tmp"}));
}

TEST(ChangeCoalescer, ARemovedFolderDropsWhatHappenedBelowIt) {
  ks::ChangeCoalescer c;
  c.add({ks::FileEvent::folder_added, 0, "sub"});
  c.add(written("sub/a.txt"));
  c.add(written("sub/deep/b.txt"));
  c.add(written("subway.txt"));  // beside the folder, not below it
  c.add({ks::FileEvent::folder_removed, 0, "sub"});
  const auto batch = c.take();
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0].changed, (Strings{"subway.txt"}));
  EXPECT_EQ(batch[0].removed, (Strings{"sub"}));
}

TEST(ChangeCoalescer, SourcesStayApartAndARescanReplacesTheirPaths) {
  ks::ChangeCoalescer c;
  c.add(written("a.txt", 1));
  c.add(written("a.txt", 0));
  c.add(written("b.txt", 2));
  c.rescan(2);
  const auto batch = c.take();
  ASSERT_EQ(batch.size(), 3u);
  EXPECT_EQ(batch[0].source, 0u);
  EXPECT_EQ(batch[1].source, 1u);
  EXPECT_EQ(batch[1].changed, (Strings{"a.txt"}));
  EXPECT_EQ(batch[2].source, 2u);
  EXPECT_TRUE(batch[2].rescan);
  EXPECT_TRUE(batch[2].changed.empty());
}

TEST(BatchClock, DueAfterAQuietSpellOrTheLongestWait) {
  ks::BatchClock clock(200ms, 1000ms);
  const auto t0 = ks::BatchClock::Clock::time_point{} + 1h;
  EXPECT_FALSE(clock.due(t0));
  EXPECT_EQ(clock.left(t0, 500ms), 500ms);  // idle
  clock.event(t0);
  EXPECT_FALSE(clock.due(t0 + 199ms));
  EXPECT_EQ(clock.left(t0 + 50ms, 500ms), 150ms);
  EXPECT_TRUE(clock.due(t0 + 200ms));
  // A burst: each event postpones the batch, but not past the longest wait.
  for (auto t = 100ms; t <= 900ms; t += 100ms) clock.event(t0 + t);
  EXPECT_FALSE(clock.due(t0 + 950ms));
  EXPECT_EQ(clock.left(t0 + 950ms, 500ms), 50ms);
  EXPECT_TRUE(clock.due(t0 + 1000ms));
  clock.reset();
  EXPECT_FALSE(clock.pending());
  EXPECT_FALSE(clock.due(t0 + 2000ms));
}

// The run a batch makes: only the paths given are read or removed.
class LimitedRun : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kosearch_watch_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "corpus" / "sub");
    write("a.txt", "첫 기사\n\n반도체 장비 이야기.\n");
    write("b.txt", "둘째 기사\n\n노광 장비 이야기.\n");
    write("sub/c.txt", "셋째 기사\n\n양자 컴퓨터 이야기.\n");
    options_.index_dir = root_ / "index";
    options_.threads = 1;
    const auto first = ks::index_corpus(root_ / "corpus", options_);
    ASSERT_EQ(first.added, 3u);
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(root_ / "corpus" / name) << text;
  }
  ks::IndexSummary run(Strings paths) {
    ks::IndexOptions o = options_;
    o.only_paths = std::move(paths);
    return ks::index_corpus(root_ / "corpus", o);
  }
  Xapian::doccount documents() { return Xapian::Database((root_ / "index").string()).get_doccount(); }

  fs::path root_;
  ks::IndexOptions options_;
};

TEST_F(LimitedRun, ReadsAndRemovesOnlyThePathsGiven) {
  // Changes everywhere, but the run is told of a.txt and sub only.
  write("a.txt", "첫 기사\n\n반도체 장비 이야기, 고쳐 씀.\n");
  write("b.txt", "둘째 기사\n\n고쳐 썼지만 알리지 않음.\n");
  fs::remove(root_ / "corpus" / "sub" / "c.txt");
  write("sub/d.txt", "넷째 기사\n\n새 글.\n");
  const auto s = run({"a.txt", "sub"});
  EXPECT_EQ(s.updated, 1u);  // a.txt
  EXPECT_EQ(s.added, 1u);    // sub/d.txt
  EXPECT_EQ(s.removed, 1u);  // sub/c.txt
  EXPECT_EQ(s.unchanged, 0u);  // b.txt was not read
  EXPECT_EQ(documents(), 3u);
}

TEST_F(LimitedRun, APathGoneRemovesItsArticleAndNothingElse) {
  fs::remove(root_ / "corpus" / "b.txt");
  fs::remove(root_ / "corpus" / "a.txt");
  const auto s = run({"b.txt", "never-there.txt"});
  EXPECT_EQ(s.removed, 1u);
  EXPECT_EQ(documents(), 2u);  // a.txt's article stays until a run is told
}

TEST_F(LimitedRun, IgnoredNamesAreLeftOutAsTheWalkLeavesThemOut) {
  write("a.txt~", "백업\n\n반도체.\n");
  write(".a.txt.swp", "임시\n\n반도체.\n");
  write("#a.txt#", "자동 저장\n\n반도체.\n");
  const auto s = run({"a.txt~", ".a.txt.swp", "#a.txt#"});
  EXPECT_EQ(s.added, 0u);
  EXPECT_EQ(s.skipped, 0u);
  EXPECT_EQ(ks::index_corpus(root_ / "corpus", options_).added, 0u);  // nor does a whole run read them
}

}  // namespace

TEST(SourceWatch, NoSourceToWatchIsAUsageError) {
  try {
    ks::SourceWatch watch({}, "unused-index");
    FAIL() << "no error";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::usage);
    EXPECT_NE(std::string(e.what()).find("records no source to watch"), std::string::npos) << e.what();
  }
}
