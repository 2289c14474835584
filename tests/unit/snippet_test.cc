#include "kosearch/snippet.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "kosearch/text.h"

namespace ks = kosearch;

namespace {

ks::Article article_of(std::vector<ks::Line> body) {
  ks::Article a;
  a.id = "t.txt";
  a.path = "corpus/t.txt";
  a.title = "제목";
  a.title_line = 1;
  a.body = std::move(body);
  return a;
}

std::string slice(const ks::Snippet& s, const ks::Highlight& h) { return s.text.substr(h.begin, h.end - h.begin); }

std::vector<std::string> highlighted(const ks::Snippet& s) {
  std::vector<std::string> words;
  for (const auto& h : s.highlights) words.push_back(slice(s, h));
  return words;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// The snippet text without a leading and trailing "…".
std::string_view core(std::string_view text) {
  if (starts_with(text, "…")) text.remove_prefix(3);
  if (ends_with(text, "…")) text.remove_suffix(3);
  return text;
}

class Snippet : public ::testing::Test {
 protected:
  ks::Analyzer analyzer;
  ks::Snippet make(const ks::Article& a, const ks::MatchWeights& w, std::size_t max_chars = 120,
                   std::size_t fragments = 1) {
    return ks::make_snippet(a, w, analyzer, {max_chars, fragments});
  }
};

}  // namespace

TEST_F(Snippet, PicksThePassageWithTheRareTerm) {
  const auto a = article_of({
      {3, "중국 기업과 중국 정부와 중국 시장이 함께 움직였다."},
      {4, "그 사이 노광 장비의 수출은 막혔다."},
      {5, "중국 이야기는 계속된다."},
  });
  const auto s = make(a, {{"중국", 0.2}, {"노광", 3.0}});
  EXPECT_EQ(s.line, 4u);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"노광"}));
}

TEST_F(Snippet, PrefersTheEarlierPassageOnATie) {
  const auto a = article_of({{3, "앞 문단에 노광 장비가 있다."}, {4, "뒤 문단에도 노광 장비가 있다."}});
  EXPECT_EQ(make(a, {{"노광", 1.0}}).line, 3u);
}

TEST_F(Snippet, DistinctTermsBeatARepeatedOne) {
  const auto a = article_of({{3, "장비 장비 장비 장비 장비 이야기."}, {4, "노광 장비 이야기."}});
  EXPECT_EQ(make(a, {{"노광", 1.0}, {"장비", 1.0}}).line, 4u);
}

TEST_F(Snippet, HighlightCoversTheWholeTokenWithItsParticle) {
  const auto a = article_of({{7, "중국은 노광 장비를 만들지 못한다."}});
  const auto s = make(a, {{"장비", 1.0}});
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"장비를"}));
}

TEST_F(Snippet, HighlightOfALatinWordWithGluedHangul) {
  const auto a = article_of({{7, "네덜란드 ASML사가 독점하고 있다."}});
  const auto s = make(a, {{"asml", 1.0}});
  ASSERT_EQ(s.highlights.size(), 1u);
  const std::string word = slice(s, s.highlights[0]);
  EXPECT_TRUE(word == "ASML" || word == "ASML사가") << word;
}

TEST_F(Snippet, AdjacentMatchedTokensShareOneHighlight) {
  const auto a = article_of({{7, "실적은 2028년에 나온다."}});
  const auto s = make(a, {{"2028", 1.0}, {"2028년", 1.0}, {"년", 0.5}});
  ASSERT_EQ(s.highlights.size(), 1u);
  EXPECT_TRUE(starts_with(slice(s, s.highlights[0]), "2028년")) << slice(s, s.highlights[0]);
}

TEST_F(Snippet, BigramMatchesCountForCompoundsAndSpacingNotForUnrelatedWords) {
  const ks::MatchWeights weights = {{"노광장비", 2.0}, {"G노광", 0.7}, {"G광장", 0.7}, {"G장비", 0.7}};
  const auto spaced = make(article_of({{3, "노광 장비를 샀다."}}), weights);
  EXPECT_EQ(highlighted(spaced), (std::vector<std::string>{"노광", "장비"}));  // the matched syllables

  const ks::MatchWeights nvidia = {{"엔비디아", 2.0}, {"G엔비", 0.7}, {"G비디", 0.7}, {"G디아", 0.7}};
  const auto unrelated = make(article_of({{3, "숏폼 비디오 플랫폼이다."}}), nvidia);
  EXPECT_TRUE(unrelated.highlights.empty());
}

