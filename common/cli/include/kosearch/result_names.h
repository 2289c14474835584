// The names the outputs give a result's plain values (a facet, how a hit
// matched, what a run did with an article), one owner for human output,
// --json and the HTTP API.
#pragma once

#include "kosearch/index_options.h"
#include "kosearch/query_results.h"
#include "kosearch/search_results.h"

namespace kosearch {

// "source" or "month": a facet as --facets and JSON name it.
const char* facet_name(Facet facet);

// "all", "some" or "partial": how a hit matched, as JSON and --help name it.
const char* match_name(MatchKind match);

// "add", "update", "remove" (or "unchanged"): a change as indexer --dry-run
// prints it, one per line with the id.
const char* change_name(ArticleChange change);

// "added", "updated", "removed" (or "unchanged"): as indexer -v tells it.
const char* change_done_name(ArticleChange change);

}  // namespace kosearch
