#include "article_datelines.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article_bylines.h"
#include "article_credits.h"
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

constexpr std::size_t kMaxDatelineChars = 120;          // 입력 … | 수정 … | 홍길동 기자 hong@…

bool opens_dateline(std::string_view s) { return date_label_at(s) || date_at_start(s); }

// After `2025.01.15 09:30`, a label followed by a date belongs to that date
// when the line writes labels after dates (… 입력 | 2025.01.15 10:00 수정),
// else it opens the next one (… | 수정 2025.01.16).
bool opens_next_date(std::string_view s, std::size_t label_pos, const DateLabelMatch& label) {
  const std::size_t next = label_pos + label.length;
  auto date = date_at_start(s.substr(next));
  if (!date) return false;
  std::size_t after = next + date->length;
  after = separators_at(s, after + time_after(s.substr(after)));
  const bool next_has_trailing_label = date_label_at(s.substr(after)).has_value();
  return !next_has_trailing_label;
}

// `text` as a byline with an author, taken into `info` (author, the zone a
// publisher is read from, its name); false when it is none.
bool take_byline(std::string_view text, LineInfo& info) {
  const auto byline = read_byline(text);
  if (!byline || !byline->author) return false;
  info.author = byline->author;
  info.publisher_zone = text;
  info.publisher_name = byline->publisher;
  info.trust = Trust::byline;
  return true;
}

// Reads `prefix` as a byline or the site's name before a line's dates; false
// when it is neither.
bool read_dateline_prefix(std::string_view prefix, LineInfo& info) {
  if (take_byline(prefix, info)) return true;
  if (auto credit = read_label_line(prefix); credit && credit->author) {  // 작성자 홍길동 | 작성일 …
    info.author = credit->author;
    return true;
  }
  if (names_a_house(prefix)) {
    info.publisher_zone = prefix;
    if (!is_publisher_name(prefix)) info.publisher_name = strip_decoration(prefix);
    info.trust = Trust::masthead;
    return true;
  }
  return false;
}

// A byline or a publisher's name before the dates of a line (홍길동 기자 |
// 입력 …, 예시일보 | 2025.01.15, 홍길동 기자입력 … as portals' copies glue
// them): where the dates start, or npos.
std::size_t dateline_start(std::string_view s, LineInfo& info) {
  if (opens_dateline(s)) return 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = decode(s, i);
    if (is_hangul_syllable(c) && date_label_at(s.substr(i)) && read_dateline_prefix(trim(s.substr(0, i)), info))
      return i;  // glued: 기자입력
    if (!is_space(c) && c != '|') continue;
    const std::size_t start = separators_at(s, at);
    if (start >= s.size() || !opens_dateline(s.substr(start))) continue;
    const std::string_view prefix = trim_if(s.substr(0, at), [](char32_t ch) { return is_space(ch) || ch == '|'; });
    return read_dateline_prefix(prefix, info) ? start : std::string_view::npos;
  }
  return std::string_view::npos;
}

struct DatedSegment {
  std::optional<DateRole> role;  // none: an unlabelled date
  std::string date;
  std::string stamp;     // the date and time as written, spaces dropped: equal stamps are one moment
  std::size_t end = 0;  // where the segment (label, date, time) ends
  bool runs_into_prose = false;  // 2025년 1월 15일까지, 2025.01.15부터: the line is a sentence
};

std::string without_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    if (!is_space(decode(s, i))) out.append(s.substr(start, i - start));
  }
  return out;
}

// The date of a dateline at `pos` with its label before it (입력 2025.01.15
// 09:30) or after it (2025.01.15 09:30 송고) and its time; none when `pos`
// holds no date.
std::optional<DatedSegment> dated_segment(std::string_view s, std::size_t pos) {
  const std::string_view at = s.substr(pos);
  DatedSegment segment;
  if (auto label = date_label_at(at)) {
    auto date = date_at_start(at.substr(label->length));
    if (!date) return std::nullopt;  // 수정 사항은 …: a sentence, not a label
    segment.role = label->role;
    segment.date = std::move(date->date);
    pos += label->length;
    const std::size_t written = pos;
    pos += date->length;
    pos += time_after(s.substr(pos));
    segment.stamp = without_spaces(s.substr(written, pos - written));
  } else if (auto date = date_at_start(at)) {
    const std::size_t written = pos;
    segment.date = std::move(date->date);
    pos += date->length;
    pos += time_after(s.substr(pos));
    segment.stamp = without_spaces(s.substr(written, pos - written));
    // Its label after it (2025-01-15 09:30 송고), unless that label opens the next date.
    const std::size_t label_pos = separators_at(s, pos);
    if (auto after = date_label_at(s.substr(label_pos)); after && !opens_next_date(s, label_pos, *after)) {
      segment.role = after->role;
      pos = label_pos + after->length;
    }
  } else {
    return std::nullopt;
  }
  segment.runs_into_prose = is_hangul_syllable(char_at(s, pos)) && !date_label_at(s.substr(pos));
  segment.end = pos;
  return segment;
}

