// Unicode normalization (UTF-8 validation and repair are text.h's). Terms are NFKC + case folded
// (ＡＩ → ai, decomposed Hangul composed); original text is never changed,
// so offsets always refer to what the user sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kosearch/text.h"

namespace kosearch {

// NFKC + case folding of one token (ICU Normalizer2 NFKC_Casefold).
std::string normalize(std::string_view utf8);

// True for U+318D, U+00B7, U+2027, U+30FB, U+FF65: dots Korean text uses
// between list items (A100ㆍH100), which ICU would otherwise not break on.
bool is_middle_dot(char32_t cp);

// Same as normalize, writing into `out` (cleared first) so callers can reuse
// its capacity across tokens.
void normalize_into(std::string_view utf8, std::string& out);

}  // namespace kosearch
