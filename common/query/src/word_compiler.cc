#include "word_compiler.h"

#include "kosearch/schema.h"
#include "query_terms.h"

namespace kosearch {

using Q = Xapian::Query;
using namespace query_terms;

Q WordCompiler::tier(double weight, const Q& matching) const {
  Q constant((new Xapian::FixedWeightPostingSource(weight * tier_scale_))->release());
  return Q(Q::OP_FILTER, constant, matching);
}

Q WordCompiler::scoring(const WordPlan& word) {
  const std::vector<Synonym>* synonyms = word.synonyms.empty() ? nullptr : &word.synonyms;
  std::vector<Q> parts;
  std::vector<Token> tokens;
  for (const TokenPlan& planned : word.tokens) {
    parts.push_back(token(planned, synonyms));
    tokens.push_back(planned.token);
  }
  if (word.pieces_tier) parts.push_back(tier(*word.pieces_tier, stems_in_order(tokens, schema::body)));
  return combine(Q::OP_OR, parts);
}

// BM25 of the word's forms (stem, join, title, spaced compound) orders the
// documents within each tier; an unknown word's syllable pairs match too.
Q WordCompiler::token(const TokenPlan& planned, const std::vector<Synonym>* synonyms) {
  if (planned.shape == TokenPlan::Shape::initials) return initials(planned);
  if (planned.shape == TokenPlan::Shape::spaced_initials) return spaced_initials(planned);
  const Token& token = planned.token;
  const schema::TokenTerms terms = schema::terms_for(token);
  const WordTerms& word = planned.terms;
  std::vector<Q> as_word{same_word(token, synonyms, schema::body)};
  std::vector<Q> layers{scaled(as_word.front(), params_.stem_weight)};
  if (!terms.joined.empty()) {
    as_word.emplace_back(terms.joined);
    if (params_.joined_weight > 0) layers.push_back(scaled(Q(terms.joined), params_.joined_weight));
  }
  if (params_.title_weight > 0) layers.push_back(scaled(same_word(token, synonyms, schema::title), params_.title_weight));
  if (token.kind == TokenKind::hangul) {
    for (auto& [split, parts] : spaced_forms(terms.stem)) {
      as_word.push_back(split);
      if (params_.spaced_weight > 0) layers.push_back(scaled(split, params_.spaced_weight));
    }
  }
  // The byline and the publisher earn the tier, though as filter-only terms
  // they carry no BM25.
  for (const std::string_view field : {schema::author, schema::source}) as_word.emplace_back(std::string(field) + terms.stem);
  if (planned.number_piece) as_word = {Q(terms.joined)};
  const Q word_found = combine(Q::OP_OR, as_word);
  std::vector<Q> tiers, tier_matches;  // the tier queries and what each matches
  if (word.known) {
    tier_matches.push_back(word_found);
    tiers.push_back(tier(planned.tier, word_found));
    if (params_.title_share > 0) tiers.push_back(tier(planned.title_tier, same_word(token, synonyms, schema::title)));
  }
  if (!word.bigrams.empty()) {
    std::vector<Q> bigrams(word.bigrams.begin(), word.bigrams.end());
    const Q whole = bigrams_required(bigrams);
    if (params_.inside_share > 0) {
      // A document earns one of the word's two tiers: Xapian 1.4.22's OP_MAX
      // over them crashes in get_mset, so AND_NOT keeps them apart.
      tier_matches.push_back(whole);
      tiers.push_back(tier(planned.inside_tier, word.known ? Q(Q::OP_AND_NOT, whole, word_found) : whole));
    }
    const Q pairs = scaled(combine(Q::OP_OR, bigrams), params_.bigram_weight);
    if (planned.pairs == TokenPlan::Pairs::score_only) scoring_pairs_.push_back(pairs);
    if (planned.pairs == TokenPlan::Pairs::match) layers.push_back(pairs);
  }
  if (!tiers.empty()) layers.push_back(combine(Q::OP_OR, tiers));
  found_.push_back(tier_matches.empty() ? Q() : combine(Q::OP_OR, tier_matches));
  words_.push_back(word);
  return combine(Q::OP_OR, layers);
}

// Each reading is a form of the word, scored by BM25 on its own (a rare
// reading counts for more); the word earns the tier of its most frequent.
Q WordCompiler::initials(const TokenPlan& planned) {
  const std::vector<std::string>& readings = planned.readings[0];
  found_.push_back(readings.empty() ? Q() : combine(Q::OP_OR, std::vector<Q>(readings.begin(), readings.end())));
  words_.push_back(planned.terms);
  if (readings.empty()) return Q(planned.token.stem);  // matches nothing, as typed
  return Q(Q::OP_OR, scaled(found_.back(), params_.stem_weight), tier(planned.tier, found_.back()));
}

Q WordCompiler::spaced_initials(const TokenPlan& planned) {
  const Q parts[] = {combine(Q::OP_OR, std::vector<Q>(planned.readings[0].begin(), planned.readings[0].end())),
                     combine(Q::OP_OR, std::vector<Q>(planned.readings[1].begin(), planned.readings[1].end()))};
  const Q side_by_side(Q::OP_PHRASE, std::begin(parts), std::end(parts), 2);
  found_.push_back(side_by_side);
  words_.push_back(planned.terms);
  return Q(Q::OP_OR, scaled(side_by_side, params_.stem_weight), tier(planned.tier, side_by_side));
}

}  // namespace kosearch
