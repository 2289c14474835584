#include "kosearch/query_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "kosearch/error.h"
#include "kosearch/hangul_jamo.h"
#include "kosearch/normalizer.h"
#include "kosearch/schema.h"
#include "query_terms.h"
#include "word_expansion.h"

namespace kosearch {
namespace {

using Kind = QueryNode::Kind;
using Q = Xapian::Query;
using namespace query_terms;

// What one node contributes to the query of the node around it.
struct Part {
  std::optional<Q> query;  // nothing when the node produced no terms
  bool required = false;   // the enclosing all() must not match without it
};

class Builder {
 public:
  Builder(Analyzer& analyzer, const RankingParams& params, MatchMode mode, const IndexStats& stats)
      : params_(params), mode_(mode), stats_(stats),
        tier_scale_(floored_weighting(params, stats.average_length).tier_scale), expander_(analyzer, stats.synonyms) {}

  BuiltQuery build(const QueryNode& root, const DateBounds& dates) {
    std::vector<Q> filters;
    if (dates.since || dates.until) {
      const std::string from = dates.since ? bound_value(*dates.since, "since") : "";
      const std::string to = dates.until ? bound_value(*dates.until, "until") : "";
      filters.push_back(date_query(from, to));
      ++filters_;
    }

    keyword_query_ = typed_words(root) <= params_.keyword_words;
    Part top = build_node(root);
    // Words that all vanish in analysis (only punctuation) leave nothing to
    // rank by, even when a filter would still select documents.
    const bool words_vanished = positive_leaves_ > 0 && productive_leaves_ == 0;
    if (words_vanished || (!top.query && filters_ == 0)) throw QueryError("nothing to search for", first_empty_position_);
    Q query = top.query ? *top.query : match_all_unweighted();
    if (top.query && !scoring_pairs_.empty()) query = Q(Q::OP_AND_MAYBE, query, combine(Q::OP_OR, scoring_pairs_));
    if (!filters.empty()) query = Q(Q::OP_FILTER, query, combine(Q::OP_AND, filters));

    BuiltQuery built;
    built.query = query;
    built.match_terms = std::move(match_terms_);
    built.match_prefixes = std::move(match_prefixes_);
    built.words = std::move(words_);
    built.with_every_word = with_every_word(root, query);
    built.expected_with_every_word = found_share_ * stats_.documents;
    built.keyword = keyword_query_;
    built.rewrites = expander_.take_rewrites();
    built.expansions = std::move(expansions_);
    return built;
  }

 private:
  const RankingParams& params_;
  MatchMode mode_;
  const IndexStats& stats_;
  double tier_scale_;  // BM25's scale under the length floor (floored_weighting): the tiers keep pace
  std::vector<WordTerms> words_;
  std::vector<Q> scoring_pairs_;  // syllable pairs of known words: score, never match
  std::vector<Q> found_;          // per token: the documents its tiers reward (empty Query: none)
  double found_share_ = 1.0;      // share of documents holding every token, were they independent
  bool keyword_query_ = false;     // at most keyword_words typed words: keyword_tier per word found
  std::vector<std::string> match_terms_;
  std::set<std::string> seen_terms_;
  std::vector<std::string> match_prefixes_;
  WordExpander expander_;  // Hanja readings and synonyms, noted as rewrites
  std::vector<BuiltQuery::InitialsExpansion> expansions_;
  std::map<std::string, Q> initials_readings_;  // stem of a 초성 word → OR of its readings
  std::size_t filters_ = 0;         // field and date filters met (a query may be filters only)
  std::size_t proximity_pairs_ = 0;  // neighbouring word pairs boosted so far
  std::size_t first_empty_position_ = 1;
  bool saw_empty_ = false;
  std::size_t positive_leaves_ = 0, productive_leaves_ = 0;

  // ---- analysis -------------------------------------------------------------

  // Tokens of a leaf that something is searched for by (word, phrase,
  // title: value), counted to tell when every such leaf came out empty.
  std::vector<Token> tokens_of(const QueryNode& leaf) {
    std::vector<Token> tokens = expander_.analyze(leaf.text);
    count_leaf(leaf, !tokens.empty());
    return tokens;
  }

