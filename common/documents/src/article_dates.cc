#include "article_dates.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "article_text.h"
#include "article_words.h"
#include "kosearch/document.h"

namespace kosearch::article_dates {
namespace {

using namespace article_text;
using namespace article_words;

constexpr int kFirstArticleYear = 1900;  // a date outside these years is a misreading
constexpr int kLastArticleYear = 2099;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// 1..max_digits digits at `pos`, not followed by another digit; advances `pos`.
std::optional<int> digits_at(std::string_view s, std::size_t& pos, std::size_t max_digits) {
  std::size_t end = pos;
  int value = 0;
  while (end < s.size() && end - pos < max_digits && is_digit(s[end])) value = value * 10 + (s[end++] - '0');
  if (end == pos || (end < s.size() && is_digit(s[end]))) return std::nullopt;
  pos = end;
  return value;
}

void skip_blanks(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
}

bool skip_text(std::string_view s, std::size_t& pos, std::string_view text) {
  if (!s.substr(pos).starts_with(text)) return false;
  pos += text.size();
  return true;
}

std::optional<DatePrefix> dated(int year, int month, int day, std::size_t length) {
  if (year < kFirstArticleYear || year > kLastArticleYear) return std::nullopt;
  auto date = calendar_date(year, month, day);
  if (!date) return std::nullopt;
  return DatePrefix{*date, length};
}

// 2025-01-15, 2025.01.15, 2025/01/15, 2025. 1. 15.: one separator, used twice.
std::optional<DatePrefix> numeric_date(std::string_view s) {
  std::size_t pos = 0;
  auto year = year_at(s, pos);
  if (!year || pos >= s.size()) return std::nullopt;
  const char sep = s[pos];
  if (sep != '-' && sep != '.' && sep != '/') return std::nullopt;
  auto separator = [&] {
    if (pos >= s.size() || s[pos] != sep) return false;
    ++pos;
    if (sep == '.') skip_blanks(s, pos);
    return true;
  };
  if (!separator()) return std::nullopt;
  auto month = digits_at(s, pos, 2);
  if (!month || !separator()) return std::nullopt;
  auto day = digits_at(s, pos, 2);
  if (!day) return std::nullopt;
  if (sep == '.' && pos < s.size() && s[pos] == '.') ++pos;  // the closing dot of 2025. 1. 15.
  return dated(*year, *month, *day, pos);
}

// 2025년 1월 15일, 2025년01월15일.
std::optional<DatePrefix> korean_date(std::string_view s) {
  std::size_t pos = 0;
  auto year = year_at(s, pos);
  if (!year) return std::nullopt;
  skip_blanks(s, pos);
  if (!skip_text(s, pos, "년")) return std::nullopt;
  skip_blanks(s, pos);
  auto month = digits_at(s, pos, 2);
  skip_blanks(s, pos);
  if (!month || !skip_text(s, pos, "월")) return std::nullopt;
  skip_blanks(s, pos);
  auto day = digits_at(s, pos, 2);
  skip_blanks(s, pos);
  if (!day || !skip_text(s, pos, "일")) return std::nullopt;
  return dated(*year, *month, *day, pos);
}

// January, Jan or Jan. at `pos` (a whole word); advances `pos`.
std::optional<int> month_name_at(std::string_view s, std::size_t& pos) {
  const MonthName* best = nullptr;
  for (const auto& m : kMonthNames) {
    if (!starts_with_ascii_ci(s.substr(pos), m.name)) continue;
    const std::size_t end = pos + m.name.size();
    if (end < s.size() && ((s[end] >= 'a' && s[end] <= 'z') || (s[end] >= 'A' && s[end] <= 'Z'))) continue;
    if (!best || m.name.size() > best->name.size()) best = &m;
  }
  if (!best) return std::nullopt;
  pos += best->name.size();
  if (pos < s.size() && s[pos] == '.') ++pos;
  return best->month;
}

// Jan 15, 2025 / January 15 2025 / 15 Jan 2025.
std::optional<DatePrefix> english_date(std::string_view s) {
  std::size_t pos = 0;
  std::optional<int> month, day;
  if ((month = month_name_at(s, pos))) {
    skip_blanks(s, pos);
    day = digits_at(s, pos, 2);
    if (!day) return std::nullopt;
    for (std::string_view ordinal : {"st", "nd", "rd", "th"})
      if (skip_text(s, pos, ordinal)) break;
  } else {
    day = digits_at(s, pos, 2);
    skip_blanks(s, pos);
    if (!day || !(month = month_name_at(s, pos))) return std::nullopt;
  }
  skip_text(s, pos, ",");
  skip_blanks(s, pos);
  auto year = year_at(s, pos);
  if (!year) return std::nullopt;
  return dated(*year, *month, *day, pos);
}

// A time of day or weekday after a date: 14:30, 09:30:12, 오후, (화), 화요일, 9시, 30분, 9:30AM.
bool is_time_word(std::string_view word) {
  std::string lower = ascii_lower(strip_decoration(word));
  if (lower.empty() || contains(kTimeWords, lower)) return true;
  bool unit = false;  // 9시, 30분, 9:30am
  for (std::string_view suffix : kTimeUnits) {
    if (lower.size() > suffix.size() && lower.ends_with(suffix)) {
      lower.resize(lower.size() - suffix.size());
      unit = true;
      break;
    }
  }
  // a clock needs its colon: 2025.01.20 after a date is another date, not a time
  return !lower.empty() && is_digit(lower[0]) && lower.find_first_not_of("0123456789:") == std::string::npos &&
         (unit || lower.find(':') != std::string::npos);
}

}  // namespace

std::optional<int> year_at(std::string_view s, std::size_t& pos) {
  const std::size_t start = pos;
  auto year = digits_at(s, pos, 4);
  if (!year || pos - start != 4) {
    pos = start;
    return std::nullopt;
  }
  return year;
}

// A date written at the very start of `s`, if any.
std::optional<DatePrefix> date_at_start(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (is_digit(s[0])) {
    if (auto date = numeric_date(s)) return date;
    if (auto date = korean_date(s)) return date;
  }
  return english_date(s);
}

// Bytes at the start of `s` (what follows a date) taken by its time and
// weekday: ` 09:30`, ` 오전 9:30`, `T09:30:00+09:00`, ` (수) 09:30:12`.
std::size_t time_after(std::string_view s) {
  std::size_t pos = 0;
  if (s.size() > 1 && s[0] == 'T' && is_digit(s[1])) {  // ISO 8601
    pos = 1;
    while (pos < s.size() && std::string_view("0123456789:+-.Z").find(s[pos]) != std::string_view::npos) ++pos;
  }
  while (pos < s.size()) {
    std::size_t start = pos;
    while (start < s.size()) {
      std::size_t next = start;
      if (!is_space(decode(s, next))) break;
      start = next;
    }
    std::size_t end = start;
    while (end < s.size()) {
      std::size_t next = end;
      if (is_space(decode(s, next))) break;
      end = next;
    }
    const std::string_view word = s.substr(start, end - start);
    if (word.empty() || word == "|") break;
    if (!is_time_word(word)) {
      // 09:30수정 2025…: a time with the next label glued to it
      // 09:30/수정:2025…: the same with a separator between
      const std::size_t clock = word.find_first_not_of("0123456789:");
      const std::size_t label = word.find_first_not_of("/|,", clock);
      if (clock != 0 && label != std::string_view::npos && is_time_word(word.substr(0, clock)) &&
          date_label_at(word.substr(label)))
        pos = start + clock;
      break;
    }
    pos = end;
  }
  return pos;
}

// Spaces and the marks between a label, its date and the next segment.
std::size_t separators_at(std::string_view s, std::size_t pos) {
  while (pos < s.size()) {
    std::size_t next = pos;
    const char32_t c = decode(s, next);
    if (!is_space(c) && c != ':' && c != 0xFF1A && c != '|' && c != ']' && c != ')' && c != '>' && c != '[' &&
        c != '(' && c != 0x3011 && c != 0x3010 && c != '/' && c != ',' && c != 0xB7 && c != 0x2502 &&
        c != 0x3163 && c != 0xFF5C && c != 0x2219)  // ㅣ and ｜ stand for bars on Korean sites
      break;
    pos = next;
  }
  return pos;
}

// A date label at the start of `s` (입력, 기사입력일시, 최종 수정, Published on).
std::optional<DateLabelMatch> date_label_at(std::string_view s) {
  // 기사승인, 최초 입력: an optional qualifier before the label.
  std::size_t qualifier = 0;
  for (auto word : kDateLabelQualifiers) {
    if (!s.starts_with(word)) continue;
    qualifier = word.size();
    while (qualifier < s.size() && s[qualifier] == ' ') ++qualifier;
    break;
  }
  const DateLabel* best = nullptr;
  for (std::size_t start : {qualifier, std::size_t{0}}) {
    for (const auto& label : kDateLabels)
      if (starts_with_ascii_ci(s.substr(start), label.label) && (!best || label.label.size() > best->label.size()))
        best = &label;
    if (best) {
      qualifier = start;
      break;
    }
  }
  if (!best) return std::nullopt;
  std::size_t length = qualifier + best->label.size();
  std::size_t suffix = 0;
  std::size_t spaced = length;  // 게재 일자, 입력 시간
  while (spaced < s.size() && s[spaced] == ' ') ++spaced;
  for (auto candidate : kDateLabelSuffixes) {
    if (s.substr(length).starts_with(candidate)) suffix = std::max(suffix, candidate.size());
    else if (spaced > length && s.substr(spaced).starts_with(candidate) &&
             !is_word_char(char_at(s, spaced + candidate.size())))
      suffix = std::max(suffix, spaced - length + candidate.size());
  }
  length += suffix;
  // 입력하다, 등록금, Dated are words of their own; 입력2025.01.15 is a glued label.
  if (const char32_t next = char_at(s, length); is_word_char(next) && !(next >= '0' && next <= '9'))
    return std::nullopt;
  length = separators_at(s, length);
  for (auto link : kDateLabelLinkWords) {
    if (starts_with_ascii_ci(s.substr(length), link) && is_space(char_at(s, length + link.size()))) {
      length = separators_at(s, length + link.size());
      break;
    }
  }
  return DateLabelMatch{best->role, length};
}

}  // namespace kosearch::article_dates
