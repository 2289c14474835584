#include "article_datelines.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace kosearch::article_lines {
namespace {

std::optional<std::string> expected(const char* value) {
  return value ? std::optional<std::string>(value) : std::nullopt;
}

using article_words::DateRole;

struct DatelineCase {
  const char* line;
  std::optional<LineRole> role;  // read_dateline; none: no dateline
  const char* date;
  const char* updated;
  const char* unlabelled;
  const char* author;
  std::optional<DateRole> bare_label = std::nullopt;
};

void PrintTo(const DatelineCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class ArticleDatelines : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(ArticleDatelines, Read) {
  const DatelineCase& c = GetParam();
  const auto info = read_dateline(c.line);
  ASSERT_EQ(info ? std::optional<LineRole>(info->role) : std::nullopt, c.role);
  if (!info) return;
  EXPECT_EQ(info->date, expected(c.date));
  EXPECT_EQ(info->updated, expected(c.updated));
  EXPECT_EQ(info->unlabelled_date, expected(c.unlabelled));
  EXPECT_EQ(info->author, expected(c.author));
  EXPECT_EQ(info->bare_label, c.bare_label);
}

constexpr auto dateline = LineRole::dateline;
constexpr auto none = std::nullopt;

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleDatelines,
    ::testing::Values(
        // labelled dates, labels before or after the date, times and weekdays
        DatelineCase{"입력 2023-05-09 06:57 수정 2023-05-17 15:45 | 홍길동 기자", dateline, "2023-05-09", "2023-05-17", nullptr, "홍길동"},
        DatelineCase{"입력 2025. 1. 15. 오전 9:30", dateline, "2025-01-15", nullptr, nullptr, nullptr},
        DatelineCase{"    발행일 : 2024.04.02 / 종합 A8 면", dateline, "2024-04-02", nullptr, nullptr, nullptr},
        DatelineCase{"2025-01-15 09:30 송고", dateline, "2025-01-15", nullptr, nullptr, nullptr},
        DatelineCase{"송고시간2024-04-02 14:30", dateline, "2024-04-02", nullptr, nullptr, nullptr},
        DatelineCase{"| 입력 : 2025-01-15 |", dateline, "2025-01-15", nullptr, nullptr, nullptr},
        DatelineCase{"[입력 2025.01.15 09:30]", dateline, "2025-01-15", nullptr, nullptr, nullptr},
        DatelineCase{"Published Jan 15, 2025", dateline, "2025-01-15", nullptr, nullptr, nullptr},
        DatelineCase{"최종 수정 2025.01.16", dateline, nullptr, "2025-01-16", nullptr, nullptr},
        // the same moment twice is no revision
        DatelineCase{"입력 2025.01.15 09:30 수정 2025.01.15 09:30", dateline, "2025-01-15", nullptr, nullptr, nullptr},
        // unlabelled dates: trusted only by position
        DatelineCase{"2024.04.02 14:30", dateline, nullptr, nullptr, "2024-04-02", nullptr},
        DatelineCase{"2024년 4월 2일 화요일", dateline, nullptr, nullptr, "2024-04-02", nullptr},
        DatelineCase{"2025.01.15 (수)", dateline, nullptr, nullptr, "2025-01-15", nullptr},
        // a byline or the site's name before the dates, glued or separated
        DatelineCase{"홍길동 기자 | 입력 2025.01.15", dateline, "2025-01-15", nullptr, nullptr, "홍길동"},
        DatelineCase{"홍길동 기자입력 2025.01.15 09:30", dateline, "2025-01-15", nullptr, nullptr, "홍길동"},
        DatelineCase{"작성자 : 홍길동 | 작성일 2025.01.15", dateline, "2025-01-15", nullptr, nullptr, "홍길동"},
        DatelineCase{"예시일보 | 2025.01.15", dateline, nullptr, nullptr, "2025-01-15", nullptr},
        // a bare label: its date may be on the next line
        DatelineCase{"입력", LineRole::boilerplate, nullptr, nullptr, nullptr, nullptr, DateRole::published},
        DatelineCase{"수정", LineRole::boilerplate, nullptr, nullptr, nullptr, nullptr, DateRole::revised},
        // sentences, periods and numbers
        DatelineCase{"입력 2025.01.15 이후 받는다", none, nullptr, nullptr, nullptr, nullptr},
        DatelineCase{"2025년 1월 15일까지 신청한다", none, nullptr, nullptr, nullptr, nullptr},
        DatelineCase{"2025.01.15 ~ 2025.01.20", none, nullptr, nullptr, nullptr, nullptr},
        DatelineCase{"2024 1 2 3", none, nullptr, nullptr, nullptr, nullptr},
        DatelineCase{"2024년 4월 2일 서울에서 열린 행사에는 300명이 모였다.", none, nullptr, nullptr, nullptr, nullptr},
        DatelineCase{"수정 사항은 다음 주에 발표된다.", none, nullptr, nullptr, nullptr, nullptr},
        DatelineCase{"등록일 : 2010.05.01 | 발행인 : 홍길동", none, nullptr, nullptr, nullptr, nullptr},
        DatelineCase{"문제는 시간입니다.", none, nullptr, nullptr, nullptr, nullptr}));

}  // namespace
}  // namespace kosearch::article_lines
