#include "kosearch/query_explainer.h"

#include <sstream>
#include <vector>

#include "kosearch/hanja_readings.h"
#include "kosearch/normalizer.h"
#include "kosearch/schema.h"

namespace kosearch {
namespace {

using Kind = QueryNode::Kind;

std::string iso_date(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return yyyymmdd;
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

std::string date_text(const std::string& from, const std::string& to) {
  if (from.empty()) return "on or before " + iso_date(to);
  if (to.empty()) return "on or after " + iso_date(from);
  return iso_date(from) + " to " + iso_date(to);
}

std::string token_text(const Token& token) {
  const schema::TokenTerms terms = schema::terms_for(token);
  std::string text = "stem " + terms.stem;
  if (!terms.joined.empty()) text += ", joined " + terms.joined;
  if (!terms.bigrams.empty()) {
    text += ", bigrams";
    for (const auto& bigram : terms.bigrams) text += " " + bigram;
  }
  return text;
}

// `with_bigrams` false: how exclusions read a word (stem or join only).
std::string tokens_text(const std::vector<Token>& tokens, bool with_bigrams = true) {
  if (tokens.empty()) return "(no terms: ignored)";
  std::string text;
  for (const Token& token : tokens) {
    if (!text.empty()) text += " + ";
    text += with_bigrams ? token_text(token)
                         : "stem " + token.stem + (token.joined.empty() ? "" : " or joined " + token.joined);
  }
  return text;
}

std::string stems_text(const std::vector<Token>& tokens) {
  std::string stems;
  for (const Token& token : tokens) stems += (stems.empty() ? "" : " ") + token.stem;
  return stems;
}

// Walks the query in the order the compile step does, collecting one line per
// word, phrase, filter, exclusion and boosted pair.
class Explainer {
 public:
  Explainer(Analyzer& analyzer, const RankingParams& params, MatchMode mode)
      : analyzer_(analyzer), params_(params), mode_(mode) {}

  std::string explain(const QueryNode& root, const DateBounds& dates, const BuiltQuery& compiled) {
    if (dates.since || dates.until) {
      const std::string from = dates.since ? schema::date_value(*dates.since) : "";
      const std::string to = dates.until ? schema::date_value(*dates.until) : "";
      filters_.push_back("date " + date_text(from, to) + " (date filter; undated articles left out)");
    }
    node(root);
    return render(root, compiled);
  }

 private:
  // Tokens as the compile step searches them: a Hanja word as its reading.
  std::vector<Token> read(const std::string& text) const {
    std::vector<Token> out = analyzer_.analyze(text);
    for (Token& token : out) read_as_hangul(token);
    return out;
  }

  void node(const QueryNode& n) {
    switch (n.kind) {
      case Kind::word: word(n); return;
      case Kind::prefix: {
        const std::string text = normalize(n.text);
        if (!text.empty())
          words_.push_back(n.text + "* → terms starting with " + text + " (the " +
                           std::to_string(max_prefix_expansion) + " most frequent at most)");
        return;
      }
      case Kind::phrase: phrase(n); return;
      case Kind::all: all(n); return;
      case Kind::any:
        for (const QueryNode& child : n.children) node(child);
        return;
      case Kind::field:
      case Kind::date_range: filter(n, filters_); return;
      case Kind::exclude: return;  // only inside all()
    }
  }

  std::vector<Token> word(const QueryNode& n) {
    std::vector<Token> tokens = read(n.text);
    words_.push_back(n.text + " → " + tokens_text(tokens));
    return tokens;
  }

  void phrase(const QueryNode& n) {
    const std::vector<Token> tokens = read(n.text);
    phrases_.push_back("\"" + n.text + "\" → " +
                       (tokens.empty() ? std::string("(no terms: ignored)")
                                       : "stems " + stems_text(tokens) + " next to each other, in this order (required)"));
  }

  void all(const QueryNode& n) {
    std::string previous;  // stem of the last token of the previous word
    for (const QueryNode& child : n.children) {
      if (child.kind == Kind::exclude) {
        exclusion(child.children.front());
      } else if (child.kind == Kind::word) {
        const std::vector<Token> tokens = word(child);
        if (tokens.empty()) continue;
        if (!previous.empty() && mode_ != MatchMode::any && near_.size() < max_proximity_pairs)
          near_.push_back(previous + " near " + tokens.front().stem);
        previous = tokens.back().stem;
      } else {
        node(child);
      }
    }
  }

  void filter(const QueryNode& n, std::vector<std::string>& lines) const {
    if (n.kind == Kind::date_range) {
      lines.push_back("date " + date_text(n.date_from, n.date_to) + " (undated articles left out)");
      return;
    }
    const QueryNode& value = n.children.front();
    std::string shown;
    if (value.kind == Kind::prefix) {
      const std::string text = normalize(value.text);
      if (!text.empty()) shown = "a word starting with " + text;
    } else {
      shown = stems_text(read(value.text));
    }
    lines.push_back(std::string(field_name(n.field)) + " must contain " + shown +
                    (n.field == Field::title ? " (scores)" : ""));
  }

  void exclusion(const QueryNode& n) {
    switch (n.kind) {
      case Kind::word: excluded_.push_back(n.text + " → " + tokens_text(read(n.text), false)); return;
      case Kind::prefix: excluded_.push_back(n.text + "* → terms starting with " + normalize(n.text)); return;
      case Kind::phrase:
        excluded_.push_back("\"" + n.text + "\" → " + tokens_text(read(n.text), false) + ", in this order");
        return;
      case Kind::field:
      case Kind::date_range: filter(n, excluded_); return;
      case Kind::all:
        for (const QueryNode& child : n.children) exclusion(child.kind == Kind::exclude ? child.children.front() : child);
        return;
      case Kind::any:
        for (const QueryNode& child : n.children) exclusion(child);
        return;
      case Kind::exclude: return;
    }
  }

  std::string render(const QueryNode& root, const BuiltQuery& compiled) const {
    std::ostringstream out;
    out << "parsed: " << describe(root) << '\n';
    auto section = [&out](const char* title, const std::vector<std::string>& lines) {
      if (lines.empty()) return;
      out << title << ":\n";
      for (const auto& line : lines) out << "  " << line << '\n';
    };
    section("words", words_);
    for (const auto& expansion : compiled.expansions) {
      out << "  " << expansion.typed << ": initial consonants (초성) → ";
      if (expansion.words.empty()) out << "no index word has them";
      for (std::size_t i = 0; i < expansion.words.size(); ++i) out << (i ? " " : "") << expansion.words[i];
      out << " (" << expansion.words.size() << " words, most frequent first, at most " << max_prefix_expansion << ")\n";
    }
    section("phrases", phrases_);
    section("filters", filters_);
    section("excluded", excluded_);
    section("rewritten", rewrite_lines(compiled.rewrites));
    out << "mode: "
        << (mode_ == MatchMode::all  ? "all (every word, or all of its syllable pairs, required)"
            : mode_ == MatchMode::any ? "any (any word matches)"
                                      : "prefer all (documents with more of the words rank first; none required)")
        << '\n';
    if (!near_.empty()) {
      out << "near boost (within " << params_.near_window << " words, weight " << params_.near_weight
          << "; side by side in order, weight " << params_.adjacent_weight << "):";
      for (const auto& line : near_) out << ' ' << line << ';';
      out << '\n';
    }
    out << "tiers: " << (compiled.keyword ? "keyword query (every word found counts " : "question (words weighted by rarity, ")
        << (compiled.keyword ? std::to_string(static_cast<long>(params_.keyword_tier)) + " + " : std::string())
        << params_.word_tier << " × idf; inside a longer word " << params_.inside_share << " of that; in the title "
        << params_.title_share << " more)\n";
    for (const WordTerms& word : compiled.words)
      if (!word.known) out << "  " << word.text << ": not a word of the index: matched through its syllable pairs\n";
    out << "weights: BM25+ k1 " << params_.k1 << ", b " << params_.b << ", delta " << params_.delta << "; stem "
        << params_.stem_weight << ", joined " << params_.joined_weight << ", bigram " << params_.bigram_weight
        << ", title " << params_.title_weight << ", compound spaced " << params_.spaced_weight << '\n';
    out << "xapian: " << compiled.query.get_description();
    return out.str();
  }

  static std::vector<std::string> rewrite_lines(const std::vector<Rewrite>& rewrites) {
    std::vector<std::string> lines;
    for (const Rewrite& r : rewrites) {
      std::string terms;
      for (const auto& t : r.terms) terms += (terms.empty() ? "" : ", ") + t;
      lines.push_back(r.by == "hanja" ? r.word + " → " + terms + " (Hanja read in Hangul; finds both)"
                                      : r.word + " → also " + terms + " (synonyms from " + r.list +
                                            ", ranked as the same word)");
    }
    return lines;
  }

  Analyzer& analyzer_;
  const RankingParams& params_;
  MatchMode mode_;
  std::vector<std::string> words_, phrases_, filters_, excluded_, near_;
};

}  // namespace

std::string explain_query(const QueryNode& root, Analyzer& analyzer, const RankingParams& params, MatchMode mode,
                          const DateBounds& dates, const BuiltQuery& compiled) {
  return Explainer(analyzer, params, mode).explain(root, dates, compiled);
}

}  // namespace kosearch
