// search: ranked full-text search over a kosearch index. Flags and query
// syntax are documented in --help and docs/searching.md; the JSON schema and exit
// codes come from their tables (json_schema.h, exit_codes.h).
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include <CLI/CLI.hpp>

#include "kosearch/fd_buffer.h"
#include "kosearch/front_end_flags.h"
#include "kosearch/listen_address.h"
#ifdef KOSEARCH_SERVES
#include "kosearch/http_server.h"
#endif

#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/article_path.h"
#include "kosearch/error.h"
#include "kosearch/error_remedy.h"
#include "kosearch/exit_codes.h"
#include "kosearch/json_schema.h"
#include "kosearch/output.h"
#include "kosearch/query_limits.h"
#include "kosearch/search_request.h"
#include "kosearch/searcher.h"
#include "kosearch/text.h"

namespace ks = kosearch;

namespace {

constexpr const char* footer = R"(Query syntax (quote the whole query for the shell):
  word word         every word ranked; articles holding all of them first
  "a phrase"        words side by side after analysis (노광 장비를 too)
  -word -"phrase"   leave out articles with it;  -(a OR b) too
  a OR b            either (OR in capitals);  ( … ) groups
  title:word  source:word  author:word      that field must contain it
  title:"a phrase"  title:pre*              phrases and prefixes in fields
  date:2024  date:2024-03  date:2024..2025  a year, a month, a range
  date:2024-03-01..  date:..2023-12-31      from a day on, up to a day
  prefix*           words starting with it (반도* finds 반도체)
  A malformed query (unbalanced quote or parenthesis, lone -, bad date) is an
  error naming the problem and its character position; nothing is guessed.
  Date filters (date:, --since, --until) leave out articles without a date.
  A query may have at most 1,000 words and 64 KiB: a longer one is an error
  (exit 2); with -F/--literal its beginning is searched, with one warning.
  Exclusions may be separate arguments when they cannot be flags: -화웨이,
  -"…"; for -ASML quote the query or put it after --:  search -- 중국 -ASML

Output: human (default; colour on a terminal unless NO_COLOR is set, TERM is
  dumb or --color=never), --json, --files, --count, --format cite.
  -n/--offset page through the ranking (equal scores in a fixed order);
  --files and --count cover every match unless -n is given.
  Hanja words are also searched as their Hangul reading (美 as 미국), and
  words of the index's synonym list as their group (indexer --synonyms); on
  a terminal, one line on stderr says so (--explain: "rewritten:").

Typing help (--suggest, auto by default): a word the index lacks gets the
  nearest index word (on jamo: 엔비디야 → 엔비디아), a word typed in the
  other keyboard layout its conversion (shrhkd → 노광, ㅁㄴㅡㅣ → asml),
  offered only when no hit holds every word. A word of initial consonants
  (ㄴㄱ ㅈㅂ) matches the index words with those 초성 (the 100 most frequent;
  --explain lists them). On a terminal, one stderr line says when nothing
  matched and what is offered.

For scripts: off a terminal, and always with --count, --files and --json,
  the query is searched as typed. A correction is only offered (--json: in
  "suggestions"; otherwise one stderr line when nothing typed matched), and
  the exit code says what the typed query found (1: nothing). Human output on
  a terminal searches the best correction instead when nothing typed matches
  and says so in its first line ("showing results for …"); --suggest apply
  does so in every format (--json: "showing_results_for"; --count, --files
  and cite: one stderr line). --suggest never neither offers nor searches one.

Batch (--batch FILE, or - for stdin): one query per line, "qid<TAB>query"
  (no tab: the line number is the qid); every output line carries the qid.

Serve (--serve [ADDR:]PORT): one process keeps the index open and answers
  GET / (a search page), GET /api/search?q=…&n=&offset=&mode=&sort=&since=
  &until=&facets=&literal=&suggest= ({"hits": [...], "summary": {...}}, the
  objects of --json) and GET /api/article/ID; errors are JSON with a 4xx/5xx
  status. Loopback only unless ADDR is another address; Ctrl-C stops.

)";