TEST_F(Snippet, HighlightsPointAtTheRightBytesAfterCutAndJoin) {
  const std::string filler = "이 문장은 아무 관련이 없는 긴 설명으로 길이를 채우기 위해 여러 번 반복되는 내용을 담고 있다";
  const auto a = article_of({
      {3, filler + " 그러나 노광 장비가 핵심이다 " + filler + "."},
      {9, "다른 문단에서 엔비디아의 칩이 나온다."},
  });
  const auto s = make(a, {{"노광", 1.0}, {"장비", 1.0}, {"엔비디아", 1.0}}, 40, 2);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"노광", "장비가", "엔비디아의"}));
  EXPECT_NE(s.text.find(" … "), std::string::npos) << s.text;
}

TEST_F(Snippet, LongSentenceIsCutAroundTheMatchWithEllipses) {
  std::string words;
  for (int i = 0; i < 40; ++i) words += "가나다라 ";
  const auto a = article_of({{5, words + "결정적인 노광 장비 " + words + "끝."}});
  const auto s = make(a, {{"노광", 1.0}}, 60);
  EXPECT_TRUE(starts_with(s.text, "…")) << s.text;
  EXPECT_TRUE(ends_with(s.text, "…")) << s.text;
  EXPECT_LE(code_points(core(s.text)), 60u);
  EXPECT_GE(code_points(core(s.text)), 50u);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"노광"}));
  // Cut at word edges: no half word at either end.
  EXPECT_TRUE(starts_with(core(s.text), "가나다라") || starts_with(core(s.text), "결정적인")) << s.text;
  EXPECT_TRUE(ends_with(core(s.text), "가나다라")) << s.text;
}

TEST_F(Snippet, ShortSentenceIsShownWholeWithoutEllipsis) {
  const auto a = article_of({{5, "노광 장비가 핵심이다."}});
  const auto s = make(a, {{"노광", 1.0}});
  EXPECT_EQ(s.text, "노광 장비가 핵심이다.");
}

TEST_F(Snippet, NeverCutsInsideAPrecomposedSyllable) {
  std::string run;
  for (int i = 0; i < 200; ++i) run += "한글";  // one unbroken word: cuts must fall between syllables
  const auto a = article_of({{5, run + "노광" + run}});
  for (std::size_t max_chars : {7u, 30u, 61u}) {
    const auto s = make(a, {{"G노광", 1.0}}, max_chars);
    EXPECT_TRUE(ks::is_valid_utf8(s.text)) << max_chars;
    const std::string_view text = core(s.text);
    ASSERT_FALSE(text.empty());
    EXPECT_TRUE(ks::is_valid_utf8(text));
    EXPECT_EQ(text.size() % 3, 0u);  // whole three-byte syllables only
  }
}

TEST_F(Snippet, NeverCutsInsideAGraphemeOfConjoiningJamo) {
  // 각 written as three conjoining jamo (ᄀ ᅡ ᆨ): one grapheme, three code points.
  std::string decomposed;
  for (int i = 0; i < 100; ++i) decomposed += "\u1100\u1161\u11A8";
  const auto a = article_of({{5, decomposed}});
  for (std::size_t max_chars : {10u, 20u, 31u}) {
    const auto s = make(a, {}, max_chars);
    const std::string_view text = core(s.text);
    ASSERT_FALSE(text.empty()) << max_chars;
    EXPECT_TRUE(starts_with(text, "\u1100")) << max_chars;
    EXPECT_TRUE(ends_with(text, "\u11A8")) << max_chars;
    EXPECT_EQ(code_points(text) % 3, 0u) << max_chars;
  }
}

TEST_F(Snippet, LineAndColumnOfThePassage) {
  const auto a = article_of({
      {12, "    첫 문장은 길게 늘어지는 아무 관련 없는 이야기로 채워져 있다. 둘째 문장에 노광 장비가 있다."},
  });
  const auto s = make(a, {{"노광", 1.0}}, 20);
  EXPECT_EQ(s.line, 12u);
  EXPECT_TRUE(starts_with(s.text, "둘째 문장에")) << s.text;
  const std::string before = "    첫 문장은 길게 늘어지는 아무 관련 없는 이야기로 채워져 있다. ";
  EXPECT_EQ(s.column, code_points(before) + 1);
}

TEST_F(Snippet, ColumnIsOneAtTheLineStart) {
  const auto s = make(article_of({{4, "노광 장비."}}), {{"노광", 1.0}});
  EXPECT_EQ(s.line, 4u);
  EXPECT_EQ(s.column, 1u);
}

