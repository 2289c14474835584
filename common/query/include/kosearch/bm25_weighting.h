// The weighting scheme the ranking tiers are designed for (ranking.h): BM25+
// with a length floor, expressed in stock Xapian parameters.
#pragma once

#include <xapian.h>

#include "kosearch/ranking.h"

namespace kosearch {

// BM25+ with RankingParams::length_floor, in Xapian's own parameters so that
// remote shards (a stock xapian-tcpsrv) weigh alike: when the average length
// A is below the floor F, BM25 normalises by max(length, F) / F, which is
// k1 · A / F over length / A; BM25's part of the score then grows by
// `tier_scale`, and so do delta and every tier, so the order is exactly that
// of the floored BM25+.
struct FlooredWeighting {
  double k1, b, min_normlen, delta;
  double tier_scale = 1.0;
};
FlooredWeighting floored_weighting(const RankingParams& params, double average_length);

// The weighting scheme the tiers are designed for (ranking.h), for an index
// whose documents average `average_length` terms.
Xapian::BM25PlusWeight weighting(const RankingParams& params, double average_length);

}  // namespace kosearch
