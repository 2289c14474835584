// The searcher API: open an index (a directory, or a stub file listing local
// or remote shards), run a query, get ranked hits with snippets and
// citations. No CLI code involved; errors are kosearch::Error.
//
// A Searcher holds an open Xapian database; it is not safe to share between
// threads. It reopens and retries (a bounded number of times) when an
// indexer commits underneath it.
//
//   auto engine = kosearch::Searcher::open("index");
//   for (const auto& hit : engine.search("노광 장비", {.limit = 5}).hits)
//     std::cout << kosearch::location(hit.citation) << '\t' << hit.snippet.text << '\n';
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kosearch/document.h"
#include "kosearch/open_options.h"
#include "kosearch/query_results.h"
#include "kosearch/ranking.h"
#include "kosearch/search_results.h"
#include "kosearch/snippet.h"

namespace kosearch {

enum class QuerySyntax {
  full,   // the query language of query_parser.h
  plain,  // every character is text: no operators, quotes or fields (like grep -F)
};

// The order of hits: by relevance, or by the article's date (oldest or
// newest first; articles of the same day by relevance, undated ones last).
enum class SortOrder { relevance, date_ascending, date_descending };

// When the searcher helps with what was typed (spelling_suggester.h):
//   automatic  suggestions only when the query found nothing or no hit holds
//              every word; a query that found nothing it typed is searched
//              as its best suggestion instead (Results::showing_results_for)
//              unless SearchOptions::search_suggestion is off
//   never      no suggestions, no rewrite
//   always     suggestions for every word the index does not hold, whatever
//              was found; the rewrite as in automatic
// 초성 words are expanded in every mode; only their reading is a suggestion.
enum class SuggestMode { automatic, never, always };

// How much of each hit a search makes. Listing files or counting asks for
// every match (212,235 hits for 영화 among 712,383 reviews), so each hit gets
// only what that output shows:
//   full     everything (Hit, search_results.h)
//   located  rank, score and citation path (what --files lists)
//   counted  rank and score (what --count counts)
// A located or counted hit says how it matched (Hit::match) when it is the
// first, or when search_suggestion is on (a suggestion is searched instead
// when no hit holds what was typed); the others read MatchKind::all.
enum class HitDetail { full, located, counted };

struct SearchOptions {
  std::size_t limit = 10;
  QuerySyntax syntax = QuerySyntax::full;
  std::size_t offset = 0;
  MatchMode mode = MatchMode::prefer_all;
  SortOrder sort = SortOrder::relevance;
  // Facets to count over every matching article (exact: the match is then
  // evaluated in full, which costs what a --count does).
  std::vector<Facet> facets;
  std::size_t facet_top = 10;
  DateBounds dates;
  SnippetOptions snippet;
  bool snippets = true;     // false: skip snippet building (ids/paths only)
  HitDetail hits = HitDetail::full;
  bool explain = true;      // false: leave Results::explanation empty (a pass of its own)
  bool collapse_duplicates = true;  // show one of several identical articles
  RankingParams ranking;
  SuggestMode suggest = SuggestMode::automatic;
  // When nothing typed matched: true, the hits are those of the best
  // suggestion (Results::showing_results_for); false, the query stays as
  // typed and the suggestions are only offered (what a script needs).
  bool search_suggestion = true;
};

class Searcher {
 public:
  // Throws Error(index_missing) when there is no index, index_incompatible
  // when it was built by another schema or analyzer, network for remote shards
  // (the message names the shard), usage for a malformed stub.
  static Searcher open(const std::string& index_path);
  static Searcher open(const std::string& index_path, const OpenOptions& options);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Throws QueryError for a malformed query, Error(invalid_input) for a query
  // that is not valid UTF-8, Error(query_too_long) for one over the limits of
  // query_limits.h (64 KiB, 1,000 words; query_within_limits cuts one to fit).
  Results search(const std::string& query, const SearchOptions& options = {});

  // The article of the index with id `id` (a Hit's id), as stored: its
  // metadata and the body lines it keeps, `path` its file as hits cite it
  // (absolute from its source's root, see article_path.h). nullopt when the
  // index holds none. Nothing but the index is read: the id names no file.
  std::optional<Article> article(const std::string& id);

  std::size_t document_count() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kosearch
