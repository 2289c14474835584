// Citing a passage of a JSONL article by its place in the file: the record's
// line, and the column (in characters of that line, as every citation counts
// them) where the passage starts inside the JSON text, escapes and all
// (`\"`, `\n`, `\uXXXX` count as the characters written in the file).
//
// The indexer keeps each record's byte offset (schema::record_location); the
// searcher reads the record back there. A record that is not there any more
// (the file changed since it was indexed) keeps the column within the
// article's own text: the line still points at where the record was.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kosearch/document.h"

namespace kosearch {

// The 1-based column, in characters of `line`, of character `at` (0-based,
// counted in the decoded string) of the string value of the top-level key
// `key` (its last occurrence, as a JSON parser reads it); `at` may be the
// string's end. nullopt when `line` is no JSON object with such a string or
// `at` is past its end.
std::optional<std::uint32_t> json_value_column(std::string_view line, std::string_view key, std::size_t at);

// The column in its line of `file` where a passage of `article` starts:
// `body_line` and `column` as the snippet gives them (an index into
// article.body or -1 for the title, and the 1-based column within that
// text). Reads the line at byte `offset`; nullopt when it cannot be read or
// holds another record or other text than the article's.
std::optional<std::uint32_t> jsonl_column(const std::string& file, std::uint64_t offset, const Article& article,
                                          int body_line, std::uint32_t column);

}  // namespace kosearch
