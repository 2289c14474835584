#include "article_navigation.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "article_publishers.h"
#include "article_text.h"
#include "article_word_shapes.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_words;

namespace {

constexpr std::size_t kMaxNavigationChars = 160;        // menus, share bars, mastheads
constexpr std::size_t kMaxNavigationPhraseChars = 40;   // the longest listed phrase, and a link's label
constexpr std::size_t kMaxBreadcrumbItemChars = 20;     // Home > 검색목록 > 기사상세보기
constexpr std::size_t kMinBreadcrumbItems = 2;          // one item alone is no trail

constexpr std::size_t kMaxPromoChars = 100;             // a strong promo phrase in a longer line is prose

bool is_navigation_phrase(std::string_view s) {
  if (longer_than(s, kMaxNavigationPhraseChars)) return false;
  const std::string folded = ascii_lower(fold(s));
  return std::any_of(std::begin(kNavigationPhrases), std::end(kNavigationPhrases),
                     [&](std::string_view phrase) { return folded == ascii_lower(phrase); });
}

bool is_hashtag_line(std::string_view s) {
  auto words = split_words(s);
  return !words.empty() && std::all_of(words.begin(), words.end(), [](std::string_view w) { return w.starts_with("#"); });
}

bool is_number(std::string_view word) {
  word = strip_decoration(word);
  return !word.empty() && word.find_first_not_of("0123456789,") == std::string_view::npos;
}

}  // namespace

// Home > 검색목록 > 기사상세보기: spaced separators after a navigation word
// (가위>찍히면죽는다 and 기대->몰입 are prose).
bool is_breadcrumb(std::string_view s) {
  if (s.find('<') != std::string_view::npos || s.find("->") != std::string_view::npos) return false;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = decode(s, i);
    if (c != '>' && c != U'›' && c != U'»' && c != U'＞') continue;
    if (!is_space(previous_char(s, at)) || !is_space(char_at(s, i))) return false;
    parts.push_back(trim(s.substr(start, at - start)));
    start = i;
  }
  parts.push_back(trim(s.substr(start)));
  if (parts.size() < kMinBreadcrumbItems || !is_navigation_word(parts.front())) return false;
  return std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
    return !p.empty() && !longer_than(p, kMaxBreadcrumbItemChars) && !has_sentence_punctuation(p);
  });
}

// Menus, share bars and pagers: navigation words, with counters and page
// numbers allowed beside them (댓글 0, 1 2 3 다음) but not alone (2024).
bool is_navigation(std::string_view s) {
  if (longer_than(s, kMaxNavigationChars)) return false;
  if (is_navigation_phrase(s) || is_hashtag_line(s)) return true;
  // 주요 서비스 바로가기, 페이스북(으)로 기사보내기: a short line ending in a link's verb
  const auto items = menu_items(s);
  if (!longer_than(s, kMaxNavigationPhraseChars) && !has_sentence_punctuation(s) && !items.empty())
    for (auto suffix : kNavigationSuffixes)
      if (strip_decoration(items.back()).ends_with(suffix)) return true;
  bool has_word = false;
  for (auto item : items) {
    if (is_number(item)) continue;
    if (!is_navigation_word(item)) return false;
    has_word = has_word || !strip_decoration(item).empty();
  }
  return has_word;
}

// 한국경제 | 한경닷컴: several names of the house and nothing else.
bool is_masthead(std::string_view s) {
  if (longer_than(s, kMaxNavigationChars)) return false;
  if (is_publisher_name(s)) return true;
  std::size_t names = 0;
  for (auto item : menu_items(s)) {
    if (strip_decoration(item).empty()) continue;
    if (!is_publisher_name(item)) return false;
    ++names;
  }
  return names > 0;
}

bool is_promo(std::string_view s) {
  if (starts_with_one_of(s, kPromoPrefixes)) return true;
  auto says = [&](std::string_view phrase) { return s.find(phrase) != std::string_view::npos; };
  if (starts_with_one_of(s, kArrowPrefixes) && std::any_of(std::begin(kPromoPhrases), std::end(kPromoPhrases), says))
    return true;
  return !longer_than(s, kMaxPromoChars) && std::any_of(std::begin(kStrongPromoPhrases), std::end(kStrongPromoPhrases), says);
}

}  // namespace kosearch::article_lines
