#include "kosearch/search_request.h"

#include <optional>

#include "kosearch/document.h"
#include "kosearch/error.h"

namespace kosearch {
namespace {

void check_range(std::size_t value, std::size_t low, std::size_t high, std::string_view name) {
  if (value >= low && value <= high) return;
  throw Error(ErrorKind::usage, std::string(name) + " " + std::to_string(value) + " is not in " +
                                    std::to_string(low) + " - " + std::to_string(high));
}

std::optional<std::string> checked_date(const std::string& value, const std::string& name) {
  if (value.empty()) return std::nullopt;
  auto date = parse_date(value);
  if (!date) throw Error(ErrorKind::usage, name + " '" + value + "' is not a date (YYYY-MM-DD)");
  return date;
}

}  // namespace

SearchOptions search_options(const SearchRequest& r, OutputFormat format, std::string_view prefix) {
  const auto name = [prefix](std::string_view option) { return std::string(prefix) + std::string(option); };
  check_range(r.limit, 1, max_limit, name(prefix == "--" ? "limit" : "n"));
  check_range(r.fragments, 1, max_fragments, name("fragments"));
  check_range(r.facet_top, 1, max_facet_top, name("facet-top"));

  SearchOptions o;
  o.limit = r.limit;
  o.offset = r.offset;
  o.snippet.fragments = r.fragments;
  o.snippets = format == OutputFormat::human || format == OutputFormat::json || format == OutputFormat::cite;
  o.hits = format == OutputFormat::files ? HitDetail::located : format == OutputFormat::count ? HitDetail::counted : HitDetail::full;
  o.mode = r.mode;
  o.facets = r.facets;
  o.facet_top = r.facet_top;
  o.sort = r.sort;
  if (r.literal) o.syntax = QuerySyntax::plain;
  o.suggest = r.suggest == SuggestChoice::never    ? SuggestMode::never
              : r.suggest == SuggestChoice::always ? SuggestMode::always
                                                   : SuggestMode::automatic;
  // The contract for scripts: the query is searched as typed and a correction
  // only offered, unless asked for; the front end may also search it for a
  // person reading human output on a terminal.
  o.search_suggestion = r.suggest == SuggestChoice::apply;
  o.explain = r.explain;  // the description costs a pass of its own: only when asked
  o.dates.since = checked_date(r.since, name("since"));
  o.dates.until = checked_date(r.until, name("until"));
  if (o.dates.since && o.dates.until && *o.dates.until < *o.dates.since)
    throw Error(ErrorKind::usage, name("until") + " " + r.until + " is before " + name("since") + " " + r.since);
  return o;
}

}  // namespace kosearch
