// What a search gives: the hits (each with its citation, snippet and the
// copies collapsed into it), the facet counts and what the engine did with
// the query. Plain values (searcher.h runs the search), so the units that
// show or rewrite results (article_path.h) need not include the searcher.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kosearch/citation.h"
#include "kosearch/query_results.h"
#include "kosearch/snippet.h"

namespace kosearch {

// Counts of matching articles per publisher or per month (--facets).
enum class Facet { source, month };

struct FacetCount {
  std::string value;  // the publisher, or the month as YYYY-MM; "" for articles without one
  std::size_t count = 0;
};

struct FacetCounts {
  Facet facet = Facet::source;
  std::size_t total = 0;  // matching articles counted, identical copies each (hits show one of them)
  std::vector<FacetCount> top;  // most matching articles first (ties by value), at most facet_top, "" last
};

// Another article with the same text as a hit (wire copy carried by several
// outlets), which the results collapse into the hit.
struct Copy {
  std::string id;
  std::string path;
  std::optional<std::string> source;
  std::optional<std::string> date;
};

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from offset
  double score = 0;
  std::string id;
  MatchKind match = MatchKind::all;  // every query word found, some, or only syllable pairs of them
  Citation citation;  // path, line, column, title, source, date, author, url
  Snippet snippet;
  std::vector<Copy> copies;  // the other articles with its text (at most max_copies_listed), when collapsed
};

// Copies listed per hit; more are counted in no field (the hit stands for them).
inline constexpr std::size_t max_copies_listed = 5;

struct Results {
  std::vector<Hit> hits;
  std::size_t estimated_matches = 0;
  double elapsed_ms = 0;
  std::string explanation;  // what the engine searched for (query_explainer.h); empty unless asked
  std::vector<FacetCounts> facets;  // as asked in SearchOptions::facets, in that order
  std::vector<Rewrite> rewrites;  // Hanja words read in Hangul and synonyms that fired (query_builder.h)
  std::vector<Suggestion> suggestions;  // rewrites of the query offered (SuggestMode), best first
  // Set when nothing typed matched and the hits are those of this rewrite
  // (the first suggestion); the hits, snippets and explanation are its.
  std::optional<std::string> showing_results_for;
};

}  // namespace kosearch