  // Documents holding a synonym as a word (its stem, or its words in order
  // for the rarest of them: an upper bound).
  Xapian::doccount synonyms_frequency(const std::vector<Synonym>* synonyms) const {
    Xapian::doccount df = 0;
    if (!synonyms) return df;
    for (const Synonym& synonym : *synonyms) {
      Xapian::doccount rarest = std::numeric_limits<Xapian::doccount>::max();
      for (const auto& stem : synonym.stems) rarest = std::min(rarest, termfreq(stem));
      df += rarest;
    }
    return df;
  }

  void count_leaf(const QueryNode& leaf, bool productive) {
    ++positive_leaves_;
    if (productive) {
      ++productive_leaves_;
    } else if (!saw_empty_) {
      saw_empty_ = true;
      first_empty_position_ = leaf.position;
    }
  }

  // What a synonym's stems are highlighted through.
  std::function<void(const std::string&)> highlight() {
    return [this](const std::string& stem) { add_match_term(stem); };
  }

  void add_match_term(const std::string& term) {
    if (!term.empty() && seen_terms_.insert(term).second) match_terms_.push_back(term);
  }

  void add_match_terms(const std::vector<Token>& tokens) {
    for (const Token& token : tokens) {
      const schema::TokenTerms terms = schema::terms_for(token);
      add_match_term(terms.stem);
      add_match_term(terms.joined);
      for (const auto& bigram : terms.bigrams) add_match_term(std::string(schema::bigram) + bigram);
    }
  }

  // The query restricted to documents that earn the tier of every token: in
  // a keyword query, when they fill the page they are the page (coordination
  // first; with a soft keyword_tier a document missing a word could otherwise
  // outscore them, which only happens when fewer than a page hold them all). Empty when that does not hold (a
  // longer query, another mode, OR groups, a token that earns no tier).
  std::optional<Q> with_every_word(const QueryNode& root, const Q& query) const {
    if (!keyword_query_ || mode_ != MatchMode::prefer_all || found_.size() < 2) return std::nullopt;
    if (root.kind != Kind::all) return std::nullopt;
    for (const QueryNode& child : root.children)
      if (child.kind == Kind::any) return std::nullopt;
    for (const Q& found : found_)
      if (found.empty()) return std::nullopt;
    return Q(Q::OP_FILTER, query, combine(Q::OP_AND, found_));
  }

  // ---- term layers ----------------------------------------------------------

  Xapian::doccount termfreq(const std::string& term) const { return stats_.termfreq ? stats_.termfreq(term) : 1; }

  // How many documents hold the word as a word, in the text or in the byline
  // or publisher (0: the index does not know it).
  Xapian::doccount word_frequency(const schema::TokenTerms& terms) const {
    Xapian::doccount df = std::max(termfreq(terms.stem), terms.joined.empty() ? 0 : termfreq(terms.joined));
    for (const std::string_view field : {schema::author, schema::source})
      df = std::max(df, termfreq(std::string(field) + terms.stem));
    return df;
  }

  // Words the user typed that something is searched for by (exclusions and
  // filters aside): a query of a few words is a keyword query.
  static std::size_t typed_words(const QueryNode& node) {
    switch (node.kind) {
      case Kind::word:
      case Kind::prefix: return 1;
      case Kind::phrase: {
        std::size_t words = 0;
        bool in_word = false;
        for (const char c : node.text) {
          const bool space = c == ' ' || c == '\t';
          words += !space && !in_word;
          in_word = !space;
        }
        return words;
      }
      case Kind::all:
      case Kind::any: {
        std::size_t words = 0;
        for (const QueryNode& child : node.children) words += typed_words(child);
        return words;
      }
      case Kind::field: return node.field == Field::title ? typed_words(node.children.front()) : 0;
      case Kind::date_range:
      case Kind::exclude: return 0;
    }
    return 0;
  }

