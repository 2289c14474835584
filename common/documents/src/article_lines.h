// What one line of a scraped article is, read on its own: its role (body,
// boilerplate, caption, byline, dateline, masthead) and the metadata it names
// (dates, author, a publisher with how far it is trusted). This unit decides
// between the rules of each kind of line, each in its own unit:
//
//   article_word_shapes.h  sentences, punctuation, e-mail and web addresses
//   article_publishers.h   the gazetteer, media names, navigation words
//   article_bylines.h      홍길동 기자 hong@…, and what a person's name is
//   article_leads.h        (서울=연합뉴스) 홍길동 기자 = 본문…
//   article_credits.h      글 홍길동, 작성자 : 홍길동, 본문자수 : 1794
//   article_datelines.h    입력 2025.01.15 09:30 | 수정 … | 홍길동 기자
//   article_captions.h     사진=연합뉴스, [그래픽] …, 로이터/연합뉴스
//   article_copyright.h    저작권자 © 예시일보 무단전재 및 재배포 금지
//   article_navigation.h   menus, breadcrumbs, mastheads, promos
//
// Each rule reads short lines (menus, bylines, footers): past its limits (the
// kMax… constants of its unit; Chars are code points, one per Hangul
// syllable, Bytes bound a search in UTF-8) a line is prose whatever words it
// holds, so a sentence that mentions 기자 or © stays body text.
//
// The word lists live in article_words.h. The parser (article_parser.cc)
// decides between lines: which metadata wins, which line is the title.
// Private to the library.
#pragma once

#include <string_view>

#include "article_line_info.h"
#include "article_publishers.h"  // find_publisher, named_publisher: how the parser names a line's publisher

namespace kosearch::article_lines {

// What the rules make of `raw` (a line without its line end).
LineInfo analyze_line(std::string_view raw);

}  // namespace kosearch::article_lines
