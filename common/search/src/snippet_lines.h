// An article's lines as a snippet reads them: split into sentences, the
// sentences that may hold a match analysed, and each matched token weighed.
//
// Only lines the line screen lets through are read (line_screen.h), the
// first kAnalysedBytes of them in article order, and of their sentences only
// the kAnalysedSentences per fragment in which the screen finds the most
// weight are analysed. The rest stay in the lines, unanalysed, as context a
// passage can take in. So reading costs what a few sentences do, whatever
// the article's length. snippet.cc chooses and cuts passages from these lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/match_weights.h"

namespace kosearch::snippet_text {

// Bytes of an article's lines that may match that a snippet reads, in
// article order: a huge article (a book, a 20 MB log) costs what a long news
// article does, and its passage is the best of its first lines that match.
// Every article of the bundled and evaluation corpora is far below it.
inline constexpr std::size_t kAnalysedBytes = 256 * 1024;

// Sentences analysed per fragment asked for: those of the matching lines in
// which the line screen finds the most weight (the earlier on a tie). A
// petition (3.5 KB, dozens of sentences holding a syllable pair of its title)
// then costs what 24 sentences do. Measured on 1,784 petition titles, 17,787
// hits (bench/PROFILE.md, "Snippets analyse 24 sentences"): 99.3% of the
// snippets are what analysing every sentence gives; 0.4% show fewer distinct
// matched words, 0.1% more.
inline constexpr std::size_t kAnalysedSentences = 24;

struct Match {
  std::size_t begin = 0, end = 0;  // bytes in the line, the whole token
  std::string term;                // the best matching term: distinct terms count once
  double weight = 0;
};

struct Sentence {
  std::size_t begin = 0, end = 0;  // bytes in the line, surrounding blanks trimmed
  std::vector<std::pair<std::size_t, std::size_t>> words;  // token byte ranges, for clean cuts; empty until analysed
  std::vector<Match> matches;
};

struct LineText {
  std::size_t index = 0;  // in the lines the snippet was made from (Article::body, or the title alone)
  std::uint32_t number = 0;
  std::size_t column_base = 0;  // code points of the line before `text` (a window of a huge line)
  std::string text;
  std::vector<Sentence> sentences;
};

// What a token is matched against: the weights, and the whole-word terms
// (stems and joins) among them.
struct TermMatcher {
  const MatchWeights& weights;
  std::vector<std::string_view> words;

  explicit TermMatcher(const MatchWeights& w);

  // A bigram shared by two unrelated words (엔비디아 / 비디오) is noise; it
  // counts when one word holds the other, as in a compound (삼성 / 삼성전자)
  // or a spacing variant (노광장비 / 장비를). With no whole-word terms to
  // check against, every bigram counts.
  bool bigram_counts(const Token& token) const;
};

// The part of a line longer than kAnalysedBytes that is read: from a little
// before `hit` (where a term was found), cut at spaces so no word is split;
// the whole line when it is short enough.
std::string_view analysed_window(std::string_view text, std::size_t hit);

// `line` (or its `window`, `column_base` code points into it) split into
// sentences, and every sentence analysed.
LineText read_line(const Line& line, std::size_t index, const TermMatcher& matcher, Analyzer& analyzer,
                   std::vector<Token>& tokens, std::string_view window = {}, std::size_t column_base = 0);

// The lines of `source` that may match, read as the header says. `tokens` is
// scratch for the analyzer.
std::vector<LineText> matching_lines(const std::vector<Line>& source, const MatchWeights& weights,
                                     const TermMatcher& matcher, Analyzer& analyzer, std::vector<Token>& tokens,
                                     std::size_t fragments);

}  // namespace kosearch::snippet_text