  // The tier a word earns: word_tier in units of the word's idf, so a rare
  // word counts for more than a common one (question words like 무엇 or 어느
  // hardly move a document up). `df` is how many documents hold it.
  // In a keyword query every word was typed on purpose: each found word
  // also earns keyword_tier, a small fixed bonus (ranking.h), so documents
  // holding more of the words come first unless BM25 says much otherwise.
  // A word most documents hold tells little about any of them: its keyword
  // tier shrinks with its idf below keyword_idf_floor, so holding it does
  // not lift a document over one holding a rarer word many times.
  double tier_weight(Xapian::doccount df) const {
    const double strict = keyword_query_ ? params_.keyword_tier : 0.0;
    if (!stats_.termfreq || stats_.documents == 0) return strict + params_.word_tier;
    const double n = stats_.documents;
    const double idf = std::max(std::log((n + 1.0) / (std::min<double>(df, n) + 0.5)), 0.01);
    const double share = params_.keyword_idf_floor > 0 ? std::min(1.0, idf / params_.keyword_idf_floor) : 1.0;
    return strict * share + params_.word_tier * idf;
  }

  // A constant `weight` for every document `matching` selects: the tier a
  // query word puts a document in, whatever the document's length.
  Q tier(double weight, const Q& matching) const {
    Q constant((new Xapian::FixedWeightPostingSource(weight * tier_scale_))->release());
    return Q(Q::OP_FILTER, constant, matching);
  }

  // One query token as ranking.h's tiers rank it: a tier bonus for the word
  // found as a word (stem, join, spaced compound) or, lower, whole inside a
  // longer word (all its syllable pairs); BM25 of those forms orders each
  // tier. Only a word the index does not hold as a word also matches through
  // some of its syllable pairs, and that earns no tier.
  // `piece`: the token is one of several the analyzer split a query word
  // into (7나노 → 7, 나노).
  Q token_scoring(const Token& token, const std::vector<Synonym>* synonyms = nullptr, bool piece = false) {
    const schema::TokenTerms terms = schema::terms_for(token);
    if (stats_.expand_initials) {
      const auto initials = hangul::initials_query(terms.stem);
      if (initials && initials->size() >= 2) return initials_scoring(token, *initials);
    }
    WordTerms word;
    word.text = terms.stem;
    std::vector<Q> as_word{same_word(token, synonyms, schema::body)};
    word.forms.push_back({terms.stem});
    if (synonyms)
      for (const Synonym& synonym : *synonyms) word.forms.push_back(synonym.stems);
    std::vector<Q> layers{scaled(as_word.front(), params_.stem_weight)};
    if (!terms.joined.empty()) {
      as_word.emplace_back(terms.joined);
      word.forms.push_back({terms.joined});
      if (params_.joined_weight > 0) layers.push_back(scaled(Q(terms.joined), params_.joined_weight));
    }
    if (params_.title_weight > 0)
      layers.push_back(scaled(same_word(token, synonyms, schema::title), params_.title_weight));
    if (token.kind == TokenKind::hangul) {
      for (auto& [split, parts] : spaced_forms(terms.stem)) {
        as_word.push_back(split);
        word.forms.push_back(parts);
        if (params_.spaced_weight > 0) layers.push_back(scaled(split, params_.spaced_weight));
      }
    }
    // The byline and the publisher name the article too (오로라 특파원):
    // they earn the tier, though as filter-only terms they carry no BM25.
    for (const std::string_view field : {schema::author, schema::source}) {
      word.forms.push_back({std::string(field) + terms.stem});
      as_word.emplace_back(word.forms.back().front());
    }
    // A bare number piece (the 7 of 7나노) is in any text with a list or a
    // date: only its join earns the tier (a review that is just "7" is no
    // match for 화웨이 7나노); the pieces in order earn theirs (tokens_scoring).
    const bool number_piece = piece && token.kind == TokenKind::number && !terms.joined.empty();
    if (number_piece) as_word = {Q(terms.joined)};
    const Q word_found = combine(Q::OP_OR, as_word);
    const Xapian::doccount df = std::min<Xapian::doccount>(
        (number_piece ? termfreq(terms.joined) : word_frequency(terms)) + synonyms_frequency(synonyms),
        stats_.documents ? stats_.documents : std::numeric_limits<Xapian::doccount>::max());
    word.known = df > 0;
    std::vector<Q> tiers, tier_matches;  // the tier queries and what each matches
    if (word.known) {
      tier_matches.push_back(word_found);
      tiers.push_back(tier(tier_weight(df), word_found));
      // A word of the title says what the whole text is about, however long.
      if (params_.title_share > 0)
        tiers.push_back(tier(tier_weight(df) * params_.title_share, same_word(token, synonyms, schema::title)));
    }
    if (!terms.bigrams.empty()) {
      std::vector<Q> bigrams;
      for (const auto& bigram : terms.bigrams) {
        word.bigrams.push_back(std::string(schema::bigram) + bigram);
        bigrams.emplace_back(word.bigrams.back());
      }
      // The tier forgives one missing pair in a long word (a space inside
      // it); telling how a hit matched does not: 3 of 엔비디야's pairs are
      // not the word.
      word.bigrams_needed = bigrams.size();
      const Q whole = bigrams_required(bigrams);
      const Q pairs = scaled(combine(Q::OP_OR, bigrams), params_.bigram_weight);
      Xapian::doccount rarest = df;
      if (!word.known) {
        rarest = stats_.documents;
        for (const auto& bigram : word.bigrams) rarest = std::min(rarest, termfreq(bigram));
      }
      if (params_.inside_share > 0) {
        // A document earns one of the word's two tiers: Xapian 1.4.22's
        // OP_MAX over them crashes in get_mset, so AND_NOT keeps them apart.
        tier_matches.push_back(whole);
        tiers.push_back(tier(tier_weight(rarest) * params_.inside_share,
                             word.known ? Q(Q::OP_AND_NOT, whole, word_found) : whole));
      }
      // A known word's syllable pairs only score documents something else
      // brought in (build: AND_MAYBE), so 양자점 never finds 양자 컴퓨터
      // through 양자 alone, while 대학교 still counts for a text on 대학.
      // A two-syllable word's one pair is the word itself: its stem scores
      // it already. (The index still holds that pair for a text holding just
      // the word: leaving it out cost MRR@10 0.001–0.002 on both KorQuAD
      // collections, as longer query words' pairs and spaced compounds
      // (노광장비 → 노광 장비) need it, for 1.3% of the index; bench/PROFILE.md.)
      const bool pair_is_the_word = terms.bigrams.size() == 1 && terms.bigrams.front() == terms.stem;
      if (params_.bigram_weight > 0 && !(word.known && pair_is_the_word))
        (word.known ? scoring_pairs_ : layers).push_back(pairs);
    }
    if (!tiers.empty()) layers.push_back(combine(Q::OP_OR, tiers));
    found_.push_back(tier_matches.empty() ? Q() : combine(Q::OP_OR, tier_matches));
    found_share_ *= stats_.documents ? std::min(1.0, static_cast<double>(df) / stats_.documents) : 1.0;
    words_.push_back(std::move(word));
    return combine(Q::OP_OR, layers);
  }

