// The compile step for one planned word (query_plan.h's WordPlan): its tiers
// and BM25+ layers (ranking.h) as Xapian queries. Across the words of a
// query it keeps what the whole query is made with: each token's
// found-as-a-word query (BuiltQuery::with_every_word), the syllable pairs
// that only score, and the words for telling how a hit matched.
#pragma once

#include <vector>

#include <xapian.h>

#include "kosearch/query_plan.h"
#include "kosearch/ranking.h"

namespace kosearch {

class WordCompiler {
 public:
  // `tier_scale`: QueryPlan::tier_scale, applied to every tier.
  WordCompiler(const RankingParams& params, double tier_scale) : params_(params), tier_scale_(tier_scale) {}

  // The word's tokens, each with its tiers and layers, and the tier of its
  // pieces side by side.
  Xapian::Query scoring(const WordPlan& word);

  // A constant `weight` (before tier_scale) for every document `matching`
  // selects: the tier a query word puts a document in, whatever its length.
  Xapian::Query tier(double weight, const Xapian::Query& matching) const;

  // Per token met so far: the documents its tiers reward (empty Query: none).
  const std::vector<Xapian::Query>& found() const { return found_; }
  // Syllable pairs of known words: they score documents something else
  // brought in (the compile ANDs them in with AND_MAYBE), never match.
  const std::vector<Xapian::Query>& scoring_pairs() const { return scoring_pairs_; }
  std::vector<WordTerms> take_words() { return std::move(words_); }

 private:
  Xapian::Query token(const TokenPlan& token, const std::vector<Synonym>* synonyms);
  Xapian::Query initials(const TokenPlan& token);
  Xapian::Query spaced_initials(const TokenPlan& token);

  const RankingParams& params_;
  double tier_scale_;
  std::vector<Xapian::Query> found_;
  std::vector<Xapian::Query> scoring_pairs_;
  std::vector<WordTerms> words_;
};

}  // namespace kosearch
