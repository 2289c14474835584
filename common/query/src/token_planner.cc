#include "token_planner.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kosearch/hangul_jamo.h"
#include "query_terms.h"

namespace kosearch {

void MatchTerms::add(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    const schema::TokenTerms terms = schema::terms_for(token);
    add(terms.stem);
    add(terms.joined);
    for (const auto& bigram : terms.bigrams) add(std::string(schema::bigram) + bigram);
  }
}

WordPlan TokenPlanner::plan_word(const std::vector<Token>& tokens, std::vector<Synonym> synonyms) {
  WordPlan word;
  word.synonyms = std::move(synonyms);
  for (const Token& token : tokens) word.tokens.push_back(plan_token(token, word.synonyms, tokens.size() > 1));
  // A word the analyzer splits (GPT-4, 7나노칩's parts) is still one word:
  // its pieces side by side, in order, earn one more tier.
  if (tokens.size() > 1) {
    Xapian::doccount rarest = std::numeric_limits<Xapian::doccount>::max();
    for (const Token& token : tokens) rarest = std::min(rarest, word_frequency(schema::terms_for(token)));
    if (rarest > 0) word.pieces_tier = tier_weight(rarest);
  }
  return word;
}

// word_tier in units of the word's idf, so a rare word counts for more than
// a common one (question words like 무엇 or 어느 hardly move a document up).
// In a keyword query every word was typed on purpose: each found word also
// earns keyword_tier, a small fixed bonus (ranking.h), so documents holding
// more of the words come first unless BM25 says much otherwise. A word most
// documents hold tells little about any of them: its keyword tier shrinks
// with its idf below keyword_idf_floor.
double TokenPlanner::tier_weight(Xapian::doccount df) const {
  const double strict = keyword_ ? params_.keyword_tier : 0.0;
  if (!stats_.termfreq || stats_.documents == 0) return strict + params_.word_tier;
  const double n = stats_.documents;
  const double idf = std::max(std::log((n + 1.0) / (std::min<double>(df, n) + 0.5)), 0.01);
  const double share = params_.keyword_idf_floor > 0 ? std::min(1.0, idf / params_.keyword_idf_floor) : 1.0;
  return strict * share + params_.word_tier * idf;
}

// A tier for the word found as a word (stem, join, spaced compound, byline,
// publisher) or, lower, whole inside a longer word (all its syllable pairs).
// Only a word the index does not hold as a word also matches through some of
// its syllable pairs, and that earns no tier. `piece`: the token is one of
// several the analyzer split a query word into (7나노 → 7, 나노).
TokenPlan TokenPlanner::plan_token(const Token& token, const std::vector<Synonym>& synonyms, bool piece) {
  const schema::TokenTerms terms = schema::terms_for(token);
  if (stats_.expand_initials) {
    const auto initials = hangul::initials_query(terms.stem);
    if (initials && initials->size() >= 2) return plan_initials(token, *initials);
  }
  TokenPlan plan;
  plan.token = token;
  WordTerms& word = plan.terms;
  word.text = terms.stem;
  word.forms.push_back({terms.stem});
  for (const Synonym& synonym : synonyms) word.forms.push_back(synonym.stems);
  if (!terms.joined.empty()) word.forms.push_back({terms.joined});
  if (token.kind == TokenKind::hangul)
    for (auto& [split, parts] : query_terms::spaced_forms(terms.stem)) word.forms.push_back(parts);
  // The byline and the publisher name the article too (오로라 특파원).
  for (const std::string_view field : {schema::author, schema::source})
    word.forms.push_back({std::string(field) + terms.stem});
  // A bare number piece (the 7 of 7나노) is in any text with a list or a
  // date: only its join earns the tier (a review that is just "7" is no
  // match for 화웨이 7나노); the pieces in order earn theirs (plan_word).
  plan.number_piece = piece && token.kind == TokenKind::number && !terms.joined.empty();
  plan.df = std::min<Xapian::doccount>(
      (plan.number_piece ? termfreq(terms.joined) : word_frequency(terms)) + synonyms_frequency(synonyms),
      stats_.documents ? stats_.documents : std::numeric_limits<Xapian::doccount>::max());
  word.known = plan.df > 0;
  if (word.known) {
    plan.tier = tier_weight(plan.df);
    // A word of the title says what the whole text is about, however long.
    plan.title_tier = plan.tier * params_.title_share;
  }
  plan_pairs(terms, plan);
  count(plan.df);
  return plan;
}

// The word's syllable pairs: the tier of the word whole inside a longer one,
// and BM25 of the pairs.
void TokenPlanner::plan_pairs(const schema::TokenTerms& terms, TokenPlan& plan) const {
  if (terms.bigrams.empty()) return;
  WordTerms& word = plan.terms;
  for (const auto& bigram : terms.bigrams) word.bigrams.push_back(std::string(schema::bigram) + bigram);
  // The tier forgives one missing pair in a long word (a space inside it);
  // telling how a hit matched does not: 3 of 엔비디야's pairs are not the word.
  word.bigrams_needed = word.bigrams.size();
  Xapian::doccount rarest = plan.df;
  if (!word.known) {
    rarest = stats_.documents;
    for (const auto& bigram : word.bigrams) rarest = std::min(rarest, termfreq(bigram));
  }
  plan.inside_tier = tier_weight(rarest) * params_.inside_share;
  // A known word's syllable pairs only score documents something else
  // brought in, so 양자점 never finds 양자 컴퓨터 through 양자 alone, while
  // 대학교 still counts for a text on 대학. A two-syllable word's one pair is
  // the word itself: its stem scores it already. (The index still holds that
  // pair for a text holding just the word: leaving it out cost MRR@10
  // 0.001–0.002 on both KorQuAD collections, as longer query words' pairs and
  // spaced compounds (노광장비 → 노광 장비) need it; bench/PROFILE.md.)
  const bool pair_is_the_word = terms.bigrams.size() == 1 && terms.bigrams.front() == terms.stem;
  if (params_.bigram_weight > 0 && !(word.known && pair_is_the_word))
    plan.pairs = word.known ? TokenPlan::Pairs::score_only : TokenPlan::Pairs::match;
}

