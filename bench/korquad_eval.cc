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
// Two collections, the same questions (shared/data/README.md):
//   clean: the 964 paragraphs alone (every document about as long as the next);
//   mixed: the same paragraphs + the first N NSMC reviews as {id, text}
//          (--distractors N, default 100,000; 0 skips it), or another JSONL
//          (--extra FILE): short texts beside long ones, as in a real archive.
//          A distractor is never relevant.
//
//   korquad_eval [--data DIR] [--split tune] [--json FILE] [--check EXPECTED.json]
//                [--distractors N | --extra FILE]
//                [--k1 X --b X --stem-weight X ...]      (tuning: override RankingParams)
//                [--index DIR [--reuse]]                 (tuning: index once, query many times;
//                                                          the mixed index is DIR-mixed)
// With --check, exits 1 when a collection's MRR@10 or R@10 is more than
// --tolerance (0.002) below its pinned value, and 77 (CTest's skip code) when the data
// directory is absent.
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
#include <zlib.h>

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
    m.mrr10 += 1.0 / static_cast<double>(rank);
    m.r1 += rank == 1;
    m.r10 += 1;
    m.ndcg10 += 1.0 / std::log2(static_cast<double>(rank) + 1.0);
  }
  if (m.questions) {
    const auto questions = static_cast<double>(m.questions);
    m.mrr10 /= questions;
    m.r1 /= questions;
    m.r10 /= questions;
    m.ndcg10 /= questions;
  }
  return m;
}


// The first `count` reviews of the NSMC gzip reduced to {id, text}, written
// to `out` as JSONL: the mixed collection's distractors.
void write_distractors(const fs::path& reviews_gz, std::size_t count, const fs::path& out) {
  gzFile in = gzopen(reviews_gz.c_str(), "rb");
  if (!in) throw std::runtime_error("cannot read " + reviews_gz.string());
  std::ofstream jsonl(out);
  std::string line;
  char buffer[1 << 16];
  std::size_t written = 0;
  while (written < count && gzgets(in, buffer, sizeof buffer)) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;  // a line longer than the buffer
    const auto review = nlohmann::json::parse(line);
    jsonl << nlohmann::json{{"id", review.at("id")}, {"text", review.at("text")}}.dump() << '\n';
    ++written;
    line.clear();
  }
  gzclose(in);
  if (written < count)
    throw std::runtime_error(reviews_gz.string() + " holds only " + std::to_string(written) + " reviews");
}

struct Collection {
  std::string name;          // "clean" or "mixed"
  fs::path index_dir;
  std::vector<fs::path> inputs;  // JSONL files indexed into it, in order
};

struct Built {
  std::size_t docs = 0;
  double seconds = 0;
  std::uint64_t bytes = 0;
};

// Indexes the collection's inputs exactly like `indexer --jsonl` (or reuses
// the index already there: an incremental run skips unchanged records).
Built build(const Collection& collection, bool reuse) {
  Built built;
  const auto started = std::chrono::steady_clock::now();
  bool rebuild = !(reuse && fs::exists(collection.index_dir));
  for (const fs::path& input : collection.inputs) {
    ks::IndexOptions options;
    options.index_dir = collection.index_dir;
    options.rebuild = rebuild;
    rebuild = false;  // the later inputs join the first one's index
    const ks::IndexSummary summary = ks::index_jsonl(input, options);
    built.docs += summary.added + summary.updated + summary.unchanged;
  }
  built.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  built.bytes = dir_bytes(collection.index_dir);
  return built;
}

struct Row {
  std::string collection;
  Metrics metrics;
  Built built;
  double queries_per_s = 0;
  std::size_t widened = 0;
};