  // A word typed as initial consonants only (ㄴㄱ) is found as any index
  // word with those 초성: each is a form of the word, scored by BM25 on its
  // own (a rare reading counts for more), and the word earns the tier of its
  // most frequent reading.
  Q initials_scoring(const Token& token, std::u32string_view initials) {
    BuiltQuery::InitialsExpansion expansion{token.surface, stats_.expand_initials(initials)};
    if (expansion.words.empty())
      if (auto spaced = spaced_initials_scoring(token, initials)) return *spaced;
    WordTerms word;
    word.text = token.stem;
    std::vector<Q> readings;
    Xapian::doccount df = 0;
    for (const std::string& reading : expansion.words) {
      readings.emplace_back(reading);
      word.forms.push_back({reading});
      add_match_term(reading);
      df = std::max(df, termfreq(reading));
    }
    word.known = df > 0;
    found_.push_back(readings.empty() ? Q() : combine(Q::OP_OR, readings));
    found_share_ *= stats_.documents ? std::min(1.0, static_cast<double>(df) / stats_.documents) : 1.0;
    words_.push_back(std::move(word));
    expansions_.push_back(std::move(expansion));
    if (readings.empty()) return Q(token.stem);  // matches nothing, as typed
    initials_readings_[token.stem] = found_.back();
    return Q(Q::OP_OR, scaled(found_.back(), params_.stem_weight), tier(tier_weight(df), found_.back()));
  }

