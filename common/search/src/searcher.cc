#include "kosearch/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <xapian.h>

#include "index_reader.h"
#include "kosearch/analyzer.h"
#include "kosearch/article_path.h"
#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/index_health.h"
#include "kosearch/jsonl_citation.h"
#include "kosearch/query_limits.h"
#include "kosearch/query_builder.h"
#include "kosearch/query_explainer.h"
#include "kosearch/query_parser.h"
#include "kosearch/schema.h"
#include "kosearch/spelling_suggester.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// Highlighting a prefix word looks at no more expansions than this.
constexpr std::size_t max_prefix_highlights = 100;

// Copies of a hit are looked for among the documents holding its rarest
// query term, each checked for the fingerprint value: above this many, the
// copies are not listed (a text made only of common words; an article's rare
// words cost little). Listing copies: 100k NSMC reviews, p50 0.62 → 0.74 ms,
// p95 1.65 → 1.99 ms.
constexpr Xapian::doccount kMaxCopyScan = 2000;

// How many times a page the documents holding every word must be expected
// to number (by their frequencies) before the searcher tries them alone.
constexpr double kEveryWordShare = 4.0;

// Rarity of each matched term, for choosing and highlighting snippet passages.
// Prefix words (반도*) are highlighted through the terms they expand to.
// Term frequencies come from the match's own statistics (MSet::get_termfreq)
// or the term iterator, not from a lookup per term: on remote shards each
// lookup would be a round trip to every shard.
MatchWeights match_weights(const Xapian::Database& db, const Xapian::MSet& mset, const BuiltQuery& built,
                           const RankingParams& params) {
  MatchWeights weights;
  const double n = db.get_doccount();
  auto add = [&](const std::string& term, Xapian::doccount termfreq) {
    double idf = std::log((n + 1.0) / (termfreq + 0.5));
    if (idf <= 0) idf = 0.01;
    const bool bigram = term.compare(0, schema::bigram.size(), schema::bigram) == 0;
    weights[term] = bigram ? idf * params.bigram_weight : idf;
  };
  for (const auto& term : built.plan.match_terms) add(term, mset.get_termfreq(term));
  for (const auto& prefix : built.plan.match_prefixes) {
    std::size_t expanded = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && expanded < max_prefix_highlights; ++t, ++expanded)
      add(*t, t.get_termfreq());
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

// Which of the query words' terms a hit holds, for telling how it matched
// and which readings of its 초성 words it holds: one skip_to per term along
// the document's term list (Enquire's get_matching_terms walks the whole
// list and cost 11% of a query). Every reading counts, also those of a
// word typed without its space (ㄴㄱㅈㅂ) beyond the pairs its forms list.
std::set<std::string> matching_terms(const Xapian::Database& db, Xapian::docid docid, const BuiltQuery& built) {
  std::set<std::string> wanted;
  for (const WordTerms& word : built.words) {
    for (const auto& form : word.forms) wanted.insert(form.begin(), form.end());
    wanted.insert(word.bigrams.begin(), word.bigrams.end());
  }
  for (const auto& expansion : built.plan.expansions) wanted.insert(expansion.words.begin(), expansion.words.end());
  std::set<std::string> held;
  auto t = db.termlist_begin(docid);
  for (const std::string& term : wanted) {  // in sorted order, as the term list is
    t.skip_to(term);
    if (t == db.termlist_end(docid)) break;
    if (*t == term) held.insert(term);
  }
  return held;
}

// The articles with the fingerprint `fp` among the documents holding `term`
// (which every copy holds), in index order, at most max_copies_listed + 1
// (the hit itself among them). A walk along one posting list, checking each
// document's fingerprint value: a value-range query would scan every
// document's fingerprint instead.
// Each comes with its docid and document (read once: the hit's caller needs its origin).
struct FoundCopy {
  Xapian::docid docid;
  Xapian::Document doc;
  Copy copy;
};

std::vector<FoundCopy> copies_of(const Xapian::Database& db, const std::string& fp, const std::string& term) {
  std::vector<FoundCopy> copies;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && copies.size() <= max_copies_listed; ++p) {
    Xapian::Document doc = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
    if (doc.get_value(schema::slot_fingerprint) != fp) continue;
    const Article article = deserialize(doc.get_data());
    copies.push_back({*p, std::move(doc), {article.id, article.path, article.source, article.date}});
  }
  return copies;
}

