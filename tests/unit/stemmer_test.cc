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
        StemCase{"기술하였는가", "기술"}, StemCase{"안팎에선", "안팎"}, StemCase{"그간엔", "그간"},
        // requests: a petition's title says what it asks for, not how politely
        StemCase{"도입해주세요", "도입"}, StemCase{"지원해주십시오", "지원"},
        StemCase{"처벌해달라는", "처벌"}, StemCase{"해주세요", "해주세요"}));

INSTANTIATE_TEST_SUITE_P(
    PastTense, StemmerDefault,
    ::testing::Values(
        // after a ㅆ-final syllable, verb endings meet at one stem
        StemCase{"지냈다", "지냈"}, StemCase{"지냈으며", "지냈"}, StemCase{"지냈는가", "지냈"},
        StemCase{"있었던", "있었"}, StemCase{"보냈나", "보냈"}, StemCase{"태어났기", "태어났"},
        // no ㅆ, no strip: 다 and 기 are not particles of nouns
        StemCase{"바다", "바다"}, StemCase{"사이다", "사이다"}, StemCase{"얘기", "얘기"},
        StemCase{"했다", "했다"}));

INSTANTIATE_TEST_SUITE_P(
    MoreEndings, StemmerDefault,
    ::testing::Values(
        StemCase{"발표하면서", "발표"}, StemCase{"철거되었으나", "철거"}, StemCase{"공헌했습니까", "공헌"},
        StemCase{"전달받은", "전달"}, StemCase{"공격받았다", "공격"},
        StemCase{"김을동씨가", "김을동"}, StemCase{"집권때", "집권"}, StemCase{"대선당시", "대선"},
        StemCase{"서거이후", "서거"}));

INSTANTIATE_TEST_SUITE_P(
    ProtectedEndings, StemmerDefault,
    ::testing::Values(
        // a shorter suffix that uncovers a protected word beats a longer one
        // that cuts into it: 라는 here is 라 + 는
        StemCase{"청나라는", "청나라"}, StemCase{"우리나라는", "우리나라"}, StemCase{"나라는", "나라"},
        StemCase{"카메라는", "카메라"}, StemCase{"가와무라는", "가와무라"},
        // the copula 라는 after other nouns still goes
        StemCase{"아파트라는", "아파트"}, StemCase{"이야기라고", "이야기"},
        StemCase{"아가씨의", "아가씨"}, StemCase{"아저씨가", "아저씨"},
        StemCase{"지중해", "지중해"}, StemCase{"명성황후", "명성황후"}, StemCase{"김대중", "김대중"}));

INSTANTIATE_TEST_SUITE_P(
    Survivors, StemmerDefault,
    ::testing::Values(
        // the gate keeps these whole: 웨/나 have no 받침, so 이 cannot be a particle
        StemCase{"화웨이", "화웨이"}, StemCase{"제미나이", "제미나이"},
        // exception list
        StemCase{"고양이", "고양이"}, StemCase{"고양이가", "고양이"}, StemCase{"어린이", "어린이"},
        StemCase{"원숭이", "원숭이"}, StemCase{"민주주의", "민주주의"},
        // compounds ending in such a noun keep it: 길고양이 is not 길고양 + 이
        StemCase{"길고양이", "길고양이"}, StemCase{"길고양이를", "길고양이"},
        StemCase{"길고양이가", "길고양이"}, StemCase{"미취학어린이", "미취학어린이"},
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
        OptionsCase{"년에서", 2, "년에서"},
        // a verb ending needs its verb: alone, 다 and 기 are words (10기, 3다)
        OptionsCase{"다", 0, "다"}, OptionsCase{"기", 0, "기"}, OptionsCase{"기", 1, "기"}));

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

TEST(StemmerStrips, GatedOnlyLeavesParticlesAnyWordMayEndIn) {
  const StemOptions gated{.min_syllables = 1, .max_strips = 1, .gated_only = true};
  EXPECT_EQ(light_stem("명이", gated), "명");
  EXPECT_EQ(light_stem("곳은", gated), "곳");
  EXPECT_EQ(light_stem("층으로", gated), "층");
  EXPECT_EQ(light_stem("정도", gated), "정도");  // 도 may end any word
  EXPECT_EQ(light_stem("일에", gated), "일에");
  EXPECT_EQ(light_stem("나는", gated), "나");    // 는 after no 받침: confirmed
  EXPECT_EQ(light_stem("정도", {.min_syllables = 1}), "정");  // without the option
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
  for (const std::string_view w : {"", "학교", "에서부", "년", "a", "다", "기", "는데"}) EXPECT_FALSE(is_particle(w)) << w;
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
