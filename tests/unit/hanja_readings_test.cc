#include "kosearch/hanja_readings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kosearch/analyzer.h"

namespace ks = kosearch;
using Readings = std::vector<std::string>;

TEST(HanjaReadings, HeadlineAbbreviations) {
  EXPECT_EQ(ks::abbreviation_reading("美"), "미국");
  EXPECT_EQ(ks::abbreviation_reading("中"), "중국");
  EXPECT_EQ(ks::abbreviation_reading("與"), "여당");
  EXPECT_EQ(ks::abbreviation_reading("檢"), "검찰");
  EXPECT_EQ(ks::abbreviation_reading("靑"), "청와대");
  EXPECT_EQ(ks::abbreviation_reading("銀"), "");
  EXPECT_EQ(ks::abbreviation_reading("미"), "");
}

TEST(HanjaReadings, WordsReadSyllableBySyllableFromIcuCollation) {
  EXPECT_EQ(ks::hangul_reading("銀行"), "은행");
  EXPECT_EQ(ks::hangul_reading("韓國"), "한국");
  EXPECT_EQ(ks::hangul_reading("半導體"), "반도체");
  // The initial-sound rule on the first syllable only.
  EXPECT_EQ(ks::hangul_reading("歷史"), "역사");
  EXPECT_EQ(ks::hangul_reading("勞動"), "노동");
  EXPECT_EQ(ks::hangul_reading("李"), "이");
  EXPECT_EQ(ks::hangul_reading("經歷"), "경력");
  // 不 before ㄷ or ㅈ.
  EXPECT_EQ(ks::hangul_reading("不動産"), "부동산");
  EXPECT_EQ(ks::hangul_reading("不安"), "불안");
  // No reading: not Han, or a character the collation does not file.
  EXPECT_EQ(ks::hangul_reading("abc"), "");
  EXPECT_EQ(ks::hangul_reading("銀ひ"), "");
  EXPECT_EQ(ks::hangul_reading(""), "");
}

TEST(HanjaReadings, TokenReadingsPutTheSearchedOneFirst) {
  EXPECT_EQ(ks::han_readings("美"), (Readings{"미국", "미"}));
  EXPECT_EQ(ks::han_readings("軍"), Readings{"군"});
  EXPECT_EQ(ks::han_readings("銀行"), Readings{"은행"});
  EXPECT_EQ(ks::han_readings("美中"), (Readings{"미중", "미국", "중국"}));
  EXPECT_EQ(ks::han_readings("日", /*after_number=*/true), Readings{"일"});  // 11日 is a day
  EXPECT_EQ(ks::han_readings("ひらがな"), Readings{});
}

TEST(HanjaReadings, AnalyzerIndexesReadingsAndAQueryReadsThem) {
  ks::Analyzer analyzer;
  std::vector<ks::Token> tokens = analyzer.analyze("美의 대중 규제");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].stem, "美");
  EXPECT_EQ(tokens[0].readings, (Readings{"미국", "미"}));
  EXPECT_EQ(tokens[0].end, std::string("美의").size());  // the particle belongs to the word
  EXPECT_TRUE(tokens[1].readings.empty());
  EXPECT_TRUE(ks::read_as_hangul(tokens[0]));
  EXPECT_EQ(tokens[0].stem, "미국");
  EXPECT_EQ(tokens[0].kind, ks::TokenKind::hangul);
  EXPECT_FALSE(ks::read_as_hangul(tokens[1]));
  EXPECT_EQ(tokens[1].stem, "대중");

  const auto glued = analyzer.analyze("中과 美는");
  ASSERT_EQ(glued.size(), 2u);  // the particles belong to the Hanja
  EXPECT_EQ(glued[0].readings.front(), "중국");
  EXPECT_EQ(glued[1].readings.front(), "미국");

  const auto dated = analyzer.analyze("11日 발표");
  ASSERT_GE(dated.size(), 2u);
  EXPECT_EQ(dated[1].readings, Readings{"일"});
}
