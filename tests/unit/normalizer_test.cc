#include "kosearch/normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace kosearch {
namespace {

struct NormalizeCase {
  std::string_view input;
  std::string_view expected;
};

class NormalizerNormalize : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizerNormalize, IsNfkcCasefold) {
  EXPECT_EQ(normalize(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizerNormalize,
    ::testing::Values(
        NormalizeCase{"", ""},
        NormalizeCase{"ASML", "asml"},                          // ASCII fast path
        NormalizeCase{"H100", "h100"},
        NormalizeCase{"엔비디아", "엔비디아"},                  // Hangul fast path
        NormalizeCase{"AI용", "ai용"},                          // mixed fast path
        NormalizeCase{"ＡＩ　ＨＢＭ３", "ai hbm3"},             // full-width → ASCII
        NormalizeCase{"㈜삼성", "(주)삼성"},
        NormalizeCase{"㎞", "km"},
        NormalizeCase{"℃", "°c"},
        NormalizeCase{"①", "1"},
        NormalizeCase{"Ⅲ", "iii"},
        NormalizeCase{"Straße", "strasse"},                     // full case folding
        NormalizeCase{"ΣΊΣΥΦΟΣ", "σίσυφοσ"},
        NormalizeCase{"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "한"},  // conjoining jamo compose
        NormalizeCase{"한\xE1\x86\xAB", "한\xE1\x86\xAB"},      // 한 + final jamo: no further syllable
        NormalizeCase{"가\xE1\x86\xA8", "각"},                  // syllable + trailing jamo compose
        NormalizeCase{"中國", "中國"}));

TEST(NormalizerNormalize, IntoReusesAndClearsOutput) {
  std::string out = "left over";
  normalize_into("ＡＢＣ", out);
  EXPECT_EQ(out, "abc");
  normalize_into("DEF", out);
  EXPECT_EQ(out, "def");
}

struct Utf8Case {
  std::string_view bytes;
  bool valid;
  std::string_view sanitized;  // sanitize_utf8(bytes)
};

class NormalizerUtf8 : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(NormalizerUtf8, ValidatesStrictly) {
  EXPECT_EQ(is_valid_utf8(GetParam().bytes), GetParam().valid);
}

TEST_P(NormalizerUtf8, SanitizesToValidUtf8) {
  const std::string out = sanitize_utf8(GetParam().bytes);
  EXPECT_EQ(out, GetParam().sanitized);
  EXPECT_TRUE(is_valid_utf8(out));
}

#define FFFD "\xEF\xBF\xBD"

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizerUtf8,
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

TEST(NormalizerMiddleDot, RecognizesListDots) {
  for (const char32_t cp : {U'\u318D', U'\u00B7', U'\u2027', U'\u30FB', U'\uFF65'}) {
    EXPECT_TRUE(is_middle_dot(cp)) << static_cast<unsigned>(cp);
  }
  for (const char32_t cp : {U'.', U' ', U'\u3002', U'가'}) {
    EXPECT_FALSE(is_middle_dot(cp)) << static_cast<unsigned>(cp);
  }
}

}  // namespace
}  // namespace kosearch
