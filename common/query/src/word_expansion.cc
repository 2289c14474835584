#include "word_expansion.h"

#include <algorithm>
#include <set>
#include <utility>

#include "kosearch/hanja_readings.h"

namespace kosearch {

// The analyzer's tokens, a Hanja word read as the Hangul it stands for:
// the index holds that reading wherever the Hanja is, so 美 finds 美 and 미국.
std::vector<Token> WordExpander::analyze(const std::string& text) {
  std::vector<Token> tokens = analyzer_.analyze(text);
  for (Token& token : tokens) {
    std::string written = token.surface;
    if (read_as_hangul(token)) note({std::move(written), "hanja", {token.stem}});
  }
  return tokens;
}

void WordExpander::note(Rewrite rewrite) {
  for (const Rewrite& r : rewrites_)
    if (r.word == rewrite.word && r.by == rewrite.by) return;
  rewrites_.push_back(std::move(rewrite));
}

// The synonym group of a query word of one token, if the index's list has
// one; noted for --explain and (unless excluded) highlighted as the word.
// The other members only; a member of several words that holds one of
// the single-word members (엔비디아社 beside 엔비디아) finds nothing more,
// and its other words (社 → 사) would only be highlighted everywhere.
const std::vector<Synonym>* WordExpander::synonyms_of(const std::vector<Token>& tokens,
                                                     const std::function<void(const std::string&)>& highlight) {
  if (!synonyms_ || tokens.size() != 1) return nullptr;
  const std::vector<Synonym>* group = synonyms_->group_of({tokens.front().stem});
  if (!group) return nullptr;
  std::set<std::string> single_words;
  for (const Synonym& synonym : *group)
    if (synonym.stems.size() == 1) single_words.insert(synonym.stems.front());
  std::vector<Synonym>& others = synonym_lists_.emplace_back();
  Rewrite rewrite{tokens.front().stem, "synonym", {}, group->front().list};
  for (const Synonym& synonym : *group) {
    if (synonym.stems.size() == 1 && synonym.stems.front() == tokens.front().stem) continue;
    rewrite.terms.push_back(synonym.written);
    if (synonym.stems.size() > 1 &&
        std::any_of(synonym.stems.begin(), synonym.stems.end(), [&](const std::string& s) { return single_words.count(s); }))
      continue;
    others.push_back(synonym);
    if (highlight)
      for (const auto& stem : synonym.stems) highlight(stem);
  }
  note(std::move(rewrite));
  return others.empty() ? nullptr : &others;
}

// A query word the analyzer splits (챗GPT, 엔비디아社) that is a member of
// the synonym list is searched as its group's first one-word member
// (ChatGPT, 엔비디아), whose group then holds it: one word, not its pieces
// (社 alone reads 사, found in ASML사가).
// `noted`: the rewrites before the word's, which no longer apply then.
void WordExpander::as_one_word_member(std::vector<Token>& tokens, std::size_t noted) {
  if (!synonyms_ || tokens.size() < 2) return;
  std::vector<std::string> stems;
  for (const Token& token : tokens) stems.push_back(token.stem);
  const std::vector<Synonym>* group = synonyms_->group_of(stems);
  if (!group) return;
  for (const Synonym& member : *group) {
    if (member.stems.size() != 1) continue;
    rewrites_.resize(noted);
    tokens = analyze(member.written);  // one token: its stems are one word (synonym_stems)
    return;
  }
}

}  // namespace kosearch
