#include "kosearch/snippet.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "kosearch/schema.h"
#include "kosearch/text.h"
#include "line_screen.h"

namespace kosearch {

namespace {

constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kFragmentJoin = " … ";

// Bonus per matched word in a passage of the full budget (less in a longer
// one): separates passages that hold the same terms by how many times they
// show them, without letting a repeated common word outweigh a rare one.
constexpr double kDensityWeight = 0.05;
// A second fragment that only repeats terms the first one showed counts them
// at this share of their weight, so fragments favour new terms.
constexpr double kRepeatedTermShare = 0.5;

// ---------------------------------------------------------------------------
// UTF-8 helpers


// ---------------------------------------------------------------------------
// ICU iterators over UTF-8 text: with a UTF-8 UText, ICU's indices are byte
// offsets, so no UTF-16 round trip is needed.

struct Breakers {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> graphemes;
};

// Creating an iterator loads rules: once per thread, not per call.
Breakers& breakers() {
  thread_local Breakers b = [] {
    Breakers made;
    UErrorCode status = U_ZERO_ERROR;
    made.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("ko"), status));
    if (U_FAILURE(status)) made.sentences.reset();
    status = U_ZERO_ERROR;
    made.graphemes.reset(icu::BreakIterator::createCharacterInstance(icu::Locale("ko"), status));
    if (U_FAILURE(status)) made.graphemes.reset();
    return made;
  }();
  return b;
}

// Points `it` at `text` for as long as this object lives (the iterator only
// references the bytes). Returns false when ICU refuses.
class IteratorText {
 public:
  IteratorText(icu::BreakIterator* it, std::string_view text) : it_(it) {
    if (!it_) return;
    UErrorCode status = U_ZERO_ERROR;
    ut_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    it_->setText(ut_, status);
    ok_ = U_SUCCESS(status);
  }
  ~IteratorText() {
    if (ut_) utext_close(ut_);
  }
  IteratorText(const IteratorText&) = delete;
  IteratorText& operator=(const IteratorText&) = delete;
  bool ok() const { return ok_; }

 private:
  icu::BreakIterator* it_;
  UText* ut_ = nullptr;
  bool ok_ = false;
};

// ---------------------------------------------------------------------------
// The article, split and matched

struct Match {
  std::size_t begin = 0, end = 0;  // bytes in the line, the whole token
  std::string term;                // the best matching term: distinct terms count once
  double weight = 0;
};

struct Sentence {
  std::size_t begin = 0, end = 0;  // bytes in the line, surrounding blanks trimmed
  std::vector<std::pair<std::size_t, std::size_t>> words;  // token byte ranges, for clean cuts
  std::vector<Match> matches;
};

struct LineText {
  std::size_t index = 0;  // in the lines the snippet was made from (Article::body, or the title alone)
  std::uint32_t number = 0;
  std::size_t column_base = 0;  // code points of the line before `text` (a window of a huge line)
  std::string text;
  std::vector<Sentence> sentences;
};

// Byte ranges of the sentences of `text`, blanks trimmed, empty ones dropped.
std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  icu::BreakIterator* it = breakers().sentences.get();
  IteratorText bound(it, text);
  if (bound.ok()) {
    std::int32_t start = it->first();
    for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next())
      ranges.emplace_back(static_cast<std::size_t>(start), static_cast<std::size_t>(end));
  } else {
    ranges.emplace_back(0, text.size());  // no ICU: the line is one sentence
  }
  std::vector<Sentence> sentences;
  for (auto [begin, end] : ranges) {
    while (begin < end && is_ascii_space(text[begin])) ++begin;
    while (end > begin && is_ascii_space(text[end - 1])) --end;
    if (begin < end) sentences.push_back({begin, end, {}, {}});
  }
  return sentences;
}

// What a token is matched against: the weights, and the whole-word terms
// (stems and joins) among them.
struct Query {
  const MatchWeights& weights;
  std::vector<std::string_view> words;

