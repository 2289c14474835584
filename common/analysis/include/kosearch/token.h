// A word as the analyzer gives it (analyzer.h): a plain value, so the units
// that read or rewrite tokens (hanja_readings.h) need not include the
// analyzer that makes them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kosearch {

enum class TokenKind : std::uint8_t { hangul, latin, number, han, kana, other };

struct Token {
  std::string surface;  // normalized (NFKC casefold) form of the word as written
  std::string stem;     // light stem; equals surface when nothing was stripped
  // Extra term for a number or Latin word followed, with no space, by Hangul:
  // the number/Latin surface + the stem of that Hangul ("2028년", "7나노칩",
  // "asml사"). Empty when there is none. Indexed beside the pieces, not
  // instead of them.
  std::string joined;
  // Hangul forms of a Han word (hanja_readings.h): 美 → 미국, 미; 銀行 → 은행.
  // Indexed at the word's position beside it; a query searches the first.
  std::vector<std::string> readings;
  TokenKind kind = TokenKind::other;
  std::uint32_t position = 0;  // 0-based word position within the analysed text
  std::uint32_t begin = 0;     // byte offset of the word in the original text
  std::uint32_t end = 0;       // one past its last byte, including a particle dropped after it (A800과)
  bool truncated = false;      // surface was cut to max_term_bytes (analyzer.h)
};

}  // namespace kosearch
