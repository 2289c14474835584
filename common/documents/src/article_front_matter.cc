#include "article_front_matter.h"

#include <utility>

#include "article_text.h"
#include "kosearch/document.h"

namespace kosearch::article_front_matter {

using namespace article_text;

namespace {

bool is_fence(std::string_view line) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";  // some editors open a UTF-8 file with it
  if (line.starts_with(kByteOrderMark)) line.remove_prefix(kByteOrderMark.size());
  return trim(line) == "---";
}

std::optional<std::pair<std::string, std::string>> header_entry(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view key = trim(line.substr(0, colon));
  if (key.empty()) return std::nullopt;
  for (char c : key)
    if (!is_ascii_alnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return std::nullopt;
  std::string_view value = trim(line.substr(colon + 1));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  return std::make_pair(ascii_lower(key), fold(value));
}

}  // namespace

std::vector<SourceLine> split_lines(std::string_view text) {
  std::vector<SourceLine> lines;
  std::uint32_t number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back({++number, line});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// A header counts only when it is closed and every line in it is `key: value`
// (or blank): a decorative `---` opening an article must not eat its text.
FrontMatter read_front_matter(const std::vector<SourceLine>& lines) {
  FrontMatter fm;
  if (lines.empty() || !is_fence(lines[0].text)) return fm;
  std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> entries;
  std::size_t close = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (is_fence(lines[i].text)) {
      close = i;
      break;
    }
    if (trim(lines[i].text).empty()) continue;
    auto entry = header_entry(lines[i].text);
    if (!entry) return fm;
    entries.emplace_back(i, std::move(*entry));
  }
  if (close == 0) return fm;
  fm.lines_used = close + 1;
  for (auto& [index, entry] : entries) {
    auto& [key, value] = entry;
    if (value.empty()) continue;
    if (key == "title") {
      fm.title = value;
      fm.title_line = lines[index].number;
    } else if (key == "source" || key == "publisher") {
      fm.source = value;
    } else if (key == "date") {
      fm.date = parse_date(value);  // an invalid header date is left to the heuristics
    } else if (key == "updated") {
      fm.updated = parse_date(value);
    } else if (key == "author") {
      fm.author = value;
    } else if (key == "url") {
      fm.url = value;
    }
  }
  return fm;
}

}  // namespace kosearch::article_front_matter
