// Ranking parameters: BM25 and how much each term layer counts. Defaults are
// tuned on the KorQuAD tune split (bench/korquad_eval); the figures are pinned
// in bench/korquad_expected.json.
#pragma once

namespace kosearch {

// Defaults: coordinate search on MRR@10 (bench/tune_korquad.py), each value
// taken from a plateau, not a peak; weights are relative to the stem's.
struct RankingParams {
  double k1 = 0.4;               // BM25 tf saturation: low, so many distinct words beat one repeated
  double b = 1.0;                // BM25 length normalisation: full (0.9 scores the same)
  double stem_weight = 1.0;      // the stem of each query word: the unit of the others
  double joined_weight = 1.0;    // number+unit / Latin+particle joins (2028년, asml사)
  double bigram_weight = 0.75;   // sub-word layer: a safety net under the stem, never above it
  double title_weight = 0.4;     // the stem found in the title (also counted in the body)
  double near_weight = 0.2;      // neighbouring query words within near_window words of each other
  unsigned near_window = 6;
  double adjacent_weight = 0.1;  // neighbouring query words side by side, in order (노광 장비)
  double spaced_weight = 0.5;    // a compound query word found spaced in the text (노광장비 → 노광 장비)
};

enum class MatchMode {
  prefer_all,  // default: every word ranked, documents with all words first, none required
  all,         // every word (or its sub-words) required
  any,         // plain OR
};

}  // namespace kosearch
