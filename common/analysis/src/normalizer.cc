#include "kosearch/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstdint>

#include "kosearch/error.h"

namespace kosearch {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
      throw Error(ErrorKind::internal, "ICU NFKC_Casefold normalizer unavailable (is the ICU data package installed?)");
    }
    return n;
  }();
  return *instance;
}

// Precomposed Hangul syllables are already NFKC and have no case, so text made
// only of them and ASCII needs nothing but ASCII lower-casing. This covers
// nearly every token of Korean news text and skips ICU entirely.
bool is_ascii_or_hangul_syllables(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    // U+AC00..U+D7A3 encode as EA B0 80 .. ED 9E A3.
    if (b < 0xEA || b > 0xED || i + 3 > s.size()) return false;
    const char32_t cp = decode_utf8_at(s, i).code_point;
    if (!is_hangul_syllable(cp)) return false;
    i += 3;
  }
  return true;
}

void append_ascii_lowercased(std::string_view s, std::string& out) {
  const std::size_t start = out.size();
  out.append(s);
  for (std::size_t i = start; i < out.size(); ++i) out[i] = ascii_lower(out[i]);
}

}  // namespace

void normalize_into(std::string_view utf8, std::string& out) {
  out.clear();
  if (is_ascii_or_hangul_syllables(utf8)) {
    append_ascii_lowercased(utf8, out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
  nfkc_casefold().normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                                sink, nullptr, status);
  if (U_FAILURE(status)) {
    // Only reachable on allocation failure or absurd lengths; fall back to the
    // text as written rather than losing the token.
    out.assign(utf8);
  }
}

std::string normalize(std::string_view utf8) {
  std::string out;
  normalize_into(utf8, out);
  return out;
}

bool is_middle_dot(char32_t cp) {
  return cp == 0x318D || cp == 0x00B7 || cp == 0x2027 || cp == 0x30FB || cp == 0xFF65;
}

}  // namespace kosearch
