// The compile pass (plan_compiler.h): it builds what the plan decided, and
// nothing the plan did not.
#include "plan_compiler.h"

#include <gtest/gtest.h>

#include <string>

#include "kosearch/error.h"
#include "query_planner.h"
#include "small_index.h"

namespace ks = kosearch;

namespace {

// Plans and compiles queries against a small index.
class Compiling : public kosearch_test::SmallIndex {
 public:
  using SmallIndex::SmallIndex;

  ks::QueryPlan plan(const std::string& query, ks::MatchMode mode = ks::MatchMode::prefer_all) {
    return ks::plan_query(ks::parse_query(query), analyzer(), params, mode, {}, stats());
  }

  ks::CompiledPlan compile(const ks::QueryPlan& plan) const { return ks::compile_plan(plan, params); }

  ks::RankingParams params;
};

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

// The tiers carry the plan's weights, scaled by its tier_scale.
TEST(PlanCompiler, TiersCarryThePlansWeights) {
  Compiling index({"노광 장비", "장비 가격"});
  ks::QueryPlan plan = index.plan("노광");
  plan.root.word.tokens.at(0).tier = 7.0;
  plan.tier_scale = 2.0;
  const std::string description = index.compile(plan).query.get_description();
  EXPECT_NE(description.find("FixedWeightPostingSource(wt=14)"), std::string::npos) << description;
  plan.root.word.tokens.at(0).terms.known = false;  // an unknown word earns no word tier
  EXPECT_EQ(index.compile(plan).query.get_description().find("wt=14)"), std::string::npos);
}

// A known word's syllable pairs score at the top (AND_MAYBE), never match;
// an unknown word's pairs are one of its layers.
TEST(PlanCompiler, ScoringPairsAreAddedAtTheTop) {
  Compiling index({"반도체 공장", "메모리"});
  const ks::CompiledPlan known = index.compile(index.plan("반도체"));
  EXPECT_EQ(known.query.get_type(), Xapian::Query::OP_AND_MAYBE);
  const ks::CompiledPlan unknown = index.compile(index.plan("반도쳬"));
  EXPECT_NE(unknown.query.get_type(), Xapian::Query::OP_AND_MAYBE);
  ASSERT_EQ(unknown.words.size(), 1u);
  EXPECT_FALSE(unknown.words[0].known);
}

// The pieces tier is compiled only when the plan gives one.
TEST(PlanCompiler, PiecesTierOnlyWhenPlanned) {
  Compiling index({"화웨이 7나노 칩", "나노 기술"});
  ks::QueryPlan plan = index.plan("7나노");
  ASSERT_TRUE(plan.root.word.pieces_tier.has_value());
  const std::string with = index.compile(plan).query.get_description();
  plan.root.word.pieces_tier.reset();
  const std::string without = index.compile(plan).query.get_description();
  EXPECT_EQ(count(with, "FixedWeightPostingSource"), count(without, "FixedWeightPostingSource") + 1);
}

// A keyword query in prefer-all mode gets the every-word query; other modes
// and longer queries do not.
TEST(PlanCompiler, EveryWordQueryForKeywordQueries) {
  Compiling index({"노광 장비", "장비 가격", "노광 공정"});
  EXPECT_TRUE(index.compile(index.plan("노광 장비")).with_every_word.has_value());
  EXPECT_FALSE(index.compile(index.plan("노광 장비", ks::MatchMode::all)).with_every_word.has_value());
  EXPECT_FALSE(index.compile(index.plan("노광")).with_every_word.has_value());  // one token
  EXPECT_FALSE(index.compile(index.plan("노광 OR 장비")).with_every_word.has_value());
}

// Nothing to search for is the compile's one error: words that vanished in
// analysis, or a query of exclusions with no filter.
TEST(PlanCompiler, NothingToSearchFor) {
  Compiling index({"노광 장비"});
  EXPECT_THROW(index.compile(index.plan("... !!!")), ks::QueryError);
  ks::QueryPlan empty = index.plan("노광");
  empty.root = ks::PlanNode{};
  empty.root.kind = ks::PlanNode::Kind::all;
  EXPECT_THROW(index.compile(empty), ks::QueryError);
  empty.filters = 1;  // a query of filters only selects by them
  EXPECT_NO_THROW(index.compile(empty));
}