// The spy's counts as a facet: months from the stored dates (YYYYMMDD),
// most articles first (ties by value), at most `top`, then those without a
// value ("", counted from what the spy saw).
FacetCounts facet_counts(Facet facet, const Xapian::ValueCountMatchSpy& spy, std::size_t top) {
  std::map<std::string, std::size_t> counts;
  std::size_t valued = 0;
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
    const std::string value = *v;
    const std::string key =
        facet == Facet::month && value.size() >= 6 ? value.substr(0, 4) + "-" + value.substr(4, 2) : value;
    counts[key] += v.get_termfreq();
    valued += v.get_termfreq();
  }
  FacetCounts out;
  out.facet = facet;
  out.total = spy.get_total();
  for (const auto& [value, count] : counts) out.top.push_back({value, count});
  std::stable_sort(out.top.begin(), out.top.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (out.top.size() > top) out.top.resize(top);
  if (spy.get_total() > valued) out.top.push_back({"", spy.get_total() - valued});
  return out;
}

// A hit found only through syllable pairs has no whole word to show: its
// snippet looks for the pairs alone, so the passage that matched is marked;
// and for the readings of its 초성 words it holds (`read`), which a hit
// counted partial may still have been found by.
MatchWeights pairs_only(const MatchWeights& weights, const std::set<std::string>& read) {
  MatchWeights pairs;
  for (const auto& [term, weight] : weights)
    if (term.compare(0, schema::bigram.size(), schema::bigram) == 0 || read.count(term)) pairs.emplace(term, weight);
  return pairs;
}

// The words of the readings ("노광 장비" is two).
std::set<std::string> reading_words(const std::vector<std::pair<std::string, std::string>>& readings) {
  std::set<std::string> read;
  for (const auto& [typed, reading] : readings)
    for (std::size_t at = 0; at <= reading.size();) {
      const std::size_t space = std::min(reading.find(' ', at), reading.size());
      read.insert(reading.substr(at, space - at));
      at = space + 1;
    }
  return read;
}

// The query's words with each 초성 reading a hit holds as one more form of
// its word, for telling how the hit matched: a word typed without its space
// (ㄴㄱㅈㅂ) lists as forms only the pairs of each part's most frequent
// readings, so a hit read through a rarer pair would count as partial.
std::vector<WordTerms> with_readings(const BuiltQuery& built,
                                     const std::vector<std::pair<std::string, std::string>>& readings) {
  std::vector<WordTerms> words = built.words;
  for (const auto& [typed, reading] : readings) {
    std::set<std::string> expanded;  // every word the 초성 word was read as
    for (const auto& expansion : built.plan.expansions)
      if (expansion.typed == typed) expanded.insert(expansion.words.begin(), expansion.words.end());
    const std::set<std::string> form_terms = reading_words({{typed, reading}});
    for (WordTerms& word : words) {
      const bool of_it = !word.forms.empty() && std::all_of(word.forms.begin(), word.forms.end(), [&](const auto& form) {
        return std::all_of(form.begin(), form.end(), [&](const std::string& t) { return expanded.count(t) > 0; });
      });
      if (of_it) word.forms.emplace_back(form_terms.begin(), form_terms.end());
    }
  }
  return words;
}

// A hit found through 초성 words shows the passage of the readings it was
// read as (노광 장비), not of every word with those initials.
MatchWeights only_readings(const MatchWeights& weights, const BuiltQuery& built, const std::set<std::string>& read) {
  MatchWeights kept = weights;
  for (const auto& expansion : built.plan.expansions)
    for (const std::string& word : expansion.words)
      if (!read.count(word)) kept.erase(word);
  return kept;
}

Hit make_hit(const Article& article, double score, std::size_t rank, MatchKind match, const MatchWeights& weights,
             const std::set<std::string>& read, Analyzer& analyzer, const SearchOptions& options) {
  Hit hit;
  hit.rank = rank;
  hit.score = score;
  hit.match = match;
  hit.id = article.id;
  hit.citation.path = article.path;
  hit.citation.title = article.title;
  hit.citation.source = article.source;
  hit.citation.date = article.date;
  hit.citation.updated = article.updated;
  hit.citation.author = article.author;
  hit.citation.url = article.url;
  if (options.snippets) {
    hit.snippet = make_snippet(article, match == MatchKind::partial ? pairs_only(weights, read) : weights, analyzer,
                               options.snippet);
    hit.citation.line = hit.snippet.line;
    hit.citation.column = hit.snippet.column;
  } else {
    hit.citation.line = article.body.empty() ? article.title_line : article.body.front().number;
    hit.citation.column = 1;
  }
  return hit;
}

