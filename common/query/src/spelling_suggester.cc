#include "kosearch/spelling_suggester.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "kosearch/hangul_jamo.h"
#include "kosearch/normalizer.h"

namespace kosearch {
namespace {

using Kind = QueryNode::Kind;

bool only_syllables(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    const Utf8Decoded d = decode_utf8_at(utf8, i);
    if (!is_hangul_syllable(d.code_point)) return false;
    i += d.length;
  }
  return true;
}

// Whether the index holds every token of a text as a word.
bool all_known(const std::vector<Token>& tokens, const Vocabulary& vocabulary) {
  if (tokens.empty()) return false;
  return std::all_of(tokens.begin(), tokens.end(), [&](const Token& token) {
    return vocabulary.frequency(token.stem) > 0 || (!token.joined.empty() && vocabulary.frequency(token.joined) > 0);
  });
}

bool all_hangul(const std::vector<Token>& tokens) {
  return std::all_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == TokenKind::hangul; });
}

// The word typed in the other layout, when that is a word the index holds.
std::optional<std::string> other_layout(const std::string& typed, Analyzer& analyzer, const Vocabulary& vocabulary) {
  if (const auto hangul = hangul::latin_to_hangul(typed)) {
    // Whole syllables only, at least two: one-syllable readings (dk → 아,
    // gk → 하) would turn many a short Latin word into a Korean particle.
    if (code_point_count(*hangul) < 2 || !only_syllables(*hangul)) return std::nullopt;
    const std::vector<Token> tokens = analyzer.analyze(*hangul);
    if (all_hangul(tokens) && all_known(tokens, vocabulary)) return hangul;
    return std::nullopt;
  }
  if (const auto latin = hangul::hangul_to_latin(typed); latin && latin->size() >= 2) {
    if (all_known(analyzer.analyze(*latin), vocabulary)) return latin;
  }
  return std::nullopt;
}

// Of the nearest known words, the one found with most of the other words
// of the query (`context`: 극자외선 노강 is 노광, not the more frequent 노장),
// then the most frequent.
std::string in_context(const std::vector<std::string>& candidates, const std::vector<std::string>& context,
                       const Vocabulary& vocabulary) {
  if (candidates.size() < 2 || context.empty()) return candidates.empty() ? std::string() : candidates.front();
  std::string best = candidates.front();
  std::size_t best_shared = 0;
  for (const std::string& candidate : candidates) {
    const auto shared = static_cast<std::size_t>(std::count_if(context.begin(), context.end(), [&](const std::string& w) {
      return vocabulary.together(candidate, w);
    }));
    if (shared > best_shared) best = candidate, best_shared = shared;
  }
  return best;
}

// The nearest known word for a one-token word: to the word as typed when
// the stemmer took a particle-like ending off it (바이도 is 바이두 mistyped,
// not 바이 + 도), else to its stem, keeping what was stripped after it
// (엔비디야의 → 엔비디아의).
std::optional<std::string> respelled(const std::string& typed, const Token& token, const Vocabulary& vocabulary,
                                     const std::vector<std::string>& context) {
  constexpr std::size_t kCandidates = 20;  // equally near words weighed by the context
  if (token.surface != token.stem) {
    const std::string whole = in_context(vocabulary.nearest_words(token.surface, kCandidates), context, vocabulary);
    if (!whole.empty()) return whole;
  }
  const std::string nearest = in_context(vocabulary.nearest_words(token.stem, kCandidates), context, vocabulary);
  if (nearest.empty()) return std::nullopt;
  const std::string normalized = normalize(typed);
  const bool stem_first = normalized.compare(0, token.stem.size(), token.stem) == 0;
  return nearest + (stem_first ? normalized.substr(token.stem.size()) : std::string());
}

// The positive word and phrase leaves of the query, in order (not
// exclusions, not field values, not prefixes).
void word_leaves(const QueryNode& node, std::vector<const QueryNode*>& out) {
  switch (node.kind) {
    case Kind::word:
    case Kind::phrase: out.push_back(&node); return;
    case Kind::all:
    case Kind::any:
      for (const QueryNode& child : node.children) word_leaves(child, out);
      return;
    default: return;
  }
}

bool is_initials_word(const std::vector<Token>& tokens) {
  return tokens.size() == 1 && hangul::initials_query(tokens.front().stem).has_value();
}

