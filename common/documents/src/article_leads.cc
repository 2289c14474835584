#include "article_leads.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "article_bylines.h"
#include "article_publishers.h"
#include "article_text.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_words;

namespace {

constexpr std::size_t kMaxLeadBracketBytes = 60;  // (서울=연합뉴스), [이데일리 홍길동 기자]: 20 syllables
constexpr std::size_t kMaxLeadBylineBytes = 60;   // 홍길동 기자 = …: the `=` comes early in the paragraph
constexpr std::size_t kMaxPlaceChars = 12;        // 서울, 베이징, 실리콘밸리 in (서울=연합뉴스)
constexpr std::size_t kMaxPlaceWords = 2;         // 서울, New York; a longer bracket is a phrase

// The place of a wire dateline: 서울, 베이징, 실리콘밸리, New York.
bool is_place(std::string_view place) {
  place = trim(place);
  if (place.empty() || longer_than(place, kMaxPlaceChars) || split_words(place).size() > kMaxPlaceWords) return false;
  for (std::size_t i = 0; i < place.size();) {
    const char32_t c = decode(place, i);
    if (!is_word_char(c) && !is_space(c)) return false;
    if (c >= '0' && c <= '9') return false;  // (1=매우 그렇다) is a scale
  }
  return true;
}

// `홍길동 기자 = 본문…` without a bracketed dateline before it.
std::optional<Lead> read_byline_lead(std::string_view s) {
  for (std::size_t eq = s.find('='); eq != std::string_view::npos && eq < kMaxLeadBylineBytes; eq = s.find('=', eq + 1)) {
    auto byline = read_byline(s.substr(0, eq));
    if (!byline || !byline->author) continue;
    Lead lead;
    lead.publisher_zone = s.substr(0, eq);
    lead.publisher_name = byline->publisher;
    lead.author = byline->author;
    lead.has_text_after = has_word_char(s.substr(eq + 1));
    return lead;
  }
  return std::nullopt;
}

// [파이낸셜뉴스] 본문…, [이데일리 홍길동 기자] 본문…: a bracket naming the
// house or the byline, without a place.
std::optional<Lead> read_house_bracket(std::string_view inside, std::string_view rest) {
  Lead lead;
  if (names_a_house(inside)) {  // [파이낸셜뉴스] 본문…
    lead.publisher_zone = inside;
    if (!is_publisher_name(inside)) lead.publisher_name = strip_decoration(inside);
    lead.has_text_after = has_word_char(rest);
    return lead;
  }
  auto byline = read_byline(inside);
  if (!byline) return std::nullopt;
  lead.publisher_zone = inside;
  lead.publisher_name = byline->publisher;
  lead.author = byline->author;
  lead.has_text_after = has_word_char(rest);
  return lead;
}

// Who a wire bracket names after `=` (its byte `eq` in `inside`): a
// reporter ([세종=이데일리 홍길동 기자]), a listed agency (looked up in the
// zone) or an unlisted one, one word after a place ((서울=예시통신)).
void read_wire_house(std::string_view inside, std::size_t eq, Lead& lead) {
  lead.publisher_zone = inside.substr(eq + 1);
  const std::string_view left = trim(inside.substr(0, eq));
  if (auto byline = read_byline(lead.publisher_zone); byline && byline->author) {  // [세종=이데일리 홍길동 기자]
    lead.author = byline->author;
    lead.publisher_name = byline->publisher;
    // [헤럴드경제=홍길동 기자]: the house before `=`, where wires put the place
    if (names_a_house(left)) {
      lead.publisher_zone = left;
      lead.publisher_name = is_publisher_name(left) ? std::string_view{} : strip_decoration(left);
    }
  } else if (!find_publisher(lead.publisher_zone) && is_place(inside.substr(0, eq)) &&
      split_words(lead.publisher_zone).size() == 1 && is_publisher_shaped(lead.publisher_zone) && !byline)
    lead.publisher_name = strip_decoration(lead.publisher_zone);
}

// (서울=연합뉴스) 홍길동 기자 = 본문…: a wire bracket with its place, then
// perhaps a byline up to `=`. `glued`: a Hangul syllable follows the bracket
// unspaced.
std::optional<Lead> read_wire_bracket(std::string_view inside, std::string_view rest, bool glued) {
  Lead lead;
  read_wire_house(inside, inside.find('='), lead);
  bool byline_follows = false;
  if (const std::size_t byline_end = rest.find('='); byline_end != std::string_view::npos && byline_end < kMaxLeadBylineBytes) {
    if (auto byline = read_byline(rest.substr(0, byline_end))) {
      lead.author = byline->author;
      rest = trim(rest.substr(byline_end + 1));
      byline_follows = true;
    }
  }
  // (서울=연합뉴스)라는 표기: a particle glued to the bracket quotes it; only a
  // byline may follow it unspaced ([서울=뉴시스]홍길동 기자 =).
  if (glued && !byline_follows) return std::nullopt;
  lead.has_text_after = has_word_char(rest);
  return lead;
}

}  // namespace

std::optional<Lead> read_lead(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"(", ")"}, {"[", "]"}, {"【", "】"}, {"〔", "〕"}, {"（", "）"}};
  for (auto [open, close] : kBrackets) {
    if (!s.starts_with(open)) continue;
    const std::size_t end = s.find(close, open.size());
    if (end == std::string_view::npos || end > kMaxLeadBracketBytes) return std::nullopt;
    const std::string_view inside = s.substr(open.size(), end - open.size());
    const std::string_view rest = trim(s.substr(end + close.size()));
    if (inside.find('=') == std::string_view::npos) return read_house_bracket(inside, rest);
    return read_wire_bracket(inside, rest, is_hangul_syllable(char_at(s, end + close.size())));
  }
  return read_byline_lead(s);
}

}  // namespace kosearch::article_lines
