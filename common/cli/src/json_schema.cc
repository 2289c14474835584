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
    out += "    " + plain_text(k.keys) + ": " + plain_text(k.type);
    if (!k.meaning.empty()) out += " — " + plain_text(k.meaning);
    out += '\n';
  }
  return out;
}

}  // namespace

std::string json_schema_markdown() {
  return markdown_table(hit_keys) + "\n" + markdown_table(summary_keys) + "\n" + markdown_table(error_keys);
}

std::string json_schema_help() {
  return help_lines("hit", hit_keys) + help_lines("summary", summary_keys) + help_lines("error", error_keys);
}

}  // namespace kosearch
