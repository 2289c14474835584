#include "kosearch/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/schema.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// Each token is written as  surface[→stem][+joined]:
//   "엔비디아의→엔비디아"  surface 엔비디아의, stem 엔비디아, no joined term
//   "2028+2028년"         surface and stem 2028, joined 2028년
//   "년에서→년"            the Hangul word after 2028 keeps its own token
std::string describe(const Token& t) {
  std::string s = t.surface;
  if (t.stem != t.surface) s += "→" + t.stem;
  if (!t.joined.empty()) s += "+" + t.joined;
  return s;
}

std::vector<std::string> describe_all(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(describe(t));
  return out;
}

struct AnalyzeCase {
  std::string_view text;
  std::vector<std::string> tokens;
};

void PrintTo(const AnalyzeCase& c, std::ostream* os) { *os << c.text; }

class AnalyzerTable : public ::testing::TestWithParam<AnalyzeCase> {
 protected:
  static Analyzer& analyzer() {
    static Analyzer a;
    return a;
  }
};

TEST_P(AnalyzerTable, ProducesTheExpectedTokens) {
  EXPECT_EQ(describe_all(analyzer().analyze(GetParam().text)), GetParam().tokens);
}

// The ICU word-break table of korean-text.md, after normalization, stemming
// and joins.
INSTANTIATE_TEST_SUITE_P(
    IcuTable, AnalyzerTable,
    ::testing::Values(
        AnalyzeCase{"노광 장비(리소그래피)에 있다", {"노광", "장비", "리소그래피", "있다"}},
        AnalyzeCase{"7나노칩 H100 A800과 2028년",
                    {"7+7나노칩", "나노칩", "h100", "a800", "2028+2028년", "년"}},
        AnalyzeCase{"AI용 반도체를", {"ai+ai용", "용", "반도체를→반도체"}},
        AnalyzeCase{"중국판 맨해튼 프로젝트'의", {"중국판", "맨해튼", "프로젝트"}},
        AnalyzeCase{"1~2배", {"1", "2+2배", "배"}},
        AnalyzeCase{"115억 달러(약 15조 원)",
                    {"115+115억", "억", "달러", "약", "15+15조", "조", "원"}},
        AnalyzeCase{"A100ㆍH100", {"a100", "h100"}},
        AnalyzeCase{"‘소라’에", {"소라"}},
        AnalyzeCase{"美 턱밑까지", {"美", "턱밑까지→턱밑"}},
        AnalyzeCase{"中國人民銀行은", {"中國", "人民", "銀行"}},
        AnalyzeCase{"대한민국정부는반도체수출규제를발표했다",
                    {"대한민국정부는반도체수출규제를발표했다→대한민국정부는반도체수출규제를발표"}}));

INSTANTIATE_TEST_SUITE_P(
    Particles, AnalyzerTable,
    ::testing::Values(
        AnalyzeCase{"화웨이와 제미나이", {"화웨이와→화웨이", "제미나이"}},
        AnalyzeCase{"엔비디아의 엔비디아가", {"엔비디아의→엔비디아", "엔비디아가→엔비디아"}},
        AnalyzeCase{"장비를 임종석이 임종석의", {"장비를→장비", "임종석이→임종석", "임종석의→임종석"}},
        AnalyzeCase{"학교에서부터 학생으로서는 친구에게서도",
                    {"학교에서부터→학교", "학생으로서는→학생", "친구에게서도→친구"}},
        AnalyzeCase{"고양이가 어린이의 민주주의를", {"고양이가→고양이", "어린이의→어린이", "민주주의를→민주주의"}},
        AnalyzeCase{"하지만 그러나 그리고 때문에", {"하지만", "그러나", "그리고", "때문에"}},
        AnalyzeCase{"정부가 발표했다", {"정부가→정부", "발표했다→발표"}},
        // one-syllable nouns, only with a particle their 받침 confirms
        AnalyzeCase{"칩을 칩이 값은 칩으로", {"칩을→칩", "칩이→칩", "값은→값", "칩으로→칩"}},
        AnalyzeCase{"나이 사과 정도 칩의", {"나이", "사과", "정도", "칩의"}}));

