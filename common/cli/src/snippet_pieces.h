// A snippet's text cut at its highlights, for the printers (human and JSON).
// Private to the CLI side.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kosearch/snippet.h"
#include "kosearch/text.h"

namespace kosearch {

// Snippet text split at its highlights, each piece neutralized on its own so
// the highlight boundaries survive even if neutralizing changes lengths.
struct Piece {
  std::string text;
  bool highlighted = false;
};

inline std::vector<Piece> snippet_pieces(const Snippet& snippet) {
  std::vector<Piece> pieces;
  const std::string_view text = snippet.text;
  std::size_t at = 0;
  for (const auto& h : snippet.highlights) {
    // Out-of-order, overlapping or out-of-range highlights are skipped rather
    // than trusted: the printer must never slice outside the text.
    if (h.begin < at || h.begin >= h.end || h.end > text.size()) continue;
    if (h.begin > at) pieces.push_back({neutralize_controls(text.substr(at, h.begin - at)), false});
    pieces.push_back({neutralize_controls(text.substr(h.begin, h.end - h.begin)), true});
    at = h.end;
  }
  if (at < text.size()) pieces.push_back({neutralize_controls(text.substr(at)), false});
  return pieces;
}

}  // namespace kosearch
