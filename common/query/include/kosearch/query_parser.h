// The query language, parsed into an AST. Grammar (precedence low → high):
//
//   query   := or_expr
//   or_expr := and_expr ( "OR" and_expr )*          OR must be upper case
//   and_expr:= unary+                               juxtaposition = "prefer all"
//   unary   := "-" primary | primary                 -word / -"phrase" / -(…) exclude
//   primary := "(" or_expr ")" | field ":" value | phrase | word | word"*"
//   field   := title | source | author | date
//   value   := word | phrase | word"*"  (for date: FROM..TO, FROM.. or ..TO,
//              each YYYY, YYYY-MM or a day in a spelling parse_date reads:
//              YYYY-MM-DD, YYYY.MM.DD, YYYYMMDD, YY.MM.DD, … (document.h))
//   phrase  := '"' … '"'
//
// Words are not analysed here; the query builder sends every leaf through the
// document analyzer. Malformed input (unbalanced quote or parenthesis, lone
// "-", empty field value, bad date, OR with a missing side) throws QueryError
// naming the problem and its 1-based character position.
//
// Details of the grammar as built:
// - Any Unicode white space (U+3000 ideographic space, NBSP, …) and U+200B
//   separate words. ( ) and quotes also end a word: 장비(리소그래피) is a word
//   and a group.
// - Quotes: ASCII " and curly “ ” (IMEs produce them); any of them closes.
//   Runs of space inside a phrase become one space.
// - OR only in upper case and standing alone; "or", "Or" and ORACLE are words.
//   a b OR c means (a b) OR c.
// - A word containing ':' whose part before the first colon is not a known
//   field (case-insensitive) is a plain word: URLs, times (10:30), "foo:bar".
// - field values: title:word, title:"a phrase", title:prefix*; no (groups).
// - date:2024 or date:2024-03 alone means that whole period; FROM expands to
//   the first day and TO to the last day of its period, so date:2024..2024
//   is the whole year. Years 0001–9999; months and days may have one digit.
// - Every and_expr (the whole query, each group, each OR side) needs at least
//   one part that is not an exclusion; a date or field filter counts as one,
//   so date:2024 alone lists that year (the builder matches everything in it).
// - Single-child all/any collapse to the child: "노광" → word(노광).
// Errors (QueryError::problem, position):
//   "empty query" (1)                          · "quote without a closing quote" (the quote)
//   "empty phrase" (the quote)                  · "'(' without a matching ')'" (the '(')
//   "')' without a matching '('" (the ')')      · "empty parentheses" (the '(')
//   "'-' needs a word, \"phrase\" or (group) right after it" (the '-')
//   "OR needs something before it" / "OR needs something after it" (the OR)
//   "OR twice in a row" (the second OR)
//   "title: needs a value right after the colon" (character after the colon)
//   "title: takes a word, a \"phrase\" or a prefix*, not a (group)" (the '(')
//   "date: takes FROM..TO, …" (character after the colon)
//   "bad date '2024-13-01': use YYYY, YYYY-MM or YYYY-MM-DD" (start of that date)
//   "date range needs a start, an end or both (FROM..TO)" · "date range ends
//   before it starts" (start of the value)
//   "'*' needs at least one character before it" (the word)
//   "only exclusions: add something to search for" (the first exclusion)
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/field.h"

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
  Field field = Field::title;  // kind field only
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
