// One JSONL record (a line of an import file) as an article: its fields, why
// it is refused, what in it was left out, and the content hash that tells a
// changed record from one that only moved to another line. Private to the
// library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/document.h"

namespace kosearch {

struct JsonlRecord {
  std::optional<Article> article;     // nullopt: refused
  std::string refusal;                // why, as a skip warning ("record has no \"id\"; skipped")
  std::vector<std::string> warnings;  // fields left out ("\"date\" 'x' is not a date …")
};

// Reads {"id","text", optional "title","source","author","url","date","updated"}
// from line `line_number` of `path`; numbers are taken as text; each line of
// "text" is a body line cited at `line_number`.
JsonlRecord parse_jsonl_record(std::string_view line, const std::string& path, std::uint32_t line_number);

// A record's stored hash: its content hash (8 bytes) and where it is
// (schema::record_location: its line number and the byte offset of that line
// in the file). Both are part of the stored citation, so a record that only
// moved is rewritten (without re-analysis) to match what a rebuild would
// store.
std::string jsonl_content_hash(std::string_view line, const std::string& path, std::uint32_t line_number,
                               std::uint64_t offset);

// True when two such hashes differ at most in where the record is (a hash
// stored before the offset was kept, 12 bytes, counts as the same content).
bool same_record_content(const std::string& stored, const std::string& hash);

}  // namespace kosearch
