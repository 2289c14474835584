// Bylines (홍길동 기자 hong@example.com, 실리콘밸리=오로라 특파원, 홍길동
// 예시일보 기자, 홍길동기자) and what a Korean person's name looks like, which
// the credit, caption and copyright rules share. Private to the library (the
// article parser's units).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosearch::article_lines {

// Names, desk, title and e-mail: 신민철 글로벌이코노믹 기자 shincm@…; a longer
// line is prose (also the bound of a picture credit line).
inline constexpr std::size_t kMaxBylineChars = 80;

struct Byline {
  std::optional<std::string> author;  // the names, joined by `, `; none for an e-mail address alone
  std::string publisher;  // a media name among the words before the title (홍길동 예시일보 기자)
};

// `홍길동 기자 hong@x.com`, `실리콘밸리=오로라 특파원`, `우건 매뉴라이프자산운용 매니저`.
std::optional<Byline> read_byline(std::string_view s);

// A word that may be a Korean name: 2 to 4 Hangul syllables, not a listed
// non-name, publisher or desk (사회부).
bool is_name(std::string_view word);

// The pieces of a byline word that may be names: `서울=홍길동` gives the part
// after `=`; `홍길동·김철수` gives both.
std::vector<std::string_view> name_pieces(std::string_view word);

// `홍길동`, `홍길동·김철수 hong@example.com`: names and nothing else (e-mail
// addresses aside), each starting with a family name, joined by `, `.
std::optional<std::string> names_only(std::string_view value);

// 정다은, 김하늘: a Korean personal name (ⓒ 정다은 under a photo credits the
// photographer), not a media name (예시일보) nor a listed publisher.
bool is_person_name(std::string_view word);

}  // namespace kosearch::article_lines
