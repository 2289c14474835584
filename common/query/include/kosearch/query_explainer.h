// --explain: what the engine searches for, in words. A pass of its own over
// the parsed query, apart from the compile step (query_builder.h), so the
// compile does no bookkeeping a search without --explain does not need.
// It analyses each word as the compile does (one analyzer) and names the
// tiers, filters, exclusions and boosts the compiled query holds.
#pragma once

#include <string>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/query_builder.h"
#include "kosearch/query_parser.h"
#include "kosearch/ranking.h"

namespace kosearch {

// `compiled` is what build_query made of `root` with the same settings.
std::string explain_query(const QueryNode& root, Analyzer& analyzer, const RankingParams& params, MatchMode mode,
                          const DateBounds& dates, const BuiltQuery& compiled);

}  // namespace kosearch
