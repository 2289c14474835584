// The compile pass of the query plan (query_plan.h): the Xapian::Query the
// plan describes. Words combine by MatchMode (in `all` mode each word is
// required as a word or all of its syllable pairs); neighbouring words add
// NEAR and side-by-side boosts; phrases are OP_PHRASE over stems, exclusions
// OP_AND_NOT, fields prefixed terms, dates value ranges. Every decision was
// made by the planner: this pass only builds.
#pragma once

#include <optional>
#include <vector>

#include <xapian.h>

#include "kosearch/query_plan.h"
#include "kosearch/ranking.h"

namespace kosearch {

struct CompiledPlan {
  Xapian::Query query;
  std::optional<Xapian::Query> with_every_word;  // as BuiltQuery's
  std::vector<WordTerms> words;                  // the positive words, in query order
};

// Throws QueryError when the plan leaves nothing to search for (every word
// vanished in analysis, or no word and no filter).
CompiledPlan compile_plan(const QueryPlan& plan, const RankingParams& params);

}  // namespace kosearch
