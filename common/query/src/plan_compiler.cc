#include "plan_compiler.h"

#include "kosearch/error.h"
#include "kosearch/schema.h"
#include "query_terms.h"
#include "word_compiler.h"

namespace kosearch {
namespace {

using Kind = PlanNode::Kind;
using Q = Xapian::Query;
using namespace query_terms;

// What one node contributes to the query of the node around it.
struct Part {
  std::optional<Q> query;  // nothing when the node produced no terms
  bool required = false;   // the enclosing all() must not match without it
};

class Compiler {
 public:
  Compiler(const QueryPlan& plan, const RankingParams& params)
      : plan_(plan), params_(params), words_(params, plan.tier_scale) {}

  CompiledPlan compile() {
    std::vector<Q> filters;
    if (plan_.since || plan_.until) filters.push_back(date_query(plan_.since.value_or(""), plan_.until.value_or("")));
    Part top = node(plan_.root);
    // Words that all vanish in analysis (only punctuation) leave nothing to
    // rank by, even when a filter would still select documents.
    const bool words_vanished = plan_.positive_leaves > 0 && plan_.productive_leaves == 0;
    if (words_vanished || (!top.query && plan_.filters == 0))
      throw QueryError("nothing to search for", plan_.first_empty_position);
    Q query = top.query ? *top.query : match_all_unweighted();
    if (top.query && !words_.scoring_pairs().empty())
      query = Q(Q::OP_AND_MAYBE, query, combine(Q::OP_OR, words_.scoring_pairs()));
    if (!filters.empty()) query = Q(Q::OP_FILTER, query, combine(Q::OP_AND, filters));
    return {query, with_every_word(query), words_.take_words()};
  }

 private:
  // The query restricted to documents that earn the tier of every token: in
  // a keyword query, when they fill the page they are the page (coordination
  // first; with a soft keyword_tier a document missing a word could otherwise
  // outscore them, which only happens when fewer than a page hold them all).
  // None when that does not hold (a longer query, another mode, OR groups, a
  // token that earns no tier).
  std::optional<Q> with_every_word(const Q& query) const {
    const std::vector<Q>& found = words_.found();
    if (!plan_.keyword || plan_.mode != MatchMode::prefer_all || found.size() < 2) return std::nullopt;
    if (plan_.root.kind != Kind::all) return std::nullopt;
    for (const PlanNode& child : plan_.root.children)
      if (child.kind == Kind::any) return std::nullopt;
    for (const Q& tier : found)
      if (tier.empty()) return std::nullopt;
    return Q(Q::OP_FILTER, query, combine(Q::OP_AND, found));
  }

  Part node(const PlanNode& n) {
    switch (n.kind) {
      case Kind::word: return word(n);
      case Kind::prefix:
        if (n.text.empty()) return {};
        return {scaled(prefix_query(n.text, max_prefix_expansion), params_.stem_weight), plan_.mode == MatchMode::all};
      case Kind::phrase:
        if (n.tokens.empty()) return {};
        return {Q(Q::OP_AND_MAYBE, stems_in_order(n.tokens, schema::body), words_.scoring(n.word)), true};
      case Kind::all: return all(n);
      case Kind::any: return any(n);
      case Kind::field:
      case Kind::date_range: {
        // A filter standing alone (title:칩, date:2024 as the whole query).
        const Q q = filter(n);
        if (n.kind == Kind::field && n.field == Field::title) return {q, true};
        return {Q(Q::OP_FILTER, match_all_unweighted(), q), true};
      }
      case Kind::exclude: break;  // only inside all()
    }
    return {};
  }

  Part word(const PlanNode& n) {
    if (n.tokens.empty()) return {};
    const Q scoring = words_.scoring(n.word);
    if (plan_.mode != MatchMode::all) return {scoring, false};
    std::vector<Q> required;
    for (const Token& token : n.tokens)
      required.push_back(n.word.synonyms.empty()
                             ? token_required(token)
                             : Q(Q::OP_OR, token_required(token), same_word(token, &n.word.synonyms, schema::body)));
    return {Q(Q::OP_FILTER, scoring, combine(Q::OP_AND, required)), true};
  }

  Part all(const PlanNode& n) {
    std::vector<Q> required, optional, filters, excluded;
    for (const PlanNode& child : n.children) {
      if (child.kind == Kind::exclude) {
        if (auto q = exclusion(child.children.front())) excluded.push_back(*q);
      } else if (child.kind == Kind::date_range || (child.kind == Kind::field && child.field != Field::title)) {
        filters.push_back(filter(child));
      } else {
        const Part part = child.kind == Kind::field ? Part{filter(child), true} : node(child);
        if (part.query) (part.required ? required : optional).push_back(*part.query);
      }
    }
    for (const ProximityPair& pair : n.pairs) proximity_boosts(pair, optional);

    std::optional<Q> base;
    if (!required.empty()) {
      base = combine(Q::OP_AND, required);
      if (!optional.empty()) base = Q(Q::OP_AND_MAYBE, *base, combine(Q::OP_OR, optional));
    } else if (!optional.empty()) {
      base = combine(Q::OP_OR, optional);
    } else if (!filters.empty()) {
      base = match_all_unweighted();
    }
    if (!base) return {};
    if (!filters.empty()) base = Q(Q::OP_FILTER, *base, combine(Q::OP_AND, filters));
    if (!excluded.empty()) base = Q(Q::OP_AND_NOT, *base, combine(Q::OP_OR, excluded));
    return {base, !required.empty() || !filters.empty()};
  }

