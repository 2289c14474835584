// search: ranked full-text search over a kosearch index. Flags, query syntax,
// JSON schema and exit codes are documented in --help and the README.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>

#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/exit_codes.h"
#include "kosearch/output.h"
#include "kosearch/searcher.h"

namespace ks = kosearch;

namespace {

constexpr const char* footer = R"(Query syntax:
  word word        documents with all words rank first; any word matches
  "a phrase"       words adjacent after analysis ("노광 장비" matches 노광 장비를)
  -word -"phrase"  exclude;   a OR b   either;   ( … )  grouping
  title:word  source:word  author:word  date:2024..2025  date:2024-03..  prefix*
Exit codes: 0 at least one hit, 1 no hit, 2 error.
JSON Lines (--json): {"type":"hit",...} per hit, then {"type":"summary",...};
  fields are listed in the README.)";

struct Flags {
  std::vector<std::string> query;
  std::string index;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::size_t fragments = 1;
  std::string format = "human";
  bool json = false, files = false, count = false, explain = false;
  std::string color = "auto";
  std::string mode = "prefer-all";
  std::string since, until, batch;
  unsigned timeout_ms = 5000;
};

void register_flags(CLI::App& app, Flags& f) {
  app.add_option("query", f.query, "query words; '-' reads the query from stdin");
  app.add_option("--index", f.index, "index directory or shard stub (default: $SEARCH_INDEX, else 'index')");
  app.add_option("-n,--limit", f.limit, "number of hits to show")->check(CLI::Range(1, 100000));
  app.add_option("--offset", f.offset, "skip this many hits first (paging)");
  app.add_option("--fragments", f.fragments, "snippet passages per hit")->check(CLI::Range(1, 10));
  app.add_option("--format", f.format, "output format")->check(CLI::IsMember({"human", "json", "files", "count", "cite"}));
  app.add_flag("--json", f.json, "JSON Lines output (same as --format json)");
  app.add_flag("--files,-l", f.files, "print the path of each matching article once");
  app.add_flag("--count,-c", f.count, "print the number of hits");
  app.add_option("--color", f.color, "colour highlights")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--mode", f.mode, "prefer-all (default), all (every word required) or any")
      ->check(CLI::IsMember({"prefer-all", "all", "any"}));
  app.add_option("--since", f.since, "only articles dated on or after YYYY-MM-DD (undated articles are left out)");
  app.add_option("--until", f.until, "only articles dated on or before YYYY-MM-DD (undated articles are left out)");
  app.add_option("--batch", f.batch, "run every query of FILE (qid<TAB>query per line) against one open index");
  app.add_option("--timeout", f.timeout_ms, "remote shards: bound in ms on connecting and on each reply")
      ->check(CLI::Range(1u, 3600000u))->capture_default_str();
  app.add_flag("--explain", f.explain, "print how the query was understood (to stderr) before the results");
  app.footer(footer);
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
  o.dates.since = checked_date(f.since, "--since");
  o.dates.until = checked_date(f.until, "--until");
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

std::string index_path(const Flags& f) {
  if (!f.index.empty()) return f.index;
  const char* env = std::getenv("SEARCH_INDEX");
  return env && *env ? env : "index";
}

// (qid, query) pairs of a batch file; a line without a tab is a query whose
// qid is its line number.
std::vector<std::pair<std::string, std::string>> read_batch(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ks::Error(ks::ErrorKind::io, "cannot read batch file '" + path + "'");
  std::vector<std::pair<std::string, std::string>> queries;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) queries.emplace_back(std::to_string(n), line);
    else queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return queries;
}

std::string joined_query(const Flags& f) {
  if (f.query.size() == 1 && f.query[0] == "-") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
  }
  std::string q;
  for (const auto& word : f.query) q += (q.empty() ? "" : " ") + word;
  if (q.empty()) throw ks::Error(ks::ErrorKind::usage, "no query given (see --help)");
  return q;
}

int run(const Flags& f) {
  const ks::OutputFormat format = output_format(f);
  ks::OutputOptions out_options{format, ks::use_color(f.color, format, isatty(STDOUT_FILENO)), std::nullopt};
  const ks::SearchOptions options = search_options(f, format);
  auto engine = ks::Searcher::open(index_path(f), {.connect_timeout_ms = f.timeout_ms, .timeout_ms = f.timeout_ms});

  std::vector<std::pair<std::string, std::string>> queries;
  if (!f.batch.empty()) queries = read_batch(f.batch);
  else queries.emplace_back("", joined_query(f));

  bool any_hit = false, any_error = false;
  for (const auto& [qid, query] : queries) {
    if (!f.batch.empty()) out_options.qid = qid;
    try {
      ks::Results results = engine.search(query, options);
      if (f.explain) std::cerr << results.explanation << '\n';
      ks::make_writer(out_options, std::cout)->write(results);
      any_hit = any_hit || !results.hits.empty();
    } catch (const ks::QueryError& e) {
      if (f.batch.empty()) throw;
      std::cerr << "search: query " << qid << ": " << e.what() << '\n';
      any_error = true;
    }
    if (!std::cout) return any_hit ? ks::exit_code::ok : ks::exit_code::no_match;  // reader went away (| head)
  }
  std::cout.flush();
  if (any_error) return ks::exit_code::error;
  return any_hit ? ks::exit_code::ok : ks::exit_code::no_match;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as a failed write, handled quietly
  CLI::App app{"Ranked full-text search over a Korean news index", "search"};
  Flags flags;
  register_flags(app, flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? ks::exit_code::ok : ks::exit_code::error;
  }
  try {
    return run(flags);
  } catch (const std::exception& e) {
    std::cerr << "search: " << e.what() << '\n';
    return ks::exit_code::error;
  }
}
