#include "kosearch/searcher.h"

#include <chrono>
#include <cmath>
#include <filesystem>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/normalizer.h"
#include "kosearch/query_parser.h"
#include "kosearch/schema.h"

namespace kosearch {
namespace {

// An indexer committing underneath us can discard the revision we read;
// reopening picks up the new one. A few tries cover any realistic commit rate.
constexpr int max_reopen_attempts = 5;

const std::string reindex_hint = "rebuild it with `indexer --rebuild`";

void check_versions(const Xapian::Database& db, const std::string& path) {
  const std::string schema_version = db.get_metadata(std::string(schema::meta_schema));
  const std::string analyzer_version = db.get_metadata(std::string(schema::meta_analyzer));
  if (schema_version.empty() && db.get_doccount() == 0) return;  // created, never filled
  if (schema_version != schema::version || analyzer_version != Analyzer::version)
    throw Error(ErrorKind::index_incompatible,
                "index '" + path + "' was built by " + (schema_version.empty() ? "another program" : schema_version) +
                    " / " + (analyzer_version.empty() ? "unknown analyzer" : analyzer_version) + ", but this search needs " +
                    std::string(schema::version) + " / " + std::string(Analyzer::version) + ": " + reindex_hint);
}

// Rarity of each matched term, for choosing and highlighting snippet passages.
MatchWeights match_weights(const Xapian::Database& db, const BuiltQuery& built, const RankingParams& params) {
  MatchWeights weights;
  const double n = db.get_doccount();
  for (const auto& term : built.match_terms) {
    double idf = std::log((n + 1.0) / (db.get_termfreq(term) + 0.5));
    if (idf <= 0) idf = 0.01;
    const bool bigram = term.compare(0, schema::bigram.size(), schema::bigram) == 0;
    weights[term] = bigram ? idf * params.bigram_weight : idf;
  }
  return weights;
}

// Every white-space separated piece is a word; nothing is an operator.
QueryNode plain_query(std::string_view text) {
  QueryNode root;
  root.kind = QueryNode::Kind::all;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t\r\n", i);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
    QueryNode word;
    word.text = std::string(text.substr(start, end - start));
    word.position = start + 1;
    root.children.push_back(std::move(word));
    i = end;
  }
  if (root.children.empty()) throw QueryError("nothing to search for", 1);
  return root;
}

Hit make_hit(const Xapian::MSetIterator& it, std::size_t rank, const MatchWeights& weights,
             Analyzer& analyzer, const SearchOptions& options) {
  Article article = deserialize(it.get_document().get_data());
  Hit hit;
  hit.rank = rank;
  hit.score = it.get_weight();
  hit.id = article.id;
  hit.citation.path = article.path;
  hit.citation.title = article.title;
  hit.citation.source = article.source;
  hit.citation.date = article.date;
  hit.citation.author = article.author;
  hit.citation.url = article.url;
  if (options.snippets) {
    hit.snippet = make_snippet(article, weights, analyzer, options.snippet);
    hit.citation.line = hit.snippet.line;
    hit.citation.column = hit.snippet.column;
  } else {
    hit.citation.line = article.body.empty() ? article.title_line : article.body.front().number;
    hit.citation.column = 1;
  }
  return hit;
}

}  // namespace

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;
  Analyzer analyzer;

  Results run(const std::string& query, const SearchOptions& options) {
    Results results;
    const QueryNode root = options.syntax == QuerySyntax::plain ? plain_query(query) : parse_query(query);
    const BuiltQuery built = build_query(root, analyzer, options.ranking, options.mode, options.dates);
    results.explanation = built.explanation;

    Xapian::Enquire enquire(db);
    enquire.set_query(built.query);
    const auto& r = options.ranking;
    enquire.set_weighting_scheme(Xapian::BM25Weight(r.k1, 0, 1, r.b, 0.5));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // equal scores: stable order
    if (options.collapse_duplicates) enquire.set_collapse_key(schema::slot_fingerprint);
    Xapian::MSet mset = enquire.get_mset(options.offset, options.limit, options.limit);
    results.estimated_matches = mset.get_matches_estimated();

    const MatchWeights weights = options.snippets ? match_weights(db, built, r) : MatchWeights{};
    std::size_t rank = options.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      results.hits.push_back(make_hit(it, ++rank, weights, analyzer, options));
    return results;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Searcher Searcher::open(const std::string& index_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(index_path, ec))
    throw Error(ErrorKind::index_missing, "no index at '" + index_path +
                                              "': run `indexer` to build it, or point --index / SEARCH_INDEX at one");
  auto impl = std::make_unique<Impl>();
  impl->path = index_path;
  try {
    impl->db = Xapian::Database(index_path);
    check_versions(impl->db, index_path);
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw Error(ErrorKind::index_corrupt, "index '" + index_path + "' is corrupt (" + e.get_msg() + "): " + reindex_hint);
  } catch (const Xapian::NetworkError& e) {
    throw Error(ErrorKind::network, "cannot reach a shard of '" + index_path + "': " + e.get_msg());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw Error(ErrorKind::index_missing, "'" + index_path + "' is not an index (" + e.get_msg() +
                                              "): run `indexer` to build it");
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::io, "cannot open index '" + index_path + "': " + e.get_description());
  }
  return Searcher(std::move(impl));
}

Results Searcher::search(const std::string& query, const SearchOptions& options) {
  if (!is_valid_utf8(query)) throw Error(ErrorKind::invalid_input, "query is not valid UTF-8");
  const auto started = std::chrono::steady_clock::now();
  for (int attempt = 1;; ++attempt) {
    try {
      Results results = impl_->run(query, options);
      results.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      return results;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == max_reopen_attempts)
        throw Error(ErrorKind::io, "index '" + impl_->path + "' kept changing during the search; try again");
      impl_->db.reopen();
    } catch (const Xapian::DatabaseCorruptError& e) {
      throw Error(ErrorKind::index_corrupt, "index '" + impl_->path + "' is corrupt (" + e.get_msg() + "): " + reindex_hint);
    } catch (const Xapian::NetworkError& e) {
      throw Error(ErrorKind::network, "a shard of '" + impl_->path + "' failed: " + e.get_msg());
    } catch (const Xapian::Error& e) {
      throw Error(ErrorKind::internal, "search failed: " + e.get_description());
    }
  }
}

std::size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

}  // namespace kosearch
