#include "kosearch/text.h"

#include <gtest/gtest.h>

namespace kosearch {
namespace {

TEST(TextDecode, DecodesCodePointsAndLengths) {
  EXPECT_EQ(decode_utf8_at("가", 0).code_point, U'가');
  EXPECT_EQ(decode_utf8_at("가", 0).length, 3);
  EXPECT_TRUE(decode_utf8_at("가", 0).valid);
  EXPECT_EQ(decode_utf8_at("a\xF0\x9F\x98\x80", 1).code_point, U'\U0001F600');
  const Utf8Decoded bad = decode_utf8_at("\xE0\x80", 0);
  EXPECT_FALSE(bad.valid);
  EXPECT_EQ(bad.code_point, U'\uFFFD');
  EXPECT_EQ(bad.length, 1);
}

TEST(TextDecode, NextCodePointReplacesEachIllFormedSubpartOnce) {
  // An encoded surrogate is three ill-formed bytes; a truncated sequence
  // (E0 A0 with its last byte missing) is one maximal subpart.
  const std::string_view s = "가\xED\xA0\x80나\xE0\xA0!";
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
  EXPECT_EQ(out, U"가\uFFFD\uFFFD\uFFFD나\uFFFD!");
}

TEST(TextCodePoints, CountAdvanceAndStepBack) {
  const std::string_view s = "a가b😀";
  EXPECT_EQ(code_point_count(s), 4u);
  EXPECT_EQ(advance_code_points(s, 0, 2, s.size()), 4u);
  EXPECT_EQ(advance_code_points(s, 0, 9, 3), 3u);  // stops at the limit
  EXPECT_EQ(previous_code_point_start(s, s.size()), 5u);
  EXPECT_EQ(previous_code_point_start(s, 4), 1u);
  EXPECT_EQ(utf8_prefix_length(s, 3), 1u);  // never inside 가
  EXPECT_EQ(utf8_prefix_length(s, 100), s.size());
}

TEST(TextSpaces, UnicodeWhiteSpaceAndWhatWebPagesUseAsSpaces) {
  for (char32_t c : {U' ', U'\t', U'\n', U'\u00A0', U'\u3000', U'\u2009', U'\u200B', U'\uFEFF', U'\u2028'})
    EXPECT_TRUE(is_space(c)) << static_cast<unsigned>(c);
  for (char32_t c : {U'a', U'가', U'\u200C', U'·', U'\u3164'}) EXPECT_FALSE(is_space(c)) << static_cast<unsigned>(c);
  EXPECT_TRUE(is_ascii_space('\v'));
  EXPECT_FALSE(is_ascii_space('\0'));
  for (char c : ascii_spaces) EXPECT_TRUE(is_ascii_space(c));
}

TEST(TextSpaces, TrimAsciiSpacesLeavesOtherSpaceAlone) {
  EXPECT_EQ(trim_ascii_spaces(" \t엔비디아 = NVIDIA\r\n"), "엔비디아 = NVIDIA");
  EXPECT_EQ(trim_ascii_spaces(" \f\v "), "");
  EXPECT_EQ(trim_ascii_spaces(""), "");
  EXPECT_EQ(trim_ascii_spaces("\u3000a\u3000"), "\u3000a\u3000");
}

TEST(TextCase, AsciiOnly) {
  EXPECT_EQ(ascii_lower("NVIDIA 엔비디아 Ü"), "nvidia 엔비디아 Ü");
  EXPECT_TRUE(starts_with_ascii_ci("HTTPS://x", "https://"));
  EXPECT_FALSE(starts_with_ascii_ci("http", "https"));
}

TEST(TextHangul, SyllableBlock) {
  EXPECT_TRUE(is_hangul_syllable(U'가'));
  EXPECT_TRUE(is_hangul_syllable(U'힣'));
  EXPECT_FALSE(is_hangul_syllable(U'ㄱ'));
  EXPECT_FALSE(is_hangul_syllable(U'A'));
}

TEST(TextCalendar, LeapYearsAndMonthLengths) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2023, 4), 30);
  EXPECT_TRUE(is_calendar_date(2024, 2, 29));
  EXPECT_FALSE(is_calendar_date(2023, 2, 29));
  EXPECT_FALSE(is_calendar_date(2023, 13, 1));
  EXPECT_FALSE(is_calendar_date(0, 1, 1));
  EXPECT_FALSE(is_calendar_date(2023, 1, 0));
}

