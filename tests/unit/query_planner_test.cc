// The planning pass (query_planner.h, token_planner.h): what each word is
// searched as and which tiers it earns, before anything is compiled.
#include "query_planner.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kosearch/error.h"
#include "small_index.h"

namespace ks = kosearch;

namespace {

// Plans queries against a small index.
class Planning : public kosearch_test::SmallIndex {
 public:
  using SmallIndex::SmallIndex;

  ks::QueryPlan plan(const std::string& query, ks::MatchMode mode = ks::MatchMode::prefer_all,
                     const ks::RankingParams& params = {}) {
    return ks::plan_query(ks::parse_query(query), analyzer(), params, mode, {}, stats());
  }
};

const ks::TokenPlan& token(const ks::QueryPlan& plan, std::size_t word, std::size_t token = 0) {
  return plan.root.children.at(word).word.tokens.at(token);
}

}  // namespace

// A rare word earns a higher tier than a common one; the title tier is
// title_share of it; the keyword tier applies to a query of a few words.
TEST(QueryPlanner, TiersFollowHowRareAWordIs) {
  Planning index({"노광 장비를 들였다", "장비 가격", "장비 수출", "반도체 공장"});
  const ks::RankingParams params;
  const ks::QueryPlan plan = index.plan("노광 장비", ks::MatchMode::prefer_all, params);
  ASSERT_EQ(plan.root.kind, ks::PlanNode::Kind::all);
  EXPECT_TRUE(plan.keyword);
  const ks::TokenPlan& rare = token(plan, 0);
  const ks::TokenPlan& common = token(plan, 1);
  EXPECT_EQ(rare.df, 1u);
  EXPECT_EQ(common.df, 3u);
  EXPECT_GT(rare.tier, common.tier);
  EXPECT_DOUBLE_EQ(rare.title_tier, rare.tier * params.title_share);
  const double idf = std::log((4 + 1.0) / (1 + 0.5));
  EXPECT_NEAR(rare.tier, params.keyword_tier * std::min(1.0, idf / params.keyword_idf_floor) + params.word_tier * idf, 1e-9);
}

// A known word's syllable pairs only score; an unknown word's match; a
// two-syllable word's one pair is the word, so it adds nothing.
TEST(QueryPlanner, WhatSyllablePairsDo) {
  Planning index({"엔비디아 반도체", "반도체 공장"});
  const ks::QueryPlan plan = index.plan("반도체 엔비디야 공장 칩");
  EXPECT_EQ(token(plan, 0).pairs, ks::TokenPlan::Pairs::score_only);
  EXPECT_TRUE(token(plan, 0).terms.known);
  EXPECT_EQ(token(plan, 1).pairs, ks::TokenPlan::Pairs::match);
  EXPECT_FALSE(token(plan, 1).terms.known);
  EXPECT_EQ(token(plan, 1).tier, 0.0);
  EXPECT_GT(token(plan, 1).inside_tier, 0.0);  // all its pairs still earn the inside tier
  EXPECT_TRUE(token(plan, 2).terms.known);
  EXPECT_EQ(token(plan, 2).pairs, ks::TokenPlan::Pairs::none);  // 공장's one pair is 공장
  EXPECT_TRUE(token(plan, 3).terms.bigrams.empty());            // 칩: one syllable, no pairs
  EXPECT_EQ(token(plan, 3).pairs, ks::TokenPlan::Pairs::none);
}

// A word the analyzer splits: a bare number piece counts only as its join,
// and the pieces side by side earn a tier when the index knows them.
TEST(QueryPlanner, SplitWordsAndNumberPieces) {
  Planning index({"화웨이 7나노 칩", "나노 기술", "2024년 7월"});
  const ks::QueryPlan plan = index.plan("7나노");
  ASSERT_EQ(plan.root.kind, ks::PlanNode::Kind::word);
  const ks::WordPlan& word = plan.root.word;
  ASSERT_EQ(word.tokens.size(), 2u);
  EXPECT_TRUE(word.tokens[0].number_piece);
  EXPECT_EQ(word.tokens[0].df, 1u);  // 7나노, not every text with a 7
  EXPECT_FALSE(word.tokens[1].number_piece);
  ASSERT_TRUE(word.pieces_tier.has_value());
  EXPECT_FALSE(index.plan("7퀀텀").root.word.pieces_tier.has_value());  // 퀀텀 is not in the index
}

// Neighbouring words are paired for the proximity boosts, at most
// max_proximity_pairs in the whole query, never in `any` mode.
TEST(QueryPlanner, ProximityPairsAreCapped) {
  Planning index({"노광 장비"});
  const ks::QueryPlan two = index.plan("노광 장비");
  ASSERT_EQ(two.root.pairs.size(), 1u);
  EXPECT_EQ(two.root.pairs[0].left.stem, "노광");
  EXPECT_EQ(two.root.pairs[0].right.stem, "장비");
  EXPECT_TRUE(index.plan("노광 장비", ks::MatchMode::any).root.pairs.empty());
  std::string many;
  for (int i = 0; i < 40; ++i) many += "단어" + std::to_string(i) + " ";
  EXPECT_EQ(index.plan(many).root.pairs.size(), ks::max_proximity_pairs);
}

// Exclusions are planned as written (never ranked, never counted as what the
// query searches for); filters are counted; an empty field value is an error.
TEST(QueryPlanner, ExclusionsFiltersAndEmptyValues) {
  Planning index({"노광 장비", "화웨이 장비"});
  const ks::QueryPlan plan = index.plan("장비 -화웨이 source:연합");
  ASSERT_EQ(plan.root.children.size(), 3u);
  const ks::PlanNode& excluded = plan.root.children[1];
  EXPECT_EQ(excluded.kind, ks::PlanNode::Kind::exclude);
  EXPECT_FALSE(excluded.positive);
  EXPECT_FALSE(excluded.children.at(0).positive);
  EXPECT_TRUE(excluded.children.at(0).word.tokens.empty());  // not ranked: no tiers planned
  EXPECT_EQ(plan.positive_leaves, 1u);
  EXPECT_EQ(plan.filters, 1u);
  EXPECT_EQ(index.plan("장비 -date:2024").filters, 0u);  // an excluded date selects nothing
  try {
    index.plan("장비 title:!!!");
    FAIL() << "no error";
  } catch (const ks::QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("title: value has nothing to search for"), std::string::npos) << e.what();
  }
  const ks::QueryPlan vanished = index.plan("장비 ...");
  EXPECT_EQ(vanished.positive_leaves, 2u);
  EXPECT_EQ(vanished.productive_leaves, 1u);
}
