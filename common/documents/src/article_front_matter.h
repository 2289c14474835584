// The lines of an article file, numbered as citations number them, and its
// optional front matter (the `---` header of `key: value` lines described in
// kosearch/article_parser.h), whose fields win over every heuristic. Private
// to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosearch::article_front_matter {

struct SourceLine {
  std::uint32_t number;
  std::string_view text;  // without the line end
};

// `text` cut at `\n` (a `\r` before it dropped), numbered from 1.
std::vector<SourceLine> split_lines(std::string_view text);

struct FrontMatter {
  std::optional<std::string> title, source, date, updated, author, url;
  std::uint32_t title_line = 0;
  std::size_t lines_used = 0;  // including both `---` lines; 0 when there is no header
};

// The front matter opening `lines`; lines_used is 0 when there is none.
FrontMatter read_front_matter(const std::vector<SourceLine>& lines);

}  // namespace kosearch::article_front_matter
