#include "kosearch/text.h"

namespace kosearch {
namespace {

// Code points that make a terminal do something other than print a glyph:
// C0 controls, DEL, C1 controls (CSI U+009B opens an escape sequence on its
// own), and the bidi overrides/isolates that reorder what follows them.
bool drives_terminal(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// Whitespace controls read as a space; the rest become U+FFFD so the reader
// sees that something was there.
bool reads_as_space(char32_t cp) { return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v'; }

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string utf8_of(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

std::u32string code_points_of(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) out.push_back(next_code_point(utf8, i));
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string_view trim_ascii_spaces(std::string_view s) {
  const std::size_t first = s.find_first_not_of(ascii_spaces);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(ascii_spaces) + 1 - first);
}

bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(s[i]) != ascii_lower(prefix[i])) return false;
  return true;
}

std::string neutralize_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Decoded d = decode_utf8_at(text, i);
    if (!d.valid)
      append_utf8(out, 0xFFFD);
    else if (!drives_terminal(d.code_point))
      out.append(text.substr(i, d.length));
    else
      append_utf8(out, reads_as_space(d.code_point) ? U' ' : U'\uFFFD');
    i += d.length;
  }
  return out;
}

bool is_valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Decoded d = decode_utf8_at(bytes, i);
    if (!d.valid) return false;
    i += d.length;
  }
  return true;
}

std::string sanitize_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Copy the longest valid run in one go: the common case is no error at all.
    std::size_t run = i;
    while (run < bytes.size()) {
      if (static_cast<unsigned char>(bytes[run]) < 0x80) {
        ++run;
        continue;
      }
      const Utf8Decoded d = decode_utf8_at(bytes, run);
      if (!d.valid) break;
      run += d.length;
    }
    out.append(bytes.substr(i, run - i));
    if (run == bytes.size()) break;
    // One U+FFFD per maximal ill-formed subpart (Unicode's recommended practice).
    out.append("\xEF\xBF\xBD");
    i = run + decode_utf8_at(bytes, run).length;
  }
  return out;
}

}  // namespace kosearch