// Xapian counts documents in 32 bits: a larger offset or limit means "all".
Xapian::doccount clamped_doccount(std::size_t n) {
  return static_cast<Xapian::doccount>(std::min<std::size_t>(n, std::numeric_limits<Xapian::doccount>::max()));
}

}  // namespace

struct Searcher::Impl {
  explicit Impl(const std::string& path, const OpenOptions& options) : reader(path, options), db(reader.db()) {}

  IndexReader reader;
  Xapian::Database& db;  // the reader's, as it is now
  Analyzer analyzer;

  // The other articles a hit stands for (it collapsed them). A copy holds
  // every term its hit holds, so the rarest of the query terms the hit holds
  // (`held`) finds them cheaply.
  std::vector<Copy> copies_of_hit(const Xapian::MSet& mset, const Xapian::MSetIterator& hit,
                                  const std::set<std::string>& held) {
    std::string rarest;
    for (const std::string& term : held)
      if (rarest.empty() || mset.get_termfreq(term) < mset.get_termfreq(rarest)) rarest = term;
    std::vector<Copy> copies;
    if (rarest.empty() || mset.get_termfreq(rarest) > kMaxCopyScan) return copies;  // a text too common to look for
    for (auto& [docid, doc, copy] : copies_of(db, hit.get_collapse_key(), rarest)) {
      if (docid == *hit || copies.size() >= max_copies_listed) continue;
      copy.path = file_path(doc, copy.id, copy.path);
      copies.push_back(std::move(copy));
    }
    return copies;
  }

  // A JSONL hit's column: where its passage starts in the record's line
  // (jsonl_citation.h), read back at the record's offset (after file_path).
  void cite_record(Hit& hit, const Xapian::Document& doc, const Article& article) {
    if (!is_jsonl_origin(reader.origin_name(doc.get_value(schema::slot_origin)))) return;
    const auto offset = schema::record_offset(doc.get_value(schema::slot_content_hash));
    if (!offset) return;
    if (auto column = jsonl_column(hit.citation.path, *offset, article, hit.snippet.body_line, hit.citation.column))
      hit.citation.column = *column;
  }

  // An article's file as an absolute path, from its origin's root (article_path.h).
  std::string file_path(const Xapian::Document& doc, const std::string& id, const std::string& stored) {
    return absolute_article_path(reader.origin_name(doc.get_value(schema::slot_origin)), id, stored);
  }

