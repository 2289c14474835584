// Dates as articles write them, for the article parser: `2025-01-15`,
// `2025. 1. 15.`, `2025년 1월 15일`, `Jan 15, 2025`, with their time of day
// and weekday, and the labels that say what a date is (입력, 수정,
// Published …; the words are in article_words.h). Only real calendar dates
// between 1900 and 2099 are read. Private to the library.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "article_words.h"

namespace kosearch::article_dates {

struct DatePrefix {
  std::string date;    // YYYY-MM-DD
  std::size_t length;  // bytes of `s` it spans
};

// A date written at the very start of `s`, if any.
std::optional<DatePrefix> date_at_start(std::string_view s);

// Bytes at the start of `s` (what follows a date) taken by its time and
// weekday: ` 09:30`, ` 오전 9:30`, `T09:30:00+09:00`, ` (수) 09:30:12`.
std::size_t time_after(std::string_view s);

struct DateLabelMatch {
  article_words::DateRole role;
  std::size_t length;  // the label with its qualifier, suffix, colon and link word
};

// A date label at the start of `s` (입력, 기사입력일시, 최종 수정, Published on).
std::optional<DateLabelMatch> date_label_at(std::string_view s);

// The end of the spaces and marks (| ㅣ : / brackets) after `pos` that
// separate a label, its date and the next segment of a dateline.
std::size_t separators_at(std::string_view s, std::size_t pos);

// Four digits at `pos` (no fifth after them); advances `pos`.
std::optional<int> year_at(std::string_view s, std::size_t& pos);

}  // namespace kosearch::article_dates