Row run_collection(const Collection& collection, bool reuse, const fs::path& data, const std::string& split,
                   const ks::SearchOptions& options, const std::string& misses_out) {
  Row row;
  row.collection = collection.name;
  row.built = build(collection, reuse);
  std::map<std::string, std::set<std::string>> qrels;
  for (const auto& [qid, docid] : read_tsv(data / ("qrels-" + split + ".tsv"))) qrels[qid].insert(docid);
  const auto queries = read_tsv(data / ("queries-" + split + ".tsv"));
  row.widened = equate_copies(collection.index_dir.string(), qrels);

  auto engine = ks::Searcher::open(collection.index_dir.string());
  std::ofstream misses;
  if (!misses_out.empty()) misses.open(misses_out + (collection.name == "clean" ? "" : "." + collection.name));
  const auto started = std::chrono::steady_clock::now();
  row.metrics = evaluate(engine, queries, qrels, options, misses_out.empty() ? nullptr : &misses);
  row.queries_per_s = static_cast<double>(row.metrics.questions) /
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return row;
}

nlohmann::json figures_of(const Row& row, const std::string& split) {
  const Metrics& m = row.metrics;
  return {{"split", split}, {"questions", m.questions}, {"mrr10", m.mrr10}, {"r1", m.r1}, {"r10", m.r10},
          {"ndcg10", m.ndcg10}, {"zero_results", m.zero_results}, {"docs", row.built.docs}};
}

