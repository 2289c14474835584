#include "article_copyright.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "article_bylines.h"
#include "article_dates.h"
#include "article_publishers.h"
#include "article_text.h"
#include "article_word_shapes.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_dates;
using namespace article_words;

namespace {

constexpr std::size_t kMaxCopyrightChars = 200;         // ⓒ X & x.com, 무단전재 및 재배포 금지 … and the holder

bool is_copyright(std::string_view s) {
  const std::string lower = ascii_lower(s);
  for (auto marker : kCopyrightMarkers)
    if (lower.find(marker) != std::string::npos) return true;
  for (auto sign : kCopyrightSigns)
    if (s.find(sign) != std::string_view::npos && find_publisher(s)) return true;
  return false;
}

// The copyright words and signs opening a footer (Copyright ⓒ 2025 by,
// 저작권자(c), ⓒ), with the years between them; 0 when the line opens otherwise.
struct FooterOpening {
  std::size_t length = 0;
  bool says_copyright = false;  // a word, not only a sign (ⓒ X is also a photo credit)
};
FooterOpening footer_opening(std::string_view s) {
  constexpr std::string_view kBy = "by ";
  FooterOpening opening;
  bool marked = false;
  for (std::size_t pos = 0;;) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == ':' || s[pos] == '-' || s[pos] == '~')) ++pos;
    const std::string_view at = s.substr(pos);
    std::size_t taken = 0;
    for (auto word : kCopyrightWords)
      if (!taken && starts_with_ascii_ci(at, word) && !is_word_char(char_at(at, word.size()))) {
        taken = word.size();
        opening.says_copyright = true;
      }
    for (auto sign : kCopyrightSigns)
      if (!taken && at.starts_with(sign)) taken = sign.size();
    if (!taken && marked) {
      std::size_t p = 0;
      if (year_at(at, p)) taken = p;                       // Copyright © 2025
      else if (starts_with_ascii_ci(at, kBy)) taken = kBy.size();  // Copyright by 예시일보
    }
    if (!taken) break;
    marked = true;
    pos += taken;
    opening.length = pos;
  }
  return opening;
}

// The holder named after a footer's opening: up to the first stop (`,`, `&`,
// `무단`, `All rights`, a web address), company forms dropped.
std::string_view footer_holder(std::string_view rest) {
  rest = trim(rest);
  for (auto prefix : kCompanyPrefixes)
    if (rest.starts_with(prefix)) rest = trim(rest.substr(prefix.size()));
  const std::string lower = ascii_lower(rest);
  std::size_t end = rest.size();
  for (auto stop : kHolderStops) end = std::min(end, lower.find(stop));
  return strip_decoration(rest.substr(0, end));
}

// `이 기사의 저작권은 예시일보에 있습니다`: the holder a footer sentence names,
// when it is named like a media outlet (저작권은 작가에게 있다 is prose).
std::optional<std::string_view> stated_holder(std::string_view s) {
  constexpr std::string_view kClaim = "저작권은 ";
  const std::size_t claim = s.find(kClaim);
  if (claim == std::string_view::npos) return std::nullopt;
  const std::string_view rest = s.substr(claim + kClaim.size());
  const std::size_t particle = rest.find("에");
  if (particle == std::string_view::npos) return std::nullopt;
  const std::string_view name = strip_decoration(rest.substr(0, particle));
  if (!names_a_house(name)) return std::nullopt;
  // a footer states it and forbids copying; a report about a ruling does neither
  const std::string_view after = trim(rest.substr(particle + std::string_view("에").size()));
  if (!is_copyright(s) && !after.starts_with("있습니다") && !after.starts_with("있음")) return std::nullopt;
  return name;
}

// A footer line without its lead marks (※) and opening bracket (<저작권자
// …>); `(c)` is a sign, no bracket.
std::string_view without_footer_marks(std::string_view s) {
  while (starts_with_one_of(s, kFooterLeadMarks)) {  // ※ 저작권자 ⓒ …
    std::size_t i = 0;
    decode(s, i);
    s = trim(s.substr(i));
  }
  for (auto open : kFooterBrackets) {
    if (s.starts_with(open) && !s.starts_with("(c)") && !s.starts_with("(C)")) {
      s = trim(s.substr(open.size()));
      break;
    }
  }
  return s;
}

// A footer that opens with no copyright word or sign: 이 기사의 저작권은
// 예시일보에 있습니다, or 무단전재 및 재배포 금지 on a line of its own.
std::optional<CopyrightFooter> read_unopened_footer(std::string_view s) {
  CopyrightFooter footer;
  if (auto holder = stated_holder(s)) {  // 이 기사의 저작권은 예시일보에 있습니다
    footer.says_copyright = true;
    footer.holder = *holder;
    return footer;
  }
  // 무단전재 및 재배포 금지 on a line of its own: a footer naming a listed publisher at most.
  if (!is_copyright(s) || is_sentence_like(s)) return std::nullopt;
  footer.says_copyright = true;
  return footer;
}

// What follows a footer's opening (Copyright ⓒ …): its holder, or a
// photographer's credit (© News1 홍길동 기자), or none for a sentence.
std::optional<CopyrightFooter> read_opened_footer(std::string_view rest, bool opening_says_copyright) {
  // Copyright 침해로 소송을 냈다: a sentence about copyright, not a notice
  if (is_sentence_like(rest) && !is_copyright(rest)) return std::nullopt;
  const std::string_view holder = footer_holder(rest);
  CopyrightFooter footer;
  footer.says_copyright = opening_says_copyright || is_copyright(rest);
  if (!footer.says_copyright && read_byline(holder)) {  // © News1 홍길동 기자: a photographer's credit
    footer.photo_credit = true;
    return footer;
  }
  if (is_publisher_shaped(holder) && (footer.says_copyright || !is_person_name(holder))) {
    // ⓒ 세상을 보는 눈, 세계일보: a slogan before the house's name.
    const bool house_name = names_a_house(holder);
    const auto listed = house_name ? std::nullopt : find_publisher(rest);
    footer.holder = listed ? *listed : holder;
  } else if (!footer.says_copyright) {
    return std::nullopt;  // ⓒ 로이터, ⓒ 정다은 (a photographer): a credit
  }
  return footer;
}

}  // namespace

// `Copyright © X`, `Copyright ⓒ X & x.com`, `ⓒ X`, `저작권자 © X 무단전재 및
// 재배포 금지`, `<저작권자(c) X, 무단 전재-재배포 금지>`, `ⓒ X, 무단전재 및
// 재배포 금지`. Never a quoted line, never a sentence that mentions one.
std::optional<CopyrightFooter> read_copyright(std::string_view line) {
  std::string_view s = trim(line);
  if (s.empty() || longer_than(s, kMaxCopyrightChars) || starts_with_one_of(s, kQuoteMarks)) return std::nullopt;
  s = without_footer_marks(s);
  const FooterOpening opening = footer_opening(s);
  if (opening.length == 0) return read_unopened_footer(s);
  return read_opened_footer(s.substr(opening.length), opening.says_copyright);
}

}  // namespace kosearch::article_lines
