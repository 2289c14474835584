// Credits and labelled lines: writing credits (글 홍길동, 글·사진 홍길동),
// labelled bylines (작성자 : 홍길동, 기고자 : 실리콘밸리=오로라 특파원) and meta
// labels (본문자수 : 1794, 웹편집 : 보기). Private to the library (the article
// parser's units).
#pragma once

#include <optional>
#include <string_view>

#include "article_line_info.h"

namespace kosearch::article_lines {

// What separates a credit's role from its names: 글 홍길동, 사진: 홍길동,
// 영상=홍길동, 글：홍길동 (a full-width colon).
bool is_credit_separator(char32_t c);

// A labelled byline or writing credit (role byline, its author) or a meta
// label (boilerplate); none for any other line.
std::optional<LineInfo> read_label_line(std::string_view s);

}  // namespace kosearch::article_lines