// What follows a line's dates may be a byline (… | 홍길동 기자) or page
// information (/ 종합 A8 면), never a sentence or the site's registration
// (등록일 : 2010.05.01 | 발행인 : …). False when the line is no dateline.
bool read_dateline_tail(std::string_view tail, LineInfo& info) {
  if (is_sentence_like(tail) || starts_with_one_of(tail, kQuoteMarks)) return false;
  for (auto word : kPublisherInfoWords)
    if (tail.find(word) != std::string_view::npos) return false;
  for (auto segment : split_on(tail, '|')) {
    if (info.author) break;
    take_byline(segment, info);
  }
  return true;
}

// A date label alone (입력, 수정) left by a scraper: its date may be on the next line.
std::optional<LineInfo> read_bare_date_label(std::string_view s) {
  auto label = date_label_at(s);
  if (!label || has_word_char(s.substr(label->length))) return std::nullopt;
  LineInfo bare;
  bare.role = LineRole::boilerplate;
  bare.bare_label = label->role;
  return bare;
}

}  // namespace

// Lines of dates: `입력 2025.01.15 09:30 | 수정 2025.01.15 10:00 | 홍길동 기자`,
// `2025-01-15 09:30 송고`, `Published Jan 15, 2025`, an unlabelled
// `2025.01.15 (수)`, a bare `입력` (its date may follow on the next line).
// A line that goes on as a sentence (입력 2025.01.15 이후 받는다) is none.
std::optional<LineInfo> read_dateline(std::string_view line) {
  std::string_view s = trim_if(line, [](char32_t c) {
    return is_space(c) || c == '[' || c == '(' || c == '<' || c == U'【' || c == U'〈';
  });
  s = s.substr(separators_at(s, 0));  // | 입력 : 2025-01-15 |
  if (s.empty() || longer_than(s, kMaxDatelineChars)) return std::nullopt;
  if (s.find_first_of("0123456789") == std::string_view::npos) return read_bare_date_label(s);
  LineInfo info;
  std::size_t pos = dateline_start(s, info);
  if (pos == std::string_view::npos) return std::nullopt;
  info.role = LineRole::dateline;
  bool labelled = false;
  std::optional<std::string> first_unlabelled;
  std::string published_stamp, revised_stamp;
  while ((pos = separators_at(s, pos)) < s.size()) {
    auto segment = dated_segment(s, pos);
    if (!segment) break;
    if (segment->runs_into_prose) return std::nullopt;
    pos = segment->end;
    if (!segment->role) {
      if (first_unlabelled) return std::nullopt;  // 2025.01.15 ~ 2025.01.20: a period, not a dateline
      first_unlabelled = std::move(segment->date);
      continue;
    }
    labelled = true;
    const bool published = *segment->role == DateRole::published;
    auto& slot = published ? info.date : info.updated;
    if (slot) continue;
    slot = std::move(segment->date);
    (published ? published_stamp : revised_stamp) = std::move(segment->stamp);
  }
  // 입력 2025.01.15 09:30 수정 2025.01.15 09:30: the same moment twice, no revision
  if (info.date && info.updated && published_stamp == revised_stamp) info.updated.reset();
  if (!labelled && !first_unlabelled) return std::nullopt;
  const std::string_view tail = trim(s.substr(std::min(pos, s.size())));
  if (!read_dateline_tail(tail, info)) return std::nullopt;
  if (!labelled && !tail.empty() && !info.author) return std::nullopt;  // 2024 1 2 3: numbers, not a date line
  info.unlabelled_date = std::move(first_unlabelled);
  return info;
}

}  // namespace kosearch::article_lines