  // 초성 typed without the space between two words (ㄴㄱㅈㅂ for 노광 장비),
  // when no index word has them all: readings of two parts side by side,
  // cut nearest the middle first, each part two initials or more.
  std::optional<Q> spaced_initials_scoring(const Token& token, std::u32string_view initials) {
    constexpr std::size_t kPairedForms = 10;  // readings of each part paired to tell how a hit matched
    const std::size_t n = initials.size();
    for (std::size_t offset = 0; 2 * offset <= n; ++offset) {
      const std::size_t cuts[] = {n / 2 - offset, n / 2 + offset};
      for (std::size_t k = 0; k < (offset == 0 ? 1u : 2u); ++k) {  // offset 0: the two are one cut
        const std::size_t cut = cuts[k];
        if (cut < 2 || cut + 2 > n) continue;
        // Each expansion reads the index's words: the right part only when the left has readings.
        BuiltQuery::InitialsExpansion left{token.surface, stats_.expand_initials(initials.substr(0, cut))};
        if (left.words.empty()) continue;
        BuiltQuery::InitialsExpansion right{token.surface, stats_.expand_initials(initials.substr(cut))};
        if (right.words.empty()) continue;
        WordTerms word;
        word.text = token.stem;
        std::vector<Q> sides[2];
        Xapian::doccount df = stats_.documents;
        for (int side = 0; side < 2; ++side) {
          Xapian::doccount most = 0;
          for (const std::string& reading : (side ? right : left).words) {
            sides[side].emplace_back(reading);
            add_match_term(reading);
            most = std::max(most, termfreq(reading));
          }
          df = std::min(df, most);
        }
        for (std::size_t a = 0; a < std::min(kPairedForms, left.words.size()); ++a)
          for (std::size_t b = 0; b < std::min(kPairedForms, right.words.size()); ++b)
            word.forms.push_back({left.words[a], right.words[b]});
        const Q parts[] = {combine(Q::OP_OR, sides[0]), combine(Q::OP_OR, sides[1])};
        const Q side_by_side(Q::OP_PHRASE, std::begin(parts), std::end(parts), 2);
        word.known = df > 0;
        found_.push_back(side_by_side);
        found_share_ *= stats_.documents ? std::min(1.0, static_cast<double>(df) / stats_.documents) : 1.0;
        words_.push_back(std::move(word));
        expansions_.push_back(std::move(left));
        expansions_.push_back(std::move(right));
        return Q(Q::OP_OR, scaled(side_by_side, params_.stem_weight), tier(tier_weight(df), side_by_side));
      }
    }
    return std::nullopt;
  }

  // What a token is in a NEAR or side-by-side pair: its stem, or the
  // readings of a 초성 word.
  Q pair_part(const Token& token) const {
    const auto readings = initials_readings_.find(token.stem);
    return readings == initials_readings_.end() ? Q(token.stem) : readings->second;
  }

  // A word the analyzer splits (GPT-4, 7나노칩's parts) is still one word:
  // its pieces side by side, in order, earn one more tier.
  Q tokens_scoring(const std::vector<Token>& tokens, const std::vector<Synonym>* synonyms = nullptr) {
    std::vector<Q> parts;
    for (const Token& token : tokens)
      parts.push_back(token_scoring(token, synonyms, tokens.size() > 1));  // synonyms: one-token words only
    if (tokens.size() > 1) {
      Xapian::doccount rarest = std::numeric_limits<Xapian::doccount>::max();
      for (const Token& token : tokens) rarest = std::min(rarest, word_frequency(schema::terms_for(token)));
      if (rarest > 0) parts.push_back(tier(tier_weight(rarest), stems_in_order(tokens, schema::body)));
    }
    return combine(Q::OP_OR, parts);
  }

  // ---- nodes ----------------------------------------------------------------

