// libFuzzer target: the query parser and builder on arbitrary text. A query
// either parses and builds, or throws kosearch::QueryError; any other
// exception, crash or sanitizer report is a bug. The first byte picks the
// match mode and whether a date window applies, the rest is the query.
#include <cstddef>
#include <cstdint>
#include <string>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/error.h"
#include "kosearch/normalizer.h"
#include "kosearch/query_builder.h"
#include "kosearch/query_explainer.h"
#include "kosearch/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static kosearch::Analyzer analyzer;
  if (size == 0) return 0;
  const auto mode = static_cast<kosearch::MatchMode>(data[0] % 3);
  kosearch::DateBounds dates;
  if (data[0] & 0x10) dates.since = "2023-01-01";
  if (data[0] & 0x20) dates.until = "2024-12-31";
  // The searcher refuses ill-formed UTF-8 before parsing; give the parser what it may get.
  const std::string query = kosearch::sanitize_utf8({reinterpret_cast<const char*>(data) + 1, size - 1});
  try {
    const kosearch::QueryNode root = kosearch::parse_query(query);
    (void)kosearch::describe(root);
    const kosearch::BuiltQuery built = kosearch::build_query(root, analyzer, {}, mode, dates);
    (void)kosearch::explain_query(root, analyzer, {}, mode, dates, built);
  } catch (const kosearch::QueryError&) {
    // the one expected failure
  }
  return 0;
}
