// The article fields a query can name (title:, source:, author:): one list
// for the query parser (their names), the query builder (what they do) and the
// schema (their term prefixes), so the three cannot drift apart.
#pragma once

#include <optional>
#include <string_view>

namespace kosearch {

enum class Field {
  title,   // scores, and keeps positions: title:"a phrase" is a phrase
  source,  // the publisher: a filter only
  author,  // a filter only
};

// "title", "source", "author": as typed in a query and shown by --explain.
std::string_view field_name(Field field);

// The field a query names (case already folded), if it is one.
std::optional<Field> field_named(std::string_view name);

}  // namespace kosearch
