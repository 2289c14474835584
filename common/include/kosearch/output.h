// Printers for search results: they only render, never search.
//   human  — ranked hits with title, publisher, date, path:line:column and a
//            highlighted snippet (colour on a terminal, [[markers]] otherwise)
//   json   — JSON Lines: one {"type":"hit",…} per hit, then {"type":"summary",…};
//            schema in the README
//   files  — one path per line, each once (like rg -l)
//   count  — the number of hits
//   cite   — one ready-to-paste citation per hit
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "kosearch/searcher.h"

namespace kosearch {

enum class OutputFormat { human, json, files, count, cite };

struct OutputOptions {
  OutputFormat format = OutputFormat::human;
  bool color = false;  // decided by the caller (terminal, NO_COLOR, TERM, --color)
  std::optional<std::string> qid;  // batch mode: tag every line with the query id
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void write(const Results& results) = 0;
};

std::unique_ptr<ResultWriter> make_writer(const OutputOptions& options, std::ostream& out);

// Colour policy: `mode` is always|never|auto; auto = stdout is a terminal,
// NO_COLOR unset, TERM not "dumb", and the format is human.
bool use_color(const std::string& mode, OutputFormat format, bool stdout_is_terminal);

}  // namespace kosearch
