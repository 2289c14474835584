// Turns a parsed query into a Xapian::Query using the document analyzer, so a
// query word is matched by exactly the terms its indexed twin produced.
//
// Per query word: OR of stem (weight stem_weight), joined term, syllable
// bigrams (bigram_weight each, not required) and the title stem
// (title_weight); words combine by MatchMode; adjacent words add an OP_NEAR
// boost. Phrases are OP_PHRASE over stems; exclusions OP_AND_NOT; fields are
// prefixed terms; dates are value ranges on slot_date (undated articles never
// pass a date filter); prefix words are OP_WILDCARD on stems.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/query_parser.h"
#include "kosearch/ranking.h"

namespace kosearch {

struct BuiltQuery {
  Xapian::Query query;
  // Terms (as indexed, with prefixes) that count as a match for snippets and
  // highlighting: stems, joins, bigrams of the positive leaves.
  std::vector<std::string> match_terms;
  // Normalized prefixes of the positive prefix* leaves (unprefixed, as
  // indexed stems start): "반도" for 반도*. Which terms they expand to depends
  // on the database, so the searcher expands them (Database::allterms_begin)
  // to highlight.
  std::vector<std::string> match_prefixes;
  // Human-readable account of what the engine searches for (--explain).
  std::string explanation;
};

struct DateBounds {
  std::optional<std::string> since;  // YYYY-MM-DD inclusive
  std::optional<std::string> until;  // YYYY-MM-DD inclusive
};

BuiltQuery build_query(const QueryNode& root, Analyzer& analyzer,
                       const RankingParams& params = {},
                       MatchMode mode = MatchMode::prefer_all,
                       const DateBounds& dates = {});

}  // namespace kosearch
