// search: ranked full-text search over a kosearch index. Flags and query
// syntax are documented in --help and the README; the JSON schema and exit
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
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include <CLI/CLI.hpp>

#include "kosearch/fd_buffer.h"
#include "kosearch/front_end_flags.h"

#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/article_path.h"
#include "kosearch/error.h"
#include "kosearch/error_remedy.h"
#include "kosearch/exit_codes.h"
#include "kosearch/json_schema.h"
#include "kosearch/output.h"
#include "kosearch/query_limits.h"
#include "kosearch/searcher.h"
#include "kosearch/text.h"

namespace ks = kosearch;

namespace {

constexpr const char* footer = R"(Query syntax (quote the whole query for the shell):
  word word         every word ranked; articles holding all of them first
  "a phrase"        words side by side after analysis: "노광 장비" matches 노광 장비를
  -word -"phrase"   leave out articles with it;  -(a OR b) too
  a OR b            either (OR in capitals);  ( … ) groups
  title:word  source:word  author:word          that field must contain it
  title:"a phrase"  title:pre*                   phrases and prefixes in fields
  date:2024  date:2024-03  date:2024..2025  date:2024-03-01..  date:..2023-12-31
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
  nearest index word (on jamo: 엔비디야 → 엔비디아), a word typed in the other
  keyboard layout its conversion (shrhkd → 노광, ㅁㄴㅡㅣ → asml), offered only
  when no hit holds every word; when nothing typed matches at all, the best
  one is searched instead and said so ("showing results for …", always on
  stderr). A word of initial consonants (ㄴㄱ ㅈㅂ) matches the index words
  with those 초성 (the 100 most frequent; --explain lists them). On a
  terminal, one stderr line says when nothing matched and what is offered.

Batch (--batch FILE, or - for stdin): one query per line, "qid<TAB>query"
  (no tab: the line number is the qid); every output line carries the qid.

)";

// The help after the flags: the syntax and behaviour above, then the JSON
// schema and the exit codes from their one table each.
std::string footer_text() {
  return std::string(footer) +
         "\nJSON Lines (--json), one object per line, keys always present and in this order (null when the\n"
         "  article lacks the field):\n" +
         ks::json_schema_help() + "\n" + ks::exit_code::help_text(ks::exit_code::search_meanings) +
         "An error is one line on stderr. A reader that goes away (| head) is not an error.";
}

struct Flags {
  std::vector<std::string> query;
  std::string index;
  std::size_t limit = 10;
  bool limit_given = false;
  std::size_t offset = 0;
  std::size_t fragments = 1;
  std::string format = "human";
  bool json = false, files = false, count = false, explain = false, literal = false;
  std::string color = "auto";
  std::string mode = "prefer-all";
  std::string sort = "relevance";
  std::string suggest = "auto";
  std::string path_style = "relative";
  std::vector<std::string> facets;
  std::size_t facet_top = 10;
  std::string since, until, batch;
  unsigned timeout_ms = 5000;
};

