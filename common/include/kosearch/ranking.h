// Ranking parameters: BM25 and how much each term layer counts. Defaults are
// tuned on the KorQuAD tune split (bench/korquad_eval); the figures are pinned
// in bench/korquad_expected.json.
#pragma once

namespace kosearch {

struct RankingParams {
  double k1 = 0.3;          // BM25 term-frequency saturation (low: many distinct words > one repeated)
  double b = 0.9;           // BM25 length normalisation
  double stem_weight = 1.0;     // the stem of each query word
  double joined_weight = 0.5;   // number+unit / Latin+particle joins
  double bigram_weight = 0.75;  // sub-word layer (compounds, spacing variants)
  double title_weight = 0.2;    // the stem found in the title
  double near_weight = 0.5;     // adjacent query words close together in the text
  unsigned near_window = 5;
};

enum class MatchMode {
  prefer_all,  // default: every word ranked, documents with all words first, none required
  all,         // every word (or its sub-words) required
  any,         // plain OR
};

}  // namespace kosearch
