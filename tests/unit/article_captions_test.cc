#include "article_captions.h"

#include <gtest/gtest.h>

#include <ostream>

namespace kosearch::article_lines {
namespace {

// A line and what each caption rule makes of it.
struct CaptionCase {
  const char* line;
  bool caption;      // is_caption
  bool credit_line;  // is_credit_line
  bool signed_off;   // ends_with_credit
  bool media;        // is_media_credit
  bool photo_story;  // is_labelled_photo_story
};

void PrintTo(const CaptionCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class ArticleCaptions : public ::testing::TestWithParam<CaptionCase> {};

TEST_P(ArticleCaptions, Rules) {
  const CaptionCase& c = GetParam();
  EXPECT_EQ(is_caption(c.line), c.caption);
  EXPECT_EQ(is_credit_line(c.line), c.credit_line);
  EXPECT_EQ(ends_with_credit(c.line), c.signed_off);
  EXPECT_EQ(is_media_credit(c.line), c.media);
  EXPECT_EQ(is_labelled_photo_story(c.line), c.photo_story);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleCaptions,
    ::testing::Values(
        // credit words before `=`, markers, bracket labels
        CaptionCase{"〈사진= 로이터, 연합뉴스〉", true, true, false, false, false},
        CaptionCase{"중국 국기가 전시되어 있다. 사진=로이터이미지 확대보기", true, false, false, false, false},
        CaptionCase{"지난 3일 서울 여의도 모습. (사진 = 연합뉴스)", true, false, false, false, false},
        CaptionCase{"반도체 공장 내부 모습 ＝ 사진제공 ＝ 삼성전자", true, false, false, false, false},
        CaptionCase{"반도체 공장 내부. 자료＝삼성전자", true, false, false, false, false},
        CaptionCase{"서울 여의도 국회의사당 전경 확대보기", true, false, false, false, false},
        CaptionCase{"[그래픽] 외국인 직접투자(FDI) 급감한 중국", true, false, false, false, true},
        CaptionCase{"[사진] 봄꽃 만개한 여의도", true, false, false, false, true},
        CaptionCase{"[사진=연합뉴스]", true, true, false, false, false},
        CaptionCase{"[사진공모전] 수상작 발표", false, false, false, false, false},  // a label must end its word
        // lines of picture credits
        CaptionCase{"로이터/연합뉴스", false, true, true, false, false},
        CaptionCase{"게티이미지뱅크", false, true, false, false, false},
        CaptionCase{"로이터=뉴스1", false, true, false, false, false},
        CaptionCase{"연합뉴스", false, false, false, false, false},  // a publisher alone: a masthead
        // captions signed with their credit
        CaptionCase{"서울 여의도 국회의사당 모습. 2024.4.2/뉴스1", false, false, true, false, false},
        CaptionCase{"삼성전자 평택캠퍼스 전경. /삼성전자 제공", false, false, true, false, false},
        CaptionCase{"서울 여의도 모습. / 로이터", false, false, true, false, false},
        CaptionCase{"매출은 1조/2조 원이다", false, false, false, false, false},
        // credits of pictures and video
        CaptionCase{"사진 홍길동 기자", false, false, false, true, false},
        CaptionCase{"촬영기자:홍길동/영상편집:김철수", false, false, false, true, false},
        CaptionCase{"영상=홍길동", true, false, false, true, false},
        CaptionCase{"사진 찍기 좋은 날", false, false, false, false, false},
        CaptionCase{"문제는 시간입니다.", false, false, false, false, false}));

}  // namespace
}  // namespace kosearch::article_lines
