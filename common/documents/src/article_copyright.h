// Copyright footers: `Copyright © X`, `Copyright ⓒ X & x.com`, `ⓒ X`,
// `저작권자 © X 무단전재 및 재배포 금지`, `<저작권자(c) X, 무단 전재-재배포 금지>`,
// `이 기사의 저작권은 X에 있습니다`, and the photo credits that look like
// them (© News1 홍길동 기자, ⓒ 정다은). Private to the library (the article
// parser's units).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kosearch::article_lines {

struct CopyrightFooter {
  std::string holder;  // empty when the footer names none
  bool says_copyright = false;  // a copyright word, not only a sign (ⓒ X is also a photo credit)
  bool photo_credit = false;  // © News1 홍길동 기자: a caption's credit, no footer
};

// The footer `line` is, or none: never a quoted line, never a sentence that
// mentions copyright.
std::optional<CopyrightFooter> read_copyright(std::string_view line);

}  // namespace kosearch::article_lines
