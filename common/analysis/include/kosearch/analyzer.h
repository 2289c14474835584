// The one analyzer: documents, queries and snippets all go through it, so
// what is indexed is what is searched and what is highlighted.
//
// Pipeline: ICU word breaking (ko) on the original text with middle dots
// treated as spaces → NFKC + case folding per token → light stemming of
// Hangul → joins of a number or Latin word with the Hangul glued to it
// (2028년, a800과) → Hangul readings of Han words (美 → 미국, 銀行 → 은행).
// Tokens keep byte offsets into the original text.
//
// An Analyzer owns ICU break iterators: it is cheap to reuse and not safe to
// share between threads. Create one per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/token.h"

namespace kosearch {

// Longest term we emit, in bytes, leaving room for a prefix under Xapian's
// 245-byte limit. Longer words are cut at a code point boundary.
inline constexpr std::size_t max_term_bytes = 200;

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Tokens of `text` (valid UTF-8; sanitize first) in order. Punctuation and
  // spaces produce no token. A Hangul particle glued to a number or Latin word
  // (A800과, ASML이) produces no token of its own: it becomes part of `joined`
  // or disappears. Positions start at `first_position`.
  std::vector<Token> analyze(std::string_view text, std::uint32_t first_position = 0);
  void analyze(std::string_view text, std::vector<Token>& out, std::uint32_t first_position = 0);

  // Identifies the analysis rules; stored in the index so that an index built
  // by other rules is refused. Bump on any change that alters terms.
  static constexpr std::string_view version = "ko-light-5";

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Character (syllable) bigrams of a Hangul or Han surface form: 엔비디아 →
// 엔비 비디 디아. A word of one syllable has none; of two, itself.
std::vector<std::string> syllable_bigrams(std::string_view surface);

}  // namespace kosearch
