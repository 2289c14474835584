#include "article_captions.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "article_bylines.h"
#include "article_credits.h"
#include "article_publishers.h"
#include "article_text.h"
#include "article_word_shapes.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_words;

namespace {

constexpr std::size_t kMaxCreditLineChars = 60;         // 로이터/연합뉴스
constexpr std::size_t kCreditTailBytes = 160;           // a caption's credit is in its last two words

// [그래픽] …, [사진] …: a caption, or the title of a photo story when it comes
// before any paragraph.
bool is_bracket_caption(std::string_view s) {
  for (auto open : {"[", "<", "〈", "【", "［", "("}) {
    if (!s.starts_with(open)) continue;
    std::string_view inside = trim(s.substr(std::string_view(open).size()));
    for (auto word : kCaptionBracketWords) {
      if (!inside.starts_with(word)) continue;
      std::string_view after = inside.substr(word.size());
      if (!after.empty() && !is_word_char(char_at(after, 0))) return true;
    }
  }
  return false;
}

bool is_credit_word(std::string_view word) {
  word = strip_decoration(word);
  return contains(kPictureCredits, ascii_lower(word)) || is_publisher_name(word);
}

}  // namespace

// 사진 홍길동 기자, 촬영기자:홍길동/영상편집:김철수: credits of pictures and
// video, never the article's byline.
bool is_media_credit(std::string_view s) {
  if (longer_than(s, kMaxBylineChars)) return false;
  for (auto segment : split_on(s, '/')) {
    segment = trim(segment);
    std::size_t role = 0;
    for (auto word : kMediaCreditRoles)
      if (segment.starts_with(word)) role = std::max(role, word.size());
    if (role == 0) return false;
    if (!is_credit_separator(char_at(segment, role))) return false;
    const std::string_view names = trim_if(segment.substr(role), is_credit_separator);
    auto byline = read_byline(names);
    if (!names_only(names) && !(byline && byline->author)) return false;
  }
  return true;
}

// [사진] 봄꽃 만개한 여의도: a bare label in brackets, then a headline (not
// 〈사진= 로이터〉, a credit).
bool is_labelled_photo_story(std::string_view s) {
  if (!is_bracket_caption(s)) return false;
  std::size_t at = std::string_view::npos, length = 0;
  for (std::string_view closing : {"]", ">", ")", "〉", "】", "］"}) {
    if (const std::size_t found = s.find(closing); found < at) {
      at = found;
      length = closing.size();
    }
  }
  if (at == std::string_view::npos) return false;
  return contains(kCaptionBracketWords, strip_decoration(s.substr(0, at))) && has_word_char(s.substr(at + length));
}

bool is_caption(std::string_view s) {
  for (auto marker : kCaptionMarkers)
    if (s.find(marker) != std::string_view::npos) return true;
  for (auto word : kCaptionCreditWords) {
    for (std::size_t pos = s.find(word); pos != std::string_view::npos; pos = s.find(word, pos + 1)) {
      if (is_word_char(previous_char(s, pos))) continue;
      std::size_t after = pos + word.size();
      while (after < s.size() && (s[after] == ' ' || s[after] == '\t')) ++after;
      const std::string_view rest = s.substr(after);
      if (rest.starts_with("=") || rest.starts_with("＝")) return true;
    }
  }
  return is_bracket_caption(s);
}

// 로이터/연합뉴스, 게티이미지뱅크: a line of picture credits and nothing else.
bool is_credit_line(std::string_view s) {
  if (longer_than(s, kMaxCreditLineChars)) return false;
  bool agency = false;
  for (auto item : menu_items(s)) {
    std::string_view word = strip_decoration(item);
    if (word.empty()) continue;
    // 로이터=뉴스1: credits joined by = or , are one menu item
    std::size_t start = 0;
    for (std::size_t i = 0; i <= word.size(); ++i) {
      if (i < word.size() && word[i] != '=' && word[i] != ',') continue;
      std::string_view part = strip_decoration(word.substr(start, i - start));
      start = i + 1;
      if (part.empty()) continue;
      if (!is_credit_word(part)) return false;
      if (!is_publisher_name(part)) agency = true;
    }
  }
  return agency;
}

// 서울 여의도의 모습. 2024.4.2/뉴스1 or … 전경. /삼성전자 제공 — a caption
// signed with its credit.
bool ends_with_credit(std::string_view s) {
  std::size_t tail = s.size() > kCreditTailBytes ? s.size() - kCreditTailBytes : 0;
  while (tail > 0 && tail < s.size() && is_continuation_byte(s[tail])) ++tail;
  auto words = split_words(s.substr(tail));
  if (words.empty()) return false;
  std::string_view last = words.back();
  if (words.size() >= 2 && strip_decoration(last) == "제공" && words[words.size() - 2].starts_with("/")) return true;
  if (const std::size_t slash = last.rfind('/'); slash != std::string_view::npos && slash + 1 < last.size())
    return is_credit_word(last.substr(slash + 1));
  if (words.size() >= 2 && strip_decoration(words[words.size() - 2]).empty() && words[words.size() - 2].ends_with("/"))
    return is_credit_word(last);
  return false;
}

}  // namespace kosearch::article_lines