  explicit Query(const MatchWeights& w) : weights(w) {
    for (const auto& [term, weight] : weights)
      if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) words.push_back(term);  // no field prefix
  }

  // A bigram shared by two unrelated words (엔비디아 / 비디오) is noise; it
  // counts when one word holds the other, as in a compound (삼성 / 삼성전자)
  // or a spacing variant (노광장비 / 장비를). With no whole-word terms to
  // check against, every bigram counts.
  bool bigram_counts(const Token& token) const {
    if (words.empty()) return true;
    return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
      return word.find(token.stem) != std::string_view::npos || token.surface.find(word) != std::string::npos;
    });
  }
};

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
std::optional<Match> match_token(std::string_view line, const Token& token, const Query& query) {
  std::optional<Match> best;
  const auto consider = [&](const std::string& term) {
    if (term.empty()) return false;
    const auto found = query.weights.find(term);
    if (found == query.weights.end()) return false;
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
  if (!query.bigram_counts(token)) return std::nullopt;
  std::tie(best->begin, best->end) = pair_span(line, token, pairs);
  return best;
}

// `screen`: only the sentences it lets through are analysed (the others can
// hold no match, and their words are never needed: a passage is cut inside a
// sentence only when it opens on a match there). Without one, every sentence is.
LineText read_line(const Line& line, std::size_t index, const Query& query, Analyzer& analyzer,
                   std::vector<Token>& tokens, const LineScreen* screen = nullptr, std::string_view window = {},
                   std::size_t column_base = 0) {
  const std::string_view text = window.data() ? window : std::string_view(line.text);
  LineText out;
  out.index = index;
  out.number = line.number;
  out.column_base = column_base;
  out.text = is_valid_utf8(text) ? std::string(text) : sanitize_utf8(text);
  out.sentences = split_sentences(out.text);
  if (out.sentences.empty()) return out;
  if (screen) {
    // A word never spans a sentence break, so a sentence analysed alone
    // gives the tokens the whole line would; offsets are moved to the line's.
    for (Sentence& sentence : out.sentences) {
      const std::string_view part = std::string_view(out.text).substr(sentence.begin, sentence.end - sentence.begin);
      if (!screen->may_match(part)) continue;
      analyzer.analyze(part, tokens);
      for (Token& token : tokens) {
        token.begin += static_cast<std::uint32_t>(sentence.begin);
        token.end += static_cast<std::uint32_t>(sentence.begin);
        sentence.words.emplace_back(token.begin, token.end);
        if (auto match = match_token(out.text, token, query)) sentence.matches.push_back(std::move(*match));
      }
    }
    return out;
  }
  // One analysis per line: token offsets then refer to the line directly.
  analyzer.analyze(out.text, tokens);
  auto sentence = out.sentences.begin();
  for (const Token& token : tokens) {
    while (sentence != out.sentences.end() && token.begin >= sentence->end) ++sentence;
    if (sentence == out.sentences.end()) break;
    if (token.begin < sentence->begin) continue;
    sentence->words.emplace_back(token.begin, token.end);
    if (query.weights.empty()) continue;
    if (auto match = match_token(out.text, token, query)) sentence->matches.push_back(std::move(*match));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Passages: runs of consecutive sentences of one line

struct Passage {
  std::size_t line = 0;                   // index into the lines
  std::size_t first = 0, last = 0;        // sentence indexes, inclusive
  std::size_t chars = 0;                  // code points from first's start to last's end
};

std::size_t passage_chars(const LineText& line, std::size_t first, std::size_t last) {
  const auto& s = line.sentences;
  return code_point_count(std::string_view(line.text).substr(s[first].begin, s[last].end - s[first].begin));
}

// The longest run of sentences from `first` that fits in max_chars (at
// least the first sentence, however long).
Passage widest_from(const std::vector<LineText>& lines, std::size_t line, std::size_t first, std::size_t max_chars) {
  Passage p{line, first, first, passage_chars(lines[line], first, first)};
  while (p.last + 1 < lines[line].sentences.size()) {
    const std::size_t wider = passage_chars(lines[line], first, p.last + 1);
    if (wider > max_chars) break;
    p.last += 1;
    p.chars = wider;
  }
  return p;
}

double passage_score(const LineText& line, const Passage& p, std::size_t max_chars, const std::set<std::string>& shown) {
  std::set<std::string> terms;
  double score = 0;
  std::size_t matches = 0;
  for (std::size_t i = p.first; i <= p.last; ++i) {
    for (const Match& m : line.sentences[i].matches) {
      ++matches;
      if (!terms.insert(m.term).second) continue;
      score += shown.count(m.term) ? m.weight * kRepeatedTermShare : m.weight;
    }
  }
  if (matches == 0) return 0;
  const double budget = static_cast<double>(max_chars);
  score += kDensityWeight * static_cast<double>(matches) * budget / std::max(budget, static_cast<double>(p.chars));
  return score;
}

// The distinct matched terms of a passage, by weight: what it explains.
double matched_weight(const LineText& line, const Passage& p) {
  std::set<std::string> terms;
  double weight = 0;
  for (std::size_t i = p.first; i <= p.last; ++i)
    for (const Match& m : line.sentences[i].matches)
      if (terms.insert(m.term).second) weight += m.weight;
  return weight;
}

bool overlaps(const Passage& a, const Passage& b) { return a.line == b.line && a.first <= b.last && b.first <= a.last; }

// Best passages first, none overlapping another, each with at least one match.
std::vector<Passage> choose_passages(const std::vector<LineText>& lines, const SnippetOptions& options) {
  std::vector<Passage> chosen;
  std::set<std::string> shown;
  while (chosen.size() < options.fragments) {
    std::optional<Passage> best;
    double best_score = 0;
    for (std::size_t l = 0; l < lines.size(); ++l) {
      for (std::size_t s = 0; s < lines[l].sentences.size(); ++s) {
        if (lines[l].sentences[s].matches.empty()) continue;  // a passage opens on a match
        Passage p = widest_from(lines, l, s, options.max_chars);
        // A wider run may reach into a chosen passage: stop short of it.
        for (const Passage& c : chosen)
          if (c.line == l && c.first > s && c.first <= p.last) p.last = c.first - 1, p.chars = passage_chars(lines[l], s, p.last);
        if (std::any_of(chosen.begin(), chosen.end(), [&](const Passage& c) { return overlaps(c, p); })) continue;
        const double score = passage_score(lines[l], p, options.max_chars, shown);
        if (score > best_score) best = p, best_score = score;  // strict: earlier wins ties
      }
    }
    if (!best) break;
    for (std::size_t i = best->first; i <= best->last; ++i)
      for (const Match& m : lines[best->line].sentences[i].matches) shown.insert(m.term);
    chosen.push_back(*best);
  }
  return chosen;
}

// A passage shorter than the budget takes in whole preceding sentences that
// fit, so the reader gets context before the match rather than a stub.
void widen_backwards(const std::vector<LineText>& lines, std::vector<Passage>& passages, std::size_t max_chars) {
  for (Passage& p : passages) {
    while (p.first > 0) {
      const std::size_t prev = p.first - 1;
      const bool taken = std::any_of(passages.begin(), passages.end(), [&](const Passage& o) {
        return &o != &p && o.line == p.line && o.first <= prev && prev <= o.last;
      });
      if (taken) break;
      const std::size_t wider = passage_chars(lines[p.line], prev, p.last);
      if (wider > max_chars) break;
      p.first = prev;
      p.chars = wider;
    }
  }
}

// ---------------------------------------------------------------------------
// Cutting a passage to the budget

struct Fragment {
  std::size_t line = 0;
  std::size_t begin = 0, end = 0;  // bytes in the line
  bool cut_before = false, cut_after = false;
};

// Moves `at` to a grapheme boundary (forward or backward) so a cut never
// splits a syllable built from jamo, a base from its marks, or an emoji.
std::size_t grapheme_boundary(std::string_view text, std::size_t at, bool forward) {
  if (at == 0 || at >= text.size()) return std::min(at, text.size());
  icu::BreakIterator* it = breakers().graphemes.get();
  IteratorText bound(it, text);
  if (!bound.ok()) {  // no ICU: at least stay on a code point boundary
    while (at > 0 && at < text.size() && is_continuation_byte(text[at])) forward ? ++at : --at;
    return at;
  }
  const auto pos = static_cast<std::int32_t>(at);
  if (it->isBoundary(pos)) return at;
  const std::int32_t moved = forward ? it->following(pos) : it->preceding(pos);
  return moved == icu::BreakIterator::DONE ? (forward ? text.size() : 0) : static_cast<std::size_t>(moved);
}

// Which matches of a long sentence to show: the run that fits in the budget
// with the most distinct weight (earliest on ties).
std::pair<std::size_t, std::size_t> best_match_run(const LineText& line, const Sentence& s, std::size_t max_chars) {
  const std::string_view text = line.text;
  std::pair<std::size_t, std::size_t> best{s.matches.front().begin, s.matches.front().end};
  double best_score = -1;
  for (std::size_t k = 0; k < s.matches.size(); ++k) {
    std::set<std::string> terms;
    double score = 0;
    std::size_t run_end = s.matches[k].end;
    for (std::size_t m = k; m < s.matches.size(); ++m) {
      if (code_point_count(text.substr(s.matches[k].begin, s.matches[m].end - s.matches[k].begin)) > max_chars) break;
      run_end = s.matches[m].end;
      if (terms.insert(s.matches[m].term).second) score += s.matches[m].weight;
    }
    if (score > best_score) best = {s.matches[k].begin, run_end}, best_score = score;
  }
  return best;
}

// A window of about max_chars code points inside one long sentence, around
// its best run of matches, with its ends moved to word edges where a word
// edge is near and to grapheme boundaries always.
Fragment cut_long_sentence(const LineText& line, std::size_t line_index, const Sentence& s, std::size_t max_chars) {
  const std::string_view text = line.text;
  std::size_t anchor_begin = s.begin, anchor_end = s.begin;
  if (!s.matches.empty()) std::tie(anchor_begin, anchor_end) = best_match_run(line, s, max_chars);

  const std::size_t total = code_point_count(text.substr(s.begin, s.end - s.begin));
  const std::size_t lead = code_point_count(text.substr(s.begin, anchor_begin - s.begin));
  const std::size_t span = code_point_count(text.substr(anchor_begin, anchor_end - anchor_begin));
  std::size_t start_char = 0;  // the sentence start whenever the matches fit from there
  if (lead + span > max_chars) {
    // A third of the spare room before the matches, the rest after: reading runs forward.
    const std::size_t spare = max_chars > span ? max_chars - span : 0;
    start_char = std::min(lead - std::min(lead, spare / 3), total > max_chars ? total - max_chars : 0);
  }
  std::size_t begin = advance_code_points(text, s.begin, start_char, s.end);
  std::size_t end = advance_code_points(text, begin, max_chars, s.end);
  if (begin > s.begin) {
    // Open on the first whole word, unless that would drop the matches.
    for (const auto& [wb, we] : s.words)
      if (wb >= begin) {
        if (wb <= anchor_begin) begin = wb;
        break;
      }
  }
  if (end < s.end) {
    // Close after the last whole word, unless that would drop the matches.
    std::size_t word_end = 0;
    for (const auto& [wb, we] : s.words)
      if (we <= end) word_end = we;
    if (word_end >= std::max(anchor_end, begin + 1)) end = word_end;
    if (end < anchor_end) end = anchor_end;
  }
  begin = grapheme_boundary(text, begin, true);
  end = std::max(begin, grapheme_boundary(text, end, false));
  while (end > begin && is_ascii_space(text[end - 1])) --end;
  while (begin < end && is_ascii_space(text[begin])) ++begin;
  return {line_index, begin, end, begin > s.begin, end < s.end};
}

Fragment render(const std::vector<LineText>& lines, const Passage& p, std::size_t max_chars) {
  const LineText& line = lines[p.line];
  if (p.chars <= max_chars || p.first != p.last)
    return {p.line, line.sentences[p.first].begin, line.sentences[p.last].end, false, false};
  return cut_long_sentence(line, p.line, line.sentences[p.first], max_chars);
}

// ---------------------------------------------------------------------------
// Assembling the snippet

// Appends `piece` neutralized and returns its byte range in `out`.
Highlight append_neutralized(std::string& out, std::string_view piece) {
  const std::size_t at = out.size();
  out += neutralize_controls(piece);
  return {at, out.size()};
}

void append_fragment(Snippet& snippet, const LineText& line, const Fragment& f, bool open_cut, bool close_cut) {
  if (open_cut) snippet.text += kEllipsis;
  const std::string_view text = line.text;
  std::size_t at = f.begin;
  for (const Sentence& s : line.sentences) {
    for (const Match& m : s.matches) {
      if (m.begin < at || m.end > f.end) continue;  // only whole tokens inside the cut
      if (m.begin > at) append_neutralized(snippet.text, text.substr(at, m.begin - at));
      const Highlight h = append_neutralized(snippet.text, text.substr(m.begin, m.end - m.begin));
      // Touching tokens (ASML|사가) read as one word: one highlight.
      if (!snippet.highlights.empty() && snippet.highlights.back().end == h.begin)
        snippet.highlights.back().end = h.end;
      else
        snippet.highlights.push_back(h);
      at = m.end;
    }
  }
  if (at < f.end) append_neutralized(snippet.text, text.substr(at, f.end - at));
  if (close_cut) snippet.text += kEllipsis;
}

// Bytes of an article's lines that may match that a snippet analyses, in
// article order: a huge article (a book, a 20 MB log) costs what a long news
// article does, and its passage is the best of its first lines that match.
// Every article of the bundled and evaluation corpora is far below it.
constexpr std::size_t kAnalysedBytes = 256 * 1024;

// The part of a line longer than kAnalysedBytes that is analysed: from a
// little before `hit` (where a term was found), cut at spaces so no word is
// split; the whole line when it is short enough.
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

// The lines of `source` that may match (line_screen.h), analysed in article
// order until kAnalysedBytes have been: the others hold no match.
std::vector<LineText> matching_lines(const std::vector<Line>& source, const MatchWeights& weights, const Query& query,
                                     Analyzer& analyzer, std::vector<Token>& tokens) {
  const LineScreen screen(weights);
  std::vector<LineText> lines;
  std::size_t analysed = 0;
  for (std::size_t l = 0; l < source.size() && analysed < kAnalysedBytes; ++l) {
    const std::string_view text = source[l].text;
    const auto hit = screen.match_at(text);
    if (!hit) continue;
    const std::string_view window = analysed_window(text, *hit);
    const std::size_t column_base = code_point_count(text.substr(0, static_cast<std::size_t>(window.data() - text.data())));
    lines.push_back(read_line(source[l], l, query, analyzer, tokens, &screen, window, column_base));
    analysed += window.size();
  }
  return lines;
}

// The first passage of the article, for an article nothing matched in: the
// lines read so far are replaced by the first line with text.
std::vector<Fragment> opening_fragment(const std::vector<Line>& source, const Query& query, Analyzer& analyzer,
                                       std::vector<Token>& tokens, std::vector<LineText>& lines,
                                       std::size_t max_chars) {
  lines.clear();
  for (std::size_t l = 0; l < source.size(); ++l) {
    LineText line = read_line(source[l], l, query, analyzer, tokens, nullptr, analysed_window(source[l].text, 0));
    if (line.sentences.empty()) continue;
    lines.push_back(std::move(line));
    return {render(lines, widest_from(lines, 0, 0, max_chars), max_chars)};
  }
  return {};
}

}  // namespace

Snippet make_snippet(const Article& article, const MatchWeights& weights, Analyzer& analyzer,
                     const SnippetOptions& options) {
  SnippetOptions opts = options;
  opts.max_chars = std::max<std::size_t>(opts.max_chars, 1);
  opts.fragments = std::max<std::size_t>(opts.fragments, 1);

  // An article with a title and no body is shown by its title.
  std::vector<Line> title_only;
  const std::vector<Line>* source = &article.body;
  if (article.body.empty() && article.title) {
    title_only.push_back({article.title_line, *article.title});
    source = &title_only;
  }
  const Query query(weights);
  std::vector<Token> tokens;
  std::vector<LineText> lines = matching_lines(*source, weights, query, analyzer, tokens);

  std::vector<Passage> passages = choose_passages(lines, opts);
  bool title_cited = source != &article.body;
  // The title is cited when it holds more of what matched than any passage of
  // the body ("반도체 병목" stands only in 000's title): the heading shows
  // the title anyway, so otherwise the body explains more.
  if (source == &article.body && article.title && !weights.empty()) {
    std::vector<LineText> title{read_line({article.title_line, *article.title}, 0, query, analyzer, tokens)};
    std::vector<Passage> in_title = choose_passages(title, opts);
    const double body_best = passages.empty() ? 0.0 : matched_weight(lines[passages.front().line], passages.front());
    // On a tie the body, which the heading does not show, wins.
    if (!in_title.empty() && matched_weight(title.front(), in_title.front()) > body_best) {
      lines = std::move(title);
      passages = std::move(in_title);
      title_cited = true;
    }
  }
  std::vector<Fragment> fragments;
  if (passages.empty()) {
    fragments = opening_fragment(*source, query, analyzer, tokens, lines, opts.max_chars);
  } else {
    std::sort(passages.begin(), passages.end(),
              [](const Passage& a, const Passage& b) { return std::tie(a.line, a.first) < std::tie(b.line, b.first); });
    widen_backwards(lines, passages, opts.max_chars);
    for (const Passage& p : passages) fragments.push_back(render(lines, p, opts.max_chars));
  }

  Snippet snippet;
  if (fragments.empty()) return snippet;
  const Fragment& first = fragments.front();
  snippet.line = lines[first.line].number;
  snippet.column = static_cast<std::uint32_t>(
      lines[first.line].column_base + code_point_count(std::string_view(lines[first.line].text).substr(0, first.begin)) + 1);
  snippet.body_line = title_cited ? -1 : static_cast<int>(lines[first.line].index);
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    // Between fragments the join marks the gap; their own ellipses would repeat it.
    if (i > 0) snippet.text += kFragmentJoin;
    const bool outer_open = i == 0 && fragments[i].cut_before;
    const bool outer_close = i + 1 == fragments.size() && fragments[i].cut_after;
    append_fragment(snippet, lines[fragments[i].line], fragments[i], outer_open, outer_close);
  }
  return snippet;
}

}  // namespace kosearch
