#include "query_terms.h"

#include <iterator>

#include "kosearch/error.h"
#include "kosearch/schema.h"
#include "kosearch/text.h"

namespace kosearch::query_terms {

using Q = Xapian::Query;

Q scaled(Q q, double weight) { return weight == 1.0 ? q : Q(Q::OP_SCALE_WEIGHT, q, weight); }

Q combine(Q::op op, const std::vector<Q>& parts) {
  return parts.size() == 1 ? parts.front() : Q(op, parts.begin(), parts.end());
}

Q match_all_unweighted() { return Q(Q::OP_SCALE_WEIGHT, Q(std::string()), 0.0); }

Q prefix_query(std::string pattern, Xapian::termcount most_frequent) {
  return Q(Q::OP_WILDCARD, pattern, most_frequent, Q::WILDCARD_LIMIT_MOST_FREQUENT);
}

Q date_query(const std::string& from, const std::string& to) {
  if (from.empty()) return Q(Q::OP_VALUE_LE, schema::slot_date, to);
  if (to.empty()) return Q(Q::OP_VALUE_GE, schema::slot_date, from);
  return Q(Q::OP_VALUE_RANGE, schema::slot_date, from, to);
}

std::string bound_value(const std::string& iso, const char* bound) {
  const std::string value = schema::date_value(iso);
  if (value.size() != 8)
    throw Error(ErrorKind::usage, std::string("date bound ") + bound + " must be a date YYYY-MM-DD, not '" + iso + "'");
  return value;
}

Q synonym_query(const Synonym& synonym, std::string_view prefix) {
  std::vector<Q> stems;
  for (const auto& stem : synonym.stems) stems.emplace_back(std::string(prefix) + stem);
  if (stems.size() == 1) return stems.front();
  return Q(Q::OP_PHRASE, stems.begin(), stems.end(), static_cast<Xapian::termcount>(stems.size()));
}

Q same_word(const Token& token, const std::vector<Synonym>* synonyms, std::string_view prefix) {
  std::vector<Q> forms{Q(std::string(prefix) + token.stem)};
  if (synonyms)
    for (const Synonym& synonym : *synonyms)
      forms.push_back(synonym_query(synonym, prefix));
  return forms.size() == 1 ? forms.front() : Q(Q::OP_SYNONYM, forms.begin(), forms.end());
}

std::vector<std::pair<Q, std::vector<std::string>>> spaced_forms(std::string_view stem) {
  constexpr std::size_t kSyllableBytes = 3, kMinPart = 2 * kSyllableBytes;
  std::vector<std::pair<Q, std::vector<std::string>>> forms;
  if (stem.size() < 2 * kMinPart || stem.size() % kSyllableBytes != 0) return forms;
  for (std::size_t i = 0; i < stem.size(); i += kSyllableBytes)
    if (!is_hangul_syllable(decode_utf8_at(stem, i).code_point)) return forms;
  for (std::size_t cut = kMinPart; cut + kMinPart <= stem.size(); cut += kSyllableBytes) {
    std::vector<std::string> parts{std::string(stem.substr(0, cut)), std::string(stem.substr(cut))};
    const Q pair[] = {Q(parts[0]), Q(parts[1])};
    forms.emplace_back(Q(Q::OP_PHRASE, std::begin(pair), std::end(pair), 2), std::move(parts));
  }
  return forms;
}

Q token_strict(const Token& token) {
  const schema::TokenTerms terms = schema::terms_for(token);
  if (terms.joined.empty()) return Q(terms.stem);
  return Q(Q::OP_OR, Q(terms.stem), Q(terms.joined));
}

Q token_required(const Token& token) {
  const schema::TokenTerms terms = schema::terms_for(token);
  std::vector<Q> bigrams;
  for (const auto& bigram : terms.bigrams) bigrams.emplace_back(std::string(schema::bigram) + bigram);
  if (bigrams.empty()) return token_strict(token);
  return Q(Q::OP_OR, token_strict(token), bigrams_required(bigrams));
}

std::size_t bigrams_needed(std::size_t bigrams) {
  constexpr std::size_t kMaxSpacedSyllables = 8;
  return bigrams < 3 || bigrams + 1 > kMaxSpacedSyllables ? bigrams : bigrams - 1;
}

Q bigrams_required(const std::vector<Q>& bigrams) {
  if (bigrams_needed(bigrams.size()) == bigrams.size()) return combine(Q::OP_AND, bigrams);
  std::vector<Q> one_missing;
  for (std::size_t skip = 0; skip < bigrams.size(); ++skip) {
    std::vector<Q> rest;
    for (std::size_t k = 0; k < bigrams.size(); ++k)
      if (k != skip) rest.push_back(bigrams[k]);
    one_missing.push_back(combine(Q::OP_AND, rest));
  }
  return combine(Q::OP_OR, one_missing);
}

Q stems_in_order(const std::vector<Token>& tokens, std::string_view prefix) {
  std::vector<Q> stems;
  for (const Token& token : tokens) stems.emplace_back(std::string(prefix) + token.stem);
  if (stems.size() == 1) return stems.front();
  return Q(Q::OP_PHRASE, stems.begin(), stems.end(), static_cast<Xapian::termcount>(stems.size()));
}

Q all_stems(const std::vector<Token>& tokens, std::string_view prefix) {
  std::vector<Q> stems;
  for (const Token& token : tokens) stems.emplace_back(std::string(prefix) + token.stem);
  return combine(Q::OP_AND, stems);
}

}  // namespace kosearch::query_terms
