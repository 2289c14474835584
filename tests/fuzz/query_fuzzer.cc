// libFuzzer target: the query parser and builder on arbitrary text. A query
// either parses and builds, or throws kosearch::QueryError; any other
// exception, crash or sanitizer report is a bug. The first byte picks the
// match mode and whether a date window applies, the rest is the query.
// Typing help runs on it too: jamo and keyboard conversions, suggestions
// and 초성 expansion against a small in-memory vocabulary.
#include <cstddef>
#include <cstdint>
#include <string>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/error.h"
#include "kosearch/hangul_jamo.h"
#include "kosearch/query_builder.h"
#include "kosearch/query_explainer.h"
#include "kosearch/query_parser.h"
#include "kosearch/spelling_suggester.h"
#include "kosearch/text.h"

namespace {

Xapian::Database vocabulary_index() {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  for (const char* word : {"노광", "장비", "엔비디아", "asml", "누구", "정부", "가", "힣힣", "a", "\xf4\x8f\xbf\xbf"})
    doc.add_term(word);
  db.add_document(doc);
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static kosearch::Analyzer analyzer;
  static const Xapian::Database db = vocabulary_index();
  static const kosearch::Vocabulary vocabulary(db);
  if (size == 0) return 0;
  const auto mode = static_cast<kosearch::MatchMode>(data[0] % 3);
  kosearch::DateBounds dates;
  if (data[0] & 0x10) dates.since = "2023-01-01";
  if (data[0] & 0x20) dates.until = "2024-12-31";
  // The searcher refuses ill-formed UTF-8 before parsing; give the parser what it may get.
  const std::string query = kosearch::sanitize_utf8({reinterpret_cast<const char*>(data) + 1, size - 1});
  (void)kosearch::hangul::jamo_units(query);
  (void)kosearch::hangul::initials_query(query);
  (void)kosearch::hangul::latin_to_hangul(query);
  (void)kosearch::hangul::hangul_to_latin(query);
  (void)vocabulary.nearest(query.empty() ? std::string("x") : query);
  try {
    const kosearch::QueryNode root = kosearch::parse_query(query);
    (void)kosearch::describe(root);
    const kosearch::BuiltQuery built = kosearch::build_query(root, analyzer, {}, mode, dates);
    (void)kosearch::explain_query(built, {});
    const kosearch::IndexStats stats{db.get_doccount(), [](const std::string& t) { return db.get_termfreq(t); },
                                     nullptr,
                                     [](std::u32string_view initials) { return vocabulary.with_initials(initials, 100); }};
    (void)kosearch::explain_query(kosearch::build_query(root, analyzer, {}, mode, dates, stats), {});
    (void)kosearch::suggest(query, root, analyzer, vocabulary);
  } catch (const kosearch::QueryError&) {
    // the one expected failure
  }
  return 0;
}