// The help after the flags: the syntax and behaviour above, then the JSON
// schema and the exit codes from their one table each.
std::string footer_text() {
  return std::string(footer) +
         "\nJSON Lines (--json), one object per line, keys always present and in this\n"
         "  order (null when the article lacks the field):\n" +
         ks::json_schema_help() + "\n" + ks::exit_code::help_text(ks::exit_code::search_meanings) +
         "An error is one line on stderr. A reader that goes away (| head) is not an error.";
}

struct Flags {
  std::vector<std::string> query;
  std::string index;
  ks::SearchRequest request;  // -n, --offset, --mode, --sort, --facets, --since, … (search_request.h)
  bool limit_given = false;
  ks::OutputFormat format = ks::OutputFormat::human;
  bool json = false, files = false, count = false;
  ks::ColorMode color = ks::ColorMode::automatic;
  ks::PathStyle path_style = ks::PathStyle::relative;
  std::string batch;
  std::string serve;  // [ADDR:]PORT
  unsigned timeout_ms = 5000;
  std::set<std::string> given;  // the flags on the command line, by their long name
};

// A flag that takes one of the words of `table`, stored as the enum value it
// names; `shown` is the default --help shows (none: no default shown).
template <class E, std::size_t N>
CLI::Option* words_of(CLI::Option* option, const ks::NameTable<E, N>& table, std::optional<E> shown = std::nullopt) {
  option->transform(ks::cli::one_of(table))->type_name("TEXT");
  if (shown) option->default_str(std::string(ks::name_of(table, *shown)));
  return option;
}

void register_flags(CLI::App& app, Flags& f) {
  ks::cli::add_program_flags(app);
  ks::cli::add_print_flag(app, "--exit-codes", [] { return ks::exit_code::markdown(ks::exit_code::search_meanings); });
  ks::cli::add_print_flag(app, "--json-schema", [] { return ks::json_schema_markdown(); });
  auto* query = app.add_option("query", f.query, "query words; '-' reads the query from stdin");
  app.add_option("--index", f.index, "index directory or shard stub (default: $SEARCH_INDEX, else 'index')")
      ->type_name("DIR");
  app.add_option("-n,--limit", f.request.limit, "number of hits to show (default 10; --files/--count: all)")
      ->check(CLI::Range(std::size_t{1}, ks::max_limit));
  app.add_option("--offset", f.request.offset, "skip this many hits first (paging)");
  app.add_option("--fragments", f.request.fragments, "snippet passages per hit")
      ->check(CLI::Range(std::size_t{1}, ks::max_fragments))->capture_default_str();
  auto* format = words_of(app.add_option("--format", f.format, "output format"), ks::format_names, {f.format});
  auto* json = app.add_flag("--json", f.json, "JSON Lines output (same as --format json)");
  auto* files = app.add_flag("--files,-l", f.files, "print the path of each matching article once (like rg -l)");
  auto* count = app.add_flag("--count,-c", f.count, "print the number of matching articles");
  format->excludes(json)->excludes(files)->excludes(count);
  json->excludes(files)->excludes(count);
  files->excludes(count);
  words_of(app.add_option("--color", f.color,
                          "colour highlights (auto: only on a terminal, without NO_COLOR or TERM=dumb)"),
           ks::color_names, {f.color});
  words_of(app.add_option("--mode", f.request.mode, "prefer-all (default), all (every word required) or any"),
           ks::mode_names);
  words_of(app.add_option("--sort", f.request.sort,
                          "relevance (default), date (oldest first) or -date (newest first); by date, articles of "
                          "one day by relevance and undated articles last"),
           ks::sort_names);
  words_of(app.add_option("--path-style", f.path_style,
                          "relative (default): paths relative to the current folder when the file is below it, "
                          "else absolute; absolute: always absolute"),
           ks::path_style_names, {f.path_style});
  words_of(app.add_option("--facets", f.request.facets,
                          "after the hits, count every matching article per publisher (source) and per month "
                          "(date); exact counts: e.g. --facets source,date")
               ->delimiter(','),
           ks::facet_names);
  app.add_option("--facet-top", f.request.facet_top, "values shown per facet, most articles first (with --facets)")
      ->check(CLI::Range(std::size_t{1}, ks::max_facet_top))->capture_default_str()->needs("--facets");
  app.add_flag("-F,--literal", f.request.literal,
               "take the query as plain text, like grep -F: quotes, -, OR, (), field: and * are words (questions, pasted text)");
  app.add_option("--since", f.request.since, "only articles dated on or after YYYY-MM-DD (undated articles are left out)");
  app.add_option("--until", f.request.until, "only articles dated on or before YYYY-MM-DD (undated articles are left out)");
  auto* batch = app.add_option("--batch", f.batch, "run every query of FILE ('-': stdin), qid<TAB>query per line, against one open index");
  batch->excludes(query);
  auto* serve = app.add_option("--serve", f.serve,
                               "serve a search page and a JSON API over HTTP at [ADDR:]PORT (default " +
                                   std::string(ks::default_listen_address) +
                                   "; only this machine unless ADDR says otherwise) until Ctrl-C")
                    ->expected(0, 1);
  serve->excludes(query)->excludes(batch);
  app.add_option("--timeout", f.timeout_ms, "remote shards: bound in ms on connecting and on each reply")
      ->check(CLI::Range(1u, 3600000u))->capture_default_str();
  words_of(app.add_option("--suggest", f.request.suggest,
                          "did you mean (spelling on jamo, keyboard layout): auto (offered when no hit holds every "
                          "word; when nothing typed matches, the best one is searched instead only for human output "
                          "on a terminal), never, always (offered for every unknown word), or apply (as auto, and "
                          "the best one is searched in every output format, said so)"),
           ks::suggest_names, {f.request.suggest});
  app.add_flag("--explain", f.request.explain,
               "print how the query was understood (to stderr) before the results; --json: also in the summary");
  app.footer(footer_text());
}

