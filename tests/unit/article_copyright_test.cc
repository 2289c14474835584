#include "article_copyright.h"

#include <gtest/gtest.h>

#include <ostream>

namespace kosearch::article_lines {
namespace {

struct FooterCase {
  const char* line;
  bool footer;          // read_copyright gives one
  const char* holder;   // "" when the footer names none
  bool says_copyright;  // a word, not only a sign
  bool photo_credit;
};

void PrintTo(const FooterCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class ArticleCopyright : public ::testing::TestWithParam<FooterCase> {};

TEST_P(ArticleCopyright, Read) {
  const FooterCase& c = GetParam();
  const auto footer = read_copyright(c.line);
  ASSERT_EQ(footer.has_value(), c.footer);
  if (!footer) return;
  EXPECT_EQ(footer->holder, c.holder);
  EXPECT_EQ(footer->says_copyright, c.says_copyright);
  EXPECT_EQ(footer->photo_credit, c.photo_credit);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleCopyright,
    ::testing::Values(
        // footers opening with a copyright word or sign, the holder up to the first stop
        FooterCase{"저작권자 © 연합뉴스 무단전재 및 재배포 금지", true, "연합뉴스", true, false},
        FooterCase{"Copyright ⓒ 예시일보. All rights reserved.", true, "예시일보", true, false},
        FooterCase{"Copyright ⓒ 매일경제 & mk.co.kr. All rights reserved.", true, "매일경제", true, false},
        FooterCase{"Copyright © 2025 by 예시일보", true, "예시일보", true, false},
        FooterCase{"<저작권자(c) 예시일보, 무단 전재-재배포 금지>", true, "예시일보", true, false},
        FooterCase{"※ 저작권자 ⓒ 예시일보, 무단전재 및 재배포 금지", true, "예시일보", true, false},
        FooterCase{"ⓒ (주)예시일보", true, "예시일보", false, false},
        FooterCase{"ⓒ 세상을 보는 눈, 세계일보", true, "세계일보", false, false},  // a slogan before the name
        // a bare sign: a footer or a photo credit
        FooterCase{"ⓒ 예시일보", true, "예시일보", false, false},
        FooterCase{"© News1 홍길동 기자", true, "", false, true},
        FooterCase{"ⓒ 정다은", false, "", false, false},  // a photographer
        FooterCase{"ⓒ 로이터", false, "", false, false},  // an agency's credit
        // footers with no copyright word or sign at the start
        FooterCase{"이 기사의 저작권은 예시일보에 있습니다", true, "예시일보", true, false},
        FooterCase{"무단전재 및 재배포 금지", true, "", true, false},
        // prose about copyright
        FooterCase{"저작권은 작가에게 있다", false, "", false, false},
        FooterCase{"Copyright 침해로 소송을 냈다", false, "", false, false},
        FooterCase{"저작권자들이 보면 열받는 영화겠군", false, "", false, false},
        FooterCase{"\"Copyright © 예시일보\"", false, "", false, false},  // quoted
        FooterCase{"무단전재를 막겠다고 밝혔다", false, "", false, false},
        FooterCase{"문제는 시간입니다.", false, "", false, false}));

}  // namespace
}  // namespace kosearch::article_lines
