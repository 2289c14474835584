#include "line_screen.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>

#include "kosearch/normalizer.h"
#include "kosearch/schema.h"
#include "kosearch/text.h"

namespace kosearch {

namespace {

// Quotes and the middle dot: left as they are by NFKC case folding, so a line
// that has them can still be searched as written.
bool is_plain_punctuation(char32_t cp) {
  return cp == 0x00B7 || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D;
}

// True when NFKC case folding leaves `line` as it is and no character of it
// has Hangul readings: ASCII without capitals, Hangul syllables (nothing to
// compose with them: a conjoining jamo is not plain), a few punctuation marks.
bool is_plain(std::string_view line) {
  for (std::size_t i = 0; i < line.size();) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if (byte < 0x80) {
      if (byte >= 'A' && byte <= 'Z') return false;
      ++i;
      continue;
    }
    const Utf8Decoded d = decode_utf8_at(line, i);
    if (!d.valid || !(is_hangul_syllable(d.code_point) || is_plain_punctuation(d.code_point))) return false;
    i += d.length;
  }
  return true;
}

bool has_ideograph(std::string_view line) {
  for (std::size_t i = 0; i < line.size();) {
    const Utf8Decoded d = decode_utf8_at(line, i);
    if (u_hasBinaryProperty(static_cast<UChar32>(d.code_point), UCHAR_IDEOGRAPHIC)) return true;
    i += d.length;
  }
  return false;
}

// glibc's memmem skips ahead on a pair of bytes; string_view::find stops at
// every byte equal to the first, which in Hangul text is every third.
std::optional<std::size_t> find(std::string_view text, std::string_view needle) {
  const void* at = ::memmem(text.data(), text.size(), needle.data(), needle.size());
  if (!at) return std::nullopt;
  return static_cast<std::size_t>(static_cast<const char*>(at) - text.data());
}

// The text a term matches in a token's folded text, empty for a term the
// snippet never matches (a field's: capital-letter prefixes, as schema.h).
std::string_view needle_of(std::string_view term) {
  if (term.empty()) return {};
  if (term.compare(0, schema::bigram.size(), schema::bigram) == 0) return term.substr(schema::bigram.size());
  if (term[0] >= 'A' && term[0] <= 'Z') return {};
  return term;
}

}  // namespace

LineScreen::LineScreen(const MatchWeights& weights) {
  std::vector<std::string> all;
  for (const auto& [term, weight] : weights) {
    const std::string_view needle = needle_of(term);
    if (needle.empty()) continue;
    all.emplace_back(needle);
    auto same = std::find_if(weighted_.begin(), weighted_.end(), [&](const auto& w) { return w.first == needle; });
    if (same == weighted_.end()) weighted_.emplace_back(needle, weight);
    else same->second = std::max(same->second, weight);
  }
  for (const auto& w : weighted_) total_weight_ += w.second;
  std::sort(all.begin(), all.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  all.erase(std::unique(all.begin(), all.end()), all.end());
  // Shortest first: a longer needle holding a kept one adds nothing.
  for (const std::string& needle : all) {
    const bool covered = std::any_of(needles_.begin(), needles_.end(),
                                     [&](const std::string& kept) { return needle.find(kept) != std::string::npos; });
    if (!covered) needles_.push_back(needle);
  }
}

std::optional<std::size_t> LineScreen::find_needle(std::string_view text) const {
  for (const std::string& needle : needles_)
    if (auto at = find(text, needle)) return at;
  return std::nullopt;
}

double LineScreen::weight_in(std::string_view text) const {
  double weight = 0;
  for (const auto& [needle, w] : weighted_)
    if (find(text, needle)) weight += w;
  return weight;
}

std::optional<double> LineScreen::weight_found(std::string_view text) const {
  if (needles_.empty()) return std::nullopt;
  const bool as_written = find_needle(text).has_value();
  if (is_plain(text)) return as_written ? std::optional(weight_in(text)) : std::nullopt;
  if (has_ideograph(text)) return total_weight_;
  normalize_into(text, folded_);  // once, for both the screen and the weight
  if (!as_written && !find_needle(folded_)) return std::nullopt;
  return weight_in(folded_);
}

std::optional<std::size_t> LineScreen::match_at(std::string_view line) const {
  if (needles_.empty()) return std::nullopt;
  if (auto at = find_needle(line)) return at;  // a hit as written: analysis decides
  if (is_plain(line)) return std::nullopt;     // its own folded text, searched above
  if (has_ideograph(line)) return 0;           // readings are not in the text
  normalize_into(line, folded_);
  if (find_needle(folded_)) return 0;
  return std::nullopt;
}

}  // namespace kosearch
