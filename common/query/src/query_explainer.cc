#include "kosearch/query_explainer.h"

#include <sstream>
#include <vector>

#include "kosearch/schema.h"

namespace kosearch {
namespace {

using Kind = PlanNode::Kind;

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

// A weight as --explain shows it: two decimals are enough to compare tiers.
std::string weight_text(double weight) {
  std::ostringstream out;
  out.precision(2);
  out << std::fixed << weight;
  return out.str();
}

// Walks the plan in the order the compile step does, collecting one line per
// word, phrase, filter, exclusion, boosted pair and token's tiers.
class Explainer {
 public:
  Explainer(const BuiltQuery& built, const RankingParams& params) : built_(built), plan_(built.plan), params_(params) {}

  std::string explain() {
    if (plan_.since || plan_.until)
      filters_.push_back("date " + date_text(plan_.since.value_or(""), plan_.until.value_or("")) +
                         " (date filter; undated articles left out)");
    node(plan_.root);
    return render();
  }

 private:
  void node(const PlanNode& n) {
    switch (n.kind) {
      case Kind::word:
        words_.push_back(n.typed + " → " + tokens_text(n.tokens));
        tiers(n);
        return;
      case Kind::prefix:
        if (!n.text.empty())
          words_.push_back(n.typed + "* → terms starting with " + n.text + " (the " +
                           std::to_string(max_prefix_expansion) + " most frequent at most)");
        return;
      case Kind::phrase:
        phrases_.push_back("\"" + n.typed + "\" → " +
                           (n.tokens.empty() ? std::string("(no terms: ignored)")
                                             : "stems " + stems_text(n.tokens) +
                                                   " next to each other, in this order (required)"));
        tiers(n);
        return;
      case Kind::all:
        for (const PlanNode& child : n.children) {
          if (child.kind == Kind::exclude)
            exclusion(child.children.front());
          else
            node(child);
        }
        for (const ProximityPair& pair : n.pairs) near_.push_back(pair.left.stem + " near " + pair.right.stem);
        return;
      case Kind::any:
        for (const PlanNode& child : n.children) node(child);
        return;
      case Kind::field:
      case Kind::date_range: filters_.push_back(filter(n)); return;
      case Kind::exclude: return;  // only inside all()
    }
  }

  // Each token's tiers of a word or phrase, in the order the compile step meets them.
  void tiers(const PlanNode& n) {
    for (const TokenPlan& token : n.word.tokens) {
      std::string line = token.terms.text + ": ";
      if (token.number_piece) line += "a number piece, counted only as " + token.token.joined + ": ";
      if (!token.terms.known) {
        line += "not a word of the index: matched through its syllable pairs";
        if (params_.inside_share > 0 && !token.terms.bigrams.empty())
          line += "; all its syllable pairs " + tier_text(token.inside_tier);
      } else {
        line += "in " + std::to_string(token.df) + " of " + std::to_string(plan_.documents) + " documents; found " +
                tier_text(token.tier);
        if (token.shape == TokenPlan::Shape::word) {
          if (params_.title_share > 0) line += ", in the title +" + tier_text(token.title_tier);
          if (params_.inside_share > 0 && !token.terms.bigrams.empty())
            line += ", inside a longer word " + tier_text(token.inside_tier);
          if (token.pairs == TokenPlan::Pairs::score_only) line += "; its syllable pairs score, never match";
        }
      }
      tiers_.push_back(line);
    }
    if (n.word.pieces_tier) tiers_.push_back(stems_text(n.tokens) + " side by side: " + tier_text(*n.word.pieces_tier));
  }

  // A planned tier weight as the compiled query carries it (QueryPlan::tier_scale).
  std::string tier_text(double weight) const { return weight_text(weight * plan_.tier_scale); }

  static std::string filter(const PlanNode& n) {
    if (n.kind == Kind::date_range) return "date " + date_text(n.date_from, n.date_to) + " (undated articles left out)";
    const std::string shown = n.value_kind == Kind::prefix ? "a word starting with " + n.text : stems_text(n.tokens);
    return std::string(field_name(n.field)) + " must contain " + shown + (n.field == Field::title && n.positive ? " (scores)" : "");
  }

  void exclusion(const PlanNode& n) {
    switch (n.kind) {
      case Kind::word: excluded_.push_back(n.typed + " → " + tokens_text(n.tokens, false)); return;
      case Kind::prefix: excluded_.push_back(n.typed + "* → terms starting with " + n.text); return;
      case Kind::phrase:
        excluded_.push_back("\"" + n.typed + "\" → " + tokens_text(n.tokens, false) + ", in this order");
        return;
      case Kind::field:
      case Kind::date_range: excluded_.push_back(filter(n)); return;
      case Kind::all:
      case Kind::any:
        for (const PlanNode& child : n.children) exclusion(child.kind == Kind::exclude ? child.children.front() : child);
        return;
      case Kind::exclude: return;
    }
  }

  std::string render() const {
    std::ostringstream out;
    out << "parsed: " << plan_.parsed << '\n';
    auto section = [&out](const char* title, const std::vector<std::string>& lines) {
      if (lines.empty()) return;
      out << title << ":\n";
      for (const auto& line : lines) out << "  " << line << '\n';
    };
    section("words", words_);
    for (const auto& expansion : plan_.expansions) {
      out << "  " << expansion.typed << ": initial consonants (초성) → ";
      if (expansion.words.empty()) out << "no index word has them";
      for (std::size_t i = 0; i < expansion.words.size(); ++i) out << (i ? " " : "") << expansion.words[i];
      out << " (" << expansion.words.size() << " words, most frequent first, at most " << max_prefix_expansion << ")\n";
    }
    section("phrases", phrases_);
    section("filters", filters_);
    section("excluded", excluded_);
    section("rewritten", rewrite_lines(plan_.rewrites));
    out << "mode: "
        << (plan_.mode == MatchMode::all  ? "all (every word, or all of its syllable pairs, required)"
            : plan_.mode == MatchMode::any ? "any (any word matches)"
                                           : "prefer all (documents with more of the words rank first; none required)")
        << '\n';
    if (!near_.empty()) {
      out << "near boost (within " << params_.near_window << " words, weight " << params_.near_weight
          << "; side by side in order, weight " << params_.adjacent_weight << "):";
      for (const auto& line : near_) out << ' ' << line << ';';
      out << '\n';
    }
    out << "tiers: " << (plan_.keyword ? "keyword query (every word found counts " : "question (words weighted by rarity, ")
        << (plan_.keyword ? std::to_string(static_cast<long>(params_.keyword_tier)) + " + " : std::string())
        << params_.word_tier << " × idf; inside a longer word " << params_.inside_share << " of that; in the title "
        << params_.title_share << " more)\n";
    for (const auto& line : tiers_) out << "  " << line << '\n';
    out << "weights: BM25+ k1 " << params_.k1 << ", b " << params_.b << ", delta " << params_.delta << "; stem "
        << params_.stem_weight << ", joined " << params_.joined_weight << ", bigram " << params_.bigram_weight
        << ", title " << params_.title_weight << ", compound spaced " << params_.spaced_weight << '\n';
    out << "xapian: " << built_.query.get_description();
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

  const BuiltQuery& built_;
  const QueryPlan& plan_;
  const RankingParams& params_;
  std::vector<std::string> words_, phrases_, filters_, excluded_, near_, tiers_;
};

}  // namespace

std::string explain_query(const BuiltQuery& built, const RankingParams& params) {
  return Explainer(built, params).explain();
}

}  // namespace kosearch