void register_flags(CLI::App& app, Flags& f) {
  ks::cli::add_program_flags(app);
  ks::cli::add_print_flag(app, "--exit-codes", [] { return ks::exit_code::markdown(ks::exit_code::search_meanings); });
  ks::cli::add_print_flag(app, "--json-schema", [] { return ks::json_schema_markdown(); });
  auto* query = app.add_option("query", f.query, "query words; '-' reads the query from stdin");
  app.add_option("--index", f.index, "index directory or shard stub (default: $SEARCH_INDEX, else 'index')");
  app.add_option("-n,--limit", f.limit, "number of hits to show (default 10; --files/--count: all)")
      ->check(CLI::Range(1, 100000));
  app.add_option("--offset", f.offset, "skip this many hits first (paging)");
  app.add_option("--fragments", f.fragments, "snippet passages per hit")->check(CLI::Range(1, 10))->capture_default_str();
  auto* format = app.add_option("--format", f.format, "output format")
                     ->check(CLI::IsMember({"human", "json", "files", "count", "cite"}))->capture_default_str();
  auto* json = app.add_flag("--json", f.json, "JSON Lines output (same as --format json)");
  auto* files = app.add_flag("--files,-l", f.files, "print the path of each matching article once (like rg -l)");
  auto* count = app.add_flag("--count,-c", f.count, "print the number of matching articles");
  format->excludes(json)->excludes(files)->excludes(count);
  json->excludes(files)->excludes(count);
  files->excludes(count);
  app.add_option("--color", f.color, "colour highlights (auto: only on a terminal, without NO_COLOR or TERM=dumb)")
      ->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();
  app.add_option("--mode", f.mode, "prefer-all (default), all (every word required) or any")
      ->check(CLI::IsMember({"prefer-all", "all", "any"}));
  app.add_option("--sort", f.sort,
                 "relevance (default), date (oldest first) or -date (newest first); by date, articles of one day "
                 "by relevance and undated articles last")
      ->check(CLI::IsMember({"relevance", "date", "-date"}));
  app.add_option("--path-style", f.path_style,
                 "relative (default): paths relative to the current folder when the file is below it, else "
                 "absolute; absolute: always absolute")
      ->check(CLI::IsMember({"relative", "absolute"}))->capture_default_str();
  app.add_option("--facets", f.facets,
                 "after the hits, count every matching article per publisher (source) and per month "
                 "(date); exact counts: e.g. --facets source,date")
      ->delimiter(',')
      ->check(CLI::IsMember({"source", "date", "month"}));
  app.add_option("--facet-top", f.facet_top, "values shown per facet, most articles first")
      ->check(CLI::Range(1, 1000))->capture_default_str();
  app.add_flag("-F,--literal", f.literal,
               "take the query as plain text, like grep -F: quotes, -, OR, (), field: and * are words (questions, pasted text)");
  app.add_option("--since", f.since, "only articles dated on or after YYYY-MM-DD (undated articles are left out)");
  app.add_option("--until", f.until, "only articles dated on or before YYYY-MM-DD (undated articles are left out)");
  auto* batch = app.add_option("--batch", f.batch, "run every query of FILE ('-': stdin), qid<TAB>query per line, against one open index");
  batch->excludes(query);
  app.add_option("--timeout", f.timeout_ms, "remote shards: bound in ms on connecting and on each reply")
      ->check(CLI::Range(1u, 3600000u))->capture_default_str();
  app.add_option("--suggest", f.suggest,
                 "did you mean (spelling on jamo, keyboard layout): auto (when no hit holds every word; nothing "
                 "typed matches: the best suggestion is searched), never, or always (for every unknown word)")
      ->check(CLI::IsMember({"auto", "never", "always"}))->capture_default_str();
  app.add_flag("--explain", f.explain, "print how the query was understood (to stderr) before the results");
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
// -n VALUE, -ln VALUE. --name=VALUE and -n5 carry their value.
bool value_follows(const CLI::App& app, const std::string& arg) {
  auto takes_value = [&app](const std::string& name) {
    const CLI::Option* opt = app.get_option_no_throw(name);
    return opt != nullptr && opt->get_expected_max() > 0;
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
    if (value_follows(app, arg) && i + 1 < argc) flags.push_back(argv[++i]);
  }
  if (!words.empty()) flags.push_back("--");
  flags.insert(flags.end(), words.begin(), words.end());
  return flags;
}

std::optional<std::string> checked_date(const std::string& value, const char* flag) {
  if (value.empty()) return std::nullopt;
  auto date = ks::parse_date(value);
  if (!date) throw ks::Error(ks::ErrorKind::usage, std::string(flag) + " '" + value + "' is not a date (YYYY-MM-DD)");
  return date;
}

ks::SearchOptions search_options(const Flags& f, ks::OutputFormat format) {
  ks::SearchOptions o;
  o.limit = f.limit;
  o.offset = f.offset;
  o.snippet.fragments = f.fragments;
  o.snippets = format == ks::OutputFormat::human || format == ks::OutputFormat::json || format == ks::OutputFormat::cite;
  o.mode = f.mode == "all" ? ks::MatchMode::all : f.mode == "any" ? ks::MatchMode::any : ks::MatchMode::prefer_all;
  for (const std::string& facet : f.facets) o.facets.push_back(facet == "source" ? ks::Facet::source : ks::Facet::month);
  o.facet_top = f.facet_top;
  o.sort = f.sort == "date"    ? ks::SortOrder::date_ascending
           : f.sort == "-date" ? ks::SortOrder::date_descending
                               : ks::SortOrder::relevance;
  if (f.literal) o.syntax = ks::QuerySyntax::plain;
  o.suggest = f.suggest == "never" ? ks::SuggestMode::never
              : f.suggest == "always" ? ks::SuggestMode::always
                                      : ks::SuggestMode::automatic;
  o.explain = f.explain || format == ks::OutputFormat::json;  // JSON's summary carries it
  o.dates.since = checked_date(f.since, "--since");
  o.dates.until = checked_date(f.until, "--until");
  if (o.dates.since && o.dates.until && *o.dates.until < *o.dates.since)
    throw ks::Error(ks::ErrorKind::usage, "--until " + f.until + " is before --since " + f.since);
  return o;
}

ks::OutputFormat output_format(const Flags& f) {
  if (f.json) return ks::OutputFormat::json;
  if (f.files) return ks::OutputFormat::files;
  if (f.count) return ks::OutputFormat::count;
  static const std::map<std::string, ks::OutputFormat> names{{"human", ks::OutputFormat::human},
      {"json", ks::OutputFormat::json}, {"files", ks::OutputFormat::files},
      {"count", ks::OutputFormat::count}, {"cite", ks::OutputFormat::cite}};
  return names.at(f.format);
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
  if (f.query.size() == 1 && f.query[0] == "-") return stdin_query(f.literal);
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

// What happened to the query, on stderr: always when the hits are for a
// rewrite (that must never pass unsaid), else only to a person at a
// terminal, and not with --json, whose summary says it (a pipe's stderr
// stays for errors).
void tell_typing_help(const ks::Results& results, const std::string& query, const std::string& qid,
                      ks::OutputFormat format) {
  const bool for_a_person = format != ks::OutputFormat::json && isatty(STDERR_FILENO);
  if (!results.showing_results_for && !for_a_person) return;
  const std::string help = ks::typing_help(results, query);
  if (help.empty()) return;
  std::cerr << "search: " << (qid.empty() ? "" : "query " + ks::cli::one_terminal_line(qid) + ": ") << ks::cli::one_terminal_line(help)
            << '\n';
}

int run(const Flags& f) {
  const ks::OutputFormat format = output_format(f);
  ks::OutputOptions out_options{format, ks::use_color(f.color, format, isatty(STDOUT_FILENO)), std::nullopt};
  ks::SearchOptions options = search_options(f, format);
  auto engine = ks::Searcher::open(index_path(f), {.connect_timeout_ms = f.timeout_ms, .timeout_ms = f.timeout_ms});

  const bool batch = !f.batch.empty();
  std::optional<BatchReader> batch_input;
  std::optional<std::pair<std::string, std::string>> single;
  if (batch) batch_input.emplace(f.batch);
  else single.emplace("", joined_query(f));
  const auto next_query = [&] { return batch ? batch_input->next() : std::exchange(single, std::nullopt); };

  const ks::PathStyle style = f.path_style == "absolute" ? ks::PathStyle::absolute : ks::PathStyle::relative;
  std::error_code cwd_error;
  const std::string cwd = std::filesystem::current_path(cwd_error).string();  // none (removed): paths stay absolute
  ks::cli::FdBuffer stdout_buffer(STDOUT_FILENO);
  std::ostream out(&stdout_buffer);
  bool any_hit = false, any_error = false;
  std::optional<ks::Analyzer> analyzer;
  if (f.literal) analyzer.emplace();
  while (const auto next = next_query()) {
    const auto& [qid, text] = *next;
    if (batch) out_options.qid = qid;
    // Every match, as many as the index holds now (a long-lived batch sees it grow).
    if (lists_every_match(f, format)) options.limit = std::max<std::size_t>(engine.document_count(), 1);
    try {
      const std::string query = f.literal ? literal_within_limits(text, qid, *analyzer) : text;
      ks::Results results = engine.search(query, options);
      ks::show_paths(results, style, cwd);
      if (f.explain) std::cerr << (batch ? "# " + ks::cli::one_terminal_line(qid) + "\n" : "") << terminal_lines(results.explanation);
      else if (format == ks::OutputFormat::human && !results.rewrites.empty() && isatty(STDERR_FILENO))
        std::cerr << "search: " << (batch ? "query " + ks::cli::one_terminal_line(qid) + ": " : "")
                  << ks::rewrites_line(results.rewrites) << '\n';
      ks::make_writer(out_options, out)->write(results);
      tell_typing_help(results, query, batch ? qid : "", format);
      any_hit = any_hit || !results.hits.empty();
    } catch (const ks::Error& e) {
      if (!batch || !fails_only_this_query(e)) throw;
      std::cerr << "search: query " << ks::cli::one_terminal_line(qid) << ": " << error_text(e, f) << '\n';
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
  register_flags(app, flags);
  app.failure_message(usage_error_line);
  try {
    std::vector<std::string> args = query_words_last(app, argc, argv);
    std::reverse(args.begin() + 1, args.end());  // CLI11 takes them last first, without the program name
    args.erase(args.begin());
    app.parse(std::move(args));
    flags.limit_given = app.count("--limit") > 0;
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? ks::exit_code::ok : ks::exit_code::error;
  }
  try {
    return run(flags);
  } catch (const std::exception& e) {
    std::cerr << "search: " << error_text(e, flags) << '\n';
    return ks::exit_code::error;
  }
}
