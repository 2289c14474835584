#include "kosearch/source_runs.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kosearch/error.h"
#include "temp_folder.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

class SourceRunsTest : public kosearch_test::TempFolderTest {
 protected:
  fs::path index() const { return dir_ / "index"; }

  fs::path corpus(const std::string& name, const std::string& file, const std::string& text) const {
    const fs::path folder = dir_ / name;
    fs::create_directories(folder);
    std::ofstream(folder / file) << text;
    return folder;
  }

  ks::IndexOptions options(std::vector<ks::IndexWarning>* warnings = nullptr) const {
    ks::IndexOptions o;
    o.index_dir = index();
    o.threads = 1;
    if (warnings) o.on_warning = [warnings](const ks::IndexWarning& w) { warnings->push_back(w); };
    return o;
  }

  Xapian::doccount documents() const { return Xapian::Database(index().string()).get_doccount(); }
};

TEST_F(SourceRunsTest, AnIndexWithoutInputUpdatesEveryRecordedSource) {
  const fs::path a = corpus("a", "1.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  const fs::path b = corpus("b", "2.txt", "노광 장비\n\n극자외선 노광 장비를 만든다.\n");
  ks::index_input(ks::SourceKind::corpus, a, true, options());
  ks::index_input(ks::SourceKind::corpus, b, true, options());
  EXPECT_EQ(ks::recorded_sources(index()).size(), 2u);

  std::ofstream(a / "3.txt") << "메모리 가격\n\n메모리 가격이 올랐다.\n";
  const ks::IndexSummary s = ks::index_input(ks::SourceKind::corpus, "corpus", false, options());
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.unchanged, 2u);  // one in each source
  EXPECT_EQ(documents(), 3u);
}

TEST_F(SourceRunsTest, AMissingSourceIsReportedAndItsArticlesKept) {
  const fs::path a = corpus("a", "1.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  const fs::path b = corpus("b", "2.txt", "노광 장비\n\n극자외선 노광 장비를 만든다.\n");
  ks::index_input(ks::SourceKind::corpus, a, true, options());
  ks::index_input(ks::SourceKind::corpus, b, true, options());
  fs::remove_all(b);

  std::vector<ks::IndexWarning> warnings;
  const ks::IndexSummary s = ks::index_sources(ks::recorded_sources(index()), options(&warnings));
  EXPECT_EQ(s.skipped, 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].reason, "recorded source no longer exists; its 1 article(s) are kept");
  EXPECT_EQ(warnings[0].remedy, ks::Remedy::forget_source);
  EXPECT_EQ(documents(), 2u);
}

TEST_F(SourceRunsTest, ARebuildRefusesToLoseTheArticlesOfAMissingSource) {
  const fs::path a = corpus("a", "1.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  const fs::path b = corpus("b", "2.txt", "노광 장비\n\n극자외선 노광 장비를 만든다.\n");
  ks::index_input(ks::SourceKind::corpus, a, true, options());
  ks::index_input(ks::SourceKind::corpus, b, true, options());
  fs::remove_all(b);

  ks::IndexOptions rebuild = options();
  rebuild.rebuild = true;
  try {
    ks::index_sources(ks::recorded_sources(index()), rebuild);
    FAIL() << "rebuilt without a source";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::usage);
  }
  EXPECT_EQ(documents(), 2u);
}

TEST_F(SourceRunsTest, ARebuildBuildsEverySourceIntoANewGeneration) {
  const fs::path a = corpus("a", "1.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  const fs::path b = corpus("b", "2.txt", "노광 장비\n\n극자외선 노광 장비를 만든다.\n");
  ks::index_input(ks::SourceKind::corpus, a, true, options());
  ks::index_input(ks::SourceKind::corpus, b, true, options());
  fs::remove(a / "1.txt");

  ks::IndexOptions rebuild = options();
  rebuild.rebuild = true;
  const ks::IndexSummary s = ks::index_input(ks::SourceKind::corpus, "corpus", false, rebuild);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(documents(), 1u);
  EXPECT_EQ(ks::recorded_sources(index()).size(), 2u);
}

TEST(SourceRuns, SummariesAddUp) {
  ks::IndexSummary total{1, 2, 3, 4, 5, 6, 7, 0.5, false};
  ks::add_summary(total, {10, 20, 30, 40, 50, 60, 70, 1.0, true});
  EXPECT_EQ(total.added, 11u);
  EXPECT_EQ(total.updated, 22u);
  EXPECT_EQ(total.unchanged, 33u);
  EXPECT_EQ(total.removed, 44u);
  EXPECT_EQ(total.skipped, 55u);
  EXPECT_EQ(total.warnings, 66u);
  EXPECT_EQ(total.duplicates, 77u);
  EXPECT_DOUBLE_EQ(total.seconds, 1.5);
  EXPECT_TRUE(total.stopped);
}

}  // namespace
