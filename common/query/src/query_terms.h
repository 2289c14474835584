// The Xapian building blocks of the query plan, free of any query's state:
// a word's terms as the index holds them (stem, join, spaced compound,
// syllable pairs), phrases, prefix and date queries, weights. The builder
// (query_builder.h) puts them together per query word.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "kosearch/synonyms.h"
#include "kosearch/token.h"

namespace kosearch::query_terms {

// `q` with its weight scaled (1: as it is).
Xapian::Query scaled(Xapian::Query q, double weight);

// One part as it is, several joined by `op`.
Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts);

// Every document, weight 0 (a query of filters only).
Xapian::Query match_all_unweighted();

// A prefix word (반도*): the `most_frequent` terms it starts that most documents hold.
Xapian::Query prefix_query(std::string pattern, Xapian::termcount most_frequent);

// Dates from–to (YYYYMMDD, either may be empty) on the date slot.
Xapian::Query date_query(const std::string& from, const std::string& to);

// A --since/--until value (YYYY-MM-DD) as the stored YYYYMMDD.
std::string bound_value(const std::string& iso, const char* bound);

// A synonym under a field prefix: its stem, or its words as a phrase.
Xapian::Query synonym_query(const Synonym& synonym, std::string_view prefix);

// The token's stem under `prefix`, with its synonyms as one term for
// BM25 (OP_SYNONYM: their frequencies add up, as if one word).
Xapian::Query same_word(const Token& token, const std::vector<Synonym>* synonyms, std::string_view prefix);

// A compound written as one word, as the text may space it: 노광장비 as the
// stems 노광 and 장비 side by side (each part at least two syllables).
std::vector<std::pair<Xapian::Query, std::vector<std::string>>> spaced_forms(std::string_view stem);

// The token as written: its stem or its join. Used for exclusions, where a
// shared bigram must not throw a document out.
Xapian::Query token_strict(const Token& token);

// The token as written, or all of its syllable bigrams: 노광장비 is found in
// text spaced 노광 장비 and the other way round.
Xapian::Query token_required(const Token& token);

// Of a word's `bigrams` syllable pairs, how many make it whole (bigrams_required).
std::size_t bigrams_needed(std::size_t bigrams);

// All bigrams, except that in words of 4 to kMaxSpacedSyllables syllables
// any one may be missing: a space inside the word (노광장비 written 노광
// 장비) removes exactly the bigram across it (광장). Shorter words keep all,
// or 반도 alone would satisfy 반도체.
Xapian::Query bigrams_required(const std::vector<Xapian::Query>& bigrams);

// The tokens' stems under `prefix`, side by side in order (one stem: itself).
Xapian::Query stems_in_order(const std::vector<Token>& tokens, std::string_view prefix);

// Every one of the tokens' stems under `prefix`, anywhere.
Xapian::Query all_stems(const std::vector<Token>& tokens, std::string_view prefix);

}  // namespace kosearch::query_terms
