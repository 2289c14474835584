// Text helpers of the article parser: UTF-8 decoding that never fails,
// trimming, word splitting, ASCII case folding and table lookups. Private to
// the library (article_parser.cc, article_dates.cc).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kosearch::article_text {

// ---------------------------------------------------------------------------
// UTF-8 helpers (input is valid UTF-8 by contract; stray bytes decode as
// U+FFFD one byte at a time rather than crash).
// ---------------------------------------------------------------------------

inline char32_t decode(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  const int extra = (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || s.size() - i <= static_cast<std::size_t>(extra)) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += extra + 1;
  return cp;
}

inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x3000 || c == 0x200B || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A);
}
inline bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
inline bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Letters and digits that make up words; everything else is punctuation or decoration.
inline bool is_word_char(char32_t c) {
  return is_ascii_alnum(c) || is_hangul_syllable(c) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318E) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x3040 && c <= 0x30FF);
}

inline std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    decode(s, i);
    ++n;
  }
  return n;
}

// The start of the code point that ends just before byte `end`.
inline std::size_t previous_start(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4) --start;
  return start;
}

// Cuts code points matching `drop` from both ends; scans only what it cuts.
template <typename Pred>
inline std::string_view trim_if(std::string_view s, Pred drop) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!drop(decode(s, next))) break;
    begin = next;
  }
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t start = previous_start(s, end);
    std::size_t at = start;
    if (start < begin || !drop(decode(s, at))) break;  // start < begin only in broken UTF-8
    end = start;
  }
  return s.substr(begin, end - begin);
}

inline std::string_view trim(std::string_view s) { return trim_if(s, is_space); }

// True when `s` has more than `chars` code points; cheap on long lines.
inline bool longer_than(std::string_view s, std::size_t chars) {
  if (s.size() <= chars) return false;
  if (s.size() > 4 * chars) return true;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    decode(s, i);
    if (++n > chars) return true;
  }
  return false;
}

// Whitespace runs become one space; the key under which lines are compared.
inline std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = decode(s, i);
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

inline std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t word_start = std::string_view::npos;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = decode(s, i);
    if (is_space(c)) {
      if (word_start != std::string_view::npos) words.push_back(s.substr(word_start, start - word_start));
      word_start = std::string_view::npos;
    } else if (word_start == std::string_view::npos) {
      word_start = start;
    }
  }
  if (word_start != std::string_view::npos) words.push_back(s.substr(word_start));
  return words;
}

// Drops decoration (▲, |, brackets, quotes …) around a word.
inline std::string_view strip_decoration(std::string_view s) {
  return trim_if(s, [](char32_t c) { return !is_word_char(c); });
}

// Words of a navigation line: menus separate items with spaces, |, / and ·.
inline std::vector<std::string_view> menu_items(std::string_view s) {
  std::vector<std::string_view> items;
  for (auto word : split_words(s)) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < word.size();) {
      const std::size_t at = i;
      const char32_t c = decode(word, i);
      if (c == '|' || c == '/' || c == 0xB7 || c == 0x318D) {
        if (at > start) items.push_back(word.substr(start, at - start));
        start = i;
      }
    }
    if (start < word.size()) items.push_back(word.substr(start));
  }
  return items;
}

inline bool has_word_char(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (is_word_char(decode(s, i))) return true;
  return false;
}

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

inline bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

template <std::size_t N>
inline bool contains(const std::string_view (&table)[N], std::string_view word) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

template <std::size_t N>
inline bool starts_with_one_of(std::string_view s, const std::string_view (&table)[N]) {
  return std::any_of(std::begin(table), std::end(table), [&](std::string_view p) { return s.starts_with(p); });
}

// The code point just before byte offset `pos` (0 when at the start).
inline char32_t previous_char(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t start = previous_start(s, pos);
  return decode(s, start);
}

inline char32_t char_at(std::string_view s, std::size_t pos) { return pos < s.size() ? decode(s, pos) : 0; }

}  // namespace kosearch::article_text
