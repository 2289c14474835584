#include "kosearch/bm25_weighting.h"

#include <algorithm>

namespace kosearch {

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
