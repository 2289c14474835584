// The ranking pass of the query plan for one query token: which tiers and
// layers of ranking.h it earns and how much each weighs, from what the index
// says of it (how many documents hold it as a word, or its syllable pairs).
// A 초성 word (ㄴㄱ) is planned as the index words it stands for.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "kosearch/index_stats.h"
#include "kosearch/query_plan.h"
#include "kosearch/schema.h"

namespace kosearch {

// The terms a hit counts as matching (highlighting and snippets), each once,
// in the order the plan met them.
class MatchTerms {
 public:
  void add(const std::string& term) {
    if (!term.empty() && seen_.insert(term).second) terms_.push_back(term);
  }
  // A token's stem, join and syllable pairs.
  void add(const std::vector<Token>& tokens);
  std::vector<std::string> take() { return std::move(terms_); }

 private:
  std::vector<std::string> terms_;
  std::set<std::string> seen_;
};

class TokenPlanner {
 public:
  // `keyword`: a keyword query (ranking.h's keyword_tier applies); `plan`
  // receives the 초성 expansions and the share of documents holding every
  // token; `match` the readings a 초성 word is highlighted through.
  TokenPlanner(const RankingParams& params, const IndexStats& stats, bool keyword, QueryPlan& plan, MatchTerms& match)
      : params_(params), stats_(stats), keyword_(keyword), plan_(plan), match_(match) {}

  // A word's tokens in order, `synonyms` the other members of its group.
  WordPlan plan_word(const std::vector<Token>& tokens, std::vector<Synonym> synonyms);

  // The tier a word held by `df` documents earns (ranking.h).
  double tier_weight(Xapian::doccount df) const;

 private:
  TokenPlan plan_token(const Token& token, const std::vector<Synonym>& synonyms, bool piece);
  void plan_pairs(const schema::TokenTerms& terms, TokenPlan& plan) const;
  TokenPlan plan_initials(const Token& token, std::u32string_view initials);
  bool plan_spaced_initials(const Token& token, std::u32string_view initials, TokenPlan& plan);
  void count(Xapian::doccount df);

  Xapian::doccount termfreq(const std::string& term) const { return stats_.termfreq ? stats_.termfreq(term) : 1; }
  Xapian::doccount word_frequency(const schema::TokenTerms& terms) const;
  Xapian::doccount synonyms_frequency(const std::vector<Synonym>& synonyms) const;

  const RankingParams& params_;
  const IndexStats& stats_;
  bool keyword_;
  QueryPlan& plan_;
  MatchTerms& match_;
};

}  // namespace kosearch
