// What a front end asks of one search, as the words it was given: the flags
// of `search` and the parameters of `search --serve`'s /api/search are the
// same options, and this is the one mapping from them to SearchOptions (the
// names each option takes, the date checks, what JSON output implies).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/output.h"
#include "kosearch/searcher.h"

namespace kosearch {

struct SearchRequest {
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::size_t fragments = 1;
  std::string mode = "prefer-all";
  std::string sort = "relevance";
  std::string suggest = "auto";
  std::vector<std::string> facets;  // "source", "date" or "month"
  std::size_t facet_top = 10;
  std::string since, until;  // "" or a date parse_date reads
  bool literal = false;
  bool explain = false;
};

// The words each option takes (CLI11's IsMember checks and the API's).
inline constexpr std::array<std::string_view, 3> mode_names{"prefer-all", "all", "any"};
inline constexpr std::array<std::string_view, 3> sort_names{"relevance", "date", "-date"};
inline constexpr std::array<std::string_view, 4> suggest_names{"auto", "never", "always", "apply"};
inline constexpr std::array<std::string_view, 3> facet_names{"source", "date", "month"};

// Ranges of the numeric options (inclusive).
inline constexpr std::size_t max_limit = 100000;
inline constexpr std::size_t max_fragments = 10;
inline constexpr std::size_t max_facet_top = 1000;

// The options for `format`. Throws Error(usage) for a value outside the names
// above, a date parse_date does not read, or until before since; messages
// name each option as `prefix` + its name ("--since" on the command line,
// "since" in a URL).
SearchOptions search_options(const SearchRequest& request, OutputFormat format, std::string_view prefix = "--");

}  // namespace kosearch
