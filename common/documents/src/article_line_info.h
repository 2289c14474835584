// What one line of an article names, as the line rules report it to the
// parser: its role, its dates, author and publisher, and how far the
// publisher is trusted. Plain values, so every rule unit (article_bylines.h,
// article_datelines.h …) can fill them in without including the one that
// decides a line's role (article_lines.h). Private to the library.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "article_words.h"
#include "kosearch/line_role.h"

namespace kosearch::article_lines {

// How far a line naming a publisher is trusted; the lowest wins, the first
// line wins a tie. The site's own masthead says whose page it is; its
// copyright footer names the holder, usually the same house; a byline or wire
// dateline names whoever wrote the text, which may be a wire service the site
// republishes; a bare `ⓒ X` is also a photo credit; promos point to the
// house's channels but also to partners'; navigation links to anyone.
enum class Trust { masthead, copyright_footer, byline, copyright_sign, promo, navigation, none };

// What analyze_line reads from one line: its role (boilerplate covers
// navigation, promos, meta labels such as 본문자수 and copyright footers
// alike: the parser drops them all) and the metadata it names.
struct LineInfo {
  LineRole role = LineRole::body;
  std::optional<std::string> date;             // a labelled first-publication date
  std::optional<std::string> updated;          // a labelled revision date
  std::optional<std::string> unlabelled_date;  // a date alone on its line: trusted only by position
  std::optional<article_words::DateRole> bare_label;  // 입력 alone on its line: its date may be on the next
  std::optional<std::string> author;
  std::string_view publisher_zone;  // where a listed publisher's name may be looked up
  std::string publisher_name;       // a publisher a rule found by position (footer, masthead), as written
  Trust trust = Trust::none;
  bool may_be_title = false;  // a bracket-labelled caption ([사진] …): the title when no paragraph precedes it
};

}  // namespace kosearch::article_lines
