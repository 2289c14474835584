// The planning passes of a query: each leaf of the parsed query analysed (the
// document analyzer, so a word is matched by the terms its indexed twin
// produced), expanded (word_expansion.h: Hanja readings, synonyms; 초성
// words: token_planner.h) and given its ranking (tiers and layers, proximity
// pairs). The result is a QueryPlan (query_plan.h) for the compile step.
#pragma once

#include "kosearch/analyzer.h"
#include "kosearch/index_stats.h"
#include "kosearch/query_plan.h"

namespace kosearch {

// Throws QueryError for a field whose value has nothing to search for, and
// Error(usage) for a --since/--until that is not a date.
QueryPlan plan_query(const QueryNode& root, Analyzer& analyzer, const RankingParams& params, MatchMode mode,
                     const DateBounds& dates, const IndexStats& stats);

}  // namespace kosearch
