#include "kosearch/query_builder.h"

#include <algorithm>

#include "plan_compiler.h"
#include "query_planner.h"

namespace kosearch {

BuiltQuery build_query(const QueryNode& root, Analyzer& analyzer, const RankingParams& params, MatchMode mode,
                       const DateBounds& dates, const IndexStats& stats) {
  BuiltQuery built;
  built.plan = plan_query(root, analyzer, params, mode, dates, stats);
  CompiledPlan compiled = compile_plan(built.plan, params);
  built.query = std::move(compiled.query);
  built.with_every_word = std::move(compiled.with_every_word);
  built.words = std::move(compiled.words);
  built.expected_with_every_word = built.plan.found_share * built.plan.documents;
  return built;
}

MatchKind classify_match(const std::vector<WordTerms>& words, const std::set<std::string>& matched) {
  std::size_t found = 0;
  for (const WordTerms& word : words) {
    const auto all_matched = [&](const std::vector<std::string>& terms) {
      return std::all_of(terms.begin(), terms.end(), [&](const std::string& t) { return matched.count(t) > 0; });
    };
    const auto pairs = static_cast<std::size_t>(std::count_if(
        word.bigrams.begin(), word.bigrams.end(), [&](const std::string& t) { return matched.count(t) > 0; }));
    const bool as_word = std::any_of(word.forms.begin(), word.forms.end(), all_matched);
    found += as_word || (!word.bigrams.empty() && pairs >= word.bigrams_needed);
  }
  if (words.empty() || found == words.size()) return MatchKind::all;
  return found > 0 ? MatchKind::some : MatchKind::partial;
}

FlooredWeighting floored_weighting(const RankingParams& params, double average_length) {
  const double floor = params.length_floor;
  if (floor <= 0 || average_length <= 0) return {params.k1, params.b, params.min_normlen, params.delta};
  // Floored: K = k1 · ((1 − b) + b · max(length, F) / P, min_normlen), P = max(A, F).
  // Stock:   K = k1' · ((1 − b') + b' · max(length / A, min_normlen')).
  const double pivot = std::max(average_length, floor);
  const double k1 = params.k1 * (1 - params.b) + params.k1 * params.b * average_length / pivot;
  const double b = k1 > 0 ? params.k1 * params.b * average_length / (pivot * k1) : params.b;
  const double min_normlen = std::max(floor / average_length, params.min_normlen * pivot / average_length);
  const double scale = (k1 + 1) / (params.k1 + 1);  // of BM25's tf part: delta and the tiers follow
  return {k1, b, min_normlen, params.delta * scale, scale};
}

Xapian::BM25PlusWeight weighting(const RankingParams& params, double average_length) {
  const FlooredWeighting w = floored_weighting(params, average_length);
  return Xapian::BM25PlusWeight(w.k1, 0, 1, w.b, w.min_normlen, w.delta);
}

}  // namespace kosearch
