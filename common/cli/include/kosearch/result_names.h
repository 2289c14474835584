// The names the outputs give a result's plain values (a facet, how a hit
// matched), one owner for human output, --json and the HTTP API.
#pragma once

#include "kosearch/query_results.h"
#include "kosearch/searcher.h"

namespace kosearch {

// "source" or "month": a facet as --facets and JSON name it.
const char* facet_name(Facet facet);

// "all", "some" or "partial": how a hit matched, as JSON and --help name it.
const char* match_name(MatchKind match);

}  // namespace kosearch
