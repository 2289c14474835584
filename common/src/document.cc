#include "kosearch/document.h"

#include <nlohmann/json.hpp>

namespace kosearch {
namespace {
void put(nlohmann::json& j, const char* key, const std::optional<std::string>& v) {
  if (v) j[key] = *v;
}
std::optional<std::string> get(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}
}  // namespace

std::string serialize(const Article& a) {
  nlohmann::json j;
  j["id"] = a.id;
  j["path"] = a.path;
  put(j, "title", a.title);
  put(j, "source", a.source);
  put(j, "date", a.date);
  put(j, "author", a.author);
  put(j, "url", a.url);
  j["title_line"] = a.title_line;
  auto& body = j["body"] = nlohmann::json::array();
  for (const auto& line : a.body) body.push_back({line.number, line.text});
  return j.dump();
}

Article deserialize(std::string_view data) {
  auto j = nlohmann::json::parse(data);
  Article a;
  a.id = j.at("id").get<std::string>();
  a.path = j.at("path").get<std::string>();
  a.title = get(j, "title");
  a.source = get(j, "source");
  a.date = get(j, "date");
  a.author = get(j, "author");
  a.url = get(j, "url");
  a.title_line = j.value("title_line", 0u);
  for (const auto& line : j.at("body")) a.body.push_back({line.at(0).get<std::uint32_t>(), line.at(1).get<std::string>()});
  return a;
}

std::optional<std::string> parse_date(std::string_view) { return std::nullopt; }
}  // namespace kosearch
