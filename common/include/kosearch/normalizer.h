// Unicode normalization and UTF-8 hygiene. Terms are NFKC + case folded
// (ＡＩ → ai, decomposed Hangul composed); original text is never changed,
// so offsets always refer to what the user sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kosearch {

// NFKC + case folding of one token (ICU Normalizer2 NFKC_Casefold).
std::string normalize(std::string_view utf8);

// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or
// truncated sequences).
bool is_valid_utf8(std::string_view bytes);

// Copies the bytes, replacing every ill-formed sequence by U+FFFD. The result
// is valid UTF-8 and equal to the input when it already was.
std::string sanitize_utf8(std::string_view bytes);

// True for U+318D, U+00B7, U+2027, U+30FB, U+FF65: dots Korean text uses
// between list items (A100ㆍH100), which ICU would otherwise not break on.
bool is_middle_dot(char32_t cp);

// Same as normalize, writing into `out` (cleared first) so callers can reuse
// its capacity across tokens.
void normalize_into(std::string_view utf8, std::string& out);

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

}  // namespace kosearch
