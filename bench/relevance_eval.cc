// relevance_eval: relevance of `search`'s default ranking on every evaluation
// collection in shared/data (see its README), one command for all:
//
//   korquad    KorQuAD 1.0 dev: 964 paragraphs (~1.2 KB, title + text),
//              full-sentence questions, each about one paragraph;
//   petitions  3,611 petition bodies (~3.5 KB, no title), each petition's
//              title a query whose own body is the one relevant document:
//              headlines and keyword queries over article-length texts.
//
// Each set is measured alone (clean) and among the first N NSMC reviews as
// {id, text} (mixed; --distractors N, default 100,000, 0 skips it): short
// texts beside long ones, as briefs and notes sit beside articles in a real
// archive. A review is never relevant. Every figure is also given by query
// length in words (split on spaces: 1–2, 3–4, 5–7, 8+, and 1–4), since a
// keyword query and a pasted sentence are ranked differently (ranking.h).
//
// Indexes with the library's JSONL import (exactly like `indexer --jsonl`),
// runs every query of a split as plain text with the default SearchOptions,
// and prints MRR@10, R@1, R@10, nDCG@10 (binary gains), queries without
// results, index size and build time. A query's relevant documents are its
// qrels rows; documents the engine treats as one article (same body
// fingerprint: KorQuAD repeats three paragraphs) count as the same text.
//
//   relevance_eval [--sets korquad,petitions] [--split tune] [--distractors N]
//                  [--json FILE] [--check EXPECTED.json] [--misses PREFIX]
//                  [--k1 X --b X ...]             (tuning: override RankingParams)
//                  [--index DIR [--reuse]]        (tuning: index once, query many times:
//                                                  DIR/<set> and DIR/<set>-mixed)
// With --check, exits 1 when a collection's MRR@10 or R@10, or a query
// length's MRR@10, is more than --tolerance (0.002) below its pinned value,
// and 77 (CTest's skip code) when the data is absent.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
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
constexpr std::size_t cutoff = 10;

struct Metrics {
  double mrr10 = 0, r1 = 0, r10 = 0, ndcg10 = 0;
  std::size_t questions = 0, zero_results = 0, malformed = 0;

  void add(std::size_t rank, bool empty) {
    ++questions;
    zero_results += empty;
    if (rank == 0 || rank > cutoff) return;  // hits below 10 only tell the misses file how far off
    mrr10 += 1.0 / static_cast<double>(rank);
    r1 += rank == 1;
    r10 += 1;
    ndcg10 += 1.0 / std::log2(static_cast<double>(rank) + 1.0);
  }
  void finish() {
    if (!questions) return;
    const auto n = static_cast<double>(questions);
    mrr10 /= n;
    r1 /= n;
    r10 /= n;
    ndcg10 /= n;
  }
};

// Query lengths the figures are split by: words as split on spaces.
struct Bucket {
  const char* name;
  std::size_t min_words, max_words;
};
constexpr Bucket buckets[] = {{"1-2", 1, 2}, {"3-4", 3, 4}, {"5-7", 5, 7}, {"8+", 8, SIZE_MAX}, {"1-4", 1, 4}};

std::size_t words_in(const std::string& query) {
  std::istringstream in(query);
  std::size_t words = 0;
  for (std::string word; in >> word;) ++words;
  return words;
}

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

struct Evaluation {
  Metrics all;
  std::map<std::string, Metrics> by_length;
};

Evaluation evaluate(ks::Searcher& engine, const std::vector<std::pair<std::string, std::string>>& queries,
                    const std::map<std::string, std::set<std::string>>& qrels, const ks::SearchOptions& options,
                    std::ostream* misses) {
  Evaluation e;
  for (const auto& [qid, question] : queries) {
    auto rel = qrels.find(qid);
    if (rel == qrels.end()) continue;
    ks::Results results;
    try {
      results = engine.search(question, options);
    } catch (const ks::QueryError&) {  // --syntax full: a question that is no valid query finds nothing
      ++e.all.malformed;
    }
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
    e.all.add(rank, results.hits.empty());
    const std::size_t words = words_in(question);
    for (const Bucket& bucket : buckets)
      if (words >= bucket.min_words && words <= bucket.max_words) e.by_length[bucket.name].add(rank, results.hits.empty());
  }
  e.all.finish();
  for (auto& [name, m] : e.by_length) m.finish();
  return e;
}

