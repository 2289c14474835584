#include "article_credits.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace kosearch::article_lines {
namespace {

std::optional<std::string> expected(const char* value) {
  return value ? std::optional<std::string>(value) : std::nullopt;
}

struct CreditCase {
  const char* line;
  std::optional<LineRole> role;  // read_label_line; none: not a labelled line
  const char* author;
  const char* publisher_name;
};

void PrintTo(const CreditCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class ArticleCredits : public ::testing::TestWithParam<CreditCase> {};

TEST_P(ArticleCredits, Read) {
  const CreditCase& c = GetParam();
  const auto info = read_label_line(c.line);
  ASSERT_EQ(info ? std::optional<LineRole>(info->role) : std::nullopt, c.role);
  if (!info) return;
  EXPECT_EQ(info->author, expected(c.author));
  EXPECT_EQ(info->publisher_name, c.publisher_name);
  EXPECT_EQ(info->trust, *c.role == LineRole::byline ? Trust::byline : Trust::none);
}

constexpr auto byline = LineRole::byline;
constexpr auto boilerplate = LineRole::boilerplate;

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleCredits,
    ::testing::Values(
        // labelled bylines: `label : value`
        CreditCase{"작성자 : 홍길동", byline, "홍길동", ""},
        CreditCase{"작성자：홍길동", byline, "홍길동", ""},                 // a full-width colon
        CreditCase{"기고자 : 실리콘밸리=오로라 특파원", byline, "오로라", ""},
        CreditCase{"기자 : 홍길동 예시일보 기자", byline, "홍길동", "예시일보"},
        CreditCase{"작성자 : 온라인뉴스팀", byline, nullptr, ""},         // labelled, no name
        // writing credits: 글 홍길동, no colon needed
        CreditCase{"글 홍길동", byline, "홍길동", ""},
        CreditCase{"글：홍길동", byline, "홍길동", ""},
        CreditCase{"글·사진 홍길동 김철수", byline, "홍길동, 김철수", ""},
        CreditCase{"글 홍길동 기자", byline, "홍길동", ""},
        CreditCase{"작성자 홍길동", byline, "홍길동", ""},
        CreditCase{"글 쓰기", std::nullopt, nullptr, ""},                   // no family name
        CreditCase{"글로벌 시장이 커졌다", std::nullopt, nullptr, ""},     // 글 must be a word
        CreditCase{"글 홍길동 김철수 이영희 박영수", std::nullopt, nullptr, ""},  // too many names
        // meta labels of print and web-edit footers
        CreditCase{"본문자수 : 1794", boilerplate, nullptr, ""},
        CreditCase{"표/그림/사진 유무 : 있음", boilerplate, nullptr, ""},
        CreditCase{"웹편집 : 보기", boilerplate, nullptr, ""},
        CreditCase{"본문자수 1794", std::nullopt, nullptr, ""},            // a label needs its colon
        CreditCase{"문제는 시간입니다.", std::nullopt, nullptr, ""}));

TEST(ArticleCredits, SeparatorsOfARoleAndItsNames) {
  for (char32_t c : {U' ', U':', U'=', U'：', U'\t'}) EXPECT_TRUE(is_credit_separator(c)) << static_cast<unsigned>(c);
  for (char32_t c : {U'·', U'/', U'가', U'-'}) EXPECT_FALSE(is_credit_separator(c)) << static_cast<unsigned>(c);
}

}  // namespace
}  // namespace kosearch::article_lines
