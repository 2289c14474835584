// The JSON API of `search --serve`, free of HTTP: a request's parameters in,
// a status and a JSON body out (http_server.h carries them).
//
//   GET /api/search?q=…&n=&offset=&mode=&sort=&since=&until=&facets=&literal=&suggest=
//                   (&fragments=&facet_top=&explain=)
//     {"hits": [hit, …], "summary": summary}: the hit and summary objects of
//     `search --json` (json_output.h; keys in json_schema.h), for the same
//     options the flags of the same names take (search_request.h; `n` is -n,
//     `literal` and `explain` take 1/0/true/false, `facets` a comma list).
//   GET /api/article/ID
//     {"id", "path", "title", "source", "date", "updated", "author", "url",
//      "title_line", "lines": [{"line": n, "text": "…"}, …]}: the article as
//     the index stores it (its body lines with their line numbers in the
//     file), for showing a citation in its place. Only the index is read.
//
// An error is {"error": {"status": n, "message": "…"}} (a malformed query adds
// "position", its 1-based character): 400 a malformed query, a bad or unknown
// parameter, text that is not UTF-8; 404 no such article; 413 a query over
// the limits of query_limits.h; 503 an index that cannot be opened or read.
#pragma once

#include <exception>
#include <map>
#include <string>

#include "kosearch/article_path.h"
#include "kosearch/search_request.h"
#include "kosearch/searcher_pool.h"

namespace kosearch {

struct ApiReply {
  int status = 200;
  std::string body;  // JSON
};

// A URL's parameters, decoded (httplib::Params is this type).
using ApiParams = std::multimap<std::string, std::string>;

struct ApiQuery {
  std::string q;
  SearchRequest request;
};

// /api/search's parameters as a query and its options. Throws Error(usage)
// for an unknown parameter, one given twice, a number that is not one, an
// empty q; the option values are checked by search_options.
ApiQuery api_query(const ApiParams& params);

// `e` as the API's error reply (status from its kind).
ApiReply error_reply(const std::exception& e, const std::string& index_path);

// An error reply of `status` with `message`.
ApiReply error_reply(int status, const std::string& message);

class ServeApi {
 public:
  // Paths in replies are shown from `cwd` as `style` says (article_path.h),
  // as `search` run in that folder shows them.
  ServeApi(SearcherPool& pool, PathStyle style, std::string cwd);

  ApiReply search(const ApiParams& params);
  ApiReply article(const std::string& id);

 private:
  SearcherPool& pool_;
  PathStyle style_;
  std::string cwd_;
};

}  // namespace kosearch
