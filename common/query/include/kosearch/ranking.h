// Ranking: how documents are ordered for a query, and the parameters of it.
//
// The design: tiers before scores. Every positive query word contributes
//   tier   a constant for the document, whatever its length:
//          - the word found as a word (stem, join, compound spaced, byline or
//            publisher): word_tier × idf(word), plus keyword_tier in a keyword
//            query (at most keyword_words words typed);
//          - found whole inside a longer word (all its syllable pairs, one
//            may be missing in a long word: a space inside it): inside_share
//            of that; a word in the title: title_share more;
//          - found only through some of its syllable pairs: no tier.
//   score  BM25+ (Xapian's BM25PlusWeight) of the word's stem, join, title
//          stem and spaced forms, and of its syllable pairs (bigram_weight;
//          a known word's pairs only score documents something else found),
//          plus NEAR and side-by-side boosts for neighbouring words.
// The tier is a Xapian::FixedWeightPostingSource filtered by the word's forms
// (query_builder.cc), so it is Xapian's own weighting: remote shards compute
// it too, and the matcher prunes on it (once a page is full of documents
// holding every word, documents missing one are skipped unseen).
//
// Why: BM25 alone ranks by term statistics normalised by length, which the
// mixed collection breaks (a 5-word review sharing one syllable pair outscored
// a 300-word article holding every word: KorQuAD MRR@10 0.96 → 0.77 with
// 100,000 reviews beside the paragraphs). A tier is length-free evidence that
// the word is there. The tiers are weighted by idf and stay comparable to
// BM25: coordination by how informative the words found are, so a question's
// 무엇 or a headline's 도와주세요 hardly lifts a document. In a keyword query
// each word found also earns a small fixed bonus (keyword_tier): holding more
// of the typed words comes first unless another document holds the rarest
// word many times (a strict bonus of 1000 ranked 길고양이를 도와주세요's own
// petition 6th, below five holding both words once; bench/RANKING.md). BM25+'s delta keeps a long text's matched
// terms from fading to nothing under length normalisation. The length
// floor keeps short texts beside long ones from moving BM25's length pivot:
// the average length of reviews mixed with articles is far below either's own. Xapian 1.4.22's
// OP_MAX over posting sources crashes in get_mset, so the two tiers of a word
// are kept apart with AND_NOT instead.
//
// Defaults: the tune splits of KorQuAD (paragraphs, questions) and of the
// petitions (articles, headlines), each alone and among 100,000 reviews
// (bench/relevance_eval, pinned in bench/relevance_expected.json; every lever
// tried in bench/RANKING.md; bench/tune_ranking.py searches the mean MRR@10);
// the keyword queries of tests/e2e/queries/ with 100,000 reviews beside the
// articles.
#pragma once

namespace kosearch {

struct RankingParams {
  double k1 = 1.6;               // BM25 tf saturation: an article's subject word recurs (petitions: 0.4 → 1.6 +0.02)
  double b = 1.0;                // BM25 length normalisation: full; the tiers and delta keep long texts up
  double delta = 1.5;            // BM25+ lower bound per matched term, in units of its idf (keeps articles up among reviews)
  double min_normlen = 0.25;     // BM25 length: a text shorter than this share of the average counts as this long
                                 // (Xapian's default 0.5 held short petitions back: 1–4-word titles +0.005)
  double length_floor = 300;     // BM25 length, in terms: a text shorter counts as this long, and the average
                                 // length is never taken below it (reviews beside articles: bench/RANKING.md)
  double stem_weight = 1.0;      // the stem of each query word: the unit of the others
  double joined_weight = 1.0;    // number+unit / Latin+particle joins (2028년, asml사)
  double bigram_weight = 0.75;   // sub-word layer: a safety net under the stem, never above it
  double title_weight = 0.4;     // the stem found in the title (also counted in the body)
  double near_weight = 0.2;      // neighbouring query words within near_window words of each other
  unsigned near_window = 6;
  double adjacent_weight = 0.1;  // neighbouring query words side by side, in order (노광 장비)
  double spaced_weight = 0.5;    // a compound query word found spaced in the text (노광장비 → 노광 장비)
  double word_tier = 1.0;        // tier of a word found as a word, per unit of its idf
  double inside_share = 0.75;    // a word found whole inside a longer word earns this share of its tier
  double title_share = 0.5;      // a word found in the title earns this share more
  unsigned keyword_words = 3;    // a query of at most this many words is a keyword query:
  double keyword_tier = 10.0;    // each of its words found adds this: soft, so BM25 of a rarer word can outweigh it
  double keyword_idf_floor = 0;  // scaled by idf / this below it (0: off; 4 measured worse, bench/RANKING.md)
  double initials_pair_tier = 1000.0;  // 초성 words read side by side in the text (ㄴㄱ ㅈㅂ: 노광 장비): strict, as
                                       // readings apart are guesses that a long text holds by chance
};

enum class MatchMode {
  prefer_all,  // default: every word ranked, documents with more of the words first, none required
  all,         // every word (or its sub-words) required
  any,         // plain OR
};

}  // namespace kosearch
