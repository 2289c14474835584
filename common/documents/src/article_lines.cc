#include "article_lines.h"

#include <optional>
#include <string>
#include <string_view>

#include "article_bylines.h"
#include "article_captions.h"
#include "article_copyright.h"
#include "article_credits.h"
#include "article_datelines.h"
#include "article_leads.h"
#include "article_navigation.h"
#include "article_publishers.h"
#include "article_text.h"

// A line's role: the rules of each kind of line, tried in an order that
// settles their overlaps (a copyright footer before a masthead, a dateline
// before a labelled credit, captions before promos and navigation, a byline
// before a wire lead).

namespace kosearch::article_lines {

using namespace article_text;

namespace {

// The first menu item named like a media outlet (예시일보 | 경제), or "".
std::string_view media_word_in(std::string_view s) {
  for (auto item : menu_items(s))
    if (media_word_kind(item) == MediaWord::masthead) return strip_decoration(item);
  return {};
}

// A line of `role` where a publisher's name may be looked up in `zone` (or is
// `name`, as written), trusted at `trust`.
LineInfo publisher_line(LineRole role, std::string_view zone, Trust trust, std::string_view name = {}) {
  LineInfo info;
  info.role = role;
  info.publisher_zone = zone;
  info.publisher_name = name;
  info.trust = trust;
  return info;
}

LineInfo line_of(LineRole role) {
  LineInfo info;
  info.role = role;
  return info;
}

}  // namespace

LineInfo analyze_line(std::string_view raw) {
  const std::string_view s = trim(raw);
  if (s.empty()) return line_of(LineRole::blank);
  if (!has_word_char(s)) return line_of(LineRole::boilerplate);  // rules and ornaments: ----, ▲, |
  if (auto footer = read_copyright(s)) {
    if (footer->photo_credit) return line_of(LineRole::caption);
    // Before mastheads: `ⓒ 연합뉴스` is a footer (or a credit), not the site's own name.
    const Trust trust = footer->says_copyright ? Trust::copyright_footer : Trust::copyright_sign;
    return publisher_line(LineRole::boilerplate, footer->holder.empty() ? s : std::string_view{}, trust, footer->holder);
  }
  if (is_masthead(s)) return publisher_line(LineRole::masthead, s, Trust::masthead);
  if (auto kind = media_word_kind(s)) {
    if (*kind == MediaWord::list_heading) return line_of(LineRole::boilerplate);
    return publisher_line(LineRole::masthead, {}, Trust::masthead, strip_decoration(s));
  }
  if (auto dateline = read_dateline(s)) return *dateline;
  if (auto labelled = read_label_line(s)) return *labelled;
  if (is_caption(s) || is_credit_line(s) || ends_with_credit(s) || is_media_credit(s)) {
    LineInfo info = line_of(LineRole::caption);
    info.may_be_title = is_labelled_photo_story(s);
    return info;
  }
  if (is_promo(s)) return publisher_line(LineRole::boilerplate, s, Trust::promo);
  if (is_breadcrumb(s) || is_navigation(s))
    return publisher_line(LineRole::boilerplate, s, Trust::navigation, find_publisher(s) ? "" : media_word_in(s));
  if (auto byline = read_byline(s)) {
    LineInfo info = publisher_line(LineRole::byline, s, Trust::byline, byline->publisher);
    info.author = byline->author;
    return info;
  }
  if (auto lead = read_lead(s)) {
    LineInfo info = publisher_line(lead->has_text_after ? LineRole::body : LineRole::dateline, lead->publisher_zone,
                                   Trust::byline, lead->publisher_name);
    info.author = lead->author;
    return info;
  }
  return line_of(LineRole::body);
}

}  // namespace kosearch::article_lines
