// The document model: an article as the index stores it and the searcher
// shows it. Only what a person should read is kept in `body`: navigation,
// captions, bylines and repeated lines are gone, each kept line remembers its
// line number in the source so citations point at the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosearch {

// A JSONL record (one line, parsed whole) at or above this size is skipped,
// so memory stays bounded.
inline constexpr std::uint64_t max_input_bytes = 100ull * 1024 * 1024;

// The text of one article (a corpus file, a JSONL record's "text") that is
// indexed by default: a longer one is indexed up to its last whole line within
// it, so one huge file cannot take all memory (indexing takes about six times
// the text's size; bench/big_article.py). 0 elsewhere means no limit.
inline constexpr std::uint64_t default_max_article_bytes = 48ull * 1024 * 1024;

struct Line {
  std::uint32_t number = 0;  // 1-based line in the source file (JSONL: the record's line)
  std::string text;          // the line as written (valid UTF-8)
};

struct Article {
  std::string id;    // stable ID: path relative to the corpus dir, or the JSONL record's id
  std::string path;  // path shown in citations (as the indexer was told, e.g. corpus/000.txt)
  std::optional<std::string> title;
  std::optional<std::string> source;  // publisher
  std::optional<std::string> date;    // YYYY-MM-DD, first publication
  std::optional<std::string> updated; // YYYY-MM-DD, last revision (수정/업데이트); never stands in for date
  std::optional<std::string> author;
  std::optional<std::string> url;
  std::uint32_t title_line = 0;       // line of the title in the source, 0 when unknown
  std::vector<Line> body;
};

// Stored form of an article (document data in the index). Round-trips exactly.
// A compact binary record, not JSON (a tenth of a review's stored bytes were
// JSON keys and quoting): a format byte; id and path; one byte flagging which
// of title, source, date, author, url, updated follow (in that order); the
// title line; the number of
// body lines, then each line as its number minus the previous one's (the
// title line's for the first; zigzag, so any order round-trips) and its
// text. Strings are a varint length and their bytes, numbers LEB128 varints.
std::string serialize(const Article& article);
// Throws Error(index_corrupt) for data that is no such record.
Article deserialize(std::string_view data);

// Accepts YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD, YYYY년 M월 D일, YYYYMMDD and
// YY.MM.DD (69–99 → 19YY, 00–68 → 20YY: POSIX strptime's %y rule), each
// optionally followed by a time of day (ISO 8601: `T09:30:00+09:00`, `Z`, or
// ` 09:30`), and returns YYYY-MM-DD for a real calendar date; nullopt otherwise.
std::optional<std::string> parse_date(std::string_view text);

// YYYY-MM-DD when year, month and day name a real calendar date (the one
// calendar check, shared by parse_date and the article parser's readers).
std::optional<std::string> calendar_date(int year, int month, int day);

}  // namespace kosearch
