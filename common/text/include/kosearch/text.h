// The text toolkit every layer shares: UTF-8 decoding (strict, as Unicode
// defines it), validation and repair, counting and stepping over code points, white space, ASCII
// case, Hangul syllables, the Gregorian calendar and Xapian's term limit.
// One definition of each, so the article parser, the analyzer, the query
// parser, the snippet and the output agree on what a character, a space and
// a date are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kosearch {

// Xapian refuses a term longer than this many bytes (and one refused term
// costs the whole uncommitted batch).
inline constexpr std::size_t xapian_term_limit = 245;

// True for precomposed Hangul syllables U+AC00..U+D7A3.
constexpr bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// One code point decoded from UTF-8. When the bytes at the position are
// ill-formed, `valid` is false, `code_point` is U+FFFD and `length` spans the
// maximal ill-formed subpart (at least 1 byte), so a decoder loop that advances
// by `length` replaces each bad sequence by exactly one U+FFFD.
struct Utf8Decoded {
  char32_t code_point = 0xFFFD;
  std::uint8_t length = 1;
  bool valid = false;
};

// Strict decoding (Unicode Table 3-7): rejects overlongs, surrogates, code
// points above U+10FFFF and truncated sequences. `i` must be < bytes.size().
constexpr Utf8Decoded decode_utf8_at(std::string_view bytes, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1, true};
  int trail = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the first trail byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail = 2;
    cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail = 3;
    cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {};
  }
  std::uint8_t consumed = 1;
  for (int k = 0; k < trail; ++k) {
    const std::size_t at = i + consumed;
    if (at >= bytes.size()) return {0xFFFD, consumed, false};
    const unsigned char b = byte(at);
    const unsigned char min = k == 0 ? lo : 0x80, max = k == 0 ? hi : 0xBF;
    if (b < min || b > max) return {0xFFFD, consumed, false};
    cp = (cp << 6) | (b & 0x3F);
    ++consumed;
  }
  return {cp, consumed, true};
}

// Decodes the code point at byte `i` and moves `i` past it; ill-formed bytes
// give one U+FFFD per maximal ill-formed subpart. `i` must be < s.size().
constexpr char32_t next_code_point(std::string_view s, std::size_t& i) {
  const Utf8Decoded d = decode_utf8_at(s, i);
  i += d.length;
  return d.code_point;
}

constexpr bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Code points in `s` (UTF-8): the unit of columns, snippet widths and limits.
constexpr std::size_t code_point_count(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += !is_continuation_byte(c);
  return n;
}

// The byte offset `chars` code points after `from`, stopping at `limit`.
constexpr std::size_t advance_code_points(std::string_view s, std::size_t from, std::size_t chars, std::size_t limit) {
  std::size_t i = from;
  for (; i < limit && chars > 0; --chars) {
    ++i;
    while (i < limit && is_continuation_byte(s[i])) ++i;
  }
  return i;
}

// The start of the code point that ends just before byte `end` (> 0).
constexpr std::size_t previous_code_point_start(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && is_continuation_byte(s[start]) && end - start < 4) --start;
  return start;
}

// The longest prefix of `s` of at most `limit` bytes that ends on a code point boundary.
constexpr std::size_t utf8_prefix_length(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s.size();
  std::size_t n = limit;
  while (n > 0 && is_continuation_byte(s[n])) --n;
  return n;
}

// Appends `cp` encoded as UTF-8.
void append_utf8(std::string& out, char32_t cp);
// `cp` encoded as UTF-8.
std::string utf8_of(char32_t cp);
// The code points of UTF-8 text (ill-formed bytes as U+FFFD).
std::u32string code_points_of(std::string_view utf8);

// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or
// truncated sequences).
bool is_valid_utf8(std::string_view bytes);

// Copies the bytes, replacing every ill-formed sequence by U+FFFD. The result
// is valid UTF-8 and equal to the input when it already was.
std::string sanitize_utf8(std::string_view bytes);

// Replaces C0/C1 control characters (ESC included) and other terminal-driving
// code points by U+FFFD or a space, and ill-formed bytes by U+FFFD, so
// article text can never drive a terminal.
std::string neutralize_controls(std::string_view text);

// Unicode White_Space, plus ZERO WIDTH SPACE and the byte order mark, which
// are not White_Space but sit between words in text pasted from web pages.
constexpr bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

// The ASCII white space bytes (space, tab, CR, LF, FF, VT).
constexpr bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline constexpr std::string_view ascii_spaces = " \t\r\n\f\v";
// `s` without the ASCII white space at either end.
std::string_view trim_ascii_spaces(std::string_view s);

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string ascii_lower(std::string_view s);
// True when `s` starts with `prefix`, ignoring ASCII case.
bool starts_with_ascii_ci(std::string_view s, std::string_view prefix);

// Days in `month` (1–12) of `year` in the Gregorian calendar.
constexpr int days_in_month(int year, int month) {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

// True when year-month-day is a day of the calendar (year ≥ 1).
constexpr bool is_calendar_date(int year, int month, int day) {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

}  // namespace kosearch