TEST(TextNeutralize, ControlsBecomeSpaceOrReplacement) {
  EXPECT_EQ(neutralize_controls("a\tb\nc"), "a b c");
  EXPECT_EQ(neutralize_controls("x\x1b[2Jy"), "x\uFFFD[2Jy");
  EXPECT_EQ(neutralize_controls("x\x7fy"), "x\uFFFDy");
  EXPECT_EQ(neutralize_controls("x\xc2\x9b" "31m"), "x\uFFFD31m");  // C1 CSI
  EXPECT_EQ(neutralize_controls("a\u202Eb\u2066c"), "a\uFFFDb\uFFFDc");
}

TEST(TextNeutralize, OrdinaryTextUnchanged) {
  const std::string text = "美의 대중 규제… 中 AI 성능 (GPT-4) ‘소라’ \u00A0é 😀";
  EXPECT_EQ(neutralize_controls(text), text);
}

TEST(TextNeutralize, InvalidUtf8IsReplaced) {
  const std::string out = neutralize_controls("a\xff\xfe" "b");
  EXPECT_TRUE(is_valid_utf8(out));
  EXPECT_EQ(out.find('\xff'), std::string::npos);
}

struct Utf8Case {
  std::string_view bytes;
  bool valid;
  std::string_view sanitized;  // sanitize_utf8(bytes)
};

class TextUtf8 : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(TextUtf8, ValidatesStrictly) {
  EXPECT_EQ(is_valid_utf8(GetParam().bytes), GetParam().valid);
}

TEST_P(TextUtf8, SanitizesToValidUtf8) {
  const std::string out = sanitize_utf8(GetParam().bytes);
  EXPECT_EQ(out, GetParam().sanitized);
  EXPECT_TRUE(is_valid_utf8(out));
}

#define FFFD "\xEF\xBF\xBD"

INSTANTIATE_TEST_SUITE_P(
    Table, TextUtf8,
    ::testing::Values(
        Utf8Case{"", true, ""},
        Utf8Case{"plain ascii", true, "plain ascii"},
        Utf8Case{"엔비디아 H100", true, "엔비디아 H100"},
        Utf8Case{"\xF0\x9F\x98\x80", true, "\xF0\x9F\x98\x80"},         // U+1F600, 4 bytes
        Utf8Case{"\xF4\x8F\xBF\xBF", true, "\xF4\x8F\xBF\xBF"},         // U+10FFFF, the last
        Utf8Case{"\xEF\xBF\xBD", true, FFFD},                           // U+FFFD itself is valid
        Utf8Case{"\xFF\xFE", false, FFFD FFFD},                         // never-valid bytes
        Utf8Case{"a\x80z", false, "a" FFFD "z"},                        // stray continuation
        Utf8Case{"\xC0\xAF", false, FFFD FFFD},                         // overlong '/'
        Utf8Case{"\xE0\x80\xAF", false, FFFD FFFD FFFD},                // overlong, 3 bytes
        Utf8Case{"\xF0\x80\x80\xAF", false, FFFD FFFD FFFD FFFD},       // overlong, 4 bytes
        Utf8Case{"\xED\xA0\x80", false, FFFD FFFD FFFD},                // surrogate U+D800
        Utf8Case{"\xF4\x90\x80\x80", false, FFFD FFFD FFFD FFFD},       // U+110000
        Utf8Case{"\xF5\x80\x80\x80", false, FFFD FFFD FFFD FFFD},       // lead byte F5
        Utf8Case{"\xEC\x97", false, FFFD},                              // truncated 엔 at end
        Utf8Case{"\xEC\x97 x", false, FFFD " x"},                       // truncated, then text
        Utf8Case{"\xF0\x9F\x98", false, FFFD},                          // truncated 4-byte
        Utf8Case{"엔\xEB\xB9비디아", false, "엔" FFFD "비디아"}));      // truncated mid-word

}  // namespace
}  // namespace kosearch