// 0 when every collection pinned in `expected` is within `tolerance` of it.
int check_against(const std::string& expected_file, const std::vector<Row>& rows, double tolerance) {
  std::ifstream in(expected_file);
  if (!in) throw std::runtime_error("cannot read pinned figures " + expected_file);
  const nlohmann::json pinned = nlohmann::json::parse(in);
  int status = 0;
  for (const Row& row : rows) {
    if (!pinned.contains(row.collection)) continue;
    for (const auto& [name, got] : {std::pair<const char*, double>{"mrr10", row.metrics.mrr10}, {"r10", row.metrics.r10}}) {
      const double want = pinned.at(row.collection).at(name).get<double>();
      const bool ok = got >= want - tolerance;
      std::fprintf(stderr, "korquad_eval: %s %s %.4f %s the pinned %.4f (tolerance %.3f)\n", row.collection.c_str(), name,
                   got, ok ? "within tolerance of" : "fell below", want, tolerance);
      if (!ok) status = 1;
    }
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"KorQuAD paragraph-retrieval evaluation of kosearch's default ranking, on the paragraphs alone "
               "and mixed with short texts",
               "korquad_eval"};
  std::string data = KOSEARCH_SHARED_DIR "/data/korquad", split = "tune", json_out, check, misses_out, index_dir;
  std::string reviews = KOSEARCH_SHARED_DIR "/data/nsmc/reviews.jsonl.gz", extra;
  std::size_t distractors = 100000;
  double tolerance = 0.002;
  ks::SearchOptions options;
  options.limit = 10;
  options.snippets = false;
  options.explain = false;
  // Questions are text, not queries: 「」, quotes, '-' and parentheses in them
  // are not operators. --syntax full measures them as typed at `search`.
  options.syntax = ks::QuerySyntax::plain;
  auto& r = options.ranking;
  app.add_option("--syntax", options.syntax, "plain: questions as text (default); full: through search's query language")
      ->transform(CLI::CheckedTransformer(std::map<std::string, ks::QuerySyntax>{
          {"plain", ks::QuerySyntax::plain}, {"full", ks::QuerySyntax::full}}));
  app.add_option("--data", data, "folder with docs.jsonl, queries-<split>.tsv, qrels-<split>.tsv")->capture_default_str();
  app.add_option("--split", split, "question split")->capture_default_str();
  app.add_option("--distractors", distractors, "mixed collection: the first N NSMC reviews beside the paragraphs (0: clean only)")
      ->capture_default_str();
  app.add_option("--reviews", reviews, "the NSMC reviews (gzip JSONL) the distractors come from")->capture_default_str();
  app.add_option("--extra", extra, "mixed collection: this JSONL beside the paragraphs instead of NSMC reviews");
  bool reuse = false;
  app.add_option("--index", index_dir, "index folder to build (default: a temporary folder, removed after); the mixed "
                                       "collection's is DIR-mixed");
  app.add_flag("--reuse", reuse, "query the indexes already in --index instead of rebuilding them (ranking flags only change queries)")
      ->needs("--index");
  app.add_option("--json", json_out, "also write the figures as JSON to FILE");
  app.add_option("--check", check, "compare MRR@10 and R@10 against the pinned figures in FILE; exit 1 on a regression");
  app.add_option("--tolerance", tolerance, "allowed drop for --check")->capture_default_str();
  app.add_option("--misses", misses_out, "write questions not answered at rank 1 to FILE (FILE.mixed for the mixed "
                                         "collection; qid, rank, question, wanted, got)");
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
  app.add_option("--delta", r.delta);
  app.add_option("--word-tier", r.word_tier);
  app.add_option("--inside-share", r.inside_share);
  app.add_option("--title-share", r.title_share);
  app.add_option("--keyword-words", r.keyword_words);
  app.add_option("--keyword-tier", r.keyword_tier);
  CLI11_PARSE(app, argc, argv);

  if (!fs::exists(fs::path(data) / "docs.jsonl")) {
    std::cerr << "korquad_eval: skipped: no KorQuAD data at " << data << '\n';
    return skip_code;
  }
  try {
    const bool temporary = index_dir.empty();
    if (temporary) index_dir = (fs::temp_directory_path() / ("korquad-eval-" + std::to_string(::getpid()))).string();
    std::vector<Collection> collections{{"clean", index_dir, {fs::path(data) / "docs.jsonl"}}};
    fs::path distractor_file;
    if (!extra.empty() || distractors > 0) {
      if (extra.empty()) {
        if (!fs::exists(reviews)) {
          std::cerr << "korquad_eval: skipped: no NSMC reviews at " << reviews << " (--distractors 0 for clean only)\n";
          return skip_code;
        }
        distractor_file = index_dir + "-distractors.jsonl";
        if (!(reuse && fs::exists(distractor_file))) write_distractors(reviews, distractors, distractor_file);
      }
      collections.push_back({"mixed", index_dir + "-mixed",
                             {fs::path(data) / "docs.jsonl", extra.empty() ? distractor_file : fs::path(extra)}});
    }

    std::vector<Row> rows;
    for (const Collection& collection : collections)
      rows.push_back(run_collection(collection, reuse, data, split, options, misses_out));
    if (temporary) {
      for (const Collection& collection : collections) fs::remove_all(collection.index_dir);
      if (!distractor_file.empty()) fs::remove(distractor_file);
    }

    std::printf("| collection | questions | MRR@10 | R@1 | R@10 | nDCG@10 | zero results | docs | index MiB | build s | queries/s |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const Row& row : rows) {
      const Metrics& m = row.metrics;
      std::printf("| %s (%s) | %zu | %.4f | %.4f | %.4f | %.4f | %zu | %zu | %.1f | %.2f | %.0f |\n",
                  row.collection.c_str(), split.c_str(), m.questions, m.mrr10, m.r1, m.r10, m.ndcg10, m.zero_results,
                  row.built.docs, static_cast<double>(row.built.bytes) / 1048576.0, row.built.seconds, row.queries_per_s);
    }
    if (rows.front().metrics.malformed)
      std::printf("\n%zu questions are not valid queries in this syntax (counted as no result)\n", rows.front().metrics.malformed);
    std::printf("\n%zu questions' relevant sets widened to copies with the same body fingerprint\n", rows.front().widened);

    nlohmann::json figures;
    for (const Row& row : rows) figures[row.collection] = figures_of(row, split);
    if (!json_out.empty()) std::ofstream(json_out) << figures.dump(2) << '\n';
    return check.empty() ? 0 : check_against(check, rows, tolerance);
  } catch (const std::exception& e) {
    std::cerr << "korquad_eval: " << e.what() << '\n';
    return 2;
  }
}