TEST_F(Snippet, FragmentsAreDistinctAndInArticleOrder) {
  const auto a = article_of({
      {3, "첫 문단에는 장비 이야기만 있다."},
      {5, "관련 없는 문단이다."},
      {8, "둘째 문단에는 노광 장비가 둘 다 있다."},
  });
  const auto s = make(a, {{"노광", 2.0}, {"장비", 1.0}}, 120, 2);
  EXPECT_EQ(s.line, 3u);  // first by position, though the second scores higher
  EXPECT_EQ(s.text, "첫 문단에는 장비 이야기만 있다. … 둘째 문단에는 노광 장비가 둘 다 있다.");
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"장비", "노광", "장비가"}));
}

TEST_F(Snippet, OneFragmentWhenOnlyOnePassageMatches) {
  const auto a = article_of({{3, "노광 장비."}, {4, "관련 없는 문단."}});
  const auto s = make(a, {{"노광", 1.0}}, 120, 3);
  EXPECT_EQ(s.text, "노광 장비.");
}

TEST_F(Snippet, NoMatchFallsBackToTheFirstPassage) {
  const auto a = article_of({{6, "  첫 문단입니다. 둘째 문장입니다."}, {9, "다른 문단."}});
  const auto s = make(a, {{"노광", 1.0}});
  EXPECT_EQ(s.text, "첫 문단입니다. 둘째 문장입니다.");
  EXPECT_TRUE(s.highlights.empty());
  EXPECT_EQ(s.line, 6u);
  EXPECT_EQ(s.column, 3u);
}

TEST_F(Snippet, ArticleWithoutBodyShowsItsTitle) {
  ks::Article a = article_of({});
  a.title = "노광 장비의 모든 것";
  a.title_line = 2;
  const auto s = make(a, {{"노광", 1.0}});
  EXPECT_EQ(s.line, 2u);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"노광"}));
}

TEST_F(Snippet, EmptyArticleGivesAnEmptySnippet) {
  ks::Article a = article_of({});
  a.title.reset();
  const auto s = make(a, {{"노광", 1.0}});
  EXPECT_TRUE(s.text.empty());
  EXPECT_TRUE(s.highlights.empty());
}

TEST_F(Snippet, EscapeSequencesInTheArticleAreNeutralized) {
  const auto a = article_of({{3, "화면\x1b[2J을 지우는 노광\x1b[31m 장비가 있다\x07."}});
  const auto s = make(a, {{"노광", 1.0}, {"장비", 1.0}});
  EXPECT_EQ(s.text.find('\x1b'), std::string::npos) << s.text;
  EXPECT_EQ(s.text.find('\x07'), std::string::npos) << s.text;
  EXPECT_TRUE(ks::is_valid_utf8(s.text));
  for (const auto& word : highlighted(s)) EXPECT_EQ(word.find('\x1b'), std::string::npos);
  EXPECT_NE(s.text.find("장비가"), std::string::npos);
}

// The title is cited when it holds more of what matched than any passage of
// the body; on a tie the body is (the heading shows the title anyway).
TEST_F(Snippet, TitleIsCitedWhenItExplainsMoreThanTheBody) {
  auto a = article_of({{3, "결정적인 병목 현상은 장비에 있다."}, {4, "반도체 이야기는 다른 문단에 있다."}});
  a.title = "반도체 병목의 실체";
  const ks::MatchWeights both = {{"반도체", 1.0}, {"병목", 1.0}};
  const auto s = make(a, both);
  EXPECT_EQ(s.line, 1u);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"반도체", "병목의"}));
  const auto tie = make(a, {{"병목", 1.0}});
  EXPECT_EQ(tie.line, 3u);
}

// Lines without a match are not analysed (line_screen.h): the passage found
// still names its own line of the body, and its column.
TEST_F(Snippet, PassageAfterUnmatchedLinesKeepsItsBodyLine) {
  const auto a = article_of({
      {3, "관련 없는 첫 문단이다."},
      {5, "관련 없는 둘째 문단이다."},
      {8, "셋째 문단에는 ASML의 노광 장비가 있다."},
  });
  const auto s = make(a, {{"asml", 1.0}, {"장비", 1.0}});
  EXPECT_EQ(s.body_line, 2);
  EXPECT_EQ(s.line, 8u);
  EXPECT_EQ(s.column, 1u);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"ASML의", "장비가"}));
}