  // The article stored under id `id`; a long id's term is a hash, so the
  // stored id is compared too.
  std::optional<Article> find_article(const std::string& id) {
    const std::string term = schema::boolean_term(schema::unique_id, id);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      const Xapian::Document doc = db.get_document(*p);
      Article article = deserialize(doc.get_data());
      if (article.id != id) continue;
      article.path = file_path(doc, article.id, article.path);
      return article;
    }
    return std::nullopt;
  }

  Results run(const std::string& query, const SearchOptions& options) {
    Results results;
    const QueryNode root = options.syntax == QuerySyntax::plain ? plain_query(query) : parse_query(query);
    const Vocabulary vocabulary(db);
    const BuiltQuery built =
        build_query(root, analyzer, options.ranking, options.mode, options.dates, index_stats(vocabulary));
    if (options.explain)
      results.explanation = explain_query(built, options.ranking);

    Xapian::Enquire enquire(db);
    Xapian::MultiValueKeyMaker by_date;  // must outlive get_mset
    set_order(enquire, options, by_date, db.get_avlength());
    const auto spies = add_facet_spies(enquire, options.facets);
    const Xapian::MSet mset = match(enquire, built, options);
    results.estimated_matches = mset.get_matches_estimated();
    results.rewrites = built.plan.rewrites;
    for (std::size_t i = 0; i < spies.size(); ++i)
      results.facets.push_back(facet_counts(options.facets[i], *spies[i], options.facet_top));
    if (options.hits == HitDetail::full)
      add_hits(query, mset, built, vocabulary, options, results);
    else
      add_lean_hits(query, mset, built, vocabulary, options, results);

    const bool wanted = options.suggest == SuggestMode::always ||
                        (options.suggest == SuggestMode::automatic &&
                         (results.hits.empty() || results.hits.front().match != MatchKind::all));
    if (wanted) offer_suggestions(query, root, vocabulary, options, results);
    return results;
  }

  IndexStats index_stats(const Vocabulary& vocabulary) const {
    return {db.get_doccount(), [this](const std::string& term) { return db.get_termfreq(term); },
            reader.synonyms().empty() ? nullptr : &reader.synonyms(),
            [&vocabulary](std::u32string_view initials) {
              return vocabulary.with_initials(initials, max_prefix_expansion);
            },
            db.get_avlength()};
  }

  // The weighting, the order of the hits and which copies collapse into one.
  static void set_order(Xapian::Enquire& enquire, const SearchOptions& options, Xapian::MultiValueKeyMaker& by_date,
                        double average_length) {
    enquire.set_weighting_scheme(weighting(options.ranking, average_length));
    // Equal scores are common (short texts, same words). Docids differ between
    // one index and its shards, so ties are ordered by the content hash, the
    // same wherever the article is stored: a sharded index ranks exactly like
    // one index. (Measured: +4% instructions per query on 100k NSMC reviews.)
    if (options.sort == SortOrder::relevance) {
      enquire.set_sort_by_relevance_then_value(schema::slot_content_hash, false);
    } else {
      // Undated articles last either way: a missing date sorts as a key above
      // every date oldest first, and as the empty key newest first.
      const bool newest_first = options.sort == SortOrder::date_descending;
      by_date.add_value(schema::slot_date, newest_first, newest_first ? std::string() : std::string("\xff"));
      enquire.set_sort_by_key_then_relevance(&by_date, false);
    }
    if (options.collapse_duplicates) enquire.set_collapse_key(schema::slot_fingerprint);
  }

  // Facets: spies over value slots, shown every match (match() then checks
  // all documents), so their counts are exact.
  static std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> add_facet_spies(Xapian::Enquire& enquire,
                                                                                  const std::vector<Facet>& facets) {
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    for (const Facet facet : facets) {
      const Xapian::valueno slot = facet == Facet::source ? schema::slot_source : schema::slot_date;
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
      enquire.add_matchspy(spies.back().get());
    }
    return spies;
  }

  Xapian::MSet match(Xapian::Enquire& enquire, const BuiltQuery& built, const SearchOptions& options) const {
    // Documents holding every word outrank the rest: when they fill the page,
    // the cheap intersection gives exactly what the full query would. Tried
    // only when the words are common enough for that to be likely (else the
    // first pass is wasted: on NSMC's queries, trying it always cost 6% more).
    const double page = static_cast<double>(options.offset + options.limit);
    const bool try_every_word = built.with_every_word && options.sort == SortOrder::relevance &&
                                options.facets.empty() && built.expected_with_every_word >= kEveryWordShare * page;
    const Xapian::doccount offset = clamped_doccount(options.offset), limit = clamped_doccount(options.limit);
    const Xapian::doccount check_at_least = options.facets.empty() ? limit : db.get_doccount();
    Xapian::MSet mset;
    if (try_every_word) {
      enquire.set_query(*built.with_every_word);
      mset = enquire.get_mset(offset, limit, limit);
    }
    if (!try_every_word || mset.size() < limit) {
      enquire.set_query(built.query);
      mset = enquire.get_mset(offset, limit, check_at_least);
    }
    return mset;
  }

  void add_hits(const std::string& query, const Xapian::MSet& mset, const BuiltQuery& built,
                const Vocabulary& vocabulary, const SearchOptions& options, Results& results) {
    const MatchWeights weights = options.snippets ? match_weights(db, mset, built, options.ranking) : MatchWeights{};
    // Remote shards: all hits' documents in one request instead of one per
    // hit. Xapian 1.4.22's MSet::fetch() reads past the items when the MSet
    // starts at an offset (segfault); the iterator form does not.
    if (!mset.empty()) mset.fetch(mset.begin(), mset.end());
    std::size_t rank = options.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const HowMatched how = how_matched(*it, built, vocabulary);
      if (rank == options.offset) offer_initials_reading(query, how, options, results);
      const std::set<std::string> read = reading_words(how.readings);
      const Xapian::Document doc = it.get_document();
      const Article article = deserialize(doc.get_data());
      const MatchWeights shown = how.readings.empty() ? weights : only_readings(weights, built, read);
      Hit& hit = results.hits.emplace_back(make_hit(article, it.get_weight(), ++rank, how.kind, shown, read, analyzer, options));
      hit.citation.path = file_path(doc, hit.id, hit.citation.path);
      if (options.snippets) cite_record(hit, doc, article);
      if (it.get_collapse_count() > 0) hit.copies = copies_of_hit(mset, it, how.held);
    }
  }

  // How a hit matched: the query's terms its document holds, the readings of
  // its 초성 words among them, and so which of the query's words it has.
  struct HowMatched {
    std::set<std::string> held;
    std::vector<std::pair<std::string, std::string>> readings;
    MatchKind kind;
  };
  HowMatched how_matched(Xapian::docid docid, const BuiltQuery& built, const Vocabulary& vocabulary) const {
    HowMatched how;
    how.held = matching_terms(db, docid, built);
    how.readings = vocabulary.readings_in(docid, built.plan.expansions, how.held);
    how.kind = classify_match(how.readings.empty() ? built.words : with_readings(built, how.readings), how.held);
    return how;
  }

  // The first hit's reading of the query's 초성 words, offered as a suggestion.
  static void offer_initials_reading(const std::string& query, const HowMatched& first, const SearchOptions& options,
                                     Results& results) {
    if (options.suggest == SuggestMode::never) return;
    if (auto reading = initials_reading(query, first.readings)) results.suggestions.push_back(std::move(*reading));
  }

  // The hits of a listing or a count (HitDetail): every match, and of each
  // only what it shows. How a hit matched is worked out for the first
  // (whether to offer a suggestion) and, when the best suggestion may be
  // searched instead, for each (whether any holds what was typed).
  void add_lean_hits(const std::string& query, const Xapian::MSet& mset, const BuiltQuery& built,
                     const Vocabulary& vocabulary, const SearchOptions& options, Results& results) {
    const bool located = options.hits == HitDetail::located;
    if (!mset.empty() && located) mset.fetch(mset.begin(), mset.end());
    std::size_t rank = options.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit& hit = results.hits.emplace_back();
      hit.rank = ++rank;
      hit.score = it.get_weight();
      const bool first = rank == options.offset + 1;
      if (first || options.search_suggestion) {
        const HowMatched how = how_matched(*it, built, vocabulary);
        hit.match = how.kind;
        if (first) offer_initials_reading(query, how, options, results);
      }
      if (located) hit.citation.path = located_path(it.get_document());
    }
  }

  // A hit's file: a JSONL source's is its origin, read without the record.
  std::string located_path(const Xapian::Document& doc) {
    const std::string origin = reader.origin_name(doc.get_value(schema::slot_origin));
    if (is_jsonl_origin(origin)) return absolute_article_path(origin, {}, {});
    const Article article = deserialize(doc.get_data());
    return absolute_article_path(origin, article.id, article.path);
  }

  // Suggestions for the words the index does not hold; when nothing typed
  // matched (no hit, or hits through syllable pairs only), the hits of the
  // best suggestion instead, said so in showing_results_for.
  void offer_suggestions(const std::string& query, const QueryNode& root, const Vocabulary& vocabulary,
                         const SearchOptions& options, Results& results) {
    std::vector<Suggestion> found = suggest(query, root, analyzer, vocabulary);
    if (found.empty()) return;
    results.suggestions.insert(results.suggestions.begin(), found.begin(), found.end());
    const bool nothing_matched = std::all_of(results.hits.begin(), results.hits.end(),
                                             [](const Hit& hit) { return hit.match == MatchKind::partial; });
    if (!nothing_matched || !options.search_suggestion) return;
    SearchOptions as_suggested = options;
    as_suggested.suggest = SuggestMode::never;
    Results rewritten = run(found.front().query, as_suggested);
    if (rewritten.hits.empty() || rewritten.hits.front().match == MatchKind::partial) return;
    rewritten.suggestions = std::move(results.suggestions);
    rewritten.showing_results_for = found.front().query;
    if (!rewritten.explanation.empty())
      rewritten.explanation = "showing results for: " + found.front().query + "\n" + rewritten.explanation;
    results = std::move(rewritten);
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Searcher Searcher::open(const std::string& index_path) { return open(index_path, OpenOptions{}); }

Searcher Searcher::open(const std::string& index_path, const OpenOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(index_path, ec))
    throw Error(ErrorKind::index_missing, "no index at '" + index_path + "'");
  check_index_access(index_path, IndexAccess::read);  // "permission denied", not "not an index"
  if (options.timeout_ms == 0 || options.connect_timeout_ms == 0)
    throw Error(ErrorKind::usage, "remote shard timeouts must be at least 1 ms");
  auto impl = std::make_unique<Impl>(index_path, options);
  return Searcher(std::move(impl));
}

Results Searcher::search(const std::string& query, const SearchOptions& options) {
  if (!is_valid_utf8(query)) throw Error(ErrorKind::invalid_input, "query is not valid UTF-8");
  check_query_length(query, impl_->analyzer);
  const auto started = std::chrono::steady_clock::now();
  Results results = impl_->reader.with_retries([&] { return impl_->run(query, options); });
  results.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return results;
}

std::optional<Article> Searcher::article(const std::string& id) {
  return impl_->reader.with_retries([&] { return impl_->find_article(id); });
}

std::size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

}  // namespace kosearch
