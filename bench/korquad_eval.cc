// korquad_eval: relevance of `search`'s default settings on KorQuAD 1.0 dev
// paragraph retrieval (964 paragraphs, title + text; see shared/data/README.md).
//
// Indexes docs.jsonl with the library's JSONL import (exactly like
// `indexer --jsonl`), runs every question of a split as plain text with the
// default SearchOptions, and prints MRR@10, R@1, R@10, nDCG@10 (binary gains),
// the number of questions without results, index size and build time.
// A question's relevant paragraphs are its qrels rows; identical copies of one
// paragraph count as one relevant text (the dataset's README), so a hit on
// any copy is a hit and the ideal DCG has one relevant item. Copies the
// README does not list but the engine treats as one article (same body
// fingerprint: kq125_35 and kq125_45 differ by one space) are equated too:
// search shows one copy of such a group, and the question's text is there.
//
//   korquad_eval [--data DIR] [--split tune] [--json FILE] [--check EXPECTED.json]
//                [--k1 X --b X --stem-weight X ...]      (tuning: override RankingParams)
//                [--index DIR [--reuse]]                 (tuning: index once, query many times)
// With --check, exits 1 when MRR@10 is more than --tolerance (0.005) below the
// pinned value, and 77 (CTest's skip code) when the data directory is absent.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <xapian.h>

#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/index_writer.h"
#include "kosearch/schema.h"
#include "kosearch/searcher.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

constexpr int skip_code = 77;

struct Metrics {
  double mrr10 = 0, r1 = 0, r10 = 0, ndcg10 = 0;
  std::size_t questions = 0, zero_results = 0, malformed = 0;
};

std::vector<std::pair<std::string, std::string>> read_tsv(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::vector<std::pair<std::string, std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return rows;
}

std::uint64_t dir_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

// The ids of the articles whose body has the same fingerprint as `id`'s (itself included).
std::set<std::string> copies_of(const Xapian::Database& db, const std::string& id) {
  namespace schema = ks::schema;
  const std::string id_term = schema::boolean_term(schema::unique_id, id);
  const auto found = db.postlist_begin(id_term);
  if (found == db.postlist_end(id_term)) return {};
  const std::string fingerprint = db.get_document(*found).get_value(schema::slot_fingerprint);
  std::set<std::string> ids;
  for (auto v = db.valuestream_begin(schema::slot_fingerprint); v != db.valuestream_end(schema::slot_fingerprint); ++v)
    if (*v == fingerprint) ids.insert(ks::deserialize(db.get_document(v.get_docid()).get_data()).id);
  return ids;
}

// Adds to each question's relevant ids the ids of articles whose body has the
// same fingerprint as a relevant one; returns how many questions widened.
std::size_t equate_copies(const std::string& index_dir, std::map<std::string, std::set<std::string>>& qrels) {
  const Xapian::Database db(index_dir);
  std::size_t widened = 0;
  for (auto& [qid, ids] : qrels) {
    const std::size_t before = ids.size();
    for (const std::string& id : std::set<std::string>(ids)) ids.merge(copies_of(db, id));
    widened += ids.size() > before;
  }
  return widened;
}

