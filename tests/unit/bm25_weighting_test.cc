#include "kosearch/bm25_weighting.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ks = kosearch;

// The length floor in Xapian's own BM25+ parameters: the per-term weight
// k1', b', min_normlen', delta' give, up to the one scale the tiers follow,
// the BM25+ of a text normalised by max(length, floor) / max(average, floor).
TEST(Weighting, LengthFloorIsStockBm25PlusScaled) {
  ks::RankingParams params;
  params.k1 = 1.6;
  params.min_normlen = 0.25;
  params.delta = 1.5;
  params.length_floor = 300;
  for (const double b : {1.0, 0.75}) {
    params.b = b;
    // Articles alone (average above the floor), and among short texts.
    for (const double average : {1000.0, 30.0}) {
      const ks::FlooredWeighting w = ks::floored_weighting(params, average);
      const double pivot = std::max(average, params.length_floor);
      const auto floored = [&](double wdf, double length) {
        const double normlen = std::max(std::max(length, params.length_floor) / pivot, params.min_normlen);
        return (params.k1 + 1) * wdf / (params.k1 * ((1 - b) + b * normlen) + wdf) + params.delta;
      };
      const auto stock = [&](double wdf, double length) {  // Xapian's BM25PlusWeight, k2 0, k3 1
        const double normlen = std::max(length / average, w.min_normlen);
        return (w.k1 + 1) * wdf / (w.k1 * ((1 - w.b) + w.b * normlen) + wdf) + w.delta;
      };
      for (const double length : {5.0, 30.0, 299.0, 300.0, 1000.0, 5000.0})
        for (const double wdf : {1.0, 3.0, 10.0})
          EXPECT_NEAR(stock(wdf, length), w.tier_scale * floored(wdf, length), 1e-9)
              << "b " << b << ", average " << average << ", length " << length << ", wdf " << wdf;
      EXPECT_EQ(w.tier_scale == 1.0, average >= params.length_floor) << average;
    }
  }
  // 0: no floor, Xapian's parameters as given.
  params.length_floor = 0;
  const ks::FlooredWeighting off = ks::floored_weighting(params, 30);
  EXPECT_DOUBLE_EQ(off.k1, params.k1);
  EXPECT_DOUBLE_EQ(off.min_normlen, params.min_normlen);
  EXPECT_DOUBLE_EQ(off.tier_scale, 1.0);
}