  Part build_node(const QueryNode& node) {
    switch (node.kind) {
      case Kind::word: return build_word(node).part;
      case Kind::prefix: return build_prefix(node);
      case Kind::phrase: return build_phrase(node);
      case Kind::all: return build_all(node);
      case Kind::any: return build_any(node);
      case Kind::field:
      case Kind::date_range: {
        // A filter standing alone (title:칩, date:2024 as the whole query).
        std::optional<Q> filter = build_filter(node);
        if (!filter) return {};
        if (node.kind == Kind::field && node.field == Field::title) return {filter, true};
        return {Q(Q::OP_FILTER, match_all_unweighted(), *filter), true};
      }
      case Kind::exclude: break;  // only inside all(); the parser guarantees it
    }
    return {};
  }

  struct WordPart {
    Part part;
    std::vector<Token> tokens;
  };

  WordPart build_word(const QueryNode& node) {
    WordPart word;
    const std::size_t noted = expander_.noted();
    word.tokens = tokens_of(node);
    if (word.tokens.empty()) return word;
    expander_.as_one_word_member(word.tokens, noted);
    add_match_terms(word.tokens);
    const std::vector<Synonym>* synonyms = expander_.synonyms_of(word.tokens, highlight());
    Q scoring = tokens_scoring(word.tokens, synonyms);
    if (mode_ != MatchMode::all) {
      word.part = {scoring, false};
      return word;
    }
    std::vector<Q> required;
    for (const Token& token : word.tokens)
      required.push_back(synonyms ? Q(Q::OP_OR, token_required(token), same_word(token, synonyms, schema::body))
                                  : token_required(token));
    word.part = {Q(Q::OP_FILTER, scoring, combine(Q::OP_AND, required)), true};
    return word;
  }

  std::optional<std::string> prefix_text(const QueryNode& node, bool counted = true) {
    const std::string text = normalize(node.text);
    if (counted) count_leaf(node, !text.empty());
    if (text.empty()) return std::nullopt;
    return text;
  }

  Part build_prefix(const QueryNode& node) {
    const auto text = prefix_text(node);
    if (!text) return {};
    match_prefixes_.push_back(*text);
    return {scaled(prefix_query(*text, max_prefix_expansion), params_.stem_weight), mode_ == MatchMode::all};
  }

  Part build_phrase(const QueryNode& node) {
    const std::vector<Token> tokens = tokens_of(node);
    if (tokens.empty()) return {};
    add_match_terms(tokens);
    return {Q(Q::OP_AND_MAYBE, stems_in_order(tokens, schema::body), tokens_scoring(tokens)), true};
  }

  Part build_all(const QueryNode& node) {
    std::vector<Q> required, optional, filters, excluded, near;
    std::vector<std::vector<Token>> word_tokens;  // keeps the tokens `previous` points into
    const Token* previous = nullptr;              // last token of the previous word, for NEAR

    for (const QueryNode& child : node.children) {
      if (child.kind == Kind::exclude) {
        if (auto q = build_exclusion(child.children.front())) excluded.push_back(*q);
        continue;
      }
      if (child.kind == Kind::date_range || (child.kind == Kind::field && child.field != Field::title)) {
        if (auto q = build_filter(child)) filters.push_back(*q);
        continue;
      }
      Part part;
      if (child.kind == Kind::word) {
        WordPart word = build_word(child);
        part = word.part;
        if (!word.tokens.empty()) {
          word_tokens.push_back(std::move(word.tokens));
          const Token& first = word_tokens.back().front();
          if (previous && mode_ != MatchMode::any && proximity_pairs_ < max_proximity_pairs)
            add_proximity_boosts(*previous, first, near);
          previous = &word_tokens.back().back();
        }
      } else if (child.kind == Kind::field) {
        if (auto q = build_filter(child)) part = {q, true};
      } else {
        part = build_node(child);
      }
      if (part.query) (part.required ? required : optional).push_back(*part.query);
    }
    optional.insert(optional.end(), near.begin(), near.end());

    std::optional<Q> base;
    if (!required.empty()) {
      base = combine(Q::OP_AND, required);
      if (!optional.empty()) base = Q(Q::OP_AND_MAYBE, *base, combine(Q::OP_OR, optional));
    } else if (!optional.empty()) {
      base = combine(Q::OP_OR, optional);
    } else if (!filters.empty()) {
      base = match_all_unweighted();
    }
    if (!base) return {};
    if (!filters.empty()) base = Q(Q::OP_FILTER, *base, combine(Q::OP_AND, filters));
    if (!excluded.empty()) base = Q(Q::OP_AND_NOT, *base, combine(Q::OP_OR, excluded));
    return {base, !required.empty() || !filters.empty()};
  }

