// One JSONL record (a line of an import file) as an article: its fields, why
// it is refused and what in it was left out. Private to the library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "kosearch/document.h"

namespace kosearch {

// A field left out of a record: the warning's reason, and its kind (a plural
// phrase for all records with that problem) with the part that differs.
struct RecordWarning {
  std::string reason;   // "\"date\" 'x' is not a date; left out"
  std::string kind;     // "records have a \"date\" that is not a date"
  std::string example;  // "'x'"
};

struct JsonlRecord {
  std::optional<Article> article;       // nullopt: refused
  std::string refusal;                  // why, as a skip warning ("record has no \"id\"; skipped")
  std::vector<RecordWarning> warnings;  // fields left out
  bool cut = false;                     // "text" is longer than the limit: its first whole lines are kept
  std::uint64_t text_bytes = 0;         // the whole "text"'s size
};

// Reads {"id","text", optional "title","source","author","url","date","updated"}
// from line `line_number` of `path`; numbers are taken as text; each line of
// "text" is a body line cited at `line_number`. `max_text_bytes` > 0: a
// longer "text" keeps its whole lines within it (whole_lines_within).
JsonlRecord parse_jsonl_record(std::string_view line, const std::string& path, std::uint32_t line_number,
                               std::uint64_t max_text_bytes = 0);

// A record's field as the importer reads it: a string, or a number as its
// JSON text; nullopt when absent, null or anything else.
std::optional<std::string> record_string(const nlohmann::json& record, const char* key);

}  // namespace kosearch
