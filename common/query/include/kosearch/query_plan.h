// The query plan: what a parsed query (query_parser.h) is searched as, as
// plain values, between the passes that make it and use it:
//   parse → plan (query_planner: each word analysed, expanded and given its
//   ranking: tiers, layers, proximity pairs) → compile (plan_compiler: the
//   Xapian::Query) and explain (query_explainer: the plan in words).
// The plan holds decisions and their inputs (a word's document frequency,
// its tier weights), never Xapian objects, so --explain says exactly what
// the compile step was told.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "kosearch/query_parser.h"
#include "kosearch/query_results.h"
#include "kosearch/ranking.h"
#include "kosearch/synonyms.h"
#include "kosearch/token.h"

namespace kosearch {

// Cap on the terms a prefix expands to; the most frequent are kept so a short
// prefix (반*) still finds the words people mean instead of failing.
inline constexpr Xapian::termcount max_prefix_expansion = 100;

// Neighbouring word pairs that get NEAR and side-by-side boosts: they are the
// costliest leaves for Xapian's matcher (an OR of 1,000 NEAR pairs took 2 s)
// and only matter in short queries.
inline constexpr std::size_t max_proximity_pairs = 32;

// One positive query word as the ranking tiers see it (ranking.h): what a
// hit must hold to count as matching it (classify_match).
struct WordTerms {
  std::string text;                             // its stem, for messages
  std::vector<std::vector<std::string>> forms;  // the word as a word: all terms of any one form
  std::vector<std::string> bigrams;             // its syllable pairs, prefixed
  std::size_t bigrams_needed = 0;               // how many of them make the word whole
  bool known = true;                            // the index holds it as a word
};

// A word typed as initial consonants only (ㄴㄱ) and the index words it was
// expanded to (IndexStats::expand_initials), most frequent first. A word no
// index word has all the initials of may be read as two words side by side
// (ㄴㄱㅈㅂ: 노광 장비): two entries with the same `typed`.
struct InitialsExpansion {
  std::string typed;
  std::vector<std::string> words;
};

// One query token and the tiers and layers it is ranked by (ranking.h).
// Tier weights are before BM25's length-floor scale (QueryPlan::tier_scale).
struct TokenPlan {
  enum class Shape {
    word,             // a word: its forms, tiers and syllable pairs
    initials,         // 초성 only (ㄴㄱ): any of `readings[0]`
    spaced_initials,  // 초성 of two words side by side: `readings[0]` then `readings[1]`
  };
  // What a known word's syllable pairs do: nothing (a two-syllable word's one
  // pair is the word), score documents something else found, or match.
  enum class Pairs { none, score_only, match };

  Shape shape = Shape::word;
  Token token;
  bool number_piece = false;  // a bare number split off a word (the 7 of 7나노): only its join earns the tier
  std::vector<std::string> readings[2];
  Xapian::doccount df = 0;    // documents holding it as a word, its synonyms added (rarest pair when unknown)
  double tier = 0;            // found as a word (0: no tier; the index does not know it)
  double title_tier = 0;      // found in the title, on top of `tier`
  double inside_tier = 0;     // found whole inside a longer word (all its syllable pairs, one may be missing)
  Pairs pairs = Pairs::none;
  WordTerms terms;
};

// A positive word (or a phrase's words): its tokens in order, and the tier
// its pieces earn side by side when the analyzer split it (GPT-4, 7나노칩).
struct WordPlan {
  std::vector<TokenPlan> tokens;
  std::vector<Synonym> synonyms;   // other members of its synonym group (one-token words only)
  std::optional<double> pieces_tier;  // none: one token, or a piece the index does not know
};

// A token in a NEAR / side-by-side pair: its stem, or a 초성 word's readings.
struct PairPart {
  std::string stem;
  std::vector<std::string> readings;  // non-empty: a 초성 word, matched as any of these
};

struct ProximityPair {
  PairPart left, right;
};

// One node of the parsed query with its words planned. Kinds as QueryNode's.
struct PlanNode {
  using Kind = QueryNode::Kind;
  Kind kind = Kind::word;
  bool positive = true;          // false inside an exclusion: matched as written, never ranked
  std::string typed;             // word, prefix, phrase: as typed
  WordPlan word;                 // word, phrase (positive: token plans; else only the tokens' text)
  std::vector<Token> tokens;     // word, phrase, field value: the analysed tokens
  std::string text;              // prefix (and a field's prefix value): the normalised text; empty: nothing left
  Field field = Field::title;    // field
  Kind value_kind = Kind::word;  // field: its value's kind (word, phrase or prefix)
  std::string date_from, date_to;  // date_range: YYYYMMDD, either may be empty
  std::vector<PlanNode> children;  // all, any; exclude: the one excluded node
  std::vector<ProximityPair> pairs;  // all: neighbouring words boosted, in query order
  std::size_t position = 0;        // in the query, for messages
};

struct QueryPlan {
  std::string parsed;            // the parsed query (describe())
  PlanNode root;
  MatchMode mode = MatchMode::prefer_all;
  bool keyword = false;          // at most keyword_words typed words: keyword_tier per word found
  double tier_scale = 1.0;       // BM25's scale under the length floor (floored_weighting): the tiers keep pace
  std::optional<std::string> since, until;  // --since / --until as YYYYMMDD
  // Leaves that something is searched for by, and how many kept terms: when
  // all vanish in analysis there is nothing to rank by.
  std::size_t positive_leaves = 0, productive_leaves = 0, first_empty_position = 1;
  std::size_t filters = 0;       // field and date filters (a query may be filters only)
  // Terms (as indexed, with prefixes) that count as a match for snippets and
  // highlighting: stems, joins, bigrams of the positive leaves, readings.
  std::vector<std::string> match_terms;
  // Normalized prefixes of the positive prefix* leaves (unprefixed, as
  // indexed stems start): "반도" for 반도*. Which terms they expand to
  // depends on the database, so the searcher expands them to highlight.
  std::vector<std::string> match_prefixes;
  std::vector<Rewrite> rewrites;              // in query order, each word once
  std::vector<InitialsExpansion> expansions;  // in query order
  double found_share = 1.0;      // share of documents holding every token, were they independent
  Xapian::doccount documents = 0;
};

}  // namespace kosearch
