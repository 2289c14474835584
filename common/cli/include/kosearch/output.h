// Printers for search results: they only render, never search.
//   human  — ranked hits with title, publisher, date, path:line:column and a
//            highlighted snippet (colour on a terminal, [[markers]] otherwise)
//   json   — JSON Lines: one {"type":"hit",…} per hit, then {"type":"summary",…}
//   files  — one path per line, each once (like rg -l)
//   count  — the number of hits
//   cite   — one ready-to-paste citation per hit
// In batch mode (qid set) human output starts each query with a "# qid" line
// and ends its block with a blank line; files, count and cite lines start
// with "qid<TAB>"; JSON objects carry a "qid" key.
//
// The JSON Lines keys, their order and meaning: json_schema.h (the one table).
// Text never holds control characters: they are replaced (see text.h).
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kosearch/article_path.h"
#include "kosearch/flag_names.h"
#include "kosearch/searcher.h"

namespace kosearch {

enum class OutputFormat { human, json, files, count, cite };

// --color: always, never, or auto (see use_color).
enum class ColorMode { automatic, always, never };

// The words of --format, --color and --path-style (flag_names.h).
inline constexpr NameTable<OutputFormat, 5> format_names{{{"human", OutputFormat::human},
                                                          {"json", OutputFormat::json},
                                                          {"files", OutputFormat::files},
                                                          {"count", OutputFormat::count},
                                                          {"cite", OutputFormat::cite}}};
inline constexpr NameTable<ColorMode, 3> color_names{
    {{"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}}};
inline constexpr NameTable<PathStyle, 2> path_style_names{
    {{"relative", PathStyle::relative}, {"absolute", PathStyle::absolute}}};

struct OutputOptions {
  OutputFormat format = OutputFormat::human;
  bool color = false;  // decided by the caller (terminal, NO_COLOR, TERM, --color)
  std::optional<std::string> qid;  // batch mode: tag every line with the query id
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void write(const Results& results) = 0;
  // A query of a batch that could not run: JSON writes an "error" object
  // (json_schema.h); the other formats leave it to the stderr line.
  virtual void write_error(std::string_view /*message*/) {}
};

std::unique_ptr<ResultWriter> make_writer(const OutputOptions& options, std::ostream& out);

// Colour policy: auto = stdout is a terminal, NO_COLOR unset or empty, TERM
// not "dumb", and the format is human or cite. json, files and count never
// get colour, not even with always.
bool use_color(ColorMode mode, OutputFormat format, bool stdout_is_terminal);

// The line that tells the person typing what happened to `query` (without
// "search: "): no match, did you mean, showing results for, or how 초성
// words were read; empty when there is nothing to say.
std::string typing_help(const Results& results, std::string_view query);

// Whether a correction was offered for a query that matched nothing it
// typed (no hit, or syllable pairs only) but not searched in its place
// (SearchOptions::search_suggestion off): a script must be told.
bool correction_not_searched(const Results& results);

// One line telling what a query's words were also searched as, for a person
// at a terminal: "美 searched as 미국 (Hanja); 엔비디아 also as NVIDIA,
// 엔비디아社 (synonyms)". Empty when nothing was rewritten.
std::string rewrites_line(const std::vector<Rewrite>& rewrites);

}  // namespace kosearch