// A multi-line text for stderr: each line made safe on its own.
std::string terminal_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += ks::cli::one_terminal_line(text.substr(start, end - start)) + '\n';
    start = end + 1;
  }
  return out;
}

std::string usage_error_line(const CLI::App* app, const CLI::Error& e) {
  const bool extra = dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr;
  return ks::cli::usage_error_line(
      *app, e, extra ? "to exclude a word that looks like a flag, quote the query or put it after --: search -- 'a -b'" : "");
}

// An argument starting with '-' that no flag of ours can start: an exclusion
// such as -화웨이, -"phrase" or -(a OR b). All our flags are ASCII letters.
bool is_exclusion_word(std::string_view arg) {
  if (arg.size() < 2 || arg[0] != '-') return false;
  const unsigned char second = static_cast<unsigned char>(arg[1]);
  return second >= 0x80 || second == '"' || second == '(';
}

// Whether the argument after the flag `arg` is its value: --name VALUE,
// -n VALUE, -ln VALUE. --name=VALUE and -n5 carry their value; a flag whose
// value may be left out (--serve) takes none that looks like a flag.
bool value_follows(const CLI::App& app, const std::string& arg, std::string_view next) {
  auto takes_value = [&app, next](const std::string& name) {
    const CLI::Option* opt = app.get_option_no_throw(name);
    return opt != nullptr && opt->get_expected_max() > 0 &&
           (opt->get_expected_min() > 0 || next.empty() || next[0] != '-');
  };
  if (arg.rfind("--", 0) == 0) return arg.find('=') == std::string::npos && takes_value(arg);
  for (std::size_t i = 1; i < arg.size(); ++i)
    if (takes_value(std::string("-") + arg[i])) return i + 1 == arg.size();
  return false;
}

// CLI11 would take exclusions written as separate arguments (search ASML
// -화웨이) for unknown flags. So every argument that is neither a flag nor a
// flag's value is moved, in order, behind a "--", where CLI11 reads only
// positionals. Order among query words is kept; it matters for OR and groups.
std::vector<std::string> query_words_last(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> flags{argv[0]}, words;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      words.insert(words.end(), argv + i + 1, argv + argc);
      break;
    }
    if (arg.size() < 2 || arg[0] != '-' || is_exclusion_word(arg)) {
      words.push_back(arg);
      continue;
    }
    flags.push_back(arg);
    if (i + 1 < argc && value_follows(app, arg, argv[i + 1])) flags.push_back(argv[++i]);
  }
  if (!words.empty()) flags.push_back("--");
  flags.insert(flags.end(), words.begin(), words.end());
  return flags;
}