  Part any(const PlanNode& n) {
    std::vector<Q> sides;
    bool required = false;
    for (const PlanNode& child : n.children) {
      const Part part = node(child);
      if (!part.query) continue;
      sides.push_back(*part.query);
      required = required || part.required;
    }
    if (sides.empty()) return {};
    return {combine(Q::OP_OR, sides), required};
  }

  static Q pair_part(const PairPart& part) {
    if (part.readings.empty()) return Q(part.stem);
    return combine(Q::OP_OR, std::vector<Q>(part.readings.begin(), part.readings.end()));
  }

  // Two neighbouring query words score more where the text has them close
  // together (OP_NEAR, any order) and more again where it has them side by
  // side in the query's order: 노광 장비 beats 노광을 제외한 나머지 장비.
  void proximity_boosts(const ProximityPair& neighbours, std::vector<Q>& boosts) const {
    const Q pair[] = {pair_part(neighbours.left), pair_part(neighbours.right)};
    if (params_.near_weight > 0)
      boosts.push_back(scaled(Q(Q::OP_NEAR, std::begin(pair), std::end(pair), params_.near_window), params_.near_weight));
    if (params_.adjacent_weight > 0)
      boosts.push_back(scaled(Q(Q::OP_PHRASE, std::begin(pair), std::end(pair), 2), params_.adjacent_weight));
    // A 초성 word typed beside another word names words side by side (ㄴㄱ
    // ㅈㅂ, ㄴㄱ 장비: 노광 장비): readings that are neighbours of it in the
    // text earn a tier of their own, strict whatever the keyword tier is, or
    // a long text holding many unrelated readings would come first.
    if (!neighbours.left.readings.empty() || !neighbours.right.readings.empty())
      boosts.push_back(words_.tier(params_.initials_pair_tier, Q(Q::OP_PHRASE, std::begin(pair), std::end(pair), 2)));
  }

  // title:, source:, author: and date:; title: scores, the others are boolean.
  Q filter(const PlanNode& n) const {
    if (n.kind == Kind::date_range) return date_query(n.date_from, n.date_to);
    const std::string_view prefix = schema::prefix_of(n.field);
    Q q;
    if (n.value_kind == Kind::prefix) {
      q = prefix_query(std::string(prefix) + n.text, max_prefix_expansion);
    } else {
      // Only the title keeps positions, so only there is a phrase a phrase.
      q = n.value_kind == Kind::phrase && n.field == Field::title ? stems_in_order(n.tokens, prefix)
                                                                   : all_stems(n.tokens, prefix);
    }
    if (n.field == Field::title) return scaled(q, params_.stem_weight);
    return Q(Q::OP_SCALE_WEIGHT, q, 0.0);
  }

  // What an excluded node matches: words as written (stem or join, never a
  // mere shared bigram), phrases, fields, dates, groups.
  std::optional<Q> exclusion(const PlanNode& n) const {
    switch (n.kind) {
      case Kind::word: {
        if (n.tokens.empty()) return std::nullopt;
        // An excluded word leaves out its synonyms too: they are the same word.
        if (!n.word.synonyms.empty())
          return Q(Q::OP_OR, token_strict(n.tokens.front()), same_word(n.tokens.front(), &n.word.synonyms, schema::body));
        std::vector<Q> parts;
        for (const Token& token : n.tokens) parts.push_back(token_strict(token));
        return combine(Q::OP_AND, parts);
      }
      case Kind::prefix:
        if (n.text.empty()) return std::nullopt;
        return prefix_query(n.text, max_prefix_expansion);
      case Kind::phrase:
        if (n.tokens.empty()) return std::nullopt;
        return stems_in_order(n.tokens, schema::body);
      case Kind::field:
      case Kind::date_range: return filter(n);
      case Kind::all: {
        std::vector<Q> parts, inner_excluded;
        for (const PlanNode& child : n.children) {
          if (child.kind == Kind::exclude) {
            if (auto q = exclusion(child.children.front())) inner_excluded.push_back(*q);
          } else if (auto q = exclusion(child)) {
            parts.push_back(*q);
          }
        }
        if (parts.empty()) return std::nullopt;
        Q q = combine(Q::OP_AND, parts);
        if (!inner_excluded.empty()) q = Q(Q::OP_AND_NOT, q, combine(Q::OP_OR, inner_excluded));
        return q;
      }
      case Kind::any: {
        std::vector<Q> parts;
        for (const PlanNode& child : n.children)
          if (auto q = exclusion(child)) parts.push_back(*q);
        if (parts.empty()) return std::nullopt;
        return combine(Q::OP_OR, parts);
      }
      case Kind::exclude: break;
    }
    return std::nullopt;
  }

  const QueryPlan& plan_;
  const RankingParams& params_;
  WordCompiler words_;
};

}  // namespace

CompiledPlan compile_plan(const QueryPlan& plan, const RankingParams& params) {
  return Compiler(plan, params).compile();
}

}  // namespace kosearch
