#include "snippet_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ks = kosearch;
namespace st = kosearch::snippet_text;

namespace {

class SnippetLines : public ::testing::Test {
 protected:
  ks::Analyzer analyzer;
  std::vector<ks::Token> tokens;

  std::vector<st::LineText> read(const std::vector<ks::Line>& body, const ks::MatchWeights& weights,
                                 std::size_t fragments = 1) {
    const st::TermMatcher matcher(weights);
    return st::matching_lines(body, weights, matcher, analyzer, tokens, fragments);
  }
};

std::size_t analysed(const std::vector<st::LineText>& lines) {
  std::size_t n = 0;
  for (const auto& line : lines)
    for (const auto& s : line.sentences) n += !s.words.empty();
  return n;
}

}  // namespace

TEST_F(SnippetLines, ReadsOnlyTheLinesThatMayMatch) {
  const auto lines = read({{3, "노광 장비가 필요하다."}, {4, "날씨가 맑다."}, {5, "장비를 샀다."}}, {{"장비", 1.0}});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 3u);
  EXPECT_EQ(lines[1].index, 2u);
  ASSERT_EQ(lines[1].sentences.size(), 1u);
  ASSERT_EQ(lines[1].sentences[0].matches.size(), 1u);
  EXPECT_EQ(lines[1].sentences[0].matches[0].term, "장비");
  EXPECT_EQ(lines[1].text.substr(lines[1].sentences[0].matches[0].begin, 9), "장비를");
}

TEST_F(SnippetLines, LeavesSentencesWithoutAMatchUnanalysed) {
  const auto lines = read({{3, "날씨가 맑다. 장비를 샀다. 비가 온다."}}, {{"장비", 1.0}});
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].sentences.size(), 3u);
  EXPECT_TRUE(lines[0].sentences[0].words.empty());
  EXPECT_FALSE(lines[0].sentences[1].words.empty());
  EXPECT_TRUE(lines[0].sentences[2].words.empty());
}

TEST_F(SnippetLines, AnalysesTheMostPromisingSentencesPerFragment) {
  std::vector<ks::Line> body;
  for (std::uint32_t i = 0; i < 60; ++i) body.push_back({i + 3, "장비 이야기."});
  body[50].text = "노광 장비 이야기.";
  auto lines = read(body, {{"장비", 1.0}, {"노광", 4.0}});
  EXPECT_EQ(analysed(lines), st::kAnalysedSentences);
  EXPECT_FALSE(lines[50].sentences[0].words.empty());  // the rare word outranks article order
  EXPECT_FALSE(lines[0].sentences[0].words.empty());
  EXPECT_TRUE(lines[59].sentences[0].words.empty());
  lines = read(body, {{"장비", 1.0}, {"노광", 4.0}}, 2);
  EXPECT_EQ(analysed(lines), 2 * st::kAnalysedSentences);
}

TEST_F(SnippetLines, AHugeLineIsReadInAWindowAroundItsMatch) {
  std::string line(st::kAnalysedBytes + 1000, 'a');
  for (std::size_t i = 100; i < line.size(); i += 100) line[i] = ' ';
  line += " 노광 장비";
  const auto lines = read({{7, line}}, {{"노광", 1.0}});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_LT(lines[0].text.size(), line.size());
  EXPECT_GT(lines[0].column_base, 0u);
  EXPECT_NE(lines[0].text.find("노광"), std::string::npos);
}

TEST_F(SnippetLines, ReadLineAnalysesEverySentence) {
  const ks::MatchWeights weights{{"장비", 1.0}};
  const st::TermMatcher matcher(weights);
  const auto line = st::read_line({1, "날씨가 맑다. 장비를 샀다."}, 0, matcher, analyzer, tokens);
  ASSERT_EQ(line.sentences.size(), 2u);
  EXPECT_FALSE(line.sentences[0].words.empty());
  EXPECT_EQ(line.sentences[1].matches.size(), 1u);
}

TEST(TermMatcher, CountsASyllablePairOnlyWhereOneWordHoldsTheOther) {
  const ks::MatchWeights weights{{"엔비디아", 1.0}, {"G비디", 0.5}};
  const st::TermMatcher matcher(weights);
  ks::Token video;
  video.surface = "비디오";
  video.stem = "비디오";
  EXPECT_FALSE(matcher.bigram_counts(video));
  ks::Token longer;
  longer.surface = "엔비디아가";
  longer.stem = "엔비디아";
  EXPECT_TRUE(matcher.bigram_counts(longer));
}
