// A checkable reference to where a hit came from: file, line and column of
// the passage, plus the bibliographic fields the article has.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace kosearch {

struct Citation {
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::optional<std::string> title;
  std::optional<std::string> source;
  std::optional<std::string> date;
  std::optional<std::string> updated;  // last revision, cited as `수정 YYYY-MM-DD` after the date
  std::optional<std::string> author;
  std::optional<std::string> url;
};

// "path:line:column"
std::string location(const Citation& c);

// One ready-to-paste line, absent fields left out:
// 오로라, 「美의 대중 규제 먹혔나…」, 조선일보, 2024-04-02, 수정 2024-04-03, https://… (corpus/002.txt:17:5)
// Without a title the line is the location alone. Control characters in any
// field are neutralized (see snippet.h).
std::string format_citation(const Citation& c);

// The bibliographic part of format_citation, without the location:
// 오로라, 「美의 대중 규제 먹혔나…」, 조선일보, 2024-04-02, https://…
// Empty when the citation has no title.
std::string format_reference(const Citation& c);

}  // namespace kosearch
