#include "query_planner.h"

#include <optional>

#include "kosearch/bm25_weighting.h"
#include "kosearch/error.h"
#include "kosearch/normalizer.h"
#include "query_terms.h"
#include "token_planner.h"
#include "word_expansion.h"

namespace kosearch {
namespace {

using Kind = QueryNode::Kind;

// Words the user typed that something is searched for by (exclusions and
// filters aside): a query of a few words is a keyword query.
std::size_t typed_words(const QueryNode& node) {
  switch (node.kind) {
    case Kind::word:
    case Kind::prefix: return 1;
    case Kind::phrase: {
      std::size_t words = 0;
      bool in_word = false;
      for (const char c : node.text) {
        const bool space = c == ' ' || c == '\t';
        words += !space && !in_word;
        in_word = !space;
      }
      return words;
    }
    case Kind::all:
    case Kind::any: {
      std::size_t words = 0;
      for (const QueryNode& child : node.children) words += typed_words(child);
      return words;
    }
    case Kind::field: return node.field == Field::title ? typed_words(node.children.front()) : 0;
    case Kind::date_range:
    case Kind::exclude: return 0;
  }
  return 0;
}

PlanNode leaf(const QueryNode& node) {
  PlanNode plan;
  plan.kind = node.kind;
  plan.typed = node.text;
  plan.position = node.position;
  return plan;
}

// What a token is in a NEAR or side-by-side pair.
PairPart pair_part(const TokenPlan& token) {
  PairPart part{token.token.stem, {}};
  if (token.shape == TokenPlan::Shape::initials) part.readings = token.readings[0];
  return part;
}

class Planner {
 public:
  Planner(Analyzer& analyzer, const RankingParams& params, MatchMode mode, const IndexStats& stats, bool keyword)
      : expander_(analyzer, stats.synonyms), tokens_(params, stats, keyword, plan_, match_) {
    plan_.mode = mode;
    plan_.keyword = keyword;
    plan_.tier_scale = floored_weighting(params, stats.average_length).tier_scale;
    plan_.documents = stats.documents;
  }

  QueryPlan plan(const QueryNode& root, const DateBounds& dates) {
    plan_.parsed = describe(root);
    if (dates.since) plan_.since = query_terms::bound_value(*dates.since, "since");
    if (dates.until) plan_.until = query_terms::bound_value(*dates.until, "until");
    if (dates.since || dates.until) ++plan_.filters;
    plan_.root = node(root);
    plan_.match_terms = match_.take();
    plan_.rewrites = expander_.take_rewrites();
    return std::move(plan_);
  }

 private:
  PlanNode node(const QueryNode& n) {
    switch (n.kind) {
      case Kind::word: return word(n);
      case Kind::prefix: return prefix(n);
      case Kind::phrase: return phrase(n);
      case Kind::all: return all(n);
      case Kind::any: {
        PlanNode plan = leaf(n);
        for (const QueryNode& child : n.children) plan.children.push_back(node(child));
        return plan;
      }
      case Kind::field:
      case Kind::date_range: return filter(n, true);
      case Kind::exclude: break;  // only inside all(); the parser guarantees it
    }
    return leaf(n);
  }

  // Tokens of a leaf that something is searched for by (word, phrase,
  // title: value), counted to tell when every such leaf came out empty.
  std::vector<Token> tokens_of(const QueryNode& n) {
    std::vector<Token> tokens = expander_.analyze(n.text);
    count_leaf(n, !tokens.empty());
    return tokens;
  }

  void count_leaf(const QueryNode& n, bool productive) {
    ++plan_.positive_leaves;
    if (productive) {
      ++plan_.productive_leaves;
    } else if (!saw_empty_) {
      saw_empty_ = true;
      plan_.first_empty_position = n.position;
    }
  }

  PlanNode word(const QueryNode& n) {
    PlanNode plan = leaf(n);
    const std::size_t noted = expander_.noted();
    plan.tokens = tokens_of(n);
    if (plan.tokens.empty()) return plan;
    expander_.as_one_word_member(plan.tokens, noted);
    match_.add(plan.tokens);
    const auto highlight = [this](const std::string& stem) { match_.add(stem); };
    const std::vector<Synonym>* synonyms = expander_.synonyms_of(plan.tokens, highlight);
    plan.word = tokens_.plan_word(plan.tokens, synonyms ? *synonyms : std::vector<Synonym>{});
    return plan;
  }

  std::string prefix_text(const QueryNode& n, bool counted) {
    const std::string text = normalize(n.text);
    if (counted) count_leaf(n, !text.empty());
    return text;
  }