// The first `count` reviews of the NSMC gzip reduced to {id, text}, written
// to `out` as JSONL: the mixed collections' distractors.
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
  std::string set;      // "korquad", "petitions"
  std::string variant;  // "clean" or "mixed"
  fs::path data;        // the set's folder: docs.jsonl, queries-<split>.tsv, qrels-<split>.tsv
  fs::path index_dir;
  std::vector<fs::path> inputs;  // JSONL files indexed into it, in order
};

struct Built {
  std::size_t docs = 0;
  double seconds = 0;
  std::uint64_t bytes = 0;
};

// Indexes the collection's inputs exactly like `indexer --jsonl`, or reuses
// the index already there as it is (no import at all: several tuning runs may
// query one index at once, and an import would take its lock).
Built build(const Collection& collection, bool reuse) {
  Built built;
  const auto started = std::chrono::steady_clock::now();
  if (reuse && fs::exists(collection.index_dir)) {
    built.docs = Xapian::Database(collection.index_dir.string()).get_doccount();
    built.bytes = dir_bytes(collection.index_dir);
    return built;
  }
  bool rebuild = true;
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
  const Collection* collection = nullptr;
  Evaluation eval;
  Built built;
  double queries_per_s = 0;
  std::size_t widened = 0;
};

Row run_collection(const Collection& collection, bool reuse, const std::string& split,
                   const ks::SearchOptions& options, const std::string& misses_prefix) {
  Row row;
  row.collection = &collection;
  row.built = build(collection, reuse);
  std::map<std::string, std::set<std::string>> qrels;
  for (const auto& [qid, docid] : read_tsv(collection.data / ("qrels-" + split + ".tsv"))) qrels[qid].insert(docid);
  const auto queries = read_tsv(collection.data / ("queries-" + split + ".tsv"));
  row.widened = equate_copies(collection.index_dir.string(), qrels);

  auto engine = ks::Searcher::open(collection.index_dir.string());
  std::ofstream misses;
  if (!misses_prefix.empty()) misses.open(misses_prefix + "." + collection.set + "-" + collection.variant + ".tsv");
  const auto started = std::chrono::steady_clock::now();
  row.eval = evaluate(engine, queries, qrels, options, misses_prefix.empty() ? nullptr : &misses);
  row.queries_per_s = static_cast<double>(row.eval.all.questions) /
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return row;
}

nlohmann::json figures_of(const Row& row, const std::string& split, std::size_t distractors) {
  const Metrics& m = row.eval.all;
  nlohmann::json figures{{"split", split}, {"questions", m.questions}, {"mrr10", m.mrr10}, {"r1", m.r1},
                         {"r10", m.r10}, {"ndcg10", m.ndcg10}, {"zero_results", m.zero_results},
                         {"docs", row.built.docs}};
  if (row.collection->variant == "mixed") figures["distractors"] = distractors;
  for (const auto& [name, b] : row.eval.by_length)
    figures["by_length"][name] = {{"questions", b.questions}, {"mrr10", b.mrr10}, {"r10", b.r10}};
  return figures;
}

// 0 when every figure pinned in `expected` for the collections run is within
// `tolerance` of it. A mixed collection pinned with another distractor count
// is a usage error: its figures are not comparable.
int check_against(const std::string& expected_file, const std::vector<Row>& rows, std::size_t distractors,
                  double tolerance) {
  std::ifstream in(expected_file);
  if (!in) throw std::runtime_error("cannot read pinned figures " + expected_file);
  const nlohmann::json pinned = nlohmann::json::parse(in);
  int status = 0;
  const auto compare = [&](const std::string& what, double got, double want) {
    const bool ok = got >= want - tolerance;
    std::fprintf(stderr, "relevance_eval: %s %.4f %s the pinned %.4f (tolerance %.3f)\n", what.c_str(), got,
                 ok ? "within tolerance of" : "fell below", want, tolerance);
    if (!ok) status = 1;
  };
  for (const Row& row : rows) {
    const Collection& c = *row.collection;
    if (!pinned.contains(c.set) || !pinned.at(c.set).contains(c.variant)) continue;
    const nlohmann::json& want = pinned.at(c.set).at(c.variant);
    if (c.variant == "mixed" && want.value("distractors", std::size_t{0}) != distractors)
      throw std::runtime_error(c.set + " mixed is pinned with " + std::to_string(want.value("distractors", 0)) +
                               " distractors, not " + std::to_string(distractors) + " (--distractors)");
    const std::string name = c.set + " " + c.variant;
    compare(name + " mrr10", row.eval.all.mrr10, want.at("mrr10").get<double>());
    compare(name + " r10", row.eval.all.r10, want.at("r10").get<double>());
    if (!want.contains("by_length")) continue;
    for (const auto& [length, b] : row.eval.by_length)
      if (want.at("by_length").contains(length))
        compare(name + " " + length + " words mrr10", b.mrr10, want.at("by_length").at(length).at("mrr10").get<double>());
  }
  return status;
}

