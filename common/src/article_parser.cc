#include "kosearch/article_parser.h"
namespace kosearch {
// STUB: every non-empty line is body.
Article parse_article(std::string_view text, std::string id, std::string path) {
  Article a;
  a.id = std::move(id);
  a.path = std::move(path);
  std::uint32_t n = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    ++n;
    auto line = text.substr(start, nl - start);
    if (!line.empty()) {
      if (!a.title) a.title = std::string(line); else a.body.push_back({n, std::string(line)});
    }
    start = nl + 1;
  }
  return a;
}
LineRole classify_line(std::string_view line) { return line.empty() ? LineRole::blank : LineRole::body; }
}  // namespace kosearch
