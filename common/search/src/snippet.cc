#include "kosearch/snippet.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "kosearch/text.h"
#include "snippet_lines.h"
#include "text_breaks.h"

namespace kosearch {

namespace {

using namespace snippet_text;

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

// The first passage of the article, for an article nothing matched in: the
// lines read so far are replaced by the first line with text.
std::vector<Fragment> opening_fragment(const std::vector<Line>& source, const TermMatcher& matcher, Analyzer& analyzer,
                                       std::vector<Token>& tokens, std::vector<LineText>& lines,
                                       std::size_t max_chars) {
  lines.clear();
  for (std::size_t l = 0; l < source.size(); ++l) {
    LineText line = read_line(source[l], l, matcher, analyzer, tokens, analysed_window(source[l].text, 0));
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
  const TermMatcher matcher(weights);
  std::vector<Token> tokens;
  std::vector<LineText> lines = matching_lines(*source, weights, matcher, analyzer, tokens, opts.fragments);

  std::vector<Passage> passages = choose_passages(lines, opts);
  bool title_cited = source != &article.body;
  // The title is cited when it holds more of what matched than any passage of
  // the body ("반도체 병목" stands only in 000's title): the heading shows
  // the title anyway, so otherwise the body explains more.
  if (source == &article.body && article.title && !weights.empty()) {
    std::vector<LineText> title{read_line({article.title_line, *article.title}, 0, matcher, analyzer, tokens)};
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
    fragments = opening_fragment(*source, matcher, analyzer, tokens, lines, opts.max_chars);
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
