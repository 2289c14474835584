// The expansion pass of the query plan: what a query word is searched as
// before it is ranked. A Hanja word is read as the Hangul it stands for (the
// index holds that reading wherever the Hanja is: 美 finds 美 and 미국); a
// word of one token brings the other members of its synonym group (the
// index's list, synonyms.h); a word the analyzer splits that is itself a
// member (챗GPT, 엔비디아社) is searched as its group's one-word member. Each
// expansion that fires is noted once, in query order (Rewrite: --explain and
// the JSON `rewrites`).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "kosearch/analyzer.h"
#include "kosearch/query_results.h"
#include "kosearch/synonyms.h"

namespace kosearch {

class WordExpander {
 public:
  // `synonyms`: the index's list; none, no synonym expansion.
  WordExpander(Analyzer& analyzer, const SynonymIndex* synonyms) : analyzer_(analyzer), synonyms_(synonyms) {}

  // The analyzer's tokens of `text`, a Hanja word read as Hangul (noted).
  std::vector<Token> analyze(const std::string& text);

  // The other members of the synonym group of a word of one token (nullptr:
  // none, or only members that would find nothing more); noted. `highlight`,
  // when given, receives the stems the hits are highlighted through.
  const std::vector<Synonym>* synonyms_of(const std::vector<Token>& tokens,
                                          const std::function<void(const std::string&)>& highlight);

  // A split word that is a member of the list becomes its group's one-word
  // member; `noted`: the count of rewrites before the word's (noted()), which
  // no longer apply then.
  void as_one_word_member(std::vector<Token>& tokens, std::size_t noted);

  std::size_t noted() const { return rewrites_.size(); }
  std::vector<Rewrite> take_rewrites() { return std::move(rewrites_); }

 private:
  void note(Rewrite rewrite);

  Analyzer& analyzer_;
  const SynonymIndex* synonyms_;
  std::vector<Rewrite> rewrites_;
  std::deque<std::vector<Synonym>> synonym_lists_;  // what synonyms_of returned (stable addresses)
};

}  // namespace kosearch