  // Two neighbouring query words score more where the text has them close
  // together (OP_NEAR, any order) and more again where it has them side by
  // side in the query's order: 노광 장비 beats 노광을 제외한 나머지 장비.
  void add_proximity_boosts(const Token& left, const Token& right, std::vector<Q>& boosts) {
    ++proximity_pairs_;
    const Q pair[] = {pair_part(left), pair_part(right)};
    if (params_.near_weight > 0)
      boosts.push_back(scaled(Q(Q::OP_NEAR, std::begin(pair), std::end(pair), params_.near_window), params_.near_weight));
    if (params_.adjacent_weight > 0)
      boosts.push_back(scaled(Q(Q::OP_PHRASE, std::begin(pair), std::end(pair), 2), params_.adjacent_weight));
    // A 초성 word typed beside another word names words side by side (ㄴㄱ
    // ㅈㅂ, ㄴㄱ 장비: 노광 장비): readings that are neighbours of it in the
    // text earn a tier of their own, strict whatever the keyword tier is, or
    // a long text holding many unrelated readings would come first.
    if (initials_readings_.count(left.stem) || initials_readings_.count(right.stem))
      boosts.push_back(tier(params_.initials_pair_tier, Q(Q::OP_PHRASE, std::begin(pair), std::end(pair), 2)));
  }

  Part build_any(const QueryNode& node) {
    std::vector<Q> sides;
    bool required = false;
    for (const QueryNode& child : node.children) {
      Part part = build_node(child);
      if (!part.query) continue;
      sides.push_back(*part.query);
      required = required || part.required;
    }
    if (sides.empty()) return {};
    return {combine(Q::OP_OR, sides), required};
  }

  // title:, source:, author: and date: as a query; title: scores, the others
  // are boolean.
  std::optional<Q> build_filter(const QueryNode& node, bool positive = true) {
    if (node.kind == Kind::date_range) {
      ++filters_;
      return date_query(node.date_from, node.date_to);
    }
    const QueryNode& value = node.children.front();
    const std::string_view prefix = schema::prefix_of(node.field);
    const bool scores = positive && node.field == Field::title;
    std::optional<Q> q;
    if (value.kind == Kind::prefix) {
      const auto text = prefix_text(value, scores);
      if (text) {
        q = prefix_query(std::string(prefix) + *text, max_prefix_expansion);

      }
    } else {
      const std::vector<Token> tokens = scores ? tokens_of(value) : expander_.analyze(value.text);
      if (!tokens.empty()) {
        // Only the title keeps positions, so only there is a phrase a phrase.
        q = value.kind == Kind::phrase && node.field == Field::title ? stems_in_order(tokens, prefix)
                                                                 : all_stems(tokens, prefix);
        if (scores) add_match_terms(tokens);
      }
    }
    const std::string name(field_name(node.field));
    if (!q) throw QueryError(name + ": value has nothing to search for", value.position);
    ++filters_;
    if (node.field == Field::title) return scaled(*q, params_.stem_weight);
    return Q(Q::OP_SCALE_WEIGHT, *q, 0.0);
  }