// Questions glue 몇/어느/무슨 to the noun they ask about; the noun is what
// a document contains.
INSTANTIATE_TEST_SUITE_P(
    Interrogatives, AnalyzerTable,
    ::testing::Values(
        AnalyzeCase{"몇번째로 몇명이 몇년도", {"몇번째로→번째", "몇명이→명", "몇년도→년도"}},
        // a one-syllable noun only with a particle its 받침 confirms (에 is not one)
        AnalyzeCase{"몇층으로 몇일에", {"몇층으로→층", "몇일에→일에"}},
        AnalyzeCase{"어느나라인가 어느정도를 무슨일을", {"어느나라인가→나라", "어느정도를→정도", "무슨일을→일"}},
        AnalyzeCase{"몇 어느 몇몇 어느새", {"몇", "어느", "몇몇", "어느새"}}));

INSTANTIATE_TEST_SUITE_P(
    Joins, AnalyzerTable,
    ::testing::Values(
        // a particle glued to Latin or a number yields no token and no joined term
        AnalyzeCase{"A800과", {"a800"}},
        AnalyzeCase{"ASML이", {"asml"}},
        AnalyzeCase{"H100을 샀다", {"h100", "샀다"}},
        // a unit or noun glued to it joins, and keeps its own token (stem ≥ 1 syllable)
        AnalyzeCase{"ASML사가", {"asml+asml사", "사가→사"}},
        AnalyzeCase{"2028년에서", {"2028+2028년", "년에서→년"}},
        AnalyzeCase{"10만 명", {"10+10만", "만", "명"}},
        // 기 after a number is a unit (10th generation), not a verb ending
        AnalyzeCase{"10기 수료", {"10+10기", "기", "수료"}},
        AnalyzeCase{"Hermes는 GPT-4를", {"hermes", "gpt", "4"}},
        // Han: the particle disappears, no joined term
        AnalyzeCase{"銀行은 銀行의", {"銀行", "銀行"}},
        // with a space between, nothing is glued
        AnalyzeCase{"A800 과", {"a800", "과"}}));

INSTANTIATE_TEST_SUITE_P(
    Forms, AnalyzerTable,
    ::testing::Values(
        AnalyzeCase{"ＡＩ　ＨＢＭ３", {"ai", "hbm3"}},
        AnalyzeCase{"한국ㆍ대만ㆍ일본", {"한국", "대만", "일본"}},
        AnalyzeCase{"A·B", {"a", "b"}},
        AnalyzeCase{"", {}},
        AnalyzeCase{"   \n\t ", {}},
        AnalyzeCase{"...!!! (—) 「」", {}},
        AnalyzeCase{"SAMSUNG Electronics", {"samsung", "electronics"}}));

TEST(AnalyzerKinds, ClassifiesScripts) {
  Analyzer a;
  const std::vector<Token> t = a.analyze("엔비디아 H100 2028 AI 中國 カタカナ");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].kind, TokenKind::hangul);
  EXPECT_EQ(t[1].kind, TokenKind::latin);  // ICU calls it a number; it has letters
  EXPECT_EQ(t[2].kind, TokenKind::number);
  EXPECT_EQ(t[3].kind, TokenKind::latin);
  EXPECT_EQ(t[4].kind, TokenKind::han);
  EXPECT_EQ(t[5].kind, TokenKind::kana);
}

TEST(AnalyzerPositions, AreConsecutiveFromFirstPosition) {
  Analyzer a;
  // 과 disappears, so positions do not skip over it.
  const std::vector<Token> t = a.analyze("A800과 엔비디아, 장비", 10);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].position, 10u);
  EXPECT_EQ(t[1].position, 11u);
  EXPECT_EQ(t[2].position, 12u);
}

