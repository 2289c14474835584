// What a query asks and how it was understood, as plain values: date
// bounds, how a hit matched, the words searched as more than they say and the
// rewrites offered. Free of Xapian, so searcher.h (and every program that
// embeds the library) needs no Xapian header.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kosearch {

struct DateBounds {
  std::optional<std::string> since;  // YYYY-MM-DD inclusive
  std::optional<std::string> until;  // YYYY-MM-DD inclusive
};

// A query word searched as more than it says: a Hanja word as the Hangul it
// reads as (美 → 미국: hanja_readings.h), or a member of the index's synonym
// list as its whole group (엔비디아 → nvidia, 엔비디아社: synonyms.h).
struct Rewrite {
  std::string word;                // as the query wrote it, normalized (美, 엔비디아)
  std::string by;                  // "hanja" or "synonym"
  std::vector<std::string> terms;  // what it is searched as: the reading, or the other members as written
  std::string list = {};           // synonym: the list of the group ("the starter list", a file's name; synonyms.h)
};

// How a document matched, from the query terms it holds
// (Enquire::get_matching_terms): every word as a word (or whole inside a
// longer word), some of them, or only syllable pairs of them.
enum class MatchKind { all, some, partial };

enum class SuggestionKind {
  spelling,  // a word the index does not hold, replaced by the nearest one it does
  layout,    // a word typed in the other keyboard layout (두벌식 ↔ Latin)
  initials,  // a 초성 word read as the words the first hit holds
};

struct Suggestion {
  SuggestionKind kind = SuggestionKind::spelling;
  std::string query;  // the whole query, rewritten
};

// "spelling", "layout" or "initials", as JSON and messages name them.
const char* suggestion_kind_name(SuggestionKind kind);

}  // namespace kosearch
