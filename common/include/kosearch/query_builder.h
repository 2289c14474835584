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

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/query_parser.h"
#include "kosearch/ranking.h"

namespace kosearch {

// One positive query word as the ranking tiers see it (ranking.h).
struct WordTerms {
  std::string text;                             // its stem, for messages
  std::vector<std::vector<std::string>> forms;  // the word as a word: all terms of any one form
  std::vector<std::string> bigrams;             // its syllable pairs, prefixed
  std::size_t bigrams_needed = 0;               // how many of them make the word whole
  bool known = true;                            // the index holds it as a word
};

struct BuiltQuery {
  Xapian::Query query;
  // The same query restricted to documents holding every word, with the
  // same scores, when those always rank first (a keyword query: ranking.h).
  // The searcher tries it first: if it fills the page, it is the page.
  std::optional<Xapian::Query> with_every_word;
  double expected_with_every_word = 0;  // documents it would find, were the words independent
  // The positive words, for telling how a hit matched (classify_match).
  std::vector<WordTerms> words;
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

// What the builder asks of the index: how many documents there are and how
// many hold a term. It decides which words the index knows as words and how
// informative each is. Empty: every word counts as known and equally rare.
struct IndexStats {
  Xapian::doccount documents = 0;
  std::function<Xapian::doccount(const std::string& term)> termfreq;
};

BuiltQuery build_query(const QueryNode& root, Analyzer& analyzer,
                       const RankingParams& params = {},
                       MatchMode mode = MatchMode::prefer_all,
                       const DateBounds& dates = {},
                       const IndexStats& stats = {});

// How a document matched, from the query terms it holds
// (Enquire::get_matching_terms): every word as a word (or whole inside a
// longer word), some of them, or only syllable pairs of them.
enum class MatchKind { all, some, partial };
MatchKind classify_match(const std::vector<WordTerms>& words, const std::set<std::string>& matched);

// The weighting scheme the tiers are designed for (ranking.h).
Xapian::BM25PlusWeight weighting(const RankingParams& params);

}  // namespace kosearch
