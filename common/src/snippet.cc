#include "kosearch/snippet.h"
namespace kosearch {
// STUB: first body line.
Snippet make_snippet(const Article& a, const MatchWeights&, Analyzer&, const SnippetOptions&) {
  Snippet s;
  if (!a.body.empty()) { s.text = a.body.front().text.substr(0, 200); s.line = a.body.front().number; s.column = 1; }
  return s;
}
std::string neutralize_controls(std::string_view t) { return std::string(t); }
}  // namespace kosearch