ks::OutputFormat output_format(const Flags& f) {
  if (f.json) return ks::OutputFormat::json;
  if (f.files) return ks::OutputFormat::files;
  if (f.count) return ks::OutputFormat::count;
  return f.format;
}

// Flags that shape only some outputs. Given with another one they would be
// silently ignored: a usage error instead, naming the outputs they shape.
void check_flags_have_effect(const Flags& f, ks::OutputFormat format) {
  using enum ks::OutputFormat;
  struct Effect {
    const char* flag;
    std::vector<ks::OutputFormat> shapes;
    const char* outputs;
  };
  static const Effect effects[] = {
      {"--facets", {human, json}, "human and --json output"},
      {"--fragments", {human, json}, "the snippets of human and --json output"},
      {"--path-style", {human, json, files, cite}, "the paths of human, --json, --files and cite output"},
      {"--sort", {human, json, files, cite}, "the order of human, --json, --files and cite output"},
  };
  const auto format_name = [&f](ks::OutputFormat out) -> std::string {
    if (f.json || f.files || f.count) return f.json ? "--json" : f.files ? "--files" : "--count";
    return out == human ? "human output" : "--format " + std::string(ks::name_of(ks::format_names, out));
  };
  for (const Effect& e : effects)
    if (f.given.count(e.flag) && std::find(e.shapes.begin(), e.shapes.end(), format) == e.shapes.end())
      throw ks::Error(ks::ErrorKind::usage, std::string(e.flag) + " has no effect with " + format_name(format) +
                                                " (it shapes " + e.outputs + ")");
  if (f.color == ks::ColorMode::always && format != human && format != cite)
    throw ks::Error(ks::ErrorKind::usage, "--color=always has no effect with " + format_name(format) +
                                              " (machine formats never get colour; only human and cite output do)");
}

// Listing paths or counting is asked of every match, like rg -l and grep -c;
// -n still caps it.
bool lists_every_match(const Flags& f, ks::OutputFormat format) {
  return !f.limit_given && (format == ks::OutputFormat::files || format == ks::OutputFormat::count);
}

std::string index_path(const Flags& f) {
  if (!f.index.empty()) return f.index;
  const char* env = std::getenv("SEARCH_INDEX");
  return env && *env ? env : "index";
}

// The queries of a batch, read one line at a time as they are asked for, so
// `search --batch -` answers each line before it reads the next (a script
// can keep it as a co-process). A line without a tab is a query whose qid is
// its line number; blank lines are skipped.
class BatchReader {
 public:
  explicit BatchReader(const std::string& path) {
    if (path == "-") return;
    file_.open(path);
    if (!file_) throw ks::Error(ks::ErrorKind::io, "cannot read batch file '" + path + "'");
  }

  std::optional<std::pair<std::string, std::string>> next() {
    std::istream& in = file_.is_open() ? static_cast<std::istream&>(file_) : std::cin;
    for (std::string line; std::getline(in, line);) {
      ++line_number_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      const auto tab = line.find('\t');
      if (tab == std::string::npos) return std::pair{std::to_string(line_number_), line};
      return std::pair{line.substr(0, tab), line.substr(tab + 1)};
    }
    return std::nullopt;
  }

 private:
  std::ifstream file_;
  std::size_t line_number_ = 0;
};

// The query on stdin, read only up to just past the length limit so that a
// huge input costs neither memory nor time. Over the limit: with -F the
// beginning is kept (and cut to fit later), otherwise it is an error.
std::string stdin_query(bool literal) {
  constexpr std::size_t slack = 2;  // a trailing "\r\n" does not count
  std::string text(ks::max_query_bytes + slack + 1, '\0');
  std::cin.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(std::cin.gcount()));
  const bool more = text.size() == ks::max_query_bytes + slack + 1;
  while (!more && !text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (more && !literal)
    throw ks::Error(ks::ErrorKind::query_too_long, "query on stdin is over the limit of " +
                                                       std::to_string(ks::max_query_bytes) + " bytes (64 KiB); shorten it");
  return text;
}