void print_tables(const std::vector<Row>& rows, const std::string& split) {
  std::printf("| collection | queries | MRR@10 | R@1 | R@10 | nDCG@10 | zero results | docs | index MiB | build s | queries/s |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const Row& row : rows) {
    const Metrics& m = row.eval.all;
    std::printf("| %s %s (%s) | %zu | %.4f | %.4f | %.4f | %.4f | %zu | %zu | %.1f | %.2f | %.0f |\n",
                row.collection->set.c_str(), row.collection->variant.c_str(), split.c_str(), m.questions, m.mrr10,
                m.r1, m.r10, m.ndcg10, m.zero_results, row.built.docs,
                static_cast<double>(row.built.bytes) / 1048576.0, row.built.seconds, row.queries_per_s);
  }
  std::printf("\nMRR@10 by query length (words; queries in brackets):\n\n| collection |");
  for (const Bucket& bucket : buckets) std::printf(" %s |", bucket.name);
  std::printf("\n|---|");
  for (std::size_t i = 0; i < std::size(buckets); ++i) std::printf("---|");
  std::printf("\n");
  for (const Row& row : rows) {
    std::printf("| %s %s |", row.collection->set.c_str(), row.collection->variant.c_str());
    for (const Bucket& bucket : buckets) {
      const auto b = row.eval.by_length.find(bucket.name);
      if (b == row.eval.by_length.end()) std::printf(" - |");
      else std::printf(" %.4f (%zu) |", b->second.mrr10, b->second.questions);
    }
    std::printf("\n");
  }
  for (const Row& row : rows) {
    if (row.eval.all.malformed)
      std::printf("\n%s: %zu queries are not valid in this syntax (counted as no result)\n",
                  row.collection->set.c_str(), row.eval.all.malformed);
    if (row.widened)
      std::printf("\n%s %s: %zu queries' relevant sets widened to copies with the same body fingerprint\n",
                  row.collection->set.c_str(), row.collection->variant.c_str(), row.widened);
  }
}

}  // namespace

