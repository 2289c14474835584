#include "kosearch/analyzer.h"
namespace kosearch {
struct Analyzer::Impl {};
Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
std::vector<Token> Analyzer::analyze(std::string_view text, std::uint32_t first) {
  std::vector<Token> out;
  analyze(text, out, first);
  return out;
}
// STUB: whitespace split, replaced by the ICU analyzer.
void Analyzer::analyze(std::string_view text, std::vector<Token>& out, std::uint32_t pos) {
  out.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    if (j > i) {
      Token t;
      t.surface = t.stem = std::string(text.substr(i, j - i));
      t.kind = TokenKind::hangul;
      t.position = pos++;
      t.begin = static_cast<std::uint32_t>(i);
      t.end = static_cast<std::uint32_t>(j);
      out.push_back(std::move(t));
    }
    i = j + 1;
  }
}
std::vector<std::string> syllable_bigrams(std::string_view) { return {}; }
}  // namespace kosearch