std::string joined_query(const Flags& f) {
  if (f.query.size() == 1 && f.query[0] == "-") return stdin_query(f.request.literal);
  std::string q;
  for (const auto& word : f.query) q += (q.empty() ? "" : " ") + word;
  if (q.empty()) throw ks::Error(ks::ErrorKind::usage, "no query given (see --help)");
  return q;
}

// A query of a batch that cannot run (malformed, not UTF-8) is reported and
// skipped; anything else (index, network) ends the batch.
bool fails_only_this_query(const ks::Error& e) {
  return e.kind() == ks::ErrorKind::query_syntax || e.kind() == ks::ErrorKind::invalid_input ||
         e.kind() == ks::ErrorKind::query_too_long;
}

// An error as one line for stderr, with what the user can do about it.
std::string error_text(const std::exception& e, const Flags& f) {
  const auto* error = dynamic_cast<const ks::Error*>(&e);
  return ks::cli::one_terminal_line(error ? ks::with_remedy(*error, ks::Program::search, index_path(f)) : e.what());
}

// -F: a query over the length limit is cut to fit, with one warning line.
std::string literal_within_limits(std::string query, const std::string& qid, ks::Analyzer& analyzer) {
  const std::size_t kept = ks::query_within_limits(query, analyzer).size();
  if (kept == query.size()) return query;
  std::cerr << "search: warning: " << (qid.empty() ? "" : "query " + ks::cli::one_terminal_line(qid) + ": ")
            << "query cut to its first " << kept << " bytes to fit the limits (" << ks::max_query_words
            << " words, " << ks::max_query_bytes << " bytes)\n";
  query.resize(kept);
  return query;
}

// What happened to the query, in one line on stderr: always when the hits
// are for a correction (human output says so in its header instead) or a
// correction was offered for a query that matched nothing (a script must not
// take that silence for "nothing like it": --json has it in its summary);
// anything else (no match, did you mean, 초성 reading) only to a person at a
// terminal, and not with --json (a pipe's stderr stays for errors).
void tell_typing_help(const ks::Results& results, const std::string& query, const std::string& qid,
                      ks::OutputFormat format) {
  const bool json = format == ks::OutputFormat::json;
  const bool tell = results.showing_results_for     ? format != ks::OutputFormat::human
                    : ks::correction_not_searched(results) ? !json
                                                           : !json && isatty(STDERR_FILENO);
  if (!tell) return;
  const std::string help = ks::typing_help(results, query);
  if (help.empty()) return;
  std::cerr << "search: " << (qid.empty() ? "" : "query " + ks::cli::one_terminal_line(qid) + ": ") << ks::cli::one_terminal_line(help)
            << '\n';
}

#ifdef KOSEARCH_SERVES
int serve(const Flags& f, char**) {
  ks::ServeOptions options;
  options.index_path = index_path(f);
  options.open = {.connect_timeout_ms = f.timeout_ms, .timeout_ms = f.timeout_ms};
  options.address = ks::parse_listen_address(f.serve.empty() ? ks::default_listen_address : f.serve);
  options.path_style = f.path_style;
  return ks::serve(options, std::cerr);
}
#else
// The server is search-serve, this program built with the HTTP library
// (CMakeLists.txt says why): run it with the same arguments.
int serve(const Flags&, char** argv) {
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec) throw ks::Error(ks::ErrorKind::io, "--serve cannot find its own program (/proc/self/exe): " + ec.message());
  // Beside search in the build tree; installed, in LIBEXECDIR/kosearch (KOSEARCH_SERVER_DIR is relative to bin).
  const std::filesystem::path places[] = {folder / "search-serve",
                                          (folder / KOSEARCH_SERVER_DIR / "search-serve").lexically_normal()};
  for (const std::filesystem::path& program : places) ::execv(program.c_str(), argv);  // returns only on failure
  throw ks::Error(ks::ErrorKind::io, "--serve needs the program search-serve, found neither at '" +
                                         places[0].string() + "' nor at '" + places[1].string() +
                                         "'; install kosearch with cmake --install");
}
#endif

