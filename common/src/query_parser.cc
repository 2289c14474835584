#include "kosearch/query_parser.h"
#include "kosearch/error.h"
namespace kosearch {
// STUB: whitespace-separated words, all(...)
QueryNode parse_query(std::string_view q) {
  QueryNode root;
  root.kind = QueryNode::Kind::all;
  std::size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && q[i] == ' ') ++i;
    std::size_t j = i;
    while (j < q.size() && q[j] != ' ') ++j;
    if (j > i) {
      QueryNode w;
      w.text = std::string(q.substr(i, j - i));
      w.position = i + 1;
      root.children.push_back(std::move(w));
    }
    i = j;
  }
  if (root.children.empty()) throw QueryError("empty query", 1);
  return root;
}
std::string describe(const QueryNode&) { return {}; }
}  // namespace kosearch
