#include "article_lines.h"

#include <gtest/gtest.h>

namespace kosearch::article_lines {
namespace {

TEST(ArticleLines, ADatelineGivesItsDates) {
  const LineInfo info = analyze_line("입력 2023-05-09 06:57 수정 2023-05-17 15:45 | 홍길동 기자");
  EXPECT_EQ(info.role, LineRole::dateline);
  EXPECT_EQ(info.date, "2023-05-09");
  EXPECT_EQ(info.updated, "2023-05-17");
  EXPECT_EQ(info.author, "홍길동");
  EXPECT_FALSE(info.unlabelled_date);
}

TEST(ArticleLines, AnUnlabelledDateIsTrustedOnlyByPosition) {
  const LineInfo info = analyze_line("2024.04.02 14:30");
  EXPECT_EQ(info.role, LineRole::dateline);
  EXPECT_FALSE(info.date);
  EXPECT_EQ(info.unlabelled_date, "2024-04-02");
}

TEST(ArticleLines, ABareLabelWaitsForItsDate) {
  const LineInfo info = analyze_line("수정");
  EXPECT_EQ(info.role, LineRole::boilerplate);
  EXPECT_EQ(info.bare_label, article_words::DateRole::revised);
}

TEST(ArticleLines, ABylineNamesItsAuthorAndHouse) {
  const LineInfo info = analyze_line("홍길동 예시일보 기자 hong@example.com");
  EXPECT_EQ(info.role, LineRole::byline);
  EXPECT_EQ(info.author, "홍길동");
  EXPECT_EQ(info.publisher_name, "예시일보");
  EXPECT_EQ(info.trust, Trust::byline);
}

TEST(ArticleLines, EachPublisherSourceHasItsTrust) {
  EXPECT_EQ(analyze_line("조선일보").trust, Trust::masthead);
  EXPECT_EQ(analyze_line("저작권자 © 연합뉴스 무단전재 및 재배포 금지").trust, Trust::copyright_footer);
  EXPECT_EQ(analyze_line("ⓒ 예시일보").trust, Trust::copyright_sign);  // also how photos are credited
  EXPECT_EQ(analyze_line("▶ 네이버에서 한경닷컴 뉴스를 받아보세요").trust, Trust::promo);
  EXPECT_EQ(analyze_line("문제는 시간입니다.").trust, Trust::none);
  EXPECT_LT(Trust::masthead, Trust::copyright_footer);
  EXPECT_LT(Trust::copyright_footer, Trust::byline);
  EXPECT_LT(Trust::byline, Trust::navigation);
}

TEST(ArticleLines, AFooterNamesItsHolder) {
  const LineInfo info = analyze_line("Copyright ⓒ 예시일보. All rights reserved.");
  EXPECT_EQ(info.role, LineRole::boilerplate);
  EXPECT_EQ(named_publisher(info.publisher_name), "예시일보");
}

TEST(ArticleLines, PublishersAreNamedCanonically) {
  EXPECT_EQ(find_publisher("자세한 내용은 조선닷컴에서"), "조선일보");
  EXPECT_FALSE(find_publisher("예시일보"));  // not in the gazetteer
  EXPECT_EQ(named_publisher("[조선닷컴]"), "조선일보");
  EXPECT_EQ(named_publisher("예시일보"), "예시일보");  // as the article writes it
}

TEST(ArticleLines, ALeadKeepsItsParagraphAsBody) {
  const LineInfo info = analyze_line("(서울=연합뉴스) 홍길동 기자 = 정부가 2일 반도체 지원책을 발표했다.");
  EXPECT_EQ(info.role, LineRole::body);
  EXPECT_EQ(info.author, "홍길동");
  EXPECT_EQ(find_publisher(info.publisher_zone), "연합뉴스");
}

}  // namespace
}  // namespace kosearch::article_lines
