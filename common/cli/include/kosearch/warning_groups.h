// The indexer's warnings told once per kind: a 20,000-record import with a
// bad date in each gets one line with the count and a first example, not
// 20,000 lines. The one owner of that grouping (duplicates included) and of
// its line:
//   warning: 20,000 records have a "date" that is not a date, e.g. reviews.jsonl:1 'last week'; left out; -v lists each
// A kind met once keeps its own line (`warning: PATH: REASON`); with
// list_each (-v) every warning is printed as it comes instead.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "kosearch/index_options.h"

namespace kosearch {

class WarningGroups {
 public:
  // `print` takes each line (with its newline); `index`: for the remedies' commands.
  WarningGroups(bool list_each, std::filesystem::path index, std::function<void(const std::string&)> print);

  void add(const IndexWarning& warning);
  // One line per kind, in the order the kinds were first met; then empty.
  void report();

  // "warning: PATH: REASON; REMEDY" (error_remedy.h), as -v prints each.
  static std::string single_line(const IndexWarning& warning, const std::filesystem::path& index);

 private:
  struct Group {
    std::string key;
    IndexWarning first;
    std::size_t count = 0;
  };
  std::string grouped_line(const Group& group) const;

  bool list_each_;
  std::filesystem::path index_;
  std::function<void(const std::string&)> print_;
  std::vector<Group> groups_;  // few kinds: a linear search is cheaper than a map
};

}  // namespace kosearch