Metrics evaluate(ks::Searcher& engine, const std::vector<std::pair<std::string, std::string>>& queries,
                 const std::map<std::string, std::set<std::string>>& qrels, const ks::SearchOptions& options,
                 std::ostream* misses) {
  constexpr std::size_t cutoff = 10;
  Metrics m;
  for (const auto& [qid, question] : queries) {
    auto rel = qrels.find(qid);
    if (rel == qrels.end()) continue;
    ++m.questions;
    ks::Results results;
    try {
      results = engine.search(question, options);
    } catch (const ks::QueryError&) {  // --syntax full: a question that is no valid query finds nothing
      ++m.malformed;
    }
    if (results.hits.empty()) ++m.zero_results;
    std::size_t rank = 0;
    for (const auto& hit : results.hits) {
      if (rel->second.count(hit.id)) {
        rank = hit.rank;
        break;
      }
    }
    if (misses && rank != 1)
      *misses << qid << '\t' << rank << '\t' << question << '\t' << *rel->second.begin() << '\t'
              << (results.hits.empty() ? "-" : results.hits.front().id) << '\n';
    if (rank == 0 || rank > cutoff) continue;  // hits below 10 only tell the misses file how far off
    m.mrr10 += 1.0 / rank;
    m.r1 += rank == 1;
    m.r10 += 1;
    m.ndcg10 += 1.0 / std::log2(rank + 1.0);
  }
  if (m.questions) {
    m.mrr10 /= m.questions;
    m.r1 /= m.questions;
    m.r10 /= m.questions;
    m.ndcg10 /= m.questions;
  }
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"KorQuAD paragraph-retrieval evaluation of kosearch's default ranking", "korquad_eval"};
  std::string data = KOSEARCH_SHARED_DIR "/data/korquad", split = "tune", json_out, check, misses_out, index_dir;
  double tolerance = 0.005;
  ks::SearchOptions options;
  options.limit = 10;
  options.snippets = false;
  // Questions are text, not queries: 「」, quotes, '-' and parentheses in them
  // are not operators. --syntax full measures them as typed at `search`.
  options.syntax = ks::QuerySyntax::plain;
  auto& r = options.ranking;
  app.add_option("--syntax", options.syntax, "plain: questions as text (default); full: through search's query language")
      ->transform(CLI::CheckedTransformer(std::map<std::string, ks::QuerySyntax>{
          {"plain", ks::QuerySyntax::plain}, {"full", ks::QuerySyntax::full}}));
  app.add_option("--data", data, "folder with docs.jsonl, queries-<split>.tsv, qrels-<split>.tsv")->capture_default_str();
  app.add_option("--split", split, "question split")->capture_default_str();
  bool reuse = false;
  app.add_option("--index", index_dir, "index folder to build (default: a temporary folder, removed after)");
  app.add_flag("--reuse", reuse, "query the index already in --index instead of rebuilding it (ranking flags only change queries)")
      ->needs("--index");
  app.add_option("--json", json_out, "also write the figures as JSON to FILE");
  app.add_option("--check", check, "compare MRR@10 against the pinned figures in FILE; exit 1 on a regression");
  app.add_option("--tolerance", tolerance, "allowed MRR@10 drop for --check")->capture_default_str();
  app.add_option("--misses", misses_out, "write questions not answered at rank 1 to FILE (qid, rank, question, wanted, got)");
  app.add_option("--depth", options.limit, "results fetched per question: ranks past 10 show in --misses (rank 0: not in the top DEPTH); figures stay @10")
      ->check(CLI::Range(10, 1000));
  app.add_option("--k1", r.k1);
  app.add_option("--b", r.b);
  app.add_option("--stem-weight", r.stem_weight);
  app.add_option("--joined-weight", r.joined_weight);
  app.add_option("--bigram-weight", r.bigram_weight);
  app.add_option("--title-weight", r.title_weight);
  app.add_option("--near-weight", r.near_weight);
  app.add_option("--near-window", r.near_window);
  app.add_option("--adjacent-weight", r.adjacent_weight);
  app.add_option("--spaced-weight", r.spaced_weight);
  CLI11_PARSE(app, argc, argv);

  if (!fs::exists(fs::path(data) / "docs.jsonl")) {
    std::cerr << "korquad_eval: skipped: no KorQuAD data at " << data << '\n';
    return skip_code;
  }
  try {
    const bool temporary = index_dir.empty();
    if (temporary) index_dir = (fs::temp_directory_path() / ("korquad-eval-" + std::to_string(::getpid()))).string();
    ks::IndexOptions index_options;
    index_options.index_dir = index_dir;
    index_options.rebuild = true;
    const auto started = std::chrono::steady_clock::now();
    // Reuse is an incremental run: unchanged records are skipped, and an index
    // made by another analyzer version is refused rather than searched.
    if (reuse && fs::exists(index_dir)) index_options.rebuild = false;
    const ks::IndexSummary summary = ks::index_jsonl(fs::path(data) / "docs.jsonl", index_options);
    const std::size_t docs = summary.added + summary.updated + summary.unchanged;
    const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::uint64_t index_bytes = dir_bytes(index_dir);

    std::map<std::string, std::set<std::string>> qrels;
    for (const auto& [qid, docid] : read_tsv(fs::path(data) / ("qrels-" + split + ".tsv"))) qrels[qid].insert(docid);
    const auto queries = read_tsv(fs::path(data) / ("queries-" + split + ".tsv"));
    const std::size_t widened = equate_copies(index_dir, qrels);

    auto engine = ks::Searcher::open(index_dir);
    std::ofstream misses;
    if (!misses_out.empty()) misses.open(misses_out);
    const auto q_started = std::chrono::steady_clock::now();
    const Metrics m = evaluate(engine, queries, qrels, options, misses_out.empty() ? nullptr : &misses);
    const double query_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - q_started).count();
    if (temporary) fs::remove_all(index_dir);

    std::printf("| split | questions | MRR@10 | R@1 | R@10 | nDCG@10 | zero results | docs | index MiB | build s | queries/s |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    std::printf("| %s | %zu | %.4f | %.4f | %.4f | %.4f | %zu | %zu | %.1f | %.2f | %.0f |\n", split.c_str(),
                m.questions, m.mrr10, m.r1, m.r10, m.ndcg10, m.zero_results, docs,
                index_bytes / 1048576.0, build_s, m.questions / query_s);

    if (m.malformed) std::printf("\n%zu questions are not valid queries in this syntax (counted as no result)\n", m.malformed);
    std::printf("\n%zu questions' relevant sets widened to copies with the same body fingerprint\n", widened);

    nlohmann::json figures = {{"split", split}, {"questions", m.questions}, {"mrr10", m.mrr10}, {"r1", m.r1},
                              {"r10", m.r10}, {"ndcg10", m.ndcg10}, {"zero_results", m.zero_results}};
    if (!json_out.empty()) std::ofstream(json_out) << figures.dump(2) << '\n';
    if (!check.empty()) {
      std::ifstream in(check);
      if (!in) throw std::runtime_error("cannot read pinned figures " + check);
      const double pinned = nlohmann::json::parse(in).at("mrr10").get<double>();
      if (m.mrr10 < pinned - tolerance) {
        std::fprintf(stderr, "korquad_eval: MRR@10 %.4f fell below the pinned %.4f (tolerance %.3f)\n", m.mrr10, pinned, tolerance);
        return 1;
      }
      std::fprintf(stderr, "korquad_eval: MRR@10 %.4f within %.3f of the pinned %.4f\n", m.mrr10, tolerance, pinned);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "korquad_eval: " << e.what() << '\n';
    return 2;
  }
}
