// Turns a scraped article file into an Article: explicit metadata from an
// optional front-matter header, and heuristics for the rest.
//
// Front matter (wins over every heuristic) — the first line is `---`, then
// `key: value` lines, then `---`:
//   ---
//   title: 美의 대중 규제 먹혔나
//   source: 조선일보
//   date: 2024-04-02
//   author: 오로라
//   url: https://example.com/a/1
//   ---
// Unknown keys are ignored; line numbers in citations stay those of the file.
// `updated:` is the last-revision date; `publisher:` is read as `source:`; values may be quoted; a date that
// parse_date rejects is ignored (a labelled line in the text may still give
// one). A header counts only when closed and made of `key: value` lines.
//
// Heuristics on raw text: boilerplate lines (site navigation, photo captions,
// promos, print/web-edit footers) are dropped; a line repeated verbatim is
// kept once (a body scraped twice is shown once); title = first substantial
// line; publisher only where the text names one in a masthead, byline, promo or
// navigation line (never from a caption or a body sentence); date only from a
// labelled line (입력, 발행일, 등록 …); author from a byline (홍길동 기자).
// A field the text lacks stays absent.
#pragma once

#include <string>
#include <string_view>

#include "kosearch/document.h"

namespace kosearch {

// `text` must be valid UTF-8 (sanitize first). `id` and `path` are copied into
// the result.
Article parse_article(std::string_view text, std::string id, std::string path);

// What the heuristics make of a single line; exposed for tests and --explain.
enum class LineRole { body, blank, boilerplate, caption, byline, dateline, masthead };
LineRole classify_line(std::string_view line);

}  // namespace kosearch