// A word typed as initial consonants only (ㄴㄱ) is found as any index word
// with those 초성: each is a form of the word, scored by BM25 on its own (a
// rare reading counts for more), and the word earns the tier of its most
// frequent reading.
TokenPlan TokenPlanner::plan_initials(const Token& token, std::u32string_view initials) {
  TokenPlan plan;
  plan.token = token;
  plan.shape = TokenPlan::Shape::initials;
  InitialsExpansion expansion{token.surface, stats_.expand_initials(initials)};
  if (expansion.words.empty() && plan_spaced_initials(token, initials, plan)) return plan;
  plan.terms.text = token.stem;
  for (const std::string& reading : expansion.words) {
    plan.readings[0].push_back(reading);
    plan.terms.forms.push_back({reading});
    match_.add(reading);
    plan.df = std::max(plan.df, termfreq(reading));
  }
  plan.terms.known = plan.df > 0;
  plan.tier = tier_weight(plan.df);
  count(plan.df);
  plan_.expansions.push_back(std::move(expansion));
  return plan;
}

// 초성 typed without the space between two words (ㄴㄱㅈㅂ for 노광 장비),
// when no index word has them all: readings of two parts side by side, cut
// nearest the middle first, each part two initials or more.
bool TokenPlanner::plan_spaced_initials(const Token& token, std::u32string_view initials, TokenPlan& plan) {
  constexpr std::size_t kPairedForms = 10;  // readings of each part paired to tell how a hit matched
  const std::size_t n = initials.size();
  for (std::size_t offset = 0; 2 * offset <= n; ++offset) {
    const std::size_t cuts[] = {n / 2 - offset, n / 2 + offset};
    for (std::size_t k = 0; k < (offset == 0 ? 1u : 2u); ++k) {  // offset 0: the two are one cut
      const std::size_t cut = cuts[k];
      if (cut < 2 || cut + 2 > n) continue;
      // Each expansion reads the index's words: the right part only when the left has readings.
      InitialsExpansion left{token.surface, stats_.expand_initials(initials.substr(0, cut))};
      if (left.words.empty()) continue;
      InitialsExpansion right{token.surface, stats_.expand_initials(initials.substr(cut))};
      if (right.words.empty()) continue;
      plan.shape = TokenPlan::Shape::spaced_initials;
      plan.terms.text = token.stem;
      Xapian::doccount df = stats_.documents;
      for (int side = 0; side < 2; ++side) {
        Xapian::doccount most = 0;
        for (const std::string& reading : (side ? right : left).words) {
          plan.readings[side].push_back(reading);
          match_.add(reading);
          most = std::max(most, termfreq(reading));
        }
        df = std::min(df, most);
      }
      for (std::size_t a = 0; a < std::min(kPairedForms, left.words.size()); ++a)
        for (std::size_t b = 0; b < std::min(kPairedForms, right.words.size()); ++b)
          plan.terms.forms.push_back({left.words[a], right.words[b]});
      plan.df = df;
      plan.terms.known = df > 0;
      plan.tier = tier_weight(df);
      count(df);
      plan_.expansions.push_back(std::move(left));
      plan_.expansions.push_back(std::move(right));
      return true;
    }
  }
  return false;
}

// The share of documents holding every token, were they independent.
void TokenPlanner::count(Xapian::doccount df) {
  plan_.found_share *= stats_.documents ? std::min(1.0, static_cast<double>(df) / stats_.documents) : 1.0;
}

// How many documents hold the word as a word, in the text or in the byline
// or publisher (0: the index does not know it).
Xapian::doccount TokenPlanner::word_frequency(const schema::TokenTerms& terms) const {
  Xapian::doccount df = std::max(termfreq(terms.stem), terms.joined.empty() ? 0 : termfreq(terms.joined));
  for (const std::string_view field : {schema::author, schema::source})
    df = std::max(df, termfreq(std::string(field) + terms.stem));
  return df;
}

// Documents holding a synonym as a word (its stem, or its words in order for
// the rarest of them: an upper bound).
Xapian::doccount TokenPlanner::synonyms_frequency(const std::vector<Synonym>& synonyms) const {
  Xapian::doccount df = 0;
  for (const Synonym& synonym : synonyms) {
    Xapian::doccount rarest = std::numeric_limits<Xapian::doccount>::max();
    for (const auto& stem : synonym.stems) rarest = std::min(rarest, termfreq(stem));
    df += rarest;
  }
  return df;
}

}  // namespace kosearch
