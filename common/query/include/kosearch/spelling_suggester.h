// Help for the person typing, from the index's own words: "did you mean"
// for a misspelled word (distance measured on jamo, hangul_jamo.h), a query
// typed with the keyboard in the wrong layout (shrhkd → 노광, ㅁㄴㅡㅣ → asml),
// and the words an initial-consonant (초성) word stands for (ㄴㄱ → 노광, …).
//
// The vocabulary is the index's term list itself (Database::allterms), so it
// is current after every incremental run and removal with nothing extra
// stored. A sorted term list holds the words of one initial consonant in one
// contiguous range (the syllables of an initial are one Unicode block), and
// those of one first syllable in a smaller one, which bounds every walk here:
// a spelling candidate's first syllable is the word's or one jamo from it (or
// it shares the first letter of a Latin word), and a 초성 word's expansion is
// a skip-scan that visits only terms whose syllables fit so far. Each walk
// also stops after a fixed number of terms, so a huge index costs bounded time.
//
// Nothing here changes a query: the searcher decides when to offer or apply
// a suggestion (searcher.h, SuggestMode).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/query_builder.h"
#include "kosearch/query_parser.h"
#include "kosearch/query_results.h"

namespace kosearch {

// Optimal string alignment distance (insertions, deletions, substitutions,
// swaps of neighbours) between two unit strings, or `bound + 1` as soon as it
// must exceed `bound`.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t bound);

// Edits allowed between a word of `units` jamo units and a suggestion for it:
// none below 4 (too many neighbours to guess from), 1, or 2 from 7 up (a
// three-syllable word with a final: one syllable left out is two edits).
std::size_t allowed_edits(std::size_t units);

// At most this many terms are read per spelling walk and per 초성 expansion.
inline constexpr std::size_t max_terms_scanned = 200000;

class Vocabulary {
 public:
  explicit Vocabulary(const Xapian::Database& db) : db_(db) {}

  // Documents holding `term` as an unprefixed (body) word; 0 when unknown.
  Xapian::doccount frequency(const std::string& term) const { return db_.get_termfreq(term); }

  // The index word nearest to `word` (a normalized stem the index does not
  // hold) within allowed_edits, whose first syllable is the word's or one
  // jamo from it (a Latin word: the same first letter); ties go to the word
  // more documents hold. Empty when there is none.
  std::string nearest(std::string_view word) const;
  // The same, every word as near (at most `most`), most frequent first.
  std::vector<std::string> nearest_words(std::string_view word, std::size_t most) const;

  // Whether some document holds both terms.
  bool together(const std::string& a, const std::string& b) const;

  // The index words of as many syllables as `initials` (initial indexes, as
  // hangul::initials_query gives them) whose syllables begin with those
  // consonants, most documents first, at most `cap` of them.
  std::vector<std::string> with_initials(std::u32string_view initials, std::size_t cap) const;

  // How the document `docid` reads each 초성 word of a query (`expansions`,
  // as the query builder expanded them; `held`: the query terms it holds):
  // {the word as the analyzer normalized it, its reading}. Of the readings
  // it holds, the one it holds most often (the rarer in the index on a tie),
  // unless neighbouring 초성 words have readings side by side in it
  // (pick_readings); the two parts of a word typed without its space read as
  // one ("노광 장비"). Empty without 초성 words.
  std::vector<std::pair<std::string, std::string>> readings_in(
      Xapian::docid docid, const std::vector<InitialsExpansion>& expansions,
      const std::set<std::string>& held) const;

 private:
  const Xapian::Database& db_;
};

// Rewrites of `query` (the text `root` was parsed from) for its words the
// index does not hold: at most one suggestion per kind, layout first (a word
// that converts exactly to a known word says more than a near one); of
// equally near words, the one some document holds with most of the query's
// other words, then the most frequent (극자외선 노강 → 극자외선 노광). Each the
// whole query with every such word replaced (inside a phrase too). Words
// inside exclusions, field filters and prefixes are left alone, and so are
// the words the index holds and 초성 words (the query builder expands those).
std::vector<Suggestion> suggest(const std::string& query, const QueryNode& root, Analyzer& analyzer,
                                const Vocabulary& vocabulary);

// The suggestion that reads each 초성 word of `query` as a word: `readings`
// maps a 초성 word as the analyzer normalized it (ᄂᄀ) to the index word the
// first hit holds for it (노광). Nothing when no word of the query is one.
std::optional<Suggestion> initials_reading(const std::string& query,
                                           const std::vector<std::pair<std::string, std::string>>& readings);

// The reading to show for each 초성 word of a hit: `held[i]` are the
// readings of word i the hit holds, best first (empty: none). Words typed
// side by side take the first pair of readings that stand side by side in
// the hit (`side_by_side(left, right)`), as ㄴㄱ ㅈㅂ is 노광 장비 there
// even when 정부 is the hit's more frequent ㅈㅂ word. "" where none is held.
std::vector<std::string> pick_readings(const std::vector<std::vector<std::string>>& held,
                                       const std::function<bool(const std::string&, const std::string&)>& side_by_side);

// `query` with the words at the given 1-based character positions replaced:
// {position, typed text, replacement}. A word not found where its position
// says is left as it is.
struct WordReplacement {
  std::size_t position = 0;
  std::string typed;
  std::string replacement;
};
std::string replace_words(const std::string& query, const std::vector<WordReplacement>& replacements);

}  // namespace kosearch