int main(int argc, char** argv) {
  ::setenv("XAPIAN_FLUSH_THRESHOLD", ks::bulk_flush_threshold, /*overwrite=*/0);  // as indexer does (index_writer.h)
  CLI::App app{"Relevance of kosearch's default ranking on the evaluation collections (KorQuAD paragraphs, "
               "petition headlines), each alone and mixed with short texts",
               "relevance_eval"};
  std::string data = KOSEARCH_SHARED_DIR "/data", split = "tune", json_out, check, misses_prefix, index_dir;
  std::string reviews = KOSEARCH_SHARED_DIR "/data/nsmc/reviews.jsonl.gz";
  std::vector<std::string> sets{"korquad", "petitions"};
  std::size_t distractors = 100000;
  double tolerance = 0.002;
  ks::SearchOptions options;
  options.limit = 10;
  options.snippets = false;
  options.explain = false;
  // Questions and titles are text, not queries: 「」, quotes, '-' and
  // parentheses in them are not operators. --syntax full measures them as
  // typed at `search`.
  options.syntax = ks::QuerySyntax::plain;
  auto& r = options.ranking;
  app.add_option("--syntax", options.syntax, "plain: queries as text (default); full: through search's query language")
      ->transform(CLI::CheckedTransformer(std::map<std::string, ks::QuerySyntax>{
          {"plain", ks::QuerySyntax::plain}, {"full", ks::QuerySyntax::full}}));
  app.add_option("--data", data, "folder with the sets' folders (<set>/docs.jsonl, queries-<split>.tsv, qrels-<split>.tsv)")
      ->capture_default_str();
  app.add_option("--sets", sets, "sets to measure")->delimiter(',')->check(CLI::IsMember({"korquad", "petitions"}))
      ->capture_default_str();
  app.add_option("--split", split, "query split")->capture_default_str();
  app.add_option("--distractors", distractors, "mixed collections: the first N NSMC reviews beside each set (0: clean only)")
      ->capture_default_str();
  app.add_option("--reviews", reviews, "the NSMC reviews (gzip JSONL) the distractors come from")->capture_default_str();
  bool reuse = false;
  app.add_option("--index", index_dir, "folder for the indexes (DIR/<set>, DIR/<set>-mixed; default: a temporary "
                                       "folder, removed after)");
  app.add_flag("--reuse", reuse, "query the indexes already in --index instead of rebuilding them (ranking flags only change queries)")
      ->needs("--index");
  app.add_option("--json", json_out, "also write the figures as JSON to FILE");
  app.add_option("--check", check, "compare the figures against the pinned ones in FILE; exit 1 on a regression");
  app.add_option("--tolerance", tolerance, "allowed drop for --check")->capture_default_str();
  app.add_option("--misses", misses_prefix, "write queries not answered at rank 1 to PREFIX.<set>-<clean|mixed>.tsv "
                                            "(qid, rank, query, wanted, got)");
  app.add_option("--depth", options.limit, "results fetched per query: ranks past 10 show in --misses (rank 0: not in the top DEPTH); figures stay @10")
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
  app.add_option("--min-normlen", r.min_normlen);
  app.add_option("--length-floor", r.length_floor);
  app.add_option("--word-tier", r.word_tier);
  app.add_option("--inside-share", r.inside_share);
  app.add_option("--title-share", r.title_share);
  app.add_option("--keyword-words", r.keyword_words);
  app.add_option("--keyword-tier", r.keyword_tier);
  app.add_option("--keyword-idf-floor", r.keyword_idf_floor);
  CLI11_PARSE(app, argc, argv);

  for (const std::string& set : sets)
    if (!fs::exists(fs::path(data) / set / "docs.jsonl")) {
      std::cerr << "relevance_eval: skipped: no " << set << " data at " << fs::path(data) / set << '\n';
      return skip_code;
    }
  if (distractors > 0 && !fs::exists(reviews)) {
    std::cerr << "relevance_eval: skipped: no NSMC reviews at " << reviews << " (--distractors 0 for clean only)\n";
    return skip_code;
  }
  try {
    const bool temporary = index_dir.empty();
    if (temporary) index_dir = (fs::temp_directory_path() / ("relevance-eval-" + std::to_string(::getpid()))).string();
    fs::create_directories(index_dir);
    const fs::path distractor_file = fs::path(index_dir) / ("distractors-" + std::to_string(distractors) + ".jsonl");
    if (distractors > 0 && !(reuse && fs::exists(distractor_file)))
      write_distractors(reviews, distractors, distractor_file);
    std::vector<Collection> collections;
    for (const std::string& set : sets) {
      const fs::path docs = fs::path(data) / set / "docs.jsonl";
      collections.push_back({set, "clean", fs::path(data) / set, fs::path(index_dir) / set, {docs}});
      if (distractors > 0)
        collections.push_back({set, "mixed", fs::path(data) / set, fs::path(index_dir) / (set + "-mixed"),
                               {docs, distractor_file}});
    }

    std::vector<Row> rows;
    for (const Collection& collection : collections)
      rows.push_back(run_collection(collection, reuse, split, options, misses_prefix));
    if (temporary) fs::remove_all(index_dir);
    print_tables(rows, split);

    nlohmann::json figures;
    for (const Row& row : rows)
      figures[row.collection->set][row.collection->variant] = figures_of(row, split, distractors);
    if (!json_out.empty()) std::ofstream(json_out) << figures.dump(2) << '\n';
    return check.empty() ? 0 : check_against(check, rows, distractors, tolerance);
  } catch (const std::exception& e) {
    std::cerr << "relevance_eval: " << e.what() << '\n';
    return 2;
  }
}
