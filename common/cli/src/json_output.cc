// The JSON schema's objects. The keys, in the order written here, are
// documented in json_schema.h (e2e_searcher checks the output against it).
#include "kosearch/json_output.h"

#include <utility>

#include "kosearch/result_names.h"
#include "kosearch/text.h"
#include "snippet_pieces.h"

namespace kosearch {
namespace {

OrderedJson optional_field(const std::optional<std::string>& field) {
  if (!field) return nullptr;
  return neutralize_controls(*field);
}

// {"source": [{"value": "한국경제", "count": 3}, …, {"value": null, "count": 2}], "month": […]},
// null when no facet was asked for.
OrderedJson facets_object(const std::vector<FacetCounts>& facets) {
  if (facets.empty()) return nullptr;
  OrderedJson out = OrderedJson::object();
  for (const FacetCounts& f : facets) {
    OrderedJson entries = OrderedJson::array();
    for (const FacetCount& c : f.top)
      entries.push_back({{"value", c.value.empty() ? OrderedJson(nullptr) : OrderedJson(neutralize_controls(c.value))},
                         {"count", c.count}});
    out[facet_name(f.facet)] = std::move(entries);
  }
  return out;
}

OrderedJson rewrites_array(const std::vector<Rewrite>& rewrites) {
  OrderedJson out = OrderedJson::array();
  for (const Rewrite& r : rewrites) {
    OrderedJson terms = OrderedJson::array();
    for (const auto& t : r.terms) terms.push_back(neutralize_controls(t));
    out.push_back({{"word", neutralize_controls(r.word)}, {"by", r.by}, {"terms", std::move(terms)}});
  }
  return out;
}

}  // namespace

OrderedJson json_hit(const Hit& hit, const std::optional<std::string>& qid) {
  const Citation& c = hit.citation;
  OrderedJson j = {{"type", "hit"}};
  if (qid) j["qid"] = neutralize_controls(*qid);
  j["rank"] = hit.rank;
  j["score"] = hit.score;
  j["id"] = neutralize_controls(hit.id);
  j["match"] = match_name(hit.match);
  j["path"] = neutralize_controls(c.path);
  j["line"] = c.line;
  j["column"] = c.column;
  j["title"] = optional_field(c.title);
  j["source"] = optional_field(c.source);
  j["date"] = optional_field(c.date);
  j["updated"] = optional_field(c.updated);
  j["author"] = optional_field(c.author);
  j["url"] = optional_field(c.url);
  std::string text;
  OrderedJson highlights = OrderedJson::array();
  std::size_t chars = 0;
  for (const auto& piece : snippet_pieces(hit.snippet)) {
    const std::size_t n = code_point_count(piece.text);
    if (piece.highlighted) highlights.push_back({chars, chars + n});
    chars += n;
    text += piece.text;
  }
  j["snippet"] = std::move(text);
  j["highlights"] = std::move(highlights);
  OrderedJson copies = OrderedJson::array();
  for (const Copy& copy : hit.copies)
    copies.push_back({{"id", neutralize_controls(copy.id)}, {"path", neutralize_controls(copy.path)},
                      {"source", optional_field(copy.source)}, {"date", optional_field(copy.date)}});
  j["copies"] = std::move(copies);
  return j;
}

OrderedJson json_summary(const Results& results, std::size_t hits, const std::optional<std::string>& qid) {
  OrderedJson summary = {{"type", "summary"}};
  if (qid) summary["qid"] = neutralize_controls(*qid);
  summary["hits"] = hits;
  summary["estimated_matches"] = results.estimated_matches;
  summary["elapsed_ms"] = results.elapsed_ms;
  summary["explanation"] = results.explanation.empty() ? OrderedJson(nullptr)
                                                       : OrderedJson(neutralize_controls(results.explanation));
  summary["facets"] = facets_object(results.facets);
  summary["rewrites"] = rewrites_array(results.rewrites);
  OrderedJson suggestions = OrderedJson::array();
  for (const Suggestion& s : results.suggestions)
    suggestions.push_back({{"kind", suggestion_kind_name(s.kind)}, {"query", neutralize_controls(s.query)}});
  summary["suggestions"] = std::move(suggestions);
  summary["showing_results_for"] = optional_field(results.showing_results_for);
  return summary;
}

OrderedJson json_error(std::string_view message, const std::optional<std::string>& qid) {
  OrderedJson error = {{"type", "error"}};
  if (qid) error["qid"] = neutralize_controls(*qid);
  error["message"] = neutralize_controls(message);
  return error;
}

std::string json_text(const OrderedJson& j) { return j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace); }

}  // namespace kosearch
