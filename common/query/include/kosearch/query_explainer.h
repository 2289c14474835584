// --explain: what the engine searches for, in words. It renders the query
// plan the compile step was given (query_plan.h): each word's terms, its
// tiers and their weights, the 초성 expansions and rewrites, phrases,
// filters, exclusions and boosted pairs, then the compiled Xapian query. A
// search without --explain never builds the text.
#pragma once

#include <string>

#include "kosearch/query_builder.h"
#include "kosearch/ranking.h"

namespace kosearch {

// `params`: the settings `built` was made with.
std::string explain_query(const BuiltQuery& built, const RankingParams& params);

}  // namespace kosearch
