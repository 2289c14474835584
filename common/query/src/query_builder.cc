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

}  // namespace kosearch