// text.substr(begin, end - begin) is the word as written, whatever
// normalization did to the term.
TEST(AnalyzerOffsets, PointIntoTheOriginalText) {
  Analyzer a;
  const std::string text = "ＡＩ　ＨＢＭ３와 A100ㆍH100, 엔비디아의 2028년 😀 中國人民銀行은";
  const std::vector<Token> t = a.analyze(text);
  std::vector<std::string> originals;
  for (const Token& tok : t) originals.push_back(text.substr(tok.begin, tok.end - tok.begin));
  const std::vector<std::string> expected = {"ＡＩ", "ＨＢＭ３와", "A100", "H100", "엔비디아의",
                                             "2028", "년", "中國", "人民", "銀行은"};
  EXPECT_EQ(originals, expected);
  ASSERT_EQ(t.size(), expected.size());
  EXPECT_EQ(t[0].surface, "ai");
  EXPECT_EQ(t[1].surface, "hbm3");
}

// A dropped particle belongs to the written word: a highlight of A800 must
// cover A800과, while a unit that keeps its own token (2028년) does not
// stretch the number's span.
TEST(AnalyzerOffsets, CoverAParticleDroppedAfterANumberLatinOrHanWord) {
  Analyzer a;
  const std::string text = "A800과 ASML이, 銀行은 2028년 H100 을";
  const std::vector<Token> t = a.analyze(text);
  std::vector<std::string> originals;
  for (const Token& tok : t) originals.push_back(text.substr(tok.begin, tok.end - tok.begin));
  const std::vector<std::string> expected = {"A800과", "ASML이", "銀行은", "2028", "년", "H100", "을"};
  EXPECT_EQ(originals, expected);
}

TEST(AnalyzerTruncation, CutsLongWordsAtCodePointBoundaries) {
  Analyzer a;
  std::string hangul;
  for (int i = 0; i < 100; ++i) hangul += "가나다";  // 900 bytes, one ICU word
  std::string text = "x" + std::string(300, 'y') + " " + hangul + "를 123" + hangul;
  const std::vector<Token> t = a.analyze(text);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_TRUE(t[0].truncated);
  EXPECT_TRUE(t[1].truncated);
  EXPECT_FALSE(t[2].truncated);  // 123 itself is short; its joined term is cut
  EXPECT_TRUE(t[3].truncated);
  for (const Token& tok : t) {
    EXPECT_LE(tok.surface.size(), max_term_bytes);
    EXPECT_LE(tok.stem.size(), max_term_bytes);
    EXPECT_LE(tok.joined.size(), max_term_bytes);
    EXPECT_TRUE(is_valid_utf8(tok.surface));
    EXPECT_TRUE(is_valid_utf8(tok.stem));
    EXPECT_TRUE(is_valid_utf8(tok.joined));
  }
  EXPECT_EQ(t[0].surface, "x" + std::string(max_term_bytes - 1, 'y'));
  EXPECT_EQ(t[1].surface.size(), 198u);  // 66 syllables of 3 bytes
  // offsets still cover the whole word as written
  EXPECT_EQ(t[1].end - t[1].begin, hangul.size() + 3);
  EXPECT_EQ(t[2].surface, "123");
  EXPECT_FALSE(t[2].joined.empty());
}

TEST(AnalyzerTruncation, ShortWordsAreNotFlagged) {
  Analyzer a;
  for (const Token& tok : a.analyze("엔비디아 H100")) EXPECT_FALSE(tok.truncated);
}

TEST(AnalyzerSanitized, InvalidUtf8AfterSanitizeGivesValidTerms) {
  Analyzer a;
  const std::string text = sanitize_utf8("엔비디아\xFF의 \xC0\xAF장비를 ab\xED\xA0\x80" "cd");
  ASSERT_TRUE(is_valid_utf8(text));
  const std::vector<Token> t = a.analyze(text);
  for (const Token& tok : t) {
    EXPECT_TRUE(is_valid_utf8(tok.surface)) << tok.surface;
    EXPECT_LE(tok.end, text.size());
  }
  std::vector<std::string> stems;
  for (const Token& tok : t) stems.push_back(tok.stem);
  EXPECT_NE(std::find(stems.begin(), stems.end(), "엔비디아"), stems.end());
  EXPECT_NE(std::find(stems.begin(), stems.end(), "장비"), stems.end());
}

