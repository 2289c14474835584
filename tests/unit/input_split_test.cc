#include "kosearch/input_split.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kosearch/error.h"

namespace ks = kosearch;
namespace fs = std::filesystem;

namespace {

class SplitLines : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kosearch-split-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& bytes) {
    const fs::path p = dir_ / "input.jsonl";
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  static std::string slice(const std::string& s, const ks::LineRange& r) { return s.substr(r.begin, r.end - r.begin); }
  fs::path dir_;
};

TEST_F(SplitLines, RangesCoverTheFileInOrderAndEndAtLineEnds) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += std::string(1 + (i * 7) % 40, 'a') + "\n";
  const auto ranges = ks::split_lines(write(text), 3);
  ASSERT_EQ(ranges.size(), 3u);
  std::uint64_t at = 0;
  std::uint32_t line = 1;
  for (const auto& r : ranges) {
    EXPECT_EQ(r.begin, at);
    EXPECT_EQ(r.first_line, line);
    const std::string part = slice(text, r);
    EXPECT_EQ(part.back(), '\n');
    line += static_cast<std::uint32_t>(std::count(part.begin(), part.end(), '\n'));
    at = r.end;
  }
  EXPECT_EQ(at, text.size());
}

TEST_F(SplitLines, PartsAreBalancedByBytesNotLines) {
  // 90 short lines, then 10 long ones: a split by lines would put nearly all bytes in the second half.
  std::string text;
  for (int i = 0; i < 90; ++i) text += "ab\n";
  for (int i = 0; i < 10; ++i) text += std::string(99, 'x') + "\n";
  const auto ranges = ks::split_lines(write(text), 2);
  ASSERT_EQ(ranges.size(), 2u);
  const double first = static_cast<double>(ranges[0].end - ranges[0].begin) / static_cast<double>(text.size());
  EXPECT_GT(first, 0.4);
  EXPECT_LT(first, 0.6);
  EXPECT_GT(ranges[1].first_line, 90u);
}

TEST_F(SplitLines, LastLineWithoutNewlineAndFewLinesGiveFewerParts) {
  const std::string text = "one\ntwo";
  const auto ranges = ks::split_lines(write(text), 8);
  ASSERT_EQ(ranges.size(), 2u);
  EXPECT_EQ(slice(text, ranges[0]), "one\n");
  EXPECT_EQ(slice(text, ranges[1]), "two");
  EXPECT_EQ(ranges[1].first_line, 2u);
}

TEST_F(SplitLines, EmptyFileHasNoPartsAndMissingFileIsAnError) {
  EXPECT_TRUE(ks::split_lines(write(""), 2).empty());
  EXPECT_THROW(ks::split_lines(dir_ / "missing.jsonl", 2), ks::Error);
}

TEST(SplitByBytes, ContiguousRunsOfAboutEqualBytes) {
  const std::vector<std::uint64_t> sizes{10, 10, 10, 10, 100, 10, 10, 10, 10};
  const auto bounds = ks::split_by_bytes(sizes, 2);
  EXPECT_EQ(bounds, (std::vector<std::size_t>{0, 5, 9}));  // 140 | 40: the big file cannot be cut
  EXPECT_EQ(ks::split_by_bytes({5, 5, 5, 5}, 2), (std::vector<std::size_t>{0, 2, 4}));
}

TEST(SplitByBytes, NeverAnEmptyRun) {
  EXPECT_EQ(ks::split_by_bytes({7}, 4), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(ks::split_by_bytes({0, 0, 0}, 2), (std::vector<std::size_t>{0, 3}));
  EXPECT_EQ(ks::split_by_bytes({}, 3), (std::vector<std::size_t>{0}));
  const auto bounds = ks::split_by_bytes({1, 1, 1, 1, 1, 1}, 3);
  EXPECT_EQ(bounds, (std::vector<std::size_t>{0, 2, 4, 6}));
}

}  // namespace
