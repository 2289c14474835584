// What a line of a scraped article is, as the article parser reads it: a plain
// value, shared by the parser's public interface (classify_line) and its
// private rules (article_lines.h), so neither includes the other.
#pragma once

namespace kosearch {

// Only body lines are kept; boilerplate is navigation, promos, meta labels and
// copyright footers; the other roles are dropped too but may name metadata.
enum class LineRole { body, blank, boilerplate, caption, byline, dateline, masthead };

}  // namespace kosearch
