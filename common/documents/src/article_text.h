// Text helpers of the article parser on top of text.h: trimming, word
// splitting, decoration and table lookups. Private to
// the library (the article parser's units: article_lines.cc, article_dates.cc …).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/text.h"

namespace kosearch::article_text {

// Input is valid UTF-8 by contract; stray bytes decode as U+FFFD (text.h).
inline char32_t decode(std::string_view s, std::size_t& i) { return next_code_point(s, i); }

inline bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Letters and digits that make up words; everything else is punctuation or decoration.
inline bool is_word_char(char32_t c) {
  return is_ascii_alnum(c) || is_hangul_syllable(c) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318E) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x3040 && c <= 0x30FF);
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
    std::size_t start = previous_code_point_start(s, end);
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
  if (s.size() > 4 * chars) return true;  // a code point takes at most 4 bytes
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

// The parts of `s` between `separator`s (one part when there is none).
inline std::vector<std::string_view> split_on(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

inline bool has_word_char(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (is_word_char(decode(s, i))) return true;
  return false;
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
  std::size_t start = previous_code_point_start(s, pos);
  return decode(s, start);
}

inline char32_t char_at(std::string_view s, std::size_t pos) { return pos < s.size() ? decode(s, pos) : 0; }

}  // namespace kosearch::article_text
