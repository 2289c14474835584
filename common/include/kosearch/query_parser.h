// The query language, parsed into an AST. Grammar (precedence low → high):
//
//   query   := or_expr
//   or_expr := and_expr ( "OR" and_expr )*          OR must be upper case
//   and_expr:= unary+                               juxtaposition = "prefer all"
//   unary   := "-" primary | primary                 -word / -"phrase" / -(…) exclude
//   primary := "(" or_expr ")" | field ":" value | phrase | word | word"*"
//   field   := title | source | author | date
//   value   := word | phrase | word"*"  (for date: FROM..TO, FROM.. or ..TO,
//              each YYYY, YYYY-MM or YYYY-MM-DD)
//   phrase  := '"' … '"'
//
// Words are not analysed here; the query builder sends every leaf through the
// document analyzer. Malformed input (unbalanced quote or parenthesis, lone
// "-", empty field value, bad date, OR with a missing side) throws QueryError
// naming the problem and its 1-based character position.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kosearch {

struct QueryNode {
  enum class Kind {
    word,        // text: a bare word as typed
    prefix,      // text: the part before '*'
    phrase,      // text: the inside of the quotes
    all,         // children: implicit AND ("prefer all"); ranking semantics set by the builder
    any,         // children: explicit OR
    exclude,     // children[0]: must not match
    field,       // field: title|source|author; children[0]: word/phrase/prefix
    date_range,  // date_from / date_to: YYYYMMDD bounds, inclusive; empty = open
  };
  Kind kind = Kind::word;
  std::string text;
  std::string field;
  std::string date_from;
  std::string date_to;
  std::size_t position = 0;  // 1-based character position in the query, for messages
  std::vector<QueryNode> children;
};

// Parses `query` (valid UTF-8). Throws QueryError on malformed input and on a
// query with nothing to search for.
QueryNode parse_query(std::string_view query);

// Canonical text form of the AST, for --explain and tests:
// all(word(노광) word(장비)), any(…), phrase("노광 장비"), -word(화웨이),
// title:word(ai), date:[20240101..], prefix(반도*).
std::string describe(const QueryNode& node);

}  // namespace kosearch
