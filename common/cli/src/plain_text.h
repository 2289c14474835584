// Markdown cells shown as plain text in --help. Private to the CLI side.
#pragma once

#include <string>
#include <string_view>

namespace kosearch {

inline std::string without_backticks(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != '`') out += c;
  return out;
}

}  // namespace kosearch
