// libFuzzer target: the analyzer on arbitrary bytes (sanitized first, as the
// indexer does). Checks the contracts the index relies on: every term is
// valid UTF-8, at most max_term_bytes, and fits Xapian's 245-byte limit with
// the longest field prefix; token offsets lie within the text on code point
// boundaries; normalization is idempotent.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kosearch/analyzer.h"
#include "kosearch/normalizer.h"
#include "kosearch/schema.h"
#include "kosearch/text.h"

namespace {

constexpr std::size_t xapian_term_limit = 245;

// Longest prefix schema.cc puts before a token's term (title, author,
// publisher, bigram).
std::size_t longest_prefix() {
  std::size_t n = 0;
  for (std::string_view p : {kosearch::schema::title, kosearch::schema::author, kosearch::schema::source,
                             kosearch::schema::bigram, kosearch::schema::body})
    n = std::max(n, p.size());
  return n;
}

void require(bool ok, const char* what, std::string_view detail = {}) {
  if (ok) return;
  std::fprintf(stderr, "analyzer_fuzzer: %s [%.*s]\n", what, static_cast<int>(std::min<std::size_t>(detail.size(), 300)),
               detail.data());
  std::abort();
}

void check_term(std::string_view term, std::size_t limit) {
  require(kosearch::is_valid_utf8(term), "term is not valid UTF-8", term);
  require(term.size() <= limit, "term longer than max_term_bytes", term);
  require(term.size() + longest_prefix() <= xapian_term_limit, "prefixed term over Xapian's 245-byte limit", term);
}

bool starts_code_point(std::string_view text, std::size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static kosearch::Analyzer analyzer;  // reused across inputs, as the indexer does
  const std::string text = kosearch::sanitize_utf8({reinterpret_cast<const char*>(data), size});
  require(kosearch::is_valid_utf8(text), "sanitize_utf8 left ill-formed UTF-8");

  const std::string once = kosearch::normalize(text);
  require(kosearch::is_valid_utf8(once), "normalize produced ill-formed UTF-8");
  require(kosearch::normalize(once) == once, "normalize is not idempotent", text);

  const auto tokens = analyzer.analyze(text, 7);
  std::uint32_t previous = 0;
  for (const auto& token : tokens) {
    require(token.begin < token.end && token.end <= text.size(), "token offsets out of bounds", text);
    require(starts_code_point(text, token.begin) && starts_code_point(text, token.end),
            "token offsets split a code point", text);
    require(token.position >= 7 && token.position >= previous, "positions go backwards", text);
    previous = token.position;
    require(!token.surface.empty() && !token.stem.empty(), "empty term", text);
    require(kosearch::normalize(token.surface) == token.surface, "surface is not normalized", token.surface);
    const auto terms = kosearch::schema::terms_for(token);
    check_term(terms.stem, kosearch::max_term_bytes);
    check_term(token.surface, kosearch::max_term_bytes);
    if (!terms.joined.empty()) check_term(terms.joined, kosearch::max_term_bytes);
    for (const auto& bigram : terms.bigrams) check_term(bigram, kosearch::max_term_bytes);
  }
  return 0;
}
