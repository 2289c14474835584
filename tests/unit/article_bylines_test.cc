#include "article_bylines.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace kosearch::article_lines {
namespace {

std::optional<std::string> expected(const char* value) {
  return value ? std::optional<std::string>(value) : std::nullopt;
}

struct BylineCase {
  const char* line;
  bool byline;           // read_byline gives one
  const char* author;    // nullptr: none named
  const char* publisher; // the house among the words before the title
};

void PrintTo(const BylineCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class ArticleBylines : public ::testing::TestWithParam<BylineCase> {};

TEST_P(ArticleBylines, Read) {
  const BylineCase& c = GetParam();
  const auto byline = read_byline(c.line);
  ASSERT_EQ(byline.has_value(), c.byline);
  if (!byline) return;
  EXPECT_EQ(byline->author, expected(c.author));
  EXPECT_EQ(byline->publisher, c.publisher);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleBylines,
    ::testing::Values(
        BylineCase{"홍길동 기자 hong@example.com", true, "홍길동", ""},
        BylineCase{"홍길동 기자(hong@example.com)", true, "홍길동", ""},  // brackets split words
        BylineCase{"    실리콘밸리=오로라 특파원", true, "오로라", ""},
        BylineCase{"신민철 글로벌이코노믹 기자 shincm@g-enews.com", true, "신민철", ""},
        BylineCase{"홍길동 예시일보 기자", true, "홍길동", "예시일보"},     // a desk, not a name
        BylineCase{"[예시뉴스=홍길동 기자]", true, "홍길동", "예시뉴스"},   // the house before `=`
        BylineCase{"서울=홍길동 김철수 이영희 기자", true, "홍길동, 김철수, 이영희", ""},
        BylineCase{"홍길동·김철수 기자", true, "홍길동, 김철수", ""},
        BylineCase{"홍길동ㆍ김철수 기자", true, "홍길동, 김철수", ""},
        BylineCase{"홍길동,김철수 기자", true, "홍길동, 김철수", ""},
        BylineCase{"사회부 홍길동 기자", true, "홍길동", ""},             // 사회부: a desk
        BylineCase{"홍길동기자", true, "홍길동", ""},                     // title glued to the name
        BylineCase{"hong@example.com", true, nullptr, ""},                // an address alone
        BylineCase{"온라인뉴스팀 기자", true, nullptr, ""},
        // contributors: name first, one name, and the title is also a common noun
        BylineCase{"우건 매뉴라이프자산운용 매니저", true, "우건", ""},
        BylineCase{"홍길동 예시대 의대 교수", true, "홍길동", ""},
        BylineCase{"입만 변호사", false, nullptr, ""},
        BylineCase{"한국대학교 홍길동 교수", false, nullptr, ""},  // the name must come first
        // prose and subheads
        BylineCase{"거대한 산은 얼굴이 많다-김혜리 기자", false, nullptr, ""},
        BylineCase{"◇ 홍길동 기자", false, nullptr, ""},
        BylineCase{"문제는 시간입니다.", false, nullptr, ""},
        BylineCase{"서울 홍길동 김철수 이영희 박영수 최민수 기자", false, nullptr, ""},  // too many words
        BylineCase{"", false, nullptr, ""}));

struct NameCase {
  const char* word;
  bool name;         // is_name
  bool person;       // is_person_name
  const char* only;  // names_only; nullptr: none
};

void PrintTo(const NameCase& c, std::ostream* os) { *os << '"' << c.word << '"'; }

class ArticleBylineNames : public ::testing::TestWithParam<NameCase> {};

TEST_P(ArticleBylineNames, Name) {
  const NameCase& c = GetParam();
  EXPECT_EQ(is_name(c.word), c.name);
  EXPECT_EQ(is_person_name(c.word), c.person);
  EXPECT_EQ(names_only(c.word), expected(c.only));
}

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleBylineNames,
    ::testing::Values(
        NameCase{"홍길동", true, true, "홍길동"},
        NameCase{"이산", true, true, "이산"},
        NameCase{"남궁민수", true, false, "남궁민수"},  // four syllables: a name, rather a house's
        NameCase{"정다은", true, true, "정다은"},
        NameCase{"이", false, false, nullptr},
        NameCase{"사회부", false, false, nullptr},      // a desk
        NameCase{"편집팀", false, false, nullptr},
        NameCase{"인턴", false, false, nullptr},        // listed as no name
        NameCase{"조선일보", false, false, nullptr},    // a publisher
        NameCase{"예시일보", true, false, "예시일보"},  // named like a house: no person
        NameCase{"AI", false, false, nullptr},
        NameCase{"쓰기가", true, false, nullptr},       // no family name
        NameCase{"홍길동·김철수 hong@example.com", false, false, "홍길동, 김철수"},
        NameCase{"쓰기가 어렵다", false, false, nullptr},
        NameCase{"지대~", false, true, nullptr}));  // an exclamation, though 지대 may be a name

TEST(ArticleBylineNames, PiecesOfABylineWord) {
  EXPECT_EQ(name_pieces("서울=홍길동"), (std::vector<std::string_view>{"홍길동"}));
  EXPECT_EQ(name_pieces("홍길동·김철수"), (std::vector<std::string_view>{"홍길동", "김철수"}));
  EXPECT_EQ(name_pieces("홍길동/김철수"), (std::vector<std::string_view>{"홍길동", "김철수"}));
}

}  // namespace
}  // namespace kosearch::article_lines
