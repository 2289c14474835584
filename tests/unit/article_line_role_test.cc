#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

#include "article_lines.h"

// The order in which analyze_line tries the rules of each kind of line: where
// two rules both read a line, the case says which one wins and what the line
// then names. (article_lines_test.cc has the per-field examples.)

namespace kosearch::article_lines {
namespace {

std::optional<std::string> expected(const char* value) {
  return value ? std::optional<std::string>(value) : std::nullopt;
}

struct RoleCase {
  const char* line;
  LineRole role;
  Trust trust;
  const char* publisher;  // as the parser names it (the name, else the zone's listed publisher)
  const char* author;
  bool may_be_title = false;
};

void PrintTo(const RoleCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class ArticleLineRole : public ::testing::TestWithParam<RoleCase> {};

TEST_P(ArticleLineRole, RoleAndWhatItNames) {
  const RoleCase& c = GetParam();
  const LineInfo info = analyze_line(c.line);
  EXPECT_EQ(info.role, c.role);
  EXPECT_EQ(info.trust, c.trust);
  std::optional<std::string> publisher;
  if (!info.publisher_name.empty()) publisher = named_publisher(info.publisher_name);
  else if (auto listed = find_publisher(info.publisher_zone)) publisher = std::string(*listed);
  EXPECT_EQ(publisher, expected(c.publisher));
  EXPECT_EQ(info.author, expected(c.author));
  EXPECT_EQ(info.may_be_title, c.may_be_title);
}

constexpr auto body = LineRole::body;
constexpr auto boilerplate = LineRole::boilerplate;
constexpr auto caption = LineRole::caption;
constexpr auto masthead = LineRole::masthead;

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleLineRole,
    ::testing::Values(
        RoleCase{"", LineRole::blank, Trust::none, nullptr, nullptr},
        RoleCase{" \t ", LineRole::blank, Trust::none, nullptr, nullptr},
        RoleCase{"-----", boilerplate, Trust::none, nullptr, nullptr},  // no word: a rule or ornament
        RoleCase{"▲ | ▲", boilerplate, Trust::none, nullptr, nullptr},
        // a copyright footer or sign before a masthead: ⓒ 연합뉴스 is no site name
        RoleCase{"ⓒ 연합뉴스", boilerplate, Trust::copyright_sign, "연합뉴스", nullptr},
        RoleCase{"저작권자 © 연합뉴스 무단전재 및 재배포 금지", boilerplate, Trust::copyright_footer, "연합뉴스", nullptr},
        RoleCase{"무단전재 및 재배포 금지", boilerplate, Trust::copyright_footer, nullptr, nullptr},
        RoleCase{"© News1 홍길동 기자", caption, Trust::none, nullptr, nullptr},  // a photographer's credit
        // mastheads: listed names, then media words; list headings are chrome
        RoleCase{"조선일보", masthead, Trust::masthead, "조선일보", nullptr},
        RoleCase{"한국경제 | 한경닷컴", masthead, Trust::masthead, "한국경제", nullptr},
        RoleCase{"예시일보", masthead, Trust::masthead, "예시일보", nullptr},
        RoleCase{"많이본뉴스", boilerplate, Trust::none, nullptr, nullptr},
        // datelines before labelled lines: a byline inside a dateline is the dateline's
        RoleCase{"홍길동 기자 | 입력 2025.01.15", LineRole::dateline, Trust::byline, nullptr, "홍길동"},
        RoleCase{"예시일보 | 2025.01.15", LineRole::dateline, Trust::masthead, "예시일보", nullptr},
        RoleCase{"작성자 : 홍길동", LineRole::byline, Trust::byline, nullptr, "홍길동"},
        RoleCase{"본문자수 : 1794", boilerplate, Trust::none, nullptr, nullptr},
        // captions before promos and navigation; a photo story's label may be its title
        RoleCase{"[사진] 봄꽃 만개한 여의도", caption, Trust::none, nullptr, nullptr, true},
        RoleCase{"[사진=연합뉴스]", caption, Trust::none, nullptr, nullptr},
        RoleCase{"로이터/연합뉴스", caption, Trust::none, nullptr, nullptr},
        RoleCase{"사진 홍길동 기자", caption, Trust::none, nullptr, nullptr},
        RoleCase{"▶ 네이버에서 한경닷컴 뉴스를 받아보세요", boilerplate, Trust::promo, "한국경제", nullptr},
        // navigation names the house its menu links to, a listed one first
        RoleCase{"예시일보 | 경제", boilerplate, Trust::navigation, "예시일보", nullptr},
        RoleCase{"조선일보 바로가기", boilerplate, Trust::navigation, "조선일보", nullptr},
        RoleCase{"Home > 검색목록 > 기사상세보기", boilerplate, Trust::navigation, nullptr, nullptr},
        // bylines before wire leads
        RoleCase{"홍길동 예시일보 기자 hong@example.com", LineRole::byline, Trust::byline, "예시일보", "홍길동"},
        RoleCase{"[서울=뉴시스]", LineRole::dateline, Trust::byline, "뉴시스", nullptr},
        RoleCase{"(서울=연합뉴스) 홍길동 기자 = 정부가 2일 반도체 지원책을 발표했다.", body, Trust::byline, "연합뉴스", "홍길동"},
        // prose
        RoleCase{"조선일보에 따르면 정부는 지원을 늘린다.", body, Trust::none, nullptr, nullptr},
        RoleCase{"문제는 시간입니다.", body, Trust::none, nullptr, nullptr},
        RoleCase{"2024", body, Trust::none, nullptr, nullptr}));

}  // namespace
}  // namespace kosearch::article_lines