// What a typed word should have been, if the index lacks it: the word in
// the other layout when that is one it holds, else the nearest it holds.
std::optional<std::pair<SuggestionKind, std::string>> fixed_word(const std::string& typed, Analyzer& analyzer,
                                                                 const Vocabulary& vocabulary,
                                                                 const std::vector<std::string>& context) {
  const std::vector<Token> tokens = analyzer.analyze(typed);
  if (tokens.empty() || is_initials_word(tokens)) return std::nullopt;
  if (all_known(tokens, vocabulary)) return std::nullopt;  // what the user meant
  if (auto converted = other_layout(typed, analyzer, vocabulary))
    return std::make_pair(SuggestionKind::layout, *converted);
  if (tokens.size() != 1) return std::nullopt;
  if (auto nearer = respelled(typed, tokens.front(), vocabulary, context))
    return std::make_pair(SuggestionKind::spelling, *nearer);
  return std::nullopt;
}

}  // namespace

const char* suggestion_kind_name(SuggestionKind kind) {
  switch (kind) {
    case SuggestionKind::spelling: return "spelling";
    case SuggestionKind::layout: return "layout";
    case SuggestionKind::initials: return "initials";
  }
  return "spelling";
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t bound) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > bound) return bound + 1;
  // Three rows of the dynamic programme (two back for the swap), kept per
  // thread: a suggestion compares a word with thousands of terms.
  thread_local std::vector<std::size_t> rows;
  rows.assign(3 * (m + 1), 0);
  std::size_t* before = rows.data();
  std::size_t* previous = before + (m + 1);
  std::size_t* current = previous + (m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > bound) return bound + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], bound + 1);
}

std::size_t allowed_edits(std::size_t units) {
  if (units < 4) return 0;
  return units >= 7 ? 2 : 1;
}

// The best candidate so far for Vocabulary::nearest: fewest edits, then
// the word more documents hold.
struct Nearest {
  std::size_t distance;
  std::vector<std::pair<Xapian::doccount, std::string>> words;  // at that distance, with their frequency
};

// Reads the terms in [low, high) (at most max_terms_scanned) for those
// nearer to `units` than `best`, or as near.
void scan_for_nearest(const Xapian::Database& db, std::string_view word, const std::u32string& units,
                      std::size_t bound, const std::string& low, const std::string& high, Nearest& best) {
  const std::size_t characters = code_point_count(word);
  std::u32string term_units;
  auto t = db.allterms_begin();
  t.skip_to(low);
  for (std::size_t scanned = 0; t != db.allterms_end() && scanned < max_terms_scanned; ++t, ++scanned) {
    const std::string term = *t;
    if (term >= high) break;
    // Each character is at least one unit: a length gap is that many edits.
    const std::size_t length = code_point_count(term);
    if ((length > characters ? length - characters : characters - length) > bound || term == word) continue;
    // And each unit an edit: terms too long or short in units are skipped unconverted.
    const std::size_t unit_count = hangul::jamo_unit_count(term);
    const std::size_t gap = unit_count > units.size() ? unit_count - units.size() : units.size() - unit_count;
    if (gap > std::min(bound, best.distance)) continue;
    hangul::jamo_units_into(term, term_units);
    const std::size_t distance = edit_distance(units, term_units, std::min(bound, best.distance));
    if (distance > bound || distance > best.distance) continue;
    if (distance < best.distance) best = {distance, {}};
    best.words.emplace_back(t.get_termfreq(), term);
  }
}

std::string Vocabulary::nearest(std::string_view word) const {
  const std::vector<std::string> words = nearest_words(word, 1);
  return words.empty() ? std::string() : words.front();
}

