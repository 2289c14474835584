#include "line_screen.h"

#include <gtest/gtest.h>

namespace ks = kosearch;

namespace {

bool may_match(const ks::MatchWeights& weights, std::string_view line) { return ks::LineScreen(weights).may_match(line); }

}  // namespace

TEST(LineScreen, LetsThroughALineHoldingATermAsWritten) {
  EXPECT_TRUE(may_match({{"장비", 1.0}}, "중국은 노광 장비를 만들지 못한다."));
  EXPECT_FALSE(may_match({{"장비", 1.0}}, "중국은 노광 기계를 만들지 못한다."));
}

TEST(LineScreen, SearchesSyllablePairsWithoutTheirPrefix) {
  EXPECT_TRUE(may_match({{"G광장", 0.7}}, "노광장비를 샀다."));
  EXPECT_FALSE(may_match({{"G광장", 0.7}}, "노광 장비를 샀다."));
}

TEST(LineScreen, IgnoresFieldTerms) {
  EXPECT_FALSE(may_match({{"S장비", 1.0}, {"XP연합", 1.0}}, "장비 연합"));
}

TEST(LineScreen, NothingWantedLetsNothingThrough) { EXPECT_FALSE(may_match({}, "장비")); }

TEST(LineScreen, FoldsCapitalsWidthAndCompatibilityForms) {
  EXPECT_TRUE(may_match({{"asml", 1.0}}, "네덜란드 ASML사가 독점한다."));
  EXPECT_TRUE(may_match({{"ai", 1.0}}, "ＡＩ 반도체"));  // full width
  EXPECT_TRUE(may_match({{"1", 1.0}}, "① 항목"));
  // 장 written as conjoining jamo (ᄌ ᅡ ᆼ) composes to the syllable.
  EXPECT_TRUE(may_match({{"장비", 1.0}}, "\u110C\u1161\u11BC비를 샀다."));
  EXPECT_FALSE(may_match({{"asml", 1.0}}, "네덜란드 ASLM사가 독점한다."));
}

TEST(LineScreen, HanLinesMayMatchThroughTheirReadings) {
  EXPECT_TRUE(may_match({{"미국", 1.0}}, "美 정부가 발표했다."));
  EXPECT_TRUE(may_match({{"G은행", 0.7}}, "銀行 이자"));
}

TEST(LineScreen, PlainPunctuationKeepsTheFastPathExact) {
  EXPECT_TRUE(may_match({{"장비", 1.0}}, "“노광 장비”·반도체"));
  EXPECT_FALSE(may_match({{"장비", 1.0}}, "“노광 기계”·반도체"));
}

TEST(LineScreen, WeighsEachDistinctTermTextFoundOnce) {
  const ks::LineScreen screen({{"장비", 2.0}, {"G장비", 0.5}, {"노광", 3.0}});
  EXPECT_DOUBLE_EQ(screen.weight_found("노광 장비를 샀다.").value(), 5.0);  // 장비 and G장비 share a text: the larger
  EXPECT_DOUBLE_EQ(screen.weight_found("장비, 장비, 또 장비.").value(), 2.0);
  EXPECT_EQ(screen.weight_found("기계를 샀다."), std::nullopt);   // cannot match
  EXPECT_DOUBLE_EQ(screen.weight_found("노광 ASML 장비").value(), 5.0);  // folded first: the same
  EXPECT_DOUBLE_EQ(screen.weight_found("美 정부").value(), 5.0);          // readings are not in the text: everything
  EXPECT_EQ(screen.weight_found("ASML 기계"), std::nullopt);             // folded, and still nothing
  for (const char* text : {"노광 장비를 샀다.", "기계를 샀다.", "노광 ASML 장비", "美 정부", "ASML 기계"})
    EXPECT_EQ(screen.weight_found(text).has_value(), screen.may_match(text)) << text;
}
