// The index schema: which terms, values and metadata an article becomes.
// Prefixes follow Xapian/omega conventions (one capital letter for standard
// fields, X + capitals for our own). Term generation for a token lives here,
// so the indexer and the query builder cannot drift apart.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/field.h"

#include <xapian.h>

namespace kosearch::schema {

// Bump when terms, values or stored data change in a way old indexes cannot serve.
inline constexpr std::string_view version = "kosearch-schema-2";

// Term prefixes.
inline constexpr std::string_view unique_id = "Q";   // Q + article id (boolean)
inline constexpr std::string_view body = "";         // stems and joins of title + body, with positions
inline constexpr std::string_view bigram = "G";      // syllable bigrams of Hangul/Han words, no positions
inline constexpr std::string_view title = "S";       // stems of the title, with positions
inline constexpr std::string_view author = "A";      // stems of the author
inline constexpr std::string_view source = "XP";     // stems of the publisher

// The prefix of the terms a query's field: names (title:, source:, author:).
constexpr std::string_view prefix_of(Field field) {
  switch (field) {
    case Field::title: return title;
    case Field::source: return source;
    case Field::author: return author;
  }
  return title;
}

// Value slots.
enum Slot : unsigned {
  slot_date = 0,          // YYYYMMDD, absent when the article has no date
  slot_content_hash = 1,  // hash_value of the raw input + schema version (JSONL: + record_location): unchanged inputs are skipped
  slot_fingerprint = 2,   // hash_value of the normalized body: duplicate articles collapse on it
  slot_origin = 3,        // origin_value() of the corpus dir or JSONL file the article came from
  slot_source = 4,        // the publisher as the article names it, absent when unknown: facets count it
};
// Origin and fingerprint are values only, not also boolean terms: the
// indexer finds an origin's articles and an article's copies with one value
// scan per run (the terms cost 3–6% of build time and a posting per
// document in two lists that no query uses).

// Database metadata keys.
inline constexpr std::string_view meta_schema = "kosearch.schema";
inline constexpr std::string_view meta_analyzer = "kosearch.analyzer";
// Also: kosearch.sources (source_registry.h), kosearch.synonyms (synonyms.h).

// Records this schema's and analyzer's versions in `db`'s metadata.
void stamp_versions(Xapian::WritableDatabase& db);
// True when `db` records this schema's and analyzer's versions.
bool versions_current(const Xapian::Database& db);

// An article's origin (e.g. "jsonl:/data/reviews.jsonl") is stored as its
// 8-byte hash_value, not the name (the name cost 30–60 bytes per document of
// value stream); the name is kept once, in metadata under origin_key(value).
std::string origin_value(std::string_view origin);
std::string origin_key(std::string_view value);

// The names of origin values, each read from the metadata once: an indexer run
// and a result page meet few origins but ask for one per article.
class OriginNames {
 public:
  // The name stored for `value` in `db`, "" when none is.
  const std::string& of(const Xapian::Database& db, const std::string& value);

 private:
  std::unordered_map<std::string, std::string> names_;
};

// Positions skipped between the title and the body and between body lines,
// so neither a phrase nor a NEAR group (RankingParams::near_window, 6 words)
// spans two lines: the first word of a line is gap + 1 positions after the
// last of the one before. Kept just above the window, because every position
// costs bits in the position table (interpolative coding of each term's
// positions: a gap of 100 before every line made them larger for nothing).
inline constexpr unsigned field_position_gap = 8;

// The terms one token contributes, without field prefixes.
struct TokenTerms {
  std::string stem;                  // main term (positional)
  std::string joined;                // extra positional term, may be empty
  std::vector<std::string> readings;  // Hangul readings of a Han word, positional, at the stem's position
  std::vector<std::string> bigrams;  // sub-word layer (of the readings too), may be empty
};
TokenTerms terms_for(const Token& token);

// Stored date value: "2024-04-02" → "20240402".
std::string date_value(std::string_view iso_date);

// Everything the index keeps of one article: terms with positions for title
// and body, prefixed field terms, values and the stored Article. `origin` is
// the corpus dir or JSONL file; `content_hash` identifies the raw input.
struct DocumentStats {
  std::size_t tokens = 0;
  std::size_t truncated_tokens = 0;  // words longer than max_term_bytes, cut
};
// `should_stop`, when set, is asked before each line: true ends the
// analysis with Error(interrupted), so a stop request takes effect inside a
// 50 MB file too.
Xapian::Document make_document(const Article& article, Analyzer& analyzer,
                               std::string_view origin, std::string_view content_hash,
                               DocumentStats* stats = nullptr, const std::function<bool()>& should_stop = {});

// Hash of the article body with whitespace folded: equal for articles saved
// twice under different names.
std::string body_fingerprint(const Article& article);

// prefix + value as a boolean term; a value too long for Xapian's term limit
// is replaced by "#" + its hash so any id or path can be keyed.
std::string boolean_term(std::string_view prefix, std::string_view value);

// Stable 64-bit FNV-1a hash (same on every machine and run).
std::uint64_t fnv1a64(std::string_view bytes, std::string_view salt = {});
// The same hash as 16 hex digits.
std::string stable_hash(std::string_view bytes, std::string_view salt = {});

// The same hash as 8 raw bytes, most significant first: what the content-hash
// and fingerprint value slots hold (half the bytes of the hex form, same
// sort order).
std::string hash_value(std::string_view bytes, std::string_view salt = {});

// The content hash of an input's raw bytes (a corpus file, a JSONL record):
// salted with the schema and analyzer versions and the input's name, so an
// index built by other rules, or the same bytes under another name, is
// re-analysed.
std::string content_hash(std::string_view bytes, std::string_view input_name);

// Where a JSONL record is, appended to its content hash: its line number (4
// bytes) and the byte offset of that line in the file (8 bytes), most
// significant first. The searcher reads the record back at that offset to
// cite the column within the line (jsonl_citation.h).
std::string record_location(std::uint32_t line, std::uint64_t offset);
// The offset record_location stored in `content_hash`; nullopt for any
// other hash (a file's, or a record's indexed before the offset was kept).
std::optional<std::uint64_t> record_offset(std::string_view content_hash);

}  // namespace kosearch::schema
