#include "kosearch/jsonl_records.h"

#include <nlohmann/json.hpp>

#include "kosearch/input_files.h"

namespace kosearch {
std::optional<std::string> record_string(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return std::nullopt;
}

namespace {

// A date field, or nullopt with a warning when it is present but not a date.
// The spellings read are parse_date's (document.h).
std::optional<std::string> date_field(const nlohmann::json& record, const char* key,
                                      std::vector<RecordWarning>& warnings) {
  auto text = record_string(record, key);
  if (!text) return std::nullopt;
  auto date = parse_date(*text);
  if (!date) {
    const std::string field = "\"" + std::string(key) + "\"";
    const char* article = key[0] == 'u' ? "an " : "a ";  // "updated"
    warnings.push_back({field + " '" + *text + "' is not a date; left out",
                        "records have " + (article + field) + " that is not a date", "'" + *text + "'"});
  }
  return date;
}

JsonlRecord refused(const char* why) {
  JsonlRecord r;
  r.refusal = why;
  return r;
}

}  // namespace

JsonlRecord parse_jsonl_record(std::string_view line, const std::string& path, std::uint32_t line_number,
                               std::uint64_t max_text_bytes) {
  auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) return refused("not valid JSON; skipped");
  if (!record.is_object()) return refused("not a JSON object; skipped");
  auto id = record_string(record, "id");
  auto text = record_string(record, "text");
  if (!id || id->empty()) return refused("record has no \"id\"; skipped");
  if (!text) return refused("record has no \"text\"; skipped");
  if (detail::is_blank(*text) && !record_string(record, "title")) return refused("record has empty \"text\"; skipped");
  JsonlRecord out;
  Article& a = out.article.emplace();
  a.id = *id;
  a.path = path;
  a.title = record_string(record, "title");
  a.source = record_string(record, "source");
  a.author = record_string(record, "author");
  a.url = record_string(record, "url");
  a.title_line = line_number;
  a.date = date_field(record, "date", out.warnings);
  a.updated = date_field(record, "updated", out.warnings);
  std::string_view rest = *text;
  out.text_bytes = rest.size();
  if (max_text_bytes && rest.size() > max_text_bytes) {
    out.cut = true;
    rest = rest.substr(0, detail::whole_lines_within(rest, static_cast<std::size_t>(max_text_bytes)));
  }
  while (!rest.empty()) {
    auto nl = rest.find('\n');
    std::string_view para = rest.substr(0, nl);
    if (!detail::is_blank(para)) a.body.push_back({line_number, std::string(para)});
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace kosearch
