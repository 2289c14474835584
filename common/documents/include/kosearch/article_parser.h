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
// `updated:` is the last-revision date; `publisher:` is read as `source:`;
// values may be quoted; a date that parse_date rejects is ignored (a labelled
// line in the text may still give one). A header counts only when closed and
// made of `key: value` lines.
//
// Heuristics on raw text: boilerplate lines (site navigation, photo captions,
// promos, print/web-edit footers) are dropped; a line repeated verbatim is
// kept once (a body scraped twice is shown once); title = first substantial
// line. Metadata only from where outlets put it, never from body prose:
// publisher from a masthead, copyright footer, wire dateline, byline, promo or
// navigation line, in that order of trust (never from a caption or a body
// sentence); date from a labelled line (입력, 발행일, 송고, Published …) or an
// unlabelled date line directly under the title or above it; `updated` from a
// revision label (수정, 업데이트 …), never standing in for the date; author
// from a byline (홍길동 기자, 글 홍길동, `홍길동 기자 =` after a wire
// dateline). A field the text lacks stays absent. The word lists live in
// article_words.h; docs/indexing.md "Article files and metadata" lists the forms.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "kosearch/document.h"
#include "kosearch/line_role.h"

namespace kosearch {

// `text` must be valid UTF-8 (sanitize first). `id` and `path` are copied into
// the result. `should_stop`, when set, is asked at each line: true ends the
// parse with Error(interrupted) (a 50 MB file takes half a minute).
Article parse_article(std::string_view text, std::string id, std::string path,
                      const std::function<bool()>& should_stop = {});

// What the heuristics make of a single line (line_role.h); exposed for tests.
LineRole classify_line(std::string_view line);

}  // namespace kosearch
