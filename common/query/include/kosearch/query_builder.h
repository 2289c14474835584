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

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "kosearch/analyzer.h"
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

// Cap on the terms a prefix expands to; the most frequent are kept so a short
// prefix (반*) still finds the words people mean instead of failing.
inline constexpr Xapian::termcount max_prefix_expansion = 100;

// Neighbouring word pairs that get NEAR and side-by-side boosts: they are the
// costliest leaves for Xapian's matcher (an OR of 1,000 NEAR pairs took 2 s)
// and only matter in short queries.
inline constexpr std::size_t max_proximity_pairs = 32;

// What the builder asks of the index: how many documents there are and how
// many hold a term. It decides which words the index knows as words and how
// informative each is. Empty: every word counts as known and equally rare.
// expand_initials: the index words a 초성 word of two or more consonants
// stands for (spelling_suggester.h's Vocabulary::with_initials); such a word
// matches any of them. Empty: a 초성 word is a word like any other.
struct IndexStats {
  Xapian::doccount documents = 0;
  std::function<Xapian::doccount(const std::string& term)> termfreq;
  const SynonymIndex* synonyms = nullptr;  // the index's synonym list (none: no synonyms)
  std::function<std::vector<std::string>(std::u32string_view initials)> expand_initials;
  double average_length = 0;  // of a document, in terms (0: unknown, the length floor is not applied)
};

BuiltQuery build_query(const QueryNode& root, Analyzer& analyzer,
                       const RankingParams& params = {},
                       MatchMode mode = MatchMode::prefer_all,
                       const DateBounds& dates = {},
                       const IndexStats& stats = {});

// How a document matched (MatchKind), from the query terms it holds
// (Enquire::get_matching_terms).
MatchKind classify_match(const std::vector<WordTerms>& words, const std::set<std::string>& matched);

// BM25+ with RankingParams::length_floor, in Xapian's own parameters so that
// remote shards (a stock xapian-tcpsrv) weigh alike: when the average length
// A is below the floor F, BM25 normalises by max(length, F) / F, which is
// k1 · A / F over length / A; BM25's part of the score then grows by
// `tier_scale`, and so do delta and every tier, so the order is exactly that
// of the floored BM25+.
struct FlooredWeighting {
  double k1, b, min_normlen, delta;
  double tier_scale = 1.0;
};
FlooredWeighting floored_weighting(const RankingParams& params, double average_length);

// The weighting scheme the tiers are designed for (ranking.h), for an index
// whose documents average `average_length` terms.
Xapian::BM25PlusWeight weighting(const RankingParams& params, double average_length);

}  // namespace kosearch
