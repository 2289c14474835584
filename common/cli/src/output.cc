// Result printers. The JSON Lines keys, in the order JsonWriter writes them,
// are documented in json_schema.h (e2e_searcher checks the output against it).

#include "kosearch/output.h"

#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kosearch/citation.h"
#include "kosearch/json_output.h"
#include "kosearch/result_names.h"
#include "kosearch/snippet.h"
#include "kosearch/text.h"
#include "snippet_pieces.h"

namespace kosearch {

namespace {

namespace ansi {
constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view dim = "\x1b[2m";
constexpr std::string_view match = "\x1b[1;31m";
constexpr std::string_view reset = "\x1b[0m";
}  // namespace ansi

class WriterBase : public ResultWriter {
 public:
  WriterBase(const OutputOptions& options, std::ostream& out) : options_(options), out_(out) {}

 protected:
  // Writes one line and flushes it, so a reader sees hits as they come and a
  // closed pipe is noticed at once. After a failed write nothing more is tried.
  void emit(std::string_view line) {
    if (!out_) return;
    out_ << line << '\n';
    out_.flush();
  }
  bool healthy() const { return static_cast<bool>(out_); }
  std::string qid_tab() const { return options_.qid ? neutralize_controls(*options_.qid) + "\t" : ""; }

  OutputOptions options_;
  std::ostream& out_;
};

class HumanWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  void write(const Results& results) override {
    if (options_.qid) emit("# " + neutralize_controls(*options_.qid));
    // The hits are not for what was typed: said before them, in the output itself.
    if (results.showing_results_for && !results.suggestions.empty())
      emit(styled("showing results for '" + neutralize_controls(*results.showing_results_for) + "' (" +
                      suggestion_kind_name(results.suggestions.front().kind) + "): the query as typed matched nothing",
                  ansi::dim));
    for (std::size_t i = 0; i < results.hits.size() && healthy(); ++i) {
      if (i > 0) emit("");
      write_hit(results.hits[i]);
    }
    write_facets(results);
    // Batch mode: a blank line closes each query's block before the next header.
    if (options_.qid && !results.hits.empty()) emit("");
  }

 private:
  std::string styled(std::string_view text, std::string_view style) const {
    if (!options_.color) return std::string(text);
    return std::string(style) + std::string(text) + std::string(ansi::reset);
  }

  std::string heading(const Hit& hit) const {
    const Citation& c = hit.citation;
    std::string name = c.title && !c.title->empty() ? "「" + neutralize_controls(*c.title) + "」"
                                                    : neutralize_controls(hit.id);
    std::string line = std::to_string(hit.rank) + ". " + styled(name, ansi::bold);
    std::string meta;
    for (const auto* field : {&c.source, &c.date, &c.author})
      if (*field && !(*field)->empty()) meta += (meta.empty() ? "" : " · ") + neutralize_controls(**field);
    if (!meta.empty()) line += "  " + meta;
    if (hit.match == MatchKind::partial) line += "  " + styled("(partial: only parts of the words match)", ansi::dim);
    return line;
  }

  std::string snippet_line(const Snippet& snippet) const {
    std::string line = "   ";
    for (const auto& piece : snippet_pieces(snippet)) {
      if (!piece.highlighted) line += piece.text;
      else if (options_.color) line += styled(piece.text, ansi::match);
      else line += "[[" + piece.text + "]]";
    }
    return line;
  }

  // "corpus/b.txt (예시일보, 2025-01-15); corpus/c.txt"
  static std::string copies_text(const std::vector<Copy>& copies) {
    std::string text;
    for (const Copy& copy : copies) {
      std::string meta;
      for (const auto* field : {&copy.source, &copy.date})
        if (*field && !(*field)->empty()) meta += (meta.empty() ? "" : ", ") + neutralize_controls(**field);
      text += (text.empty() ? "" : "; ") + neutralize_controls(copy.path) + (meta.empty() ? "" : " (" + meta + ")");
    }
    return text;
  }

  // After the hits: one line per facet, "source: 한국경제 3 · JTBC 1 · (none) 2".
  void write_facets(const Results& results) {
    if (results.facets.empty() || !healthy()) return;
    emit("");
    emit(styled("counts over all " + std::to_string(results.facets.front().total) +
                    " matching articles (identical copies each counted):",
                ansi::dim));
    for (const FacetCounts& f : results.facets) {
      std::string line = std::string("   ") + facet_name(f.facet) + ":";
      for (std::size_t i = 0; i < f.top.size(); ++i) {
        const std::string value = f.top[i].value.empty() ? (f.facet == Facet::month ? "undated" : "(none)")
                                                         : neutralize_controls(f.top[i].value);
        line += (i ? " · " : " ") + value + " " + std::to_string(f.top[i].count);
      }
      emit(line);
    }
  }

