#include "kosearch/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kosearch {
std::string grouped_number(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

namespace {

std::string duration(double seconds) {
  const auto s = static_cast<std::uint64_t>(std::llround(seconds));
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

}  // namespace

std::string progress_text(const IndexProgress& p, double seconds) {
  std::string out = grouped_number(p.inputs_done);
  if (p.inputs_total) out += "/" + grouped_number(p.inputs_total);
  out += " documents";
  if (p.bytes_total) {
    const double fraction = std::min(1.0, static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total));
    out += ", " + std::to_string(static_cast<int>(fraction * 100)) + "% of " + megabytes(p.bytes_total) + " read";
  } else {
    out += ", " + megabytes(p.bytes_done) + " read";
  }
  if (seconds > 0) out += ", " + grouped_number(static_cast<std::uint64_t>(static_cast<double>(p.inputs_done) / seconds)) + " documents/s";
  if (p.bytes_total && p.bytes_done > 0 && seconds > 0) {
    const double left = static_cast<double>(p.bytes_total - std::min(p.bytes_done, p.bytes_total));
    out += ", ETA " + duration(left * seconds / static_cast<double>(p.bytes_done));
  }
  return out;
}

}  // namespace kosearch
