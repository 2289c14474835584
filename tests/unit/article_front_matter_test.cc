#include "article_front_matter.h"

#include <gtest/gtest.h>

#include <string_view>

namespace kosearch::article_front_matter {
namespace {

FrontMatter front_matter_of(std::string_view text) { return read_front_matter(split_lines(text)); }

TEST(ArticleFrontMatter, SplitLinesNumbersFromOneAndDropsCarriageReturns) {
  const auto lines = split_lines("첫 줄\r\n둘째 줄\n");
  ASSERT_EQ(lines.size(), 3u);  // the empty line after the last line end counts
  EXPECT_EQ(lines[0].number, 1u);
  EXPECT_EQ(lines[0].text, "첫 줄");
  EXPECT_EQ(lines[1].text, "둘째 줄");
  EXPECT_EQ(lines[2].number, 3u);
  EXPECT_EQ(lines[2].text, "");
}

TEST(ArticleFrontMatter, ReadsAClosedHeader) {
  const auto fm = front_matter_of(
      "---\ntitle: \"美의 대중 규제\"\npublisher: 예시일보\ndate: 2024-04-02\nupdated: 2024.04.03\n"
      "author: 홍길동\nurl: https://example.com/a/1\nsection: 경제\n---\n본문");
  EXPECT_EQ(fm.lines_used, 9u);
  EXPECT_EQ(fm.title, "美의 대중 규제");  // quotes dropped
  EXPECT_EQ(fm.title_line, 2u);
  EXPECT_EQ(fm.source, "예시일보");  // publisher: is read as source:
  EXPECT_EQ(fm.date, "2024-04-02");
  EXPECT_EQ(fm.updated, "2024-04-03");
  EXPECT_EQ(fm.author, "홍길동");
  EXPECT_EQ(fm.url, "https://example.com/a/1");
}

TEST(ArticleFrontMatter, AByteOrderMarkBeforeTheFenceIsNoText) {
  EXPECT_EQ(front_matter_of("\xEF\xBB\xBF---\ntitle: 제목\n---\n본문").lines_used, 3u);
}

TEST(ArticleFrontMatter, AnUnclosedOrProseHeaderIsNone) {
  EXPECT_EQ(front_matter_of("---\ntitle: 제목\n본문").lines_used, 0u);
  const auto decorative = front_matter_of("---\n오늘의 날씨는 맑다\n---\n본문");  // a rule, then prose
  EXPECT_EQ(decorative.lines_used, 0u);
  EXPECT_FALSE(decorative.title);
}

TEST(ArticleFrontMatter, AnInvalidDateIsLeftToTheHeuristics) {
  const auto fm = front_matter_of("---\ndate: 2024-13-45\ntitle: 제목\n---\n");
  EXPECT_EQ(fm.lines_used, 4u);
  EXPECT_FALSE(fm.date);
  EXPECT_EQ(fm.title, "제목");
}

}  // namespace
}  // namespace kosearch::article_front_matter
