// Where UTF-8 text breaks, as ICU's rules for Korean say: into sentences, and
// between graphemes (user-perceived characters).
//
// Snippets split lines into sentences and cut long ones only where a reader
// sees a character end, never inside a syllable written as conjoining jamo, a
// base and its marks, or an emoji sequence. The iterators work on a UTF-8
// UText, so their indices are byte offsets and no UTF-16 copy is made; they
// are created once per thread (loading their rules is the expensive part).
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace kosearch {

// The byte ranges of `text`'s sentences, in order, surrounding ASCII blanks
// trimmed and blank sentences dropped. Without ICU's rules the whole text is
// one sentence.
std::vector<std::pair<std::size_t, std::size_t>> sentence_ranges(std::string_view text);

// `at` (a byte offset) if it is a grapheme boundary of `text`, else the next
// boundary (`forward`) or the previous one. Without ICU's rules, the nearest
// code point boundary that way.
std::size_t grapheme_boundary(std::string_view text, std::size_t at, bool forward);

}  // namespace kosearch
