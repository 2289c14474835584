#include "kosearch/serve_api.h"

#include <charconv>
#include <set>
#include <utility>

#include "kosearch/analyzer.h"
#include "kosearch/error.h"
#include "kosearch/error_remedy.h"
#include "kosearch/json_output.h"
#include "kosearch/normalizer.h"
#include "kosearch/query_limits.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

const std::set<std::string, std::less<>> known_parameters{
    "q", "n", "offset", "mode", "sort", "since", "until", "facets", "literal", "suggest", "fragments", "facet_top",
    "explain"};

std::size_t number(const std::string& value, const std::string& name) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size())
    throw Error(ErrorKind::usage, name + " '" + value + "' is not a whole number");
  return n;
}

bool yes_no(const std::string& value, const std::string& name) {
  if (value == "1" || value == "true") return true;
  if (value == "0" || value == "false") return false;
  throw Error(ErrorKind::usage, name + " '" + value + "' is not 1, 0, true or false");
}

std::vector<std::string> comma_list(const std::string& value) {
  std::vector<std::string> items;
  std::size_t at = 0;
  while (at <= value.size()) {
    const std::size_t comma = std::min(value.find(',', at), value.size());
    if (comma > at) items.push_back(value.substr(at, comma - at));
    at = comma + 1;
  }
  return items;
}

int status_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
    case ErrorKind::query_syntax:
    case ErrorKind::invalid_input: return 400;
    case ErrorKind::query_too_long: return 413;
    case ErrorKind::index_missing:
    case ErrorKind::index_incompatible:
    case ErrorKind::index_locked:
    case ErrorKind::index_corrupt:
    case ErrorKind::permission_denied:
    case ErrorKind::io:
    case ErrorKind::network: return 503;
    case ErrorKind::interrupted:
    case ErrorKind::internal: return 500;
  }
  return 500;
}

// An error a reopened index may not have (replaced, repaired, reachable again).
bool calls_for_reopen(ErrorKind kind) { return status_of(kind) == 503; }

OrderedJson optional_text(const std::optional<std::string>& field) {
  if (!field) return nullptr;
  return neutralize_controls(*field);
}

}  // namespace

ApiQuery api_query(const ApiParams& params) {
  ApiQuery out;
  SearchRequest& r = out.request;
  std::set<std::string> seen;
  for (const auto& [name, value] : params) {
    if (!is_valid_utf8(name) || !known_parameters.count(name))
      throw Error(ErrorKind::usage, "unknown parameter '" + neutralize_controls(name) +
                                        "' (q, n, offset, mode, sort, since, until, facets, literal, suggest, "
                                        "fragments, facet_top, explain)");
    if (!seen.insert(name).second) throw Error(ErrorKind::usage, "parameter '" + name + "' given twice");
    if (name != "q" && !is_valid_utf8(value))
      throw Error(ErrorKind::invalid_input, "parameter '" + name + "' is not valid UTF-8");
    if (name == "q") out.q = value;
    else if (name == "n") r.limit = number(value, name);
    else if (name == "offset") r.offset = number(value, name);
    else if (name == "fragments") r.fragments = number(value, name);
    else if (name == "facet_top") r.facet_top = number(value, name);
    else if (name == "mode") r.mode = parse_named(mode_names, value, name);
    else if (name == "sort") r.sort = parse_named(sort_names, value, name);
    else if (name == "suggest") r.suggest = parse_named(suggest_names, value, name);
    else if (name == "since") r.since = value;
    else if (name == "until") r.until = value;
    else if (name == "facets")
      for (const std::string& facet : comma_list(value)) r.facets.push_back(parse_named(facet_names, facet, name));
    else if (name == "literal") r.literal = yes_no(value, name);
    else if (name == "explain") r.explain = yes_no(value, name);
  }
  if (out.q.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error(ErrorKind::usage, "no query given: /api/search?q=words");
  return out;
}

ApiReply error_reply(int status, const std::string& message) {
  OrderedJson error = {{"status", status}, {"message", neutralize_controls(message)}};
  return {status, json_text({{"error", std::move(error)}})};
}

ApiReply error_reply(const std::exception& e, const std::string& index_path) {
  const auto* error = dynamic_cast<const Error*>(&e);
  if (!error) return error_reply(500, std::string("internal error: ") + e.what());
  const int status = status_of(error->kind());
  ApiReply reply = error_reply(status, status == 503 ? with_remedy(*error, Program::search, index_path) : e.what());
  if (const auto* query_error = dynamic_cast<const QueryError*>(&e)) {
    OrderedJson body = OrderedJson::parse(reply.body);
    body["error"]["position"] = query_error->position();
    reply.body = json_text(body);
  }
  return reply;
}

ServeApi::ServeApi(SearcherPool& pool, PathStyle style, std::string cwd)
    : pool_(pool), style_(style), cwd_(std::move(cwd)) {}

ApiReply ServeApi::search(const ApiParams& params) {
  try {
    ApiQuery query = api_query(params);
    const SearchOptions options = search_options(query.request, OutputFormat::json, "");
    // -F: a query over the limits is cut to fit, as `search -F` does.
    if (query.request.literal) {
      thread_local Analyzer analyzer;
      query.q.resize(query_within_limits(query.q, analyzer).size());
    }
    SearcherPool::Lease searcher = pool_.lease();
    Results results;
    try {
      results = searcher->search(query.q, options);
    } catch (const Error& e) {
      if (calls_for_reopen(e.kind())) searcher.discard();
      throw;
    }
    show_paths(results, style_, cwd_);
    OrderedJson hits = OrderedJson::array();
    for (const Hit& hit : results.hits) hits.push_back(json_hit(hit));
    OrderedJson body = {{"hits", std::move(hits)}, {"summary", json_summary(results, results.hits.size())}};
    return {200, json_text(body)};
  } catch (const std::exception& e) {
    return error_reply(e, pool_.index_path());
  }
}

ApiReply ServeApi::article(const std::string& id) {
  try {
    if (id.empty() || !is_valid_utf8(id) || neutralize_controls(id) != id)
      return error_reply(400, "an article id is the id a hit names (UTF-8, no control characters)");
    SearcherPool::Lease searcher = pool_.lease();
    std::optional<Article> article;
    try {
      article = searcher->article(id);
    } catch (const Error& e) {
      if (calls_for_reopen(e.kind())) searcher.discard();
      throw;
    }
    if (!article) return error_reply(404, "the index holds no article '" + id + "'");
    OrderedJson lines = OrderedJson::array();
    for (const Line& line : article->body)
      lines.push_back({{"line", line.number}, {"text", neutralize_controls(line.text)}});
    OrderedJson body = {{"id", neutralize_controls(article->id)},
                        {"path", neutralize_controls(shown_path(article->path, style_, cwd_))},
                        {"title", optional_text(article->title)},
                        {"source", optional_text(article->source)},
                        {"date", optional_text(article->date)},
                        {"updated", optional_text(article->updated)},
                        {"author", optional_text(article->author)},
                        {"url", optional_text(article->url)},
                        {"title_line", article->title_line},
                        {"lines", std::move(lines)}};
    return {200, json_text(body)};
  } catch (const std::exception& e) {
    return error_reply(e, pool_.index_path());
  }
}

}  // namespace kosearch