TEST(AnalyzerSanitized, RawInvalidBytesDoNotCrashOrEscapeBounds) {
  Analyzer a;
  const std::string text = "\xFF\xFE 엔비디아 \xEC\x97";
  for (const Token& tok : a.analyze(text)) {
    EXPECT_LE(tok.begin, tok.end);
    EXPECT_LE(tok.end, text.size());
  }
}

TEST(AnalyzerReuse, OutputVectorIsOverwritten) {
  Analyzer a;
  std::vector<Token> out;
  a.analyze("하나 둘 셋 넷 다섯", out);
  ASSERT_EQ(out.size(), 5u);
  a.analyze("엔비디아의", out, 7);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(describe(out[0]), "엔비디아의→엔비디아");
  EXPECT_EQ(out[0].position, 7u);
  EXPECT_TRUE(out[0].joined.empty());
  a.analyze("", out);
  EXPECT_TRUE(out.empty());
}

TEST(AnalyzerMove, MovedAnalyzerStillWorks) {
  Analyzer a;
  Analyzer b = std::move(a);
  EXPECT_EQ(describe_all(b.analyze("장비를")), std::vector<std::string>{"장비를→장비"});
}

// The analysis of a sample covering every kind of word, as one string: a
// change to it changes the terms of every index built before.
std::string sample_analysis() {
  const std::string sample =
      "美의 대중 규제에 엔비디아社는 A800과 7나노칩을, ASML이 공급한 노광 장비로 만들었다. "
      "銀行 2028년까지 Huawei의 AI반도체 ＡＩ 카메라들은 ｶﾀｶﾅ 1,234개 e-mail 조선일보 기자들이었다 "
      "길고양이를 도입해주세요";
  Analyzer analyzer;
  std::string out;
  for (const Token& t : analyzer.analyze(sample)) {
    out += t.surface + "|" + t.stem + "|" + t.joined + "|" + std::to_string(static_cast<int>(t.kind)) + "|" +
           std::to_string(t.position) + "|";
    for (const auto& reading : t.readings) out += reading + ",";
    for (const auto& pair : syllable_bigrams(t.surface)) out += pair + ",";
    out += "\n";
  }
  return out;
}

// Fails when the analysis changes while Analyzer::version stays: indexes
// built by the old rules would then be searched with the new ones. Bump the
// version and pin the new hash together.
TEST(AnalyzerVersion, ChangesWithTheAnalysis) {
  EXPECT_EQ(std::string(Analyzer::version) + " " + schema::stable_hash(sample_analysis()),
            "ko-light-5 7c9f1699710a18b7")
      << sample_analysis();
}

struct BigramCase {
  std::string_view surface;
  std::vector<std::string> bigrams;
};

class AnalyzerBigrams : public ::testing::TestWithParam<BigramCase> {};

TEST_P(AnalyzerBigrams, PairsAdjacentSyllables) {
  EXPECT_EQ(syllable_bigrams(GetParam().surface), GetParam().bigrams);
}

INSTANTIATE_TEST_SUITE_P(
    Table, AnalyzerBigrams,
    ::testing::Values(BigramCase{"엔비디아", {"엔비", "비디", "디아"}},
                      BigramCase{"장비", {"장비"}},
                      BigramCase{"장", {}},
                      BigramCase{"", {}},
                      BigramCase{"中國人", {"中國", "國人"}},
                      BigramCase{"a800", {}},
                      BigramCase{"ai용도", {"용도"}},
                      BigramCase{"가a나다", {"나다"}}));

}  // namespace
}  // namespace kosearch
