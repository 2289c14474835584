// What a front end asks of one search: the flags of `search` and the
// parameters of `search --serve`'s /api/search are the same options, and
// this is the one mapping from them to SearchOptions (the words each option
// takes, the date checks, what JSON output implies).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/flag_names.h"
#include "kosearch/output.h"
#include "kosearch/searcher.h"

namespace kosearch {

// --suggest: the searcher's SuggestMode, and `apply`: as automatic, with the
// best correction searched in every output format.
enum class SuggestChoice { automatic, never, always, apply };

struct SearchRequest {
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::size_t fragments = 1;
  MatchMode mode = MatchMode::prefer_all;
  SortOrder sort = SortOrder::relevance;
  SuggestChoice suggest = SuggestChoice::automatic;
  std::vector<Facet> facets;
  std::size_t facet_top = 10;
  std::string since, until;  // "" or a date parse_date reads
  bool literal = false;
  bool explain = false;
};

// The words each option takes (flag_names.h: the flags' checks, --help and
// completion, and the API's).
inline constexpr NameTable<MatchMode, 3> mode_names{
    {{"prefer-all", MatchMode::prefer_all}, {"all", MatchMode::all}, {"any", MatchMode::any}}};
inline constexpr NameTable<SortOrder, 3> sort_names{{{"relevance", SortOrder::relevance},
                                                     {"date", SortOrder::date_ascending},
                                                     {"-date", SortOrder::date_descending}}};
inline constexpr NameTable<SuggestChoice, 4> suggest_names{{{"auto", SuggestChoice::automatic},
                                                            {"never", SuggestChoice::never},
                                                            {"always", SuggestChoice::always},
                                                            {"apply", SuggestChoice::apply}}};
// "date" and "month" both count per month.
inline constexpr NameTable<Facet, 3> facet_names{
    {{"source", Facet::source}, {"date", Facet::month}, {"month", Facet::month}}};

// Ranges of the numeric options (inclusive).
inline constexpr std::size_t max_limit = 100000;
inline constexpr std::size_t max_fragments = 10;
inline constexpr std::size_t max_facet_top = 1000;

// The options for `format`. Throws Error(usage) for a number out of its
// range, a date parse_date does not read, or until before since; messages
// name each option as `prefix` + its name ("--since" on the command line,
// "since" in a URL).
SearchOptions search_options(const SearchRequest& request, OutputFormat format, std::string_view prefix = "--");

}  // namespace kosearch
