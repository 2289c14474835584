// In-process query latency through the library API, the way an application
// embedding kosearch sees it: one Searcher, one thread, warm (every query is
// run once untimed first), each query then timed once around
// Searcher::search. Prints one JSON object: percentiles in milliseconds and
// result counts.
//
//   query_latency --index DIR --queries nsmc/queries.tsv --mode all --snippets off
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <time.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kosearch/error.h"
#include "kosearch/searcher.h"

namespace ks = kosearch;

namespace {

// Queries of a `qid<TAB>query` file, in file order.
std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ks::Error(ks::ErrorKind::io, "cannot read queries '" + path + "'");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) queries.push_back(line.substr(tab + 1));
  }
  return queries;
}

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

// CPU time of this thread: on a shared machine it shows what the query
// costs, where wall time also shows what the neighbours cost.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Run {
  std::vector<double> ms;          // per query, in file order
  std::vector<double> cpu_ms;
  std::vector<std::size_t> hits;   // hits returned (≤ limit)
  std::vector<std::size_t> estimated;
  std::size_t suggested = 0, rewritten = 0;  // queries that got suggestions / were searched as one
};

Run run_all(ks::Searcher& engine, const std::vector<std::string>& queries, const ks::SearchOptions& options) {
  Run run;
  for (const auto& query : queries) {
    const double cpu_start = thread_cpu_ms();
    const auto start = std::chrono::steady_clock::now();
    const ks::Results results = engine.search(query, options);
    run.ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    run.cpu_ms.push_back(thread_cpu_ms() - cpu_start);
    run.hits.push_back(results.hits.size());
    run.estimated.push_back(results.estimated_matches);
    run.suggested += !results.suggestions.empty();
    run.rewritten += results.showing_results_for.has_value();
  }
  return run;
}

nlohmann::json summarize(const Run& run, const std::vector<std::string>& queries) {
  std::vector<double> sorted = run.ms;
  std::sort(sorted.begin(), sorted.end());
  double total = 0;
  for (double v : sorted) total += v;
  nlohmann::json out;
  out["queries"] = queries.size();
  out["p50_ms"] = percentile(sorted, 50);
  out["p95_ms"] = percentile(sorted, 95);
  out["p99_ms"] = percentile(sorted, 99);
  out["max_ms"] = sorted.empty() ? 0 : sorted.back();
  out["mean_ms"] = sorted.empty() ? 0 : total / static_cast<double>(sorted.size());
  std::vector<double> cpu = run.cpu_ms;
  std::sort(cpu.begin(), cpu.end());
  out["cpu_p50_ms"] = percentile(cpu, 50);
  out["cpu_p95_ms"] = percentile(cpu, 95);
  out["cpu_p99_ms"] = percentile(cpu, 99);
  std::size_t none = 0, estimated = 0;
  nlohmann::json no_result = nlohmann::json::array();
  for (std::size_t i = 0; i < queries.size(); ++i) {
    estimated += run.estimated[i];
    if (run.hits[i] == 0) {
      ++none;
      if (no_result.size() < 20) no_result.push_back(queries[i]);
    }
  }
  out["no_result"] = none;
  out["suggested"] = run.suggested;
  out["rewritten"] = run.rewritten;
  out["no_result_examples"] = no_result;
  out["mean_estimated_matches"] = queries.empty() ? 0.0 : static_cast<double>(estimated) / static_cast<double>(queries.size());
  // The slowest queries, for profiling.
  std::vector<std::size_t> order(queries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return run.ms[a] > run.ms[b]; });
  nlohmann::json slowest = nlohmann::json::array();
  for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
    slowest.push_back({{"query", queries[order[i]]}, {"ms", run.ms[order[i]]}, {"estimated", run.estimated[order[i]]}});
  out["slowest"] = slowest;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"In-process query latency of kosearch over a query file", "query_latency"};
  std::string index, queries_path, mode = "prefer-all", snippets = "off", suggest = "auto";
  std::size_t limit = 10;
  bool no_collapse = false;
  ks::RankingParams ranking;
  app.add_option("--index", index, "index directory or shard stub")->required();
  app.add_option("--queries", queries_path, "qid<TAB>query file")->required();
  app.add_option("--mode", mode, "match mode")->check(CLI::IsMember({"prefer-all", "all", "any"}));
  app.add_option("--snippets", snippets, "build snippets")->check(CLI::IsMember({"on", "off"}));
  app.add_option("-n,--limit", limit, "hits per query");
  app.add_option("--suggest", suggest, "typing help, as search --suggest")
      ->check(CLI::IsMember({"auto", "never", "always"}))->capture_default_str();
  // Cost of each part of the query, for profiling: switch a layer off (0).
  app.add_option("--k1", ranking.k1)->capture_default_str();
  app.add_option("--b", ranking.b)->capture_default_str();
  app.add_option("--bigram-weight", ranking.bigram_weight)->capture_default_str();
  app.add_option("--title-weight", ranking.title_weight)->capture_default_str();
  app.add_option("--near-weight", ranking.near_weight)->capture_default_str();
  app.add_option("--joined-weight", ranking.joined_weight)->capture_default_str();
  app.add_option("--adjacent-weight", ranking.adjacent_weight)->capture_default_str();
  app.add_option("--spaced-weight", ranking.spaced_weight)->capture_default_str();
  app.add_option("--word-tier", ranking.word_tier)->capture_default_str();
  app.add_option("--keyword-tier", ranking.keyword_tier)->capture_default_str();
  app.add_option("--title-share", ranking.title_share)->capture_default_str();
  app.add_option("--inside-share", ranking.inside_share)->capture_default_str();
  app.add_option("--delta", ranking.delta)->capture_default_str();
  app.add_option("--min-normlen", ranking.min_normlen)->capture_default_str();
  app.add_option("--length-floor", ranking.length_floor)->capture_default_str();
  app.add_flag("--no-collapse", no_collapse, "do not collapse duplicate articles");
  bool facets = false;
  app.add_flag("--facets", facets, "count publishers and months over every match (search --facets source,date)");
  CLI11_PARSE(app, argc, argv);
  try {
    const auto queries = read_queries(queries_path);
    ks::SearchOptions options;
    options.limit = limit;
    options.mode = mode == "all" ? ks::MatchMode::all : mode == "any" ? ks::MatchMode::any : ks::MatchMode::prefer_all;
    options.snippets = snippets == "on";
    options.explain = false;
    options.ranking = ranking;
    options.collapse_duplicates = !no_collapse;
    options.suggest = suggest == "never" ? ks::SuggestMode::never
                      : suggest == "always" ? ks::SuggestMode::always
                                            : ks::SuggestMode::automatic;
    if (facets) options.facets = {ks::Facet::source, ks::Facet::month};
    const auto open_start = std::chrono::steady_clock::now();
    auto engine = ks::Searcher::open(index);
    const double open_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - open_start).count();
    run_all(engine, queries, options);  // warm-up: caches, allocator, ICU data
    nlohmann::json out = summarize(run_all(engine, queries, options), queries);
    out["mode"] = mode;
    out["snippets"] = options.snippets;
    out["limit"] = limit;
    out["suggest"] = suggest;
    out["open_ms"] = open_ms;
    out["documents"] = engine.document_count();
    std::cout << out.dump() << '\n';
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "query_latency: " << e.what() << '\n';
    return 2;
  }
}