  PlanNode prefix(const QueryNode& n) {
    PlanNode plan = leaf(n);
    plan.text = prefix_text(n, true);
    if (!plan.text.empty()) plan_.match_prefixes.push_back(plan.text);
    return plan;
  }

  PlanNode phrase(const QueryNode& n) {
    PlanNode plan = leaf(n);
    plan.tokens = tokens_of(n);
    if (plan.tokens.empty()) return plan;
    match_.add(plan.tokens);
    plan.word = tokens_.plan_word(plan.tokens, {});
    return plan;
  }

  PlanNode all(const QueryNode& n) {
    PlanNode plan = leaf(n);
    std::optional<PairPart> previous;  // last token of the previous word, for NEAR
    for (const QueryNode& child : n.children) {
      if (child.kind == Kind::exclude) {
        plan.children.push_back(excluded(child));
      } else if (child.kind == Kind::word) {
        plan.children.push_back(word(child));
        const std::vector<TokenPlan>& tokens = plan.children.back().word.tokens;
        if (tokens.empty()) continue;
        if (previous && plan_.mode != MatchMode::any && proximity_pairs_ < max_proximity_pairs) {
          ++proximity_pairs_;
          plan.pairs.push_back({*previous, pair_part(tokens.front())});
        }
        previous = pair_part(tokens.back());
      } else {
        plan.children.push_back(child.kind == Kind::field || child.kind == Kind::date_range ? filter(child, true)
                                                                                            : node(child));
      }
    }
    return plan;
  }

  // title:, source:, author: and date:; `positive` false inside an exclusion.
  PlanNode filter(const QueryNode& n, bool positive) {
    PlanNode plan = leaf(n);
    plan.positive = positive;
    ++plan_.filters;
    if (n.kind == Kind::date_range) {
      plan.date_from = n.date_from;
      plan.date_to = n.date_to;
      return plan;
    }
    const QueryNode& value = n.children.front();
    plan.field = n.field;
    plan.value_kind = value.kind;
    const bool scores = positive && n.field == Field::title;
    bool empty = true;
    if (value.kind == Kind::prefix) {
      plan.text = prefix_text(value, scores);
      empty = plan.text.empty();
    } else {
      plan.tokens = scores ? tokens_of(value) : expander_.analyze(value.text);
      empty = plan.tokens.empty();
      if (scores) match_.add(plan.tokens);
    }
    if (empty) throw QueryError(std::string(field_name(n.field)) + ": value has nothing to search for", value.position);
    return plan;
  }

  // An exclude node (-x) and the node it leaves out.
  PlanNode excluded(const QueryNode& n) {
    PlanNode plan = leaf(n);
    plan.positive = false;
    plan.children.push_back(exclusion(n.children.front()));
    return plan;
  }

  // What an excluded node matches: words as written (stem or join, never a
  // mere shared bigram), phrases, fields, dates, groups.
  PlanNode exclusion(const QueryNode& n) {
    PlanNode plan = leaf(n);
    plan.positive = false;
    switch (n.kind) {
      case Kind::word: {
        plan.tokens = expander_.analyze(n.text);
        if (plan.tokens.empty()) break;
        // An excluded word leaves out its synonyms too: they are the same word.
        if (const auto* synonyms = expander_.synonyms_of(plan.tokens, nullptr)) plan.word.synonyms = *synonyms;
        break;
      }
      case Kind::prefix: plan.text = normalize(n.text); break;
      case Kind::phrase: plan.tokens = expander_.analyze(n.text); break;
      case Kind::field:
      case Kind::date_range: {
        // An exclusion, not a filter: it selects nothing by itself.
        const std::size_t before = plan_.filters;
        plan = filter(n, false);
        plan_.filters = before;
        break;
      }
      case Kind::all:
      case Kind::any:
        for (const QueryNode& child : n.children)
          plan.children.push_back(child.kind == Kind::exclude ? excluded(child) : exclusion(child));
        break;
      case Kind::exclude: break;
    }
    return plan;
  }

  QueryPlan plan_;
  MatchTerms match_;
  WordExpander expander_;
  TokenPlanner tokens_;
  bool saw_empty_ = false;
  std::size_t proximity_pairs_ = 0;  // neighbouring word pairs boosted so far, in the whole query
};

}  // namespace

QueryPlan plan_query(const QueryNode& root, Analyzer& analyzer, const RankingParams& params, MatchMode mode,
                     const DateBounds& dates, const IndexStats& stats) {
  return Planner(analyzer, params, mode, stats, typed_words(root) <= params.keyword_words).plan(root, dates);
}

}  // namespace kosearch
