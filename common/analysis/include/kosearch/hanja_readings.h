// Hanja in Korean text, read in Hangul, so that a headline's 美 and a body's
// 미국 share a term, and 銀行 and 은행 do too.
//
// Two sources, both without a dictionary download:
//   - a built-in table of the one-character abbreviations headlines use for
//     countries, parties and institutions (美 미국, 與 여당, 檢 검찰, …);
//   - the Hangul reading of any other Han word, syllable by syllable, from
//     ICU's Korean collation, which files every Hanja it knows under its
//     reading (about 7,500 of the unified ideographs; ICU's transliterators
//     have no Han→Hangul transform: Han-Latin gives Mandarin pinyin). The
//     first syllable follows the initial-sound rule (李 → 이, 歷史 → 역사);
//     不 reads 부 before ㄷ or ㅈ, else 불 (不動産 부동산, 不安 불안). A
//     character with several readings gets the one the collation files it
//     under (樂 → 악).
//
// The analyzer indexes a Han word under its readings at its own position
// (Token::readings); a query searches a Han word as its first reading
// (read_as_hangul), so 美 and 미국 are the same query word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kosearch/token.h"

namespace kosearch {

// The word a one-character headline abbreviation stands for (美 → 미국),
// or empty. `han` is one code point in UTF-8, NFKC-normalized.
std::string_view abbreviation_reading(std::string_view han);

// The Hangul reading of a Han word (銀行 → 은행), or empty when a character
// has none (not Han, or not filed under a reading by ICU).
std::string hangul_reading(std::string_view han);

// Every Hangul form a Han token is indexed under, the one a query searches
// first: an abbreviation's word (美 → 미국, 미), else the word's reading
// (美中 → 미중, then 미국 and 중국 when each character is an abbreviation).
// Empty when there is none. `after_number`: the word is glued to a number
// (11日, 3國), where no character is an abbreviation.
std::vector<std::string> han_readings(std::string_view surface, bool after_number = false);

// A query token written in Hanja becomes the Hangul word it reads as (its
// first reading), so it finds both forms; true when it was rewritten.
bool read_as_hangul(Token& token);

}  // namespace kosearch
