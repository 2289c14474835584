#include "kosearch/query_explainer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kosearch/index_writer.h"
#include "kosearch/searcher.h"
#include "temp_folder.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

// --explain as the searcher gives it, over a small index (the starter synonym
// list, so 엔비디아 = NVIDIA fires).
class QueryExplainerTest : public kosearch_test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    std::ofstream(dir_ / "docs.jsonl")
        << R"({"id":"a","title":"노광 장비","text":"극자외선 노광 장비를 만든다","date":"2024-04-02"})" "\n"
        << R"({"id":"b","title":"반도체","text":"엔비디아 반도체 수출과 메모리 가격"})" "\n";
    ks::IndexOptions options;
    options.index_dir = dir_ / "index";
    ks::index_jsonl(dir_ / "docs.jsonl", options);
  }

  std::string explain(const std::string& query, const ks::SearchOptions& options = {}) const {
    auto searcher = ks::Searcher::open((dir_ / "index").string());
    return searcher.search(query, options).explanation;
  }
};

// The text holds `line` as one whole line.
::testing::AssertionResult has_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (l == line) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no line '" << line << "' in:\n" << text;
}

::testing::AssertionResult lacks_section(const std::string& text, const std::string& title) {
  if (text.find("\n" + title + ":\n") == std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "unexpected section '" << title << "' in:\n" << text;
}

TEST_F(QueryExplainerTest, WordsWithTheirTermsAndTheNearBoost) {
  const std::string text = explain("노광 메모리");
  EXPECT_TRUE(has_line(text, "parsed: all(word(노광) word(메모리))"));
  EXPECT_TRUE(has_line(text, "words:"));
  EXPECT_TRUE(has_line(text, "  노광 → stem 노광, bigrams 노광"));
  EXPECT_TRUE(has_line(text, "  메모리 → stem 메모리, bigrams 메모 모리"));
  EXPECT_TRUE(has_line(text, "mode: prefer all (documents with more of the words rank first; none required)"));
  EXPECT_NE(text.find("near boost (within "), std::string::npos) << text;
  EXPECT_NE(text.find(": 노광 near 메모리;\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nxapian: Query("), std::string::npos) << text;
}

TEST_F(QueryExplainerTest, PhraseIsRequiredInOrder) {
  const std::string text = explain("\"노광 장비\"");
  EXPECT_TRUE(has_line(text, "phrases:"));
  EXPECT_TRUE(has_line(text, "  \"노광 장비\" → stems 노광 장비 next to each other, in this order (required)"));
  EXPECT_TRUE(lacks_section(text, "words"));
}

TEST_F(QueryExplainerTest, ExclusionReadsStemsOnly) {
  const std::string text = explain("장비 -메모리");
  EXPECT_TRUE(has_line(text, "excluded:"));
  EXPECT_TRUE(has_line(text, "  메모리 → stem 메모리"));  // no bigrams: they would exclude too much
  EXPECT_FALSE(has_line(text, "  메모리 → stem 메모리, bigrams 메모 모리"));
  EXPECT_EQ(text.find("near"), std::string::npos) << text;  // an exclusion is no neighbour
}

TEST_F(QueryExplainerTest, OrListsBothSidesWithoutNearBoost) {
  const std::string text = explain("노광 OR 메모리");
  EXPECT_TRUE(has_line(text, "parsed: any(word(노광) word(메모리))"));
  EXPECT_TRUE(has_line(text, "  노광 → stem 노광, bigrams 노광"));
  EXPECT_TRUE(has_line(text, "  메모리 → stem 메모리, bigrams 메모 모리"));
  EXPECT_EQ(text.find("near boost"), std::string::npos) << text;
}

TEST_F(QueryExplainerTest, FieldIsAFilter) {
  const std::string text = explain("title:장비");
  EXPECT_TRUE(has_line(text, "filters:"));
  EXPECT_TRUE(has_line(text, "  title must contain 장비 (scores)"));
  EXPECT_TRUE(lacks_section(text, "words"));
}

TEST_F(QueryExplainerTest, DateFiltersFromTheQueryAndFromTheOptions) {
  EXPECT_TRUE(has_line(explain("장비 date:2024-01-01..2024-12-31"),
                       "  date 2024-01-01 to 2024-12-31 (undated articles left out)"));
  EXPECT_TRUE(has_line(explain("장비 date:2024.."), "  date on or after 2024-01-01 (undated articles left out)"));
  ks::SearchOptions until;
  until.dates.until = "2024-06-30";
  EXPECT_TRUE(has_line(explain("장비", until), "  date on or before 2024-06-30 (date filter; undated articles left out)"));
}

TEST_F(QueryExplainerTest, HanjaWordIsSearchedAsItsReading) {
  const std::string text = explain("半導體");
  EXPECT_TRUE(has_line(text, "  半導體 → stem 반도체, bigrams 반도 도체"));
  EXPECT_TRUE(has_line(text, "rewritten:"));
  EXPECT_TRUE(has_line(text, "  半導體 → 반도체 (Hanja read in Hangul; finds both)"));
}

TEST_F(QueryExplainerTest, SynonymThatFiredIsNamed) {
  const std::string text = explain("엔비디아");
  EXPECT_TRUE(has_line(text, "  엔비디아 → also NVIDIA, 엔비디아社 (synonyms from the starter list, ranked as the same word)"));
  EXPECT_TRUE(lacks_section(explain("장비"), "rewritten"));  // no synonym, no Hanja: nothing rewritten
}

TEST_F(QueryExplainerTest, PrefixAndModes) {
  EXPECT_TRUE(has_line(explain("장비*"), "  장비* → terms starting with 장비 (the 100 most frequent at most)"));
  ks::SearchOptions all;
  all.mode = ks::MatchMode::all;
  EXPECT_TRUE(has_line(explain("노광 장비", all), "mode: all (every word, or all of its syllable pairs, required)"));
  ks::SearchOptions any;
  any.mode = ks::MatchMode::any;
  const std::string text = explain("노광 장비", any);
  EXPECT_TRUE(has_line(text, "mode: any (any word matches)"));
  EXPECT_EQ(text.find("near boost"), std::string::npos) << text;
}

// Each token's tiers as the plan weighed them: how many documents hold it,
// its tier, the title's share of it on top; an unknown word's pairs.
TEST_F(QueryExplainerTest, TiersPerTokenWithTheirWeights) {
  const std::string text = explain("노광 엔비디야");
  const std::string start = "  노광: in 1 of 2 documents; found ";
  const auto at = text.find("\n" + start);
  ASSERT_NE(at, std::string::npos) << text;
  double found = 0, title = 0;
  ASSERT_EQ(std::sscanf(text.c_str() + at + 1 + start.size(), "%lf, in the title +%lf", &found, &title), 2) << text;
  EXPECT_GT(found, 0);
  EXPECT_NEAR(title, found * ks::RankingParams{}.title_share, 0.01);
  // The weight shown is the one compiled (the plan's tier scale applied): 노광's word tier is the query's first.
  const std::string wt = "FixedWeightPostingSource(wt=";
  const auto compiled = text.find(wt);
  ASSERT_NE(compiled, std::string::npos) << text;
  EXPECT_NEAR(std::stod(text.substr(compiled + wt.size())), found, 0.005) << text;
  EXPECT_NE(text.find("\n  엔비디야: not a word of the index: matched through its syllable pairs; all its syllable pairs "),
            std::string::npos)
      << text;
}

TEST_F(QueryExplainerTest, NoExplanationUnlessAsked) {
  ks::SearchOptions quiet;
  quiet.explain = false;
  EXPECT_EQ(explain("노광", quiet), "");
}

}  // namespace
