// Site chrome: menus, share bars and pagers, breadcrumb trails, mastheads
// (the house's own names) and promos. The words themselves (navigation words,
// media names) are article_publishers.h's. Private to the library (the
// article parser's units).
#pragma once

#include <string_view>

namespace kosearch::article_lines {

// Home > 검색목록 > 기사상세보기: spaced separators after a navigation word
// (가위>찍히면죽는다 and 기대->몰입 are prose).
bool is_breadcrumb(std::string_view s);

// Menus, share bars and pagers: navigation words, with counters and page
// numbers allowed beside them (댓글 0, 1 2 3 다음) but not alone (2024); a
// listed phrase (이 기사를 공유합니다), a line of hashtags, a short line ending
// in a link's verb (주요 서비스 바로가기).
bool is_navigation(std::string_view s);

// 한국경제 | 한경닷컴: several names of the house and nothing else.
bool is_masthead(std::string_view s);

// ※ …, ▶ 네이버에서 … 받아보세요, a short line with a strong promo phrase.
bool is_promo(std::string_view s);

}  // namespace kosearch::article_lines
