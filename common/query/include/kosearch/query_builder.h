// A parsed query (query_parser.h) as a Xapian::Query, in two passes: the plan
// (query_planner: every word analysed by the document analyzer, so it is
// matched by exactly the terms its indexed twin produced, expanded and given
// its tiers; query_plan.h) and its compile (plan_compiler). --explain renders
// the same plan (query_explainer.h).
//
// Per query word: its tiers and BM25+ layers as ranking.h describes them;
// words combine by MatchMode; neighbouring words add NEAR and side-by-side
// boosts. Phrases are OP_PHRASE over stems; exclusions OP_AND_NOT; fields are
// prefixed terms (field.h); dates are value ranges on slot_date (undated
// articles never pass a date filter); prefix words are OP_WILDCARD on stems.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/bm25_weighting.h"
#include "kosearch/index_stats.h"
#include "kosearch/query_parser.h"
#include "kosearch/query_plan.h"
#include "kosearch/query_results.h"
#include "kosearch/ranking.h"
#include "kosearch/synonyms.h"

namespace kosearch {

struct BuiltQuery {
  Xapian::Query query;
  // The same query restricted to documents holding every word, with the
  // same scores, when those always rank first (a keyword query: ranking.h).
  // The searcher tries it first: if it fills the page, it is the page.
  std::optional<Xapian::Query> with_every_word;
  double expected_with_every_word = 0;  // documents it would find, were the words independent
  // The positive words, for telling how a hit matched (classify_match).
  std::vector<WordTerms> words;
  // What the query was compiled from: its terms that count as a match
  // (snippets, highlighting), prefixes to expand for highlighting, rewrites,
  // 초성 expansions, and what --explain renders (query_explainer.h).
  QueryPlan plan;
};

BuiltQuery build_query(const QueryNode& root, Analyzer& analyzer,
                       const RankingParams& params = {},
                       MatchMode mode = MatchMode::prefer_all,
                       const DateBounds& dates = {},
                       const IndexStats& stats = {});

// How a document matched (MatchKind), from the query terms it holds
// (Enquire::get_matching_terms).
MatchKind classify_match(const std::vector<WordTerms>& words, const std::set<std::string>& matched);

}  // namespace kosearch
