#include "kosearch/document.h"

#include <cstdio>

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
  // Last-revision date: its own key, absent when unknown (older stores lack it).
  put(j, "updated", a.updated);
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
  a.updated = get(j, "updated");
  a.title_line = j.value("title_line", 0u);
  for (const auto& line : j.at("body")) a.body.push_back({line.at(0).get<std::uint32_t>(), line.at(1).get<std::string>()});
  return a;
}

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to `max_digits` ASCII digits at `pos`; advances `pos`. -1 when none.
int read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
  int value = 0;
  std::size_t digits = 0;
  while (pos < s.size() && digits < max_digits && is_digit(s[pos])) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
    ++digits;
  }
  if (digits == 0 || (pos < s.size() && is_digit(s[pos]))) return -1;
  return value;
}

bool skip_spaces(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return true;
}

bool skip_literal(std::string_view s, std::size_t& pos, std::string_view literal) {
  if (s.substr(pos, literal.size()) != literal) return false;
  pos += literal.size();
  return true;
}

bool is_real_date(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// `YYYY<sep>M<sep>D` with one separator from -./ used twice, or `YYYY년 M월 D일`.
bool read_date(std::string_view s, std::size_t& pos, int& y, int& m, int& d) {
  if (s.size() - pos < 4) return false;
  std::size_t year_end = pos;
  y = read_number(s, year_end, 4);
  if (y < 0 || year_end - pos != 4) return false;
  pos = year_end;
  if (pos < s.size() && (s[pos] == '-' || s[pos] == '.' || s[pos] == '/')) {
    const char sep = s[pos++];
    m = read_number(s, pos, 2);
    if (m < 0 || pos >= s.size() || s[pos] != sep) return false;
    ++pos;
    d = read_number(s, pos, 2);
    return d >= 0;
  }
  skip_spaces(s, pos);
  if (!skip_literal(s, pos, "년")) return false;
  skip_spaces(s, pos);
  m = read_number(s, pos, 2);
  if (m < 0) return false;
  skip_spaces(s, pos);
  if (!skip_literal(s, pos, "월")) return false;
  skip_spaces(s, pos);
  d = read_number(s, pos, 2);
  if (d < 0) return false;
  skip_spaces(s, pos);
  return skip_literal(s, pos, "일");
}

// A trailing time of day (`14:30`, `T14:30:00+09:00`) is tolerated so that
// timestamps in headers still give their date.
bool is_time_suffix(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest == ".") return true;
  std::size_t pos = 0;
  if (rest[0] != 'T' && rest[0] != ' ') return false;
  ++pos;
  skip_spaces(rest, pos);
  if (read_number(rest, pos, 2) < 0 || !skip_literal(rest, pos, ":") || read_number(rest, pos, 2) < 0) return false;
  if (skip_literal(rest, pos, ":")) {
    if (read_number(rest, pos, 2) < 0) return false;
    if (skip_literal(rest, pos, ".") && read_number(rest, pos, 9) < 0) return false;
  }
  if (pos == rest.size() || skip_literal(rest, pos, "Z")) return pos == rest.size();
  if (rest[pos] != '+' && rest[pos] != '-') return false;
  ++pos;
  if (read_number(rest, pos, 2) < 0) return false;
  skip_literal(rest, pos, ":");
  if (pos < rest.size() && read_number(rest, pos, 2) < 0) return false;
  return pos == rest.size();
}
}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  std::size_t pos = 0;
  int y = 0, m = 0, d = 0;
  if (!read_date(text, pos, y, m, d) || !is_time_suffix(text.substr(pos))) return std::nullopt;
  return calendar_date(y, m, d);
}

std::optional<std::string> calendar_date(int year, int month, int day) {
  if (year > 9999 || !is_real_date(year, month, day)) return std::nullopt;
  char out[32];  // room for any int, though the year has four digits
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return std::string(out, 10);
}
}  // namespace kosearch
