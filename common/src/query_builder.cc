#include "kosearch/query_builder.h"
#include "kosearch/schema.h"
namespace kosearch {
// STUB: OR of the stems of every word.
BuiltQuery build_query(const QueryNode& root, Analyzer& analyzer, const RankingParams&, MatchMode, const DateBounds&) {
  BuiltQuery built;
  std::vector<Xapian::Query> parts;
  for (const auto& child : root.children) {
    for (const auto& tok : analyzer.analyze(child.text)) {
      parts.emplace_back(tok.stem);
      built.match_terms.push_back(tok.stem);
    }
  }
  built.query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  built.explanation = built.query.get_description();
  return built;
}
}  // namespace kosearch
