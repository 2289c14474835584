#include "article_navigation.h"

#include <gtest/gtest.h>

#include <ostream>

namespace kosearch::article_lines {
namespace {

// A line and what each chrome rule makes of it.
struct ChromeCase {
  const char* line;
  bool breadcrumb;  // is_breadcrumb
  bool navigation;  // is_navigation
  bool masthead;    // is_masthead
  bool promo;       // is_promo
};

void PrintTo(const ChromeCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class ArticleNavigation : public ::testing::TestWithParam<ChromeCase> {};

TEST_P(ArticleNavigation, Rules) {
  const ChromeCase& c = GetParam();
  EXPECT_EQ(is_breadcrumb(c.line), c.breadcrumb);
  EXPECT_EQ(is_navigation(c.line), c.navigation);
  EXPECT_EQ(is_masthead(c.line), c.masthead);
  EXPECT_EQ(is_promo(c.line), c.promo);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleNavigation,
    ::testing::Values(
        // breadcrumb trails: spaced separators after a navigation word
        ChromeCase{"Home > 검색목록 > 기사상세보기", true, true, false, false},
        ChromeCase{"뉴스 > 경제 > 산업", true, true, false, false},
        ChromeCase{"홈 › 정치", true, true, false, false},
        ChromeCase{"기대->몰입->지루->황당->체념", false, false, false, false},
        ChromeCase{"여고괴담 1>3>2>5>4(공포)", false, false, false, false},
        ChromeCase{"가위>찍히면죽는다", false, false, false, false},
        ChromeCase{"홈 > 정부는 지원책을 발표했다.", false, false, false, false},
        // menus, share bars and pagers
        ChromeCase{"서비스 메뉴 바로가기 본문 바로가기 아티클 바로가기 프로그램 목록 바로가기", false, true, false, false},
        ChromeCase{"크게 작게 프린트 메일", false, true, false, false},
        ChromeCase{"URL 줄이기 페이스북 X", false, true, false, false},
        ChromeCase{"IT/과학", false, true, false, false},
        ChromeCase{"댓글 0 공유 3", false, true, false, false},
        ChromeCase{"1 2 3 4 5 다음", false, true, false, false},
        ChromeCase{"좋아요 0 훈훈해요 0 슬퍼요 0 화나요 0 후속기사 원해요 0", false, true, false, false},
        ChromeCase{"예시일보 | 경제", false, true, false, false},
        ChromeCase{"2024", false, false, false, false},  // a number alone
        ChromeCase{"좋아요.", false, false, false, false},
        // listed phrases, hashtags, a link's verb
        ChromeCase{"이 기사를 공유합니다", false, true, false, false},
        ChromeCase{"#AI #반도체 #중국", false, true, false, false},
        ChromeCase{"주요 서비스 바로가기", false, true, false, false},
        ChromeCase{"페이스북(으)로 기사보내기", false, true, false, false},
        // mastheads: names of the house and nothing else
        ChromeCase{"조선일보", false, true, true, false},
        ChromeCase{"한국경제 | 한경닷컴", false, true, true, false},
        ChromeCase{"[한국경제]", false, true, true, false},
        ChromeCase{"조선일보에 따르면 정부는 지원을 늘린다.", false, false, false, false},
        // promos
        ChromeCase{"▶ 네이버에서 한경닷컴 뉴스를 받아보세요", false, false, false, true},
        ChromeCase{"※한경 마켓PRO 텔레그램을 구독하시면 프리미엄 투자 콘텐츠를 보다 편리하게 볼 수 있습니다.", false, false, false, true},
        ChromeCase{"☞ 기사제보", false, false, false, true},
        ChromeCase{"뉴스레터 구독하기", false, true, false, true},
        ChromeCase{"▶ 정부는 지원책을 발표했다", false, false, false, false},  // an arrow alone is a bullet
        ChromeCase{"문제는 시간입니다.", false, false, false, false}));

}  // namespace
}  // namespace kosearch::article_lines
