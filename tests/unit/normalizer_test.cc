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
