// Markdown cells shown as plain text in --help and the man page. Private to
// the CLI side.
#pragma once

#include <string>
#include <string_view>

namespace kosearch {

// The cell without its Markdown marks: `code` backticks and **bold** stars.
inline std::string plain_text(std::string_view markdown) {
  std::string out;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] == '`') continue;
    if (markdown.compare(i, 2, "**") == 0) {
      ++i;
      continue;
    }
    out += markdown[i];
  }
  return out;
}

}  // namespace kosearch
