// Wire leads: the dateline a wire-service paragraph opens with, `(서울=연합뉴스)
// 홍길동 기자 = 본문…`, `[이데일리 홍길동 기자] 본문…`, `[파이낸셜뉴스] 본문…`,
// or a byline up to `=` (`홍길동 기자 = 본문…`). Private to the library (the
// article parser's units).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kosearch::article_lines {

struct Lead {
  std::string_view publisher_zone;  // where a listed publisher may be looked up
  std::string publisher_name;  // the agency after `=` when it is not a listed publisher
  std::optional<std::string> author;
  bool has_text_after = false;  // the paragraph goes on (body), or the line is the dateline alone
};

// The lead at the start of `s`, if it opens with one.
std::optional<Lead> read_lead(std::string_view s);

}  // namespace kosearch::article_lines