TEST_F(Snippet, NoMatchSkipsLinesWithoutTextForTheOpening) {
  const auto a = article_of({{4, "  "}, {6, "첫 문단입니다."}, {9, "노광이 아닌 다른 문단."}});
  const auto s = make(a, {{"장비", 1.0}});
  EXPECT_EQ(s.text, "첫 문단입니다.");
  EXPECT_EQ(s.body_line, 1);
  EXPECT_EQ(s.line, 6u);
}

// A Han word matches through its reading, which is not in the text.
TEST_F(Snippet, HanWordMatchesThroughItsReadingAmongUnmatchedLines) {
  const auto a = article_of({{3, "관련 없는 문단이다."}, {4, "美 정부가 발표했다."}});
  const auto s = make(a, {{"미국", 1.0}});
  EXPECT_EQ(s.line, 4u);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"美"}));
}

// Only the sentences in which the line screen finds the most weight are
// analysed: the one with the rare word is among them wherever it stands.
TEST_F(Snippet, FindsTheRareWordAmongManySentencesWithACommonOne) {
  std::vector<ks::Line> body;
  for (std::uint32_t i = 0; i < 100; ++i) body.push_back({i + 3, "이 문단에도 장비 이야기가 조금 나온다."});
  body[60].text = "이 문단에는 노광 장비 이야기가 나온다.";
  const auto s = make(article_of(std::move(body)), {{"장비", 1.0}, {"노광", 5.0}});
  EXPECT_EQ(s.line, 63u);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"노광", "장비"}));
}

// Of sentences the screen finds equally promising, the first 24 are
// analysed: a denser one after them is not seen (the price of a snippet that
// costs what 24 sentences do, however many hold a match).
TEST_F(Snippet, AnalysesOnlyTheFirstOfEquallyPromisingSentences) {
  std::vector<ks::Line> body;
  for (std::uint32_t i = 0; i < 40; ++i) body.push_back({i + 3, "이 문단에도 장비 이야기가 조금 나온다."});
  body[30].text = "장비 장비 장비 장비 이야기.";
  EXPECT_EQ(make(article_of(body), {{"장비", 1.0}}).line, 3u);
  body.resize(23);  // 24 sentences, every one analysed: the denser one wins
  body.push_back({33, "장비 장비 장비 장비 이야기."});
  EXPECT_EQ(make(article_of(std::move(body)), {{"장비", 1.0}}).line, 33u);
}

// At most 256 KiB of an article's matching lines are analysed, in article
// order: in a huge article the passage is the best of its first lines.
TEST_F(Snippet, HugeArticleShowsTheBestOfItsFirstMatchingLines) {
  std::vector<ks::Line> body;
  const std::string common = "이 문단에도 장비 이야기가 조금 나오지만 중요한 내용은 아니고 길이를 채우는 문장이다.";
  for (std::uint32_t i = 0; i < 4000; ++i) body.push_back({i + 3, common});  // ~480 KB, each line with 장비
  body.push_back({5000, "마지막 문단에 노광 장비가 있다."});
  const auto s = make(article_of(std::move(body)), {{"장비", 1.0}, {"노광", 5.0}});
  EXPECT_EQ(s.line, 3u);
  EXPECT_EQ(highlighted(s), (std::vector<std::string>{"장비"}));
}

// A line longer than that is analysed in a window around its first match;
// the column still counts from the start of the line.
TEST_F(Snippet, HugeLineIsReadAroundItsMatchWithTheRightColumn) {
  std::string line;
  for (int i = 0; i < 40000; ++i) line += "가나다 ";  // 400,000 bytes
  const std::size_t hit = line.size();
  line += "결정적인 노광 장비가 있다 ";
  for (int i = 0; i < 1000; ++i) line += "라마바 ";
  const auto s = make(article_of({{7, line}}), {{"노광", 1.0}}, 40);
  ASSERT_EQ(highlighted(s), (std::vector<std::string>{"노광"}));
  const std::string_view shown = core(s.text);
  const std::size_t in_shown = shown.find("노광");
  const std::size_t in_line = hit + std::string_view("결정적인 ").size();
  ASSERT_NE(in_shown, std::string_view::npos);
  ASSERT_EQ(std::string_view(line).substr(in_line - in_shown, shown.size()), shown);
  EXPECT_EQ(s.line, 7u);
  EXPECT_EQ(s.column, code_points(std::string_view(line).substr(0, in_line - in_shown)) + 1);
}
