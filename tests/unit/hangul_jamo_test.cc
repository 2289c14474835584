#include "kosearch/hangul_jamo.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kosearch::hangul {
namespace {

TEST(HangulJamo, SyllablesBecomeInitialVowelAndFinal) {
  EXPECT_EQ(jamo_units("각"), U"\u1100\u1161\u11A8");
  EXPECT_EQ(jamo_units("아"), U"\u110B\u1161");  // no final, no unit for it
  EXPECT_EQ(jamo_units("과"), U"\u1100\u116A");  // ㅘ is one unit
  EXPECT_EQ(jamo_units("a1"), U"a1");
}

TEST(HangulJamo, UnitCountIsTheLengthOfTheUnits) {
  for (const char* word : {"각", "아", "과", "a1", "엔비디아가", "노광 장비", "", "\xff장"})
    EXPECT_EQ(jamo_unit_count(word), jamo_units(word).size()) << word;
}

TEST(HangulJamo, UnitsIntoReplacesWhatTheBufferHeld) {
  std::u32string units = U"leftover";
  jamo_units_into("각", units);
  EXPECT_EQ(units, U"\u1100\u1161\u11A8");
}

TEST(HangulJamo, OneVowelOffIsOneUnit) {
  const std::u32string a = jamo_units("엔비디아"), b = jamo_units("엔비디야");
  ASSERT_EQ(a.size(), b.size());
  int differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
  EXPECT_EQ(differ, 1);
}

TEST(HangulJamo, InitialsQueryAcceptsTypedAndConjoiningConsonants) {
  EXPECT_EQ(initials_query("ㄴㄱ"), std::u32string({2, 0}));
  EXPECT_EQ(initials_query("\u1102\u1100"), std::u32string({2, 0}));  // NFKC of ㄴㄱ
  EXPECT_EQ(initials_query("ㅇㅂㄷㅇ"), std::u32string({11, 7, 3, 11}));
  EXPECT_EQ(initials_query("ㄲㅎ"), std::u32string({1, 18}));
}

TEST(HangulJamo, InitialsQueryRefusesAnythingElse) {
  EXPECT_FALSE(initials_query("ㄳ"));  // a final only
  EXPECT_FALSE(initials_query("ㄴㅏ"));
  EXPECT_FALSE(initials_query("노ㄱ"));
  EXPECT_FALSE(initials_query("ab"));
  EXPECT_FALSE(initials_query(""));
}

TEST(HangulJamo, SyllableBlocksByInitial) {
  EXPECT_EQ(initial_of(U'가'), 0);
  EXPECT_EQ(initial_of(U'힣'), 18);
  EXPECT_EQ(initial_of(U'a'), -1);
  EXPECT_EQ(syllables_begin(2), U'나');
  EXPECT_EQ(syllables_end(2) - 1, U'닣');
  EXPECT_EQ(syllables_end(18), 0xD7A4u);
}

TEST(HangulJamo, SyllablesOneJamoAway) {
  const std::vector<char32_t> others = one_edit_syllables(U'엔');
  EXPECT_EQ(others.size(), 20u + 27u);
  for (const char32_t near : {U'앤', U'얜', U'에', U'엑', U'엙'})
    EXPECT_NE(std::find(others.begin(), others.end(), near), others.end()) << static_cast<unsigned>(near);
  for (const char32_t far : {U'엔', U'앵', U'넨', U'앙'})
    EXPECT_EQ(std::find(others.begin(), others.end(), far), others.end()) << static_cast<unsigned>(far);
  EXPECT_TRUE(one_edit_syllables(U'a').empty());
}

TEST(HangulJamo, LatinKeysComposeSyllables) {
  EXPECT_EQ(latin_to_hangul("shrhkd"), "노광");   // hk → ㅘ
  EXPECT_EQ(latin_to_hangul("wkdql"), "장비");
  EXPECT_EQ(latin_to_hangul("dpsqleldk"), "엔비디아");  // n moves to the next syllable before a vowel
  EXPECT_EQ(latin_to_hangul("dkswk"), "안자");
  EXPECT_EQ(latin_to_hangul("rkqt"), "값");       // double final ㅄ
  EXPECT_EQ(latin_to_hangul("rkqtdl"), "값이");  // the double final's second part stays
  EXPECT_EQ(latin_to_hangul("dlfrdj"), "읽어");
  EXPECT_EQ(latin_to_hangul("Rkaml"), "까믜");   // Shift: ㄲ; ml → ㅢ
  EXPECT_EQ(latin_to_hangul("RKAML"), "까믜");   // caps lock: ㄲ, the rest as lower case
  EXPECT_EQ(latin_to_hangul("dhodksehla"), "왜안됨");  // ho → ㅙ, hl → ㅚ
  EXPECT_EQ(latin_to_hangul("rr"), "ㄱㄱ");       // consonants without a vowel stay letters
  EXPECT_EQ(latin_to_hangul("hk"), "ㅘ");
}

TEST(HangulJamo, LatinToHangulNeedsLettersOnly) {
  EXPECT_FALSE(latin_to_hangul("gpt-4"));
  EXPECT_FALSE(latin_to_hangul("노광"));
  EXPECT_FALSE(latin_to_hangul(""));
}

TEST(HangulJamo, HangulBackToKeys) {
  EXPECT_EQ(hangul_to_latin("ㅁㄴㅡㅣ"), "asml");
  EXPECT_EQ(hangul_to_latin("\u1106\u1102\u1173\u1175"), "asml");  // NFKC form
  EXPECT_EQ(hangul_to_latin("노광"), "shrhkd");
  EXPECT_EQ(hangul_to_latin("값"), "rkqt");
  EXPECT_EQ(hangul_to_latin("ㅆ"), "T");
  EXPECT_FALSE(hangul_to_latin("a노"));
  EXPECT_FALSE(hangul_to_latin(""));
}

TEST(HangulJamo, RoundTrip) {
  for (const char* word : {"엔비디아", "반도체", "화웨이", "읽었다", "값싼", "의외"})
    EXPECT_EQ(latin_to_hangul(*hangul_to_latin(word)), word) << word;
}

TEST(HangulJamo, SyllableArithmeticTakesSyllablesApartAndBack) {
  EXPECT_EQ(initial_of(U'각'), 0);
  EXPECT_EQ(medial_of(U'각'), 0);
  EXPECT_EQ(final_of(U'각'), 1);    // ㄱ
  EXPECT_EQ(final_of(U'갔'), 20);   // ㅆ
  EXPECT_EQ(final_of(U'가'), 0);
  EXPECT_EQ(initial_of(U'힣'), 18);  // ㅎ
  EXPECT_EQ(medial_of(U'힣'), 20);   // ㅣ
  EXPECT_EQ(final_of(U'힣'), 27);    // ㅎ
  EXPECT_EQ(medial_of(U'려'), 6);    // ㅕ
  EXPECT_EQ(with_initial(U'력', 11), U'역');
  EXPECT_EQ(with_initial(U'로', 2), U'노');
  for (const char32_t not_a_syllable : {U'ㄱ', U'A', U'美'}) {
    EXPECT_EQ(initial_of(not_a_syllable), -1);
    EXPECT_EQ(medial_of(not_a_syllable), -1);
    EXPECT_EQ(final_of(not_a_syllable), -1);
  }
}

}  // namespace
}  // namespace kosearch::hangul
