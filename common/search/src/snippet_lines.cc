#include "snippet_lines.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "kosearch/schema.h"
#include "kosearch/text.h"
#include "line_screen.h"
#include "text_breaks.h"

namespace kosearch::snippet_text {

namespace {

// The syllables of `token` (bytes into `line`) that its matched syllable
// pairs cover: the first pair's start to the last pair's end, so a word found
// inside a longer one (양자점 in 양자점기술) is marked, not the whole token.
std::pair<std::size_t, std::size_t> pair_span(std::string_view line, const Token& token,
                                              const std::vector<std::string>& pairs) {
  const std::string_view text = line.substr(token.begin, token.end - token.begin);
  std::size_t first = std::string_view::npos, last = 0;
  for (const std::string& pair : pairs) {
    const std::size_t at = text.find(pair);
    if (at == std::string_view::npos) return {token.begin, token.end};  // normalized away: mark the token
    first = std::min(first, at);
    last = std::max(last, at + pair.size());
  }
  return {token.begin + first, token.begin + last};
}

// The best of the token's indexed terms that the query matched, if any. A
// token matched only through syllable pairs is marked on those syllables.
std::optional<Match> match_token(std::string_view line, const Token& token, const TermMatcher& matcher) {
  std::optional<Match> best;
  const auto consider = [&](const std::string& term) {
    if (term.empty()) return false;
    const auto found = matcher.weights.find(term);
    if (found == matcher.weights.end()) return false;
    if (!best || found->second > best->weight) best = Match{token.begin, token.end, term, found->second};
    return true;
  };
  const schema::TokenTerms terms = schema::terms_for(token);
  consider(terms.stem);
  consider(terms.joined);
  for (const auto& reading : terms.readings) consider(reading);  // 美 found as 미국
  const bool as_word = best.has_value();
  std::vector<std::string> pairs;
  for (const auto& bigram : terms.bigrams)
    if (consider(std::string(schema::bigram) + bigram)) pairs.push_back(bigram);
  if (as_word || !best) return best;
  if (!matcher.bigram_counts(token)) return std::nullopt;
  std::tie(best->begin, best->end) = pair_span(line, token, pairs);
  return best;
}

// The words and matches of one sentence of `line`, analysed alone: a word
// never spans a sentence break, so it gives the tokens the whole line would;
// offsets are moved to the line's.
void analyse_sentence(LineText& line, Sentence& sentence, const TermMatcher& matcher, Analyzer& analyzer,
                      std::vector<Token>& tokens) {
  analyzer.analyze(std::string_view(line.text).substr(sentence.begin, sentence.end - sentence.begin), tokens);
  for (Token& token : tokens) {
    token.begin += static_cast<std::uint32_t>(sentence.begin);
    token.end += static_cast<std::uint32_t>(sentence.begin);
    sentence.words.emplace_back(token.begin, token.end);
    if (auto match = match_token(line.text, token, matcher)) sentence.matches.push_back(std::move(*match));
  }
}

// `line` (or its `window`) split into sentences, none analysed yet.
LineText split_line(const Line& line, std::size_t index, std::string_view window, std::size_t column_base) {
  const std::string_view text = window.data() ? window : std::string_view(line.text);
  LineText out;
  out.index = index;
  out.number = line.number;
  out.column_base = column_base;
  out.text = is_valid_utf8(text) ? std::string(text) : sanitize_utf8(text);
  for (const auto& [begin, end] : sentence_ranges(out.text)) out.sentences.push_back({begin, end, {}, {}});
  return out;
}

}  // namespace

TermMatcher::TermMatcher(const MatchWeights& w) : weights(w) {
  for (const auto& [term, weight] : weights)
    if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) words.push_back(term);  // no field prefix
}

bool TermMatcher::bigram_counts(const Token& token) const {
  if (words.empty()) return true;
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
    return word.find(token.stem) != std::string_view::npos || token.surface.find(word) != std::string::npos;
  });
}

std::string_view analysed_window(std::string_view text, std::size_t hit) {
  if (text.size() <= kAnalysedBytes) return text;
  std::size_t begin = hit > kAnalysedBytes / 4 ? hit - kAnalysedBytes / 4 : 0;
  std::size_t end = std::min(text.size(), begin + kAnalysedBytes);
  const auto cut_at_space = [&](std::size_t at, bool forward) {
    const std::size_t space = forward ? text.find(' ', at) : text.rfind(' ', at);
    if (space != std::string_view::npos && space >= begin && space <= end) return space;
    while (at > 0 && at < text.size() && is_continuation_byte(text[at])) forward ? ++at : --at;  // a code point edge
    return at;
  };
  if (begin > 0) begin = cut_at_space(begin, true);
  if (end < text.size()) end = cut_at_space(end, false);
  return text.substr(begin, end - begin);
}

LineText read_line(const Line& line, std::size_t index, const TermMatcher& matcher, Analyzer& analyzer,
                   std::vector<Token>& tokens, std::string_view window, std::size_t column_base) {
  LineText out = split_line(line, index, window, column_base);
  if (out.sentences.empty()) return out;
  // One analysis per line: token offsets then refer to the line directly.
  analyzer.analyze(out.text, tokens);
  auto sentence = out.sentences.begin();
  for (const Token& token : tokens) {
    while (sentence != out.sentences.end() && token.begin >= sentence->end) ++sentence;
    if (sentence == out.sentences.end()) break;
    if (token.begin < sentence->begin) continue;
    sentence->words.emplace_back(token.begin, token.end);
    if (matcher.weights.empty()) continue;
    if (auto match = match_token(out.text, token, matcher)) sentence->matches.push_back(std::move(*match));
  }
  return out;
}

std::vector<LineText> matching_lines(const std::vector<Line>& source, const MatchWeights& weights,
                                     const TermMatcher& matcher, Analyzer& analyzer, std::vector<Token>& tokens,
                                     std::size_t fragments) {
  const LineScreen screen(weights);
  std::vector<LineText> lines;
  std::size_t analysed = 0;
  for (std::size_t l = 0; l < source.size() && analysed < kAnalysedBytes; ++l) {
    const std::string_view text = source[l].text;
    const auto hit = screen.match_at(text);
    if (!hit) continue;
    const std::string_view window = analysed_window(text, *hit);
    const std::size_t column_base = code_point_count(text.substr(0, static_cast<std::size_t>(window.data() - text.data())));
    lines.push_back(split_line(source[l], l, window, column_base));
    analysed += window.size();
  }
  struct Candidate {
    double weight;
    std::size_t line, sentence;
  };
  std::vector<Candidate> candidates;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (std::size_t s = 0; s < lines[l].sentences.size(); ++s) {
      const Sentence& sentence = lines[l].sentences[s];
      const std::string_view part = std::string_view(lines[l].text).substr(sentence.begin, sentence.end - sentence.begin);
      if (const auto weight = screen.weight_found(part)) candidates.push_back({*weight, l, s});
    }
  }
  const std::size_t keep = kAnalysedSentences * std::max<std::size_t>(fragments, 1);
  if (candidates.size() > keep) {
    // Most weight first; on a tie, the earlier sentence.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
    candidates.resize(keep);
  }
  for (const Candidate& c : candidates)
    analyse_sentence(lines[c.line], lines[c.line].sentences[c.sentence], matcher, analyzer, tokens);
  return lines;
}

}  // namespace kosearch::snippet_text
