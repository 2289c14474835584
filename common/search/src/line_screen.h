// Which lines of an article may hold a match, told without analysing them.
//
// A snippet analyses only the lines the screen lets through (and the first
// line with text, for an article nothing matched in), so its cost follows the
// matches, not the article's length. The screen may let a line through that
// holds no match (analysis then finds none), never the reverse:
//
// - every term a token yields is a substring of the token's NFKC case-folded
//   text (the stem is a prefix of the surface, a join is two touching
//   surfaces, a syllable pair is two touching syllables), so a line whose
//   folded text holds none of the matched terms has no match;
// - a line made of ASCII without capitals and Hangul syllables is its own
//   folded text and is searched as it is; any other line is folded first;
// - a Han word matches through its Hangul readings (美 → 미국), which are not
//   in the text: a line with an ideograph passes whenever any term is wanted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/match_weights.h"

namespace kosearch {

class LineScreen {
 public:
  // The text of `weights`' terms that a snippet matches on: words as they are,
  // syllable pairs without their prefix, field terms left out (the snippet
  // never matches them).
  explicit LineScreen(const MatchWeights& weights);

  // False only when no token of `line` can yield a term of the weights.
  bool may_match(std::string_view line) const { return match_at(line).has_value(); }

  // Where in `line` (bytes) a term was found as written; 0 when the line may
  // match but where is not known (it had to be folded, or holds Han words);
  // nullopt when no token of it can yield a term of the weights.
  std::optional<std::size_t> match_at(std::string_view line) const;

  // For a `text` that may match (may_match), an estimate of what analysing
  // it can find: the weight of every distinct term text found in it (the
  // largest weight of the terms with that text), all of them for a text with
  // an ideograph; nullopt for one that cannot. Analysis finds no more distinct
  // terms than this, and often fewer (a syllable pair found inside an
  // unrelated word does not count there).
  std::optional<double> weight_found(std::string_view text) const;

 private:
  std::optional<std::size_t> find_needle(std::string_view text) const;
  double weight_in(std::string_view text) const;

  std::vector<std::string> needles_;  // none holds another: the shorter one is enough
  std::vector<std::pair<std::string, double>> weighted_;  // every term text, its largest weight
  double total_weight_ = 0;
  mutable std::string folded_;        // scratch for lines that must be folded first
};

}  // namespace kosearch