int run(const Flags& f, bool serving, char** argv) {
  if (serving) return serve(f, argv);
  const ks::OutputFormat format = output_format(f);
  check_flags_have_effect(f, format);
  ks::OutputOptions out_options{format, ks::use_color(f.color, format, isatty(STDOUT_FILENO)), std::nullopt};
  ks::SearchOptions options = ks::search_options(f.request, format);
  // A person reading human output on a terminal gets the best correction
  // searched when nothing typed matches; the output's first line says so.
  if (f.request.suggest != ks::SuggestChoice::never && (format == ks::OutputFormat::human || format == ks::OutputFormat::cite) &&
      isatty(STDOUT_FILENO))
    options.search_suggestion = true;
  auto engine = ks::Searcher::open(index_path(f), {.connect_timeout_ms = f.timeout_ms, .timeout_ms = f.timeout_ms});

  const bool batch = !f.batch.empty();
  std::optional<BatchReader> batch_input;
  std::optional<std::pair<std::string, std::string>> single;
  if (batch) batch_input.emplace(f.batch);
  else single.emplace("", joined_query(f));
  const auto next_query = [&] { return batch ? batch_input->next() : std::exchange(single, std::nullopt); };

  const ks::PathStyle style = f.path_style;
  std::error_code cwd_error;
  const std::string cwd = std::filesystem::current_path(cwd_error).string();  // none (removed): paths stay absolute
  ks::cli::FdBuffer stdout_buffer(STDOUT_FILENO);
  std::ostream out(&stdout_buffer);
  bool any_hit = false, any_error = false;
  std::optional<ks::Analyzer> analyzer;
  if (f.request.literal) analyzer.emplace();
  while (const auto next = next_query()) {
    const auto& [qid, text] = *next;
    if (batch) out_options.qid = qid;
    // Every match, as many as the index holds now (a long-lived batch sees it grow).
    if (lists_every_match(f, format)) options.limit = std::max<std::size_t>(engine.document_count(), 1);
    try {
      const std::string query = f.request.literal ? literal_within_limits(text, qid, *analyzer) : text;
      ks::Results results = engine.search(query, options);
      ks::show_paths(results, style, cwd);
      if (f.request.explain) std::cerr << (batch ? "# " + ks::cli::one_terminal_line(qid) + "\n" : "") << terminal_lines(results.explanation);
      else if (format == ks::OutputFormat::human && !results.rewrites.empty() && isatty(STDERR_FILENO))
        std::cerr << "search: " << (batch ? "query " + ks::cli::one_terminal_line(qid) + ": " : "")
                  << ks::rewrites_line(results.rewrites) << '\n';
      ks::make_writer(out_options, out)->write(results);
      tell_typing_help(results, query, batch ? qid : "", format);
      any_hit = any_hit || !results.hits.empty();
    } catch (const ks::Error& e) {
      if (!batch || !fails_only_this_query(e)) throw;
      std::cerr << "search: query " << ks::cli::one_terminal_line(qid) << ": " << error_text(e, f) << '\n';
      ks::make_writer(out_options, out)->write_error(error_text(e, f));
      any_error = true;
    }
    if (batch) out.flush();  // each answer as soon as it is known
    if (!out) break;
  }
  out.flush();
  if (!out && !stdout_buffer.reader_went_away())
    throw ks::Error(ks::ErrorKind::io, std::string("cannot write the results: ") + std::strerror(stdout_buffer.failure()));
  if (any_error) return ks::exit_code::error;
  return any_hit ? ks::exit_code::ok : ks::exit_code::no_match;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as a failed write, handled quietly
  CLI::App app{"Ranked full-text search over a Korean news index", "search"};
  Flags flags;
  bool serving = false;
  register_flags(app, flags);
  app.failure_message(usage_error_line);
  try {
    std::vector<std::string> args = query_words_last(app, argc, argv);
    std::reverse(args.begin() + 1, args.end());  // CLI11 takes them last first, without the program name
    args.erase(args.begin());
    app.parse(std::move(args));
    flags.limit_given = app.count("--limit") > 0;
    for (const CLI::Option* option : app.get_options())
      if (option->count() > 0) flags.given.insert(option->get_name());
    serving = app.count("--serve") > 0;
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? ks::exit_code::ok : ks::exit_code::error;
  }
  try {
    return run(flags, serving, argv);
  } catch (const std::exception& e) {
    std::cerr << "search: " << error_text(e, flags) << '\n';
    return ks::exit_code::error;
  }
}