  void write_hit(const Hit& hit) {
    emit(heading(hit));
    emit("   " + styled(location(hit.citation), ansi::dim));
    if (!hit.snippet.text.empty()) emit(snippet_line(hit.snippet));
    if (!hit.copies.empty()) emit("   " + styled("also in: " + copies_text(hit.copies), ansi::dim));
  }
};

class JsonWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  void write(const Results& results) override {
    std::size_t printed = 0;
    for (const auto& hit : results.hits) {
      if (!healthy()) break;
      emit(json_text(json_hit(hit, options_.qid)));
      if (healthy()) ++printed;
    }
    emit(json_text(json_summary(results, printed, options_.qid)));
  }

  void write_error(std::string_view message) override {
    emit(json_text(json_error(message, options_.qid)));
  }
};

class FilesWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  void write(const Results& results) override {
    std::unordered_set<std::string> seen;
    for (const auto& hit : results.hits)
      if (seen.insert(hit.citation.path).second) emit(qid_tab() + neutralize_controls(hit.citation.path));
  }
};

class CountWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  void write(const Results& results) override { emit(qid_tab() + std::to_string(results.hits.size())); }
};

class CiteWriter : public WriterBase {
 public:
  using WriterBase::WriterBase;

  void write(const Results& results) override {
    for (const auto& hit : results.hits) {
      if (!healthy()) break;
      if (!options_.color) {
        emit(qid_tab() + format_citation(hit.citation));
        continue;
      }
      const std::string reference = format_reference(hit.citation);
      const std::string where = std::string(ansi::dim) + location(hit.citation) + std::string(ansi::reset);
      emit(qid_tab() + (reference.empty() ? where : reference + " (" + where + ")"));
    }
  }
};

}  // namespace

std::unique_ptr<ResultWriter> make_writer(const OutputOptions& options, std::ostream& out) {
  switch (options.format) {
    case OutputFormat::human: return std::make_unique<HumanWriter>(options, out);
    case OutputFormat::json: return std::make_unique<JsonWriter>(options, out);
    case OutputFormat::files: return std::make_unique<FilesWriter>(options, out);
    case OutputFormat::count: return std::make_unique<CountWriter>(options, out);
    case OutputFormat::cite: return std::make_unique<CiteWriter>(options, out);
  }
  return std::make_unique<HumanWriter>(options, out);
}

std::string typing_help(const Results& results, std::string_view query) {
  const auto quoted = [](std::string_view text) { return "'" + neutralize_controls(text) + "'"; };
  const auto offered = [&](std::size_t from) {
    std::string text;
    for (std::size_t i = from; i < results.suggestions.size(); ++i)
      text += (i > from ? " or " : "") + quoted(results.suggestions[i].query) + " (" +
              suggestion_kind_name(results.suggestions[i].kind) + ")";
    return text;
  };
  if (results.showing_results_for) {
    const std::string others = offered(1);
    return "no match for " + quoted(query) + "; showing results for " + quoted(*results.showing_results_for) + " (" +
           suggestion_kind_name(results.suggestions.front().kind) + ")" +
           (others.empty() ? "" : "; also " + others);
  }
  if (results.hits.empty())
    return "no match for " + quoted(query) + (results.suggestions.empty() ? "" : "; did you mean " + offered(0) + "?");
  if (results.suggestions.size() == 1 && results.suggestions.front().kind == SuggestionKind::initials)
    return quoted(query) + " taken as initial consonants; the first hit reads " +
           quoted(results.suggestions.front().query);
  if (correction_not_searched(results))
    return "only parts of the words of " + quoted(query) + " match; did you mean " + offered(0) + "?";
  return results.suggestions.empty() ? "" : "did you mean " + offered(0) + "?";
}

bool correction_not_searched(const Results& results) {
  const bool nothing_typed_matched = std::all_of(results.hits.begin(), results.hits.end(),
                                                 [](const Hit& hit) { return hit.match == MatchKind::partial; });
  const bool correction_offered = std::any_of(results.suggestions.begin(), results.suggestions.end(),
                                              [](const Suggestion& s) { return s.kind != SuggestionKind::initials; });
  return !results.showing_results_for && nothing_typed_matched && correction_offered;
}

bool use_color(ColorMode mode, OutputFormat format, bool stdout_is_terminal) {
  // Machine formats are parsed by programs: escape codes would corrupt them.
  const bool colorable = format == OutputFormat::human || format == OutputFormat::cite;
  if (!colorable || mode == ColorMode::never) return false;
  if (mode == ColorMode::always) return true;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return stdout_is_terminal && (no_color == nullptr || *no_color == '\0') &&
         (term == nullptr || std::string_view(term) != "dumb");
}

std::string rewrites_line(const std::vector<Rewrite>& rewrites) {
  std::string line;
  for (const Rewrite& r : rewrites) {
    std::string terms;
    for (const auto& t : r.terms) terms += (terms.empty() ? "" : ", ") + t;
    line += (line.empty() ? "" : "; ") + r.word +
            (r.by == "hanja" ? " searched as " + terms + " (Hanja)" : " also as " + terms + " (synonyms from " + r.list + ")");
  }
  return neutralize_controls(line);
}

}  // namespace kosearch
