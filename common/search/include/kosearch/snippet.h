// Snippets: the passage of an article that best explains why it matched,
// with the matched words highlighted.
//
// Passages are built from sentences (ICU sentence iterator) of the stored
// body lines, scored by the rarity-weighted matched terms they hold and their
// density, cut to about `max_chars` characters at grapheme boundaries (never
// inside a Hangul syllable). Each highlight covers a whole matched token of
// the original text. Up to `fragments` passages are joined with " … ".
//
// Only the lines that may hold a match are read, and of their sentences only
// the most promising few are analysed (src/snippet_lines.h says which): a
// snippet costs what a few sentences do, not what the article's length does.
// An article with more matching text than that reads (a book, a huge log)
// gets the best passage of its first matching lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/match_weights.h"

namespace kosearch {

struct Highlight {
  std::size_t begin = 0;  // byte offset into Snippet::text
  std::size_t end = 0;
};

struct Snippet {
  std::string text;  // valid UTF-8, control characters replaced (see output.h)
  std::vector<Highlight> highlights;
  std::uint32_t line = 0;    // source line of the first passage (Line::number)
  std::uint32_t column = 0;  // 1-based character column where that passage starts in its line
  // Which text of the article that passage is in: an index into
  // Article::body, or -1 for the title (a JSONL record's lines share one
  // line number, so the field and paragraph say where it is).
  int body_line = -1;
};

struct SnippetOptions {
  std::size_t max_chars = 120;  // per fragment, in characters (code points)
  std::size_t fragments = 1;
};

Snippet make_snippet(const Article& article, const MatchWeights& weights,
                     Analyzer& analyzer, const SnippetOptions& options = {});

}  // namespace kosearch
