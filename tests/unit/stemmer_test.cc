#include "kosearch/stemmer.h"

#include <gtest/gtest.h>

#include <string_view>

namespace kosearch {
namespace {

struct StemCase {
  std::string_view word;
  std::string_view stem;  // light_stem(word) with default options (≥ 2 syllables, 2 strips)
};

void PrintTo(const StemCase& c, std::ostream* os) { *os << c.word << " → " << c.stem; }

class StemmerDefault : public ::testing::TestWithParam<StemCase> {};

TEST_P(StemmerDefault, StripsTheExpectedSuffix) {
  EXPECT_EQ(light_stem(GetParam().word), GetParam().stem);
}

INSTANTIATE_TEST_SUITE_P(
    Particles, StemmerDefault,
    ::testing::Values(
        // gated particles: 이/가, 을/를, 은/는, 과/와 follow the 받침 of the stem
        StemCase{"엔비디아의", "엔비디아"}, StemCase{"엔비디아가", "엔비디아"},
        StemCase{"장비를", "장비"}, StemCase{"임종석이", "임종석"}, StemCase{"임종석의", "임종석"},
        StemCase{"반도체를", "반도체"}, StemCase{"대통령은", "대통령"},
        StemCase{"정부는", "정부"}, StemCase{"미국과", "미국"}, StemCase{"중국와", "중국와"},
        StemCase{"일본와", "일본와"}, StemCase{"한국와", "한국와"}, StemCase{"대만과", "대만"},
        StemCase{"서울로", "서울"},    // VL: ㄹ 받침 takes 로
        StemCase{"학교로", "학교"},    // VL: no 받침
        StemCase{"한국으로", "한국"},  // C: 으로
        StemCase{"턱밑까지", "턱밑"}, StemCase{"프로젝트의", "프로젝트"},
        // stacked particles are single entries or two strips
        StemCase{"학교에서부터", "학교"}, StemCase{"학생으로서는", "학생"},
        StemCase{"친구에게서도", "친구"}, StemCase{"사람들의", "사람"},
        StemCase{"사람들이", "사람"}, StemCase{"사람들에게", "사람"}));

INSTANTIATE_TEST_SUITE_P(
    Endings, StemmerDefault,
    ::testing::Values(
        StemCase{"발표했다", "발표"}, StemCase{"발표하였다", "발표"}, StemCase{"생각한다", "생각"},
        StemCase{"개발되었다", "개발"}, StemCase{"구성된", "구성"}, StemCase{"중요한", "중요"},
        StemCase{"경제적인", "경제"}, StemCase{"본격적으로", "본격"}, StemCase{"정치적", "정치"},
        StemCase{"학생이다", "학생"}, StemCase{"무엇인가", "무엇"},
        StemCase{"기술하였는가", "기술"}, StemCase{"안팎에선", "안팎"}, StemCase{"그간엔", "그간"}));

INSTANTIATE_TEST_SUITE_P(
    Survivors, StemmerDefault,
    ::testing::Values(
        // the gate keeps these whole: 웨/나 have no 받침, so 이 cannot be a particle
        StemCase{"화웨이", "화웨이"}, StemCase{"제미나이", "제미나이"},
        // exception list
        StemCase{"고양이", "고양이"}, StemCase{"고양이가", "고양이"}, StemCase{"어린이", "어린이"},
        StemCase{"원숭이", "원숭이"}, StemCase{"민주주의", "민주주의"},
        StemCase{"민주주의는", "민주주의"}, StemCase{"자본주의", "자본주의"},
        StemCase{"군주의", "군주"},  // three syllables: noun + 의, not an -ism
        StemCase{"회의", "회의"}, StemCase{"회의에서", "회의"}, StemCase{"합의", "합의"},
        StemCase{"정의", "정의"}, StemCase{"국가", "국가"}, StemCase{"바다", "바다"},
        StemCase{"사이다", "사이다"}, StemCase{"코로나", "코로나"},
        StemCase{"우크라이나", "우크라이나"}, StemCase{"우크라이나의", "우크라이나"},
        StemCase{"온라인", "온라인"}, StemCase{"온라인으로", "온라인"},
        StemCase{"디자인을", "디자인"}, StemCase{"불꽃놀이", "불꽃놀이"},
        StemCase{"천안함", "천안함"}, StemCase{"스스로", "스스로"}, StemCase{"여의도", "여의도"},
        StemCase{"스페인의", "스페인"},
        // function words stay whole
        StemCase{"하지만", "하지만"}, StemCase{"그러나", "그러나"}, StemCase{"그리고", "그리고"},
        StemCase{"그런데", "그런데"}, StemCase{"때문에", "때문에"}, StemCase{"그러므로", "그러므로"},
        StemCase{"이러한", "이러한"}, StemCase{"또는", "또는"},
        // two syllables minimum
        StemCase{"학교", "학교"}, StemCase{"나는", "나는"}, StemCase{"위에", "위에"},
        StemCase{"정도", "정도"},
        // a longer suffix that would leave too little is not replaced by a piece
        // of itself (것이라고 is not 것이 + 라고), and no stem ends in 으
        StemCase{"것이라고", "것이라고"}, StemCase{"것으로", "것으로"}, StemCase{"있으며", "있으며"},
        StemCase{"", ""}));

struct OptionsCase {
  std::string_view word;
  int min_syllables;
  std::string_view stem;
};

void PrintTo(const OptionsCase& c, std::ostream* os) {
  *os << c.word << " (min " << c.min_syllables << ") → " << c.stem;
}

class StemmerMinSyllables : public ::testing::TestWithParam<OptionsCase> {};

TEST_P(StemmerMinSyllables, RespectsTheMinimum) {
  EXPECT_EQ(light_stem(GetParam().word, {.min_syllables = GetParam().min_syllables}),
            GetParam().stem);
}

INSTANTIATE_TEST_SUITE_P(
    Table, StemmerMinSyllables,
    ::testing::Values(
        // min 0: a word that is a particle in full strips to nothing (A800과, ASML이)
        OptionsCase{"과", 0, ""}, OptionsCase{"이", 0, ""}, OptionsCase{"에서", 0, ""},
        OptionsCase{"에서부터", 0, ""}, OptionsCase{"들의", 0, ""},
        OptionsCase{"년에서", 0, "년"}, OptionsCase{"사가", 0, "사"},
        OptionsCase{"용", 0, "용"}, OptionsCase{"나노칩", 0, "나노칩"},
        // min 1: what stays of Hangul glued to a number
        OptionsCase{"년에서", 1, "년"}, OptionsCase{"위를", 1, "위"}, OptionsCase{"과", 1, "과"},
        OptionsCase{"년에서", 2, "년에서"}));

TEST(StemmerGate, DigitsAndLatinPassEveryGate) {
  // 과 needs a 받침 and 가 needs none: neither can be judged after A800 / 3.
  EXPECT_EQ(light_stem("a800과", {.min_syllables = 1}), "a800");
  EXPECT_EQ(light_stem("3가", {.min_syllables = 1}), "3");
  EXPECT_EQ(light_stem("asml을", {.min_syllables = 1}), "asml");
}

TEST(StemmerStrips, AtMostMaxStrips) {
  EXPECT_EQ(light_stem("사람들의", {.max_strips = 1}), "사람들");
  EXPECT_EQ(light_stem("사람들의", {.max_strips = 0}), "사람들의");
}

TEST(StemmerStrips, StemIsAPrefixOfTheWord) {
  const std::string_view word = "엔비디아가";
  const std::string_view stem = light_stem(word);
  EXPECT_EQ(stem.data(), word.data());
  EXPECT_TRUE(word.starts_with(stem));
}

TEST(StemmerParticle, RecognizesWholeParticles) {
  for (const std::string_view p : {"과", "이", "에서부터", "으로서는", "했다", "적인"}) {
    EXPECT_TRUE(is_particle(p)) << p;
  }
  for (const std::string_view w : {"", "학교", "에서부", "년", "a"}) EXPECT_FALSE(is_particle(w)) << w;
}

TEST(StemmerFinalConsonant, ReadsTheSyllable) {
  EXPECT_TRUE(has_final_consonant(U'석'));
  EXPECT_TRUE(has_final_consonant(U'울'));
  EXPECT_FALSE(has_final_consonant(U'아'));
  EXPECT_FALSE(has_final_consonant(U'가'));
  EXPECT_TRUE(has_final_consonant(U'힣'));
  EXPECT_FALSE(has_final_consonant(U'A'));
  EXPECT_FALSE(has_final_consonant(U'ㄱ'));
}

}  // namespace
}  // namespace kosearch