  // What an excluded node matches: words as written (stem or join, never a
  // mere shared bigram), phrases, fields, dates, groups.
  std::optional<Q> build_exclusion(const QueryNode& node) {
    switch (node.kind) {
      case Kind::word: {
        const std::vector<Token> tokens = expander_.analyze(node.text);
        if (tokens.empty()) return std::nullopt;
        // An excluded word leaves out its synonyms too: they are the same word.
        if (const auto* synonyms = expander_.synonyms_of(tokens, nullptr))
          return Q(Q::OP_OR, token_strict(tokens.front()), same_word(tokens.front(), synonyms, schema::body));
        std::vector<Q> parts;
        for (const Token& token : tokens) parts.push_back(token_strict(token));
        return combine(Q::OP_AND, parts);
      }
      case Kind::prefix: {
        const std::string text = normalize(node.text);
        if (text.empty()) return std::nullopt;
        return prefix_query(text, max_prefix_expansion);
      }
      case Kind::phrase: {
        const std::vector<Token> tokens = expander_.analyze(node.text);
        if (tokens.empty()) return std::nullopt;
        return stems_in_order(tokens, schema::body);
      }
      case Kind::field:
      case Kind::date_range: {
        // An exclusion, not a filter: it selects nothing by itself.
        const std::size_t before = filters_;
        std::optional<Q> q = build_filter(node, false);
        filters_ = before;
        return q;
      }
      case Kind::all: {
        std::vector<Q> parts, inner_excluded;
        for (const QueryNode& child : node.children) {
          if (child.kind == Kind::exclude) {
            if (auto q = build_exclusion(child.children.front())) inner_excluded.push_back(*q);
          } else if (auto q = build_exclusion(child)) {
            parts.push_back(*q);
          }
        }
        if (parts.empty()) return std::nullopt;
        Q q = combine(Q::OP_AND, parts);
        if (!inner_excluded.empty()) q = Q(Q::OP_AND_NOT, q, combine(Q::OP_OR, inner_excluded));
        return q;
      }
      case Kind::any: {
        std::vector<Q> parts;
        for (const QueryNode& child : node.children)
          if (auto q = build_exclusion(child)) parts.push_back(*q);
        if (parts.empty()) return std::nullopt;
        return combine(Q::OP_OR, parts);
      }
      case Kind::exclude: break;
    }
    return std::nullopt;
  }
};

}  // namespace

BuiltQuery build_query(const QueryNode& root, Analyzer& analyzer, const RankingParams& params, MatchMode mode,
                       const DateBounds& dates, const IndexStats& stats) {
  return Builder(analyzer, params, mode, stats).build(root, dates);
}

MatchKind classify_match(const std::vector<WordTerms>& words, const std::set<std::string>& matched) {
  std::size_t found = 0;
  for (const WordTerms& word : words) {
    const auto all_matched = [&](const std::vector<std::string>& terms) {
      return std::all_of(terms.begin(), terms.end(), [&](const std::string& t) { return matched.count(t) > 0; });
    };
    const auto pairs = static_cast<std::size_t>(std::count_if(
        word.bigrams.begin(), word.bigrams.end(), [&](const std::string& t) { return matched.count(t) > 0; }));
    const bool as_word = std::any_of(word.forms.begin(), word.forms.end(), all_matched);
    found += as_word || (!word.bigrams.empty() && pairs >= word.bigrams_needed);
  }
  if (words.empty() || found == words.size()) return MatchKind::all;
  return found > 0 ? MatchKind::some : MatchKind::partial;
}

FlooredWeighting floored_weighting(const RankingParams& params, double average_length) {
  const double floor = params.length_floor;
  if (floor <= 0 || average_length <= 0) return {params.k1, params.b, params.min_normlen, params.delta};
  // Floored: K = k1 · ((1 − b) + b · max(length, F) / P, min_normlen), P = max(A, F).
  // Stock:   K = k1' · ((1 − b') + b' · max(length / A, min_normlen')).
  const double pivot = std::max(average_length, floor);
  const double k1 = params.k1 * (1 - params.b) + params.k1 * params.b * average_length / pivot;
  const double b = k1 > 0 ? params.k1 * params.b * average_length / (pivot * k1) : params.b;
  const double min_normlen = std::max(floor / average_length, params.min_normlen * pivot / average_length);
  const double scale = (k1 + 1) / (params.k1 + 1);  // of BM25's tf part: delta and the tiers follow
  return {k1, b, min_normlen, params.delta * scale, scale};
}

Xapian::BM25PlusWeight weighting(const RankingParams& params, double average_length) {
  const FlooredWeighting w = floored_weighting(params, average_length);
  return Xapian::BM25PlusWeight(w.k1, 0, 1, w.b, w.min_normlen, w.delta);
}

}  // namespace kosearch
