#include "article_dates.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace ad = kosearch::article_dates;
using Role = kosearch::article_words::DateRole;

namespace {

// The date read at the start of `s` and the bytes it spans, or "" when none.
std::string date_of(std::string_view s) {
  const auto d = ad::date_at_start(s);
  return d ? d->date + "/" + std::to_string(d->length) : "";
}

TEST(ArticleDates, NumericDatesWithOneSeparator) {
  EXPECT_EQ(date_of("2025-01-15 09:30"), "2025-01-15/10");
  EXPECT_EQ(date_of("2025/01/15"), "2025-01-15/10");
  EXPECT_EQ(date_of("2025.01.15"), "2025-01-15/10");
  EXPECT_EQ(date_of("2025. 1. 15. 오전"), "2025-01-15/12");  // the closing dot is part of it
  EXPECT_EQ(date_of("2025-01/15"), "");                      // two separators: not a date
}

TEST(ArticleDates, KoreanAndEnglishDates) {
  EXPECT_EQ(date_of("2025년 1월 15일 기사"), "2025-01-15/18");
  EXPECT_EQ(date_of("2025년01월15일"), "2025-01-15/17");
  EXPECT_EQ(date_of("Jan 15, 2025"), "2025-01-15/12");
  EXPECT_EQ(date_of("January 15th 2025"), "2025-01-15/17");
  EXPECT_EQ(date_of("15 Jan. 2025"), "2025-01-15/12");
  EXPECT_EQ(date_of("Janet 15, 2025"), "");  // a month name is a whole word
}

TEST(ArticleDates, OnlyRealDatesOfArticleYears) {
  EXPECT_EQ(date_of("2024-02-29"), "2024-02-29/10");
  EXPECT_EQ(date_of("2025-02-29"), "");
  EXPECT_EQ(date_of("2025-13-01"), "");
  EXPECT_EQ(date_of("1899-12-31"), "");
  EXPECT_EQ(date_of("2100-01-01"), "");
  EXPECT_EQ(date_of("1900-01-01"), "1900-01-01/10");
  EXPECT_EQ(date_of("20250-01-15"), "");  // five digits are no year
  EXPECT_EQ(date_of(""), "");
  EXPECT_EQ(date_of("기사 2025-01-15"), "");  // only at the very start
}

TEST(ArticleDates, YearIsExactlyFourDigits) {
  std::size_t pos = 1;
  EXPECT_EQ(ad::year_at("x2025-01", pos), 2025);
  EXPECT_EQ(pos, 5u);
  pos = 0;
  EXPECT_FALSE(ad::year_at("20251", pos));
  EXPECT_EQ(pos, 0u);  // not advanced
  EXPECT_FALSE(ad::year_at("202", pos));
}

TEST(ArticleDates, TimeAndWeekdayAfterADate) {
  EXPECT_EQ(ad::time_after(" 09:30 기사 본문"), 6u);
  EXPECT_EQ(ad::time_after("T09:30:00+09:00 본문"), 15u);
  EXPECT_EQ(ad::time_after(" 오전 9:30 본문"), std::string_view(" 오전 9:30").size());
  EXPECT_EQ(ad::time_after(" (수) 09:30:12"), std::string_view(" (수) 09:30:12").size());
  EXPECT_EQ(ad::time_after(" 본문"), 0u);
  EXPECT_EQ(ad::time_after(" 2025.01.20"), 0u);  // another date, not a time
  // a time with the next label glued to it ends before the label
  EXPECT_EQ(ad::time_after(" 09:30수정 2025-01-16"), 6u);
}

TEST(ArticleDates, LabelsWithTheirRoleAndLength) {
  auto m = ad::date_label_at("입력 2025-01-15");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, Role::published);
  EXPECT_EQ(m->length, std::string_view("입력 ").size());

  m = ad::date_label_at("기사입력일시 : 2025-01-15");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, Role::published);
  EXPECT_EQ(m->length, std::string_view("기사입력일시 : ").size());

  m = ad::date_label_at("최종 수정 | 2025-01-16");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, Role::revised);
  EXPECT_EQ(m->length, std::string_view("최종 수정 | ").size());

  m = ad::date_label_at("Published on Jan 15, 2025");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, Role::published);
  EXPECT_EQ(m->length, std::string_view("Published on ").size());

  m = ad::date_label_at("Last updated: 2025-01-16");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, Role::revised);

  m = ad::date_label_at("입력2025.01.15");  // glued to its date
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, std::string_view("입력").size());
}

TEST(ArticleDates, WordsThatOnlyStartLikeALabelAreNone) {
  EXPECT_FALSE(ad::date_label_at("입력하다"));
  EXPECT_FALSE(ad::date_label_at("등록금 인상"));
  EXPECT_FALSE(ad::date_label_at("Dated 2025"));
  EXPECT_FALSE(ad::date_label_at("본문"));
}

TEST(ArticleDates, SeparatorsBetweenLabelDateAndSegment) {
  const std::string_view s = "입력 | 2025";
  EXPECT_EQ(ad::separators_at(s, 6), s.find('2'));
  EXPECT_EQ(ad::separators_at("[입력] 2025", 0), 1u);
  EXPECT_EQ(ad::separators_at("입력ㅣ2025", 6), std::string_view("입력ㅣ").size());  // ㅣ stands for a bar
  EXPECT_EQ(ad::separators_at("2025", 0), 0u);
  EXPECT_EQ(ad::separators_at("ab", 2), 2u);  // at the end: stays there
}

}  // namespace