std::vector<std::string> Vocabulary::nearest_words(std::string_view word, std::size_t most) const {
  const std::u32string units = hangul::jamo_units(word);
  const std::size_t bound = allowed_edits(units.size());
  if (bound == 0) return {};
  const char32_t first = decode_utf8_at(word, 0).code_point;
  Nearest best{bound + 1, {}};
  if (hangul::initial_of(first) < 0) {  // Latin and the rest: the words with its first character
    scan_for_nearest(db_, word, units, bound, utf8_of(first), utf8_of(first + 1), best);
  } else {
    // Words with the same first syllable first (a few hundred terms, where
    // the whole 초성 bucket of a large index holds 100,000): when one is a
    // single edit away, nothing can be nearer. Else the words whose first
    // syllable is one edit from it (another vowel or final): 47 small ranges,
    // read instead of the bucket (NSMC, first syllable typed wrong: p50 18.6
    // → about 6 ms, bench/TYPING_HELP.md). A first syllable two edits off, or
    // another first 초성, is not looked for.
    scan_for_nearest(db_, word, units, bound, utf8_of(first), utf8_of(first + 1), best);
    if (best.distance > 1)
      for (const char32_t other : hangul::one_edit_syllables(first))
        scan_for_nearest(db_, word, units, bound, utf8_of(other), utf8_of(other + 1), best);
  }
  std::sort(best.words.begin(), best.words.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> words;
  for (std::size_t i = 0; i < best.words.size() && i < most; ++i) words.push_back(std::move(best.words[i].second));
  return words;
}

bool Vocabulary::together(const std::string& a, const std::string& b) const {
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(a), Xapian::Query(b)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

std::vector<std::string> Vocabulary::with_initials(std::u32string_view initials, std::size_t cap) const {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  const std::size_t k = initials.size();
  if (k == 0 || cap == 0) return {};
  auto t = db_.allterms_begin();
  std::string target = utf8_of(hangul::syllables_begin(static_cast<int>(initials[0])));
  for (std::size_t scanned = 0; scanned < max_terms_scanned && !target.empty(); ++scanned) {
    t.skip_to(target);
    if (t == db_.allterms_end()) break;
    const std::string term = *t;
    // The term's first k + 1 characters and where each starts.
    std::vector<std::pair<char32_t, std::size_t>> chars;
    for (std::size_t at = 0; at < term.size() && chars.size() <= k;) {
      const Utf8Decoded d = decode_utf8_at(term, at);
      chars.emplace_back(d.code_point, at);
      at += d.length;
    }
    std::size_t fit = 0;
    while (fit < std::min(k, chars.size()) &&
           hangul::initial_of(chars[fit].first) == static_cast<int>(initials[fit]))
      ++fit;
    const std::string next_term = term + '\0';  // the term after this one
    if (fit == k && chars.size() == k) {
      found.emplace_back(t.get_termfreq(), term);
      target = next_term;
      continue;
    }
    if (fit == chars.size()) {  // a shorter term that fits so far: longer ones follow it
      target = next_term;
      continue;
    }
    // Character `fit` does not fit (or is one too many): jump to the first
    // term that could fit there, or carry to the character before it.
    if (fit < k && chars[fit].first < hangul::syllables_begin(static_cast<int>(initials[fit]))) {
      target = term.substr(0, chars[fit].second) + utf8_of(hangul::syllables_begin(static_cast<int>(initials[fit])));
      continue;
    }
    target.clear();
    for (std::size_t carry = fit; carry-- > 0;) {
      const char32_t next = chars[carry].first + 1;
      if (next < hangul::syllables_end(static_cast<int>(initials[carry]))) {
        target = term.substr(0, chars[carry].second) + utf8_of(next);
        break;
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> words;
  for (std::size_t i = 0; i < found.size() && i < cap; ++i) words.push_back(std::move(found[i].second));
  return words;
}

std::vector<std::pair<std::string, std::string>> Vocabulary::readings_in(
    Xapian::docid docid, const std::vector<InitialsExpansion>& expansions,
    const std::set<std::string>& held) const {
  if (expansions.empty()) return {};
  std::vector<std::vector<std::string>> ranked;
  for (const auto& expansion : expansions) {
    std::vector<std::pair<std::pair<Xapian::termcount, double>, std::string>> readings;
    for (const std::string& word : expansion.words) {
      if (!held.count(word)) continue;
      auto t = db_.termlist_begin(docid);
      t.skip_to(word);
      readings.push_back({{t.get_wdf(), -static_cast<double>(db_.get_termfreq(word))}, word});
    }
    std::sort(readings.rbegin(), readings.rend());
    ranked.emplace_back();
    for (auto& reading : readings) ranked.back().push_back(std::move(reading.second));
  }
  const auto side_by_side = [&](const std::string& left, const std::string& right) {
    std::set<Xapian::termpos> after;
    for (auto p = db_.positionlist_begin(docid, left); p != db_.positionlist_end(docid, left); ++p) after.insert(*p + 1);
    for (auto p = db_.positionlist_begin(docid, right); p != db_.positionlist_end(docid, right); ++p)
      if (after.count(*p)) return true;
    return false;
  };
  const std::vector<std::string> picks = pick_readings(ranked, side_by_side);
  std::vector<std::pair<std::string, std::string>> readings;
  for (std::size_t i = 0; i < picks.size(); ++i) {
    if (picks[i].empty()) continue;
    if (i > 0 && !readings.empty() && expansions[i - 1].typed == expansions[i].typed &&
        readings.back().first == expansions[i].typed)
      readings.back().second += " " + picks[i];
    else
      readings.emplace_back(expansions[i].typed, picks[i]);
  }
  return readings;
}

std::vector<Suggestion> suggest(const std::string& query, const QueryNode& root, Analyzer& analyzer,
                                const Vocabulary& vocabulary) {
  std::vector<const QueryNode*> leaves;
  word_leaves(root, leaves);
  // The stems of the words the index holds: what a respelled word should go with.
  std::vector<std::string> context;
  for (const QueryNode* leaf : leaves)
    for (const Token& token : analyzer.analyze(leaf->text))
      if (vocabulary.frequency(token.stem) > 0) context.push_back(token.stem);
  std::vector<WordReplacement> layout, spelling;
  for (const QueryNode* leaf : leaves) {
    if (leaf->kind == Kind::word) {
      const auto fix = fixed_word(leaf->text, analyzer, vocabulary, context);
      if (fix) (fix->first == SuggestionKind::layout ? layout : spelling).push_back({leaf->position, leaf->text, fix->second});
      continue;
    }
    // A phrase: its words fixed one by one, inside the quotes.
    std::string by_layout, by_spelling;
    bool any_layout = false, any_spelling = false;
    for (std::size_t at = 0; at < leaf->text.size();) {
      const std::size_t space = std::min(leaf->text.find(' ', at), leaf->text.size());
      const std::string word = leaf->text.substr(at, space - at);
      const auto fix = fixed_word(word, analyzer, vocabulary, context);
      const bool as_layout = fix && fix->first == SuggestionKind::layout;
      any_layout = any_layout || as_layout;
      any_spelling = any_spelling || (fix && !as_layout);
      by_layout += (at ? " " : "") + (as_layout ? fix->second : word);
      by_spelling += (at ? " " : "") + (fix && !as_layout ? fix->second : word);
      at = space + 1;
    }
    if (any_layout) layout.push_back({leaf->position, leaf->text, by_layout});
    if (any_spelling) spelling.push_back({leaf->position, leaf->text, by_spelling});
  }
  std::vector<Suggestion> suggestions;
  if (!layout.empty()) suggestions.push_back({SuggestionKind::layout, replace_words(query, layout)});
  if (!spelling.empty()) suggestions.push_back({SuggestionKind::spelling, replace_words(query, spelling)});
  return suggestions;
}

std::optional<Suggestion> initials_reading(const std::string& query,
                                           const std::vector<std::pair<std::string, std::string>>& readings) {
  std::string rewritten;
  bool any = false;
  for (std::size_t i = 0; i < query.size();) {
    const std::size_t end = std::min(query.find_first_of(" \t\r\n", i), query.size());
    const std::string piece = query.substr(i, end - i);
    const std::string normalized = normalize(piece);
    const auto reading = std::find_if(readings.begin(), readings.end(),
                                      [&](const auto& r) { return r.first == normalized; });
    any = any || reading != readings.end();
    rewritten += reading == readings.end() ? piece : reading->second;
    const std::size_t next = std::min(query.find_first_not_of(" \t\r\n", end), query.size());
    rewritten += query.substr(end, next - end);
    i = next;
  }
  if (!any) return std::nullopt;
  return Suggestion{SuggestionKind::initials, rewritten};
}

std::vector<std::string> pick_readings(const std::vector<std::vector<std::string>>& held,
                                       const std::function<bool(const std::string&, const std::string&)>& side_by_side) {
  // Pairs tried per neighbouring words: the best few readings of each.
  constexpr std::size_t kTried = 20;
  std::vector<std::string> picks;
  for (const auto& readings : held) picks.push_back(readings.empty() ? std::string() : readings.front());
  for (std::size_t i = 0; i + 1 < held.size(); ++i) {
    bool paired = false;
    for (std::size_t a = 0; a < std::min(kTried, held[i].size()) && !paired; ++a)
      for (std::size_t b = 0; b < std::min(kTried, held[i + 1].size()) && !paired; ++b)
        if (side_by_side(held[i][a], held[i + 1][b])) {
          picks[i] = held[i][a];
          picks[i + 1] = held[i + 1][b];
          paired = true;
        }
  }
  return picks;
}

std::string replace_words(const std::string& query, const std::vector<WordReplacement>& replacements) {
  // Byte offset of each replacement: the character position the parser
  // gave, else the byte position (plain queries count bytes), else the
  // first place the typed text occurs.
  std::vector<std::pair<std::size_t, const WordReplacement*>> at;
  for (const WordReplacement& r : replacements) {
    std::size_t byte = 0, character = 1;
    while (byte < query.size() && character < r.position) {
      byte += decode_utf8_at(query, byte).length;
      ++character;
    }
    for (const std::size_t candidate : {byte, r.position - 1, query.find(r.typed)}) {
      if (candidate < query.size() && query.compare(candidate, r.typed.size(), r.typed) == 0) {
        at.emplace_back(candidate, &r);
        break;
      }
    }
  }
  std::sort(at.begin(), at.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string rewritten = query;
  for (const auto& [byte, r] : at) rewritten.replace(byte, r->typed.size(), r->replacement);
  return rewritten;
}

}  // namespace kosearch
