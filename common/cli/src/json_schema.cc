#include "kosearch/json_schema.h"

#include <span>

#include "plain_text.h"

namespace kosearch {
namespace {

std::string markdown_table(std::span<const JsonKeyDoc> keys) {
  std::string out = "| key | type | meaning |\n|---|---|---|\n";
  for (const JsonKeyDoc& k : keys) {
    out.append("| ").append(k.keys).append(" | ").append(k.type).append(" | ").append(k.meaning);
    out.append(k.meaning.empty() ? "|\n" : " |\n");
  }
  return out;
}

std::string help_lines(std::string_view object, std::span<const JsonKeyDoc> keys) {
  std::string out = "  " + std::string(object) + " object:\n";
  for (const JsonKeyDoc& k : keys) {
    out += "    " + without_backticks(k.keys) + ": " + without_backticks(k.type);
    if (!k.meaning.empty()) out += " — " + without_backticks(k.meaning);
    out += '\n';
  }
  return out;
}

}  // namespace

std::string json_schema_markdown() { return markdown_table(hit_keys) + "\n" + markdown_table(summary_keys); }

std::string json_schema_help() { return help_lines("hit", hit_keys) + help_lines("summary", summary_keys); }

}  // namespace kosearch
