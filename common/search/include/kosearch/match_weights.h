// The weights a snippet matches on: a plain value of its own, so the units
// that read it (the snippet and the line screen before it) need not include
// each other.
#pragma once

#include <string>
#include <unordered_map>

namespace kosearch {

// Term (as indexed, with prefix) → weight of a match (e.g. idf). Terms not in
// the map do not count.
using MatchWeights = std::unordered_map<std::string, double>;

}  // namespace kosearch
