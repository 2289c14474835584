#include "text_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "kosearch/text.h"

namespace kosearch {

namespace {

struct Breakers {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> graphemes;
};

Breakers& breakers() {
  thread_local Breakers b = [] {
    Breakers made;
    UErrorCode status = U_ZERO_ERROR;
    made.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("ko"), status));
    if (U_FAILURE(status)) made.sentences.reset();
    status = U_ZERO_ERROR;
    made.graphemes.reset(icu::BreakIterator::createCharacterInstance(icu::Locale("ko"), status));
    if (U_FAILURE(status)) made.graphemes.reset();
    return made;
  }();
  return b;
}

// Points `it` at `text` for as long as this object lives (the iterator only
// references the bytes). ok() is false when ICU refuses.
class IteratorText {
 public:
  IteratorText(icu::BreakIterator* it, std::string_view text) : it_(it) {
    if (!it_) return;
    UErrorCode status = U_ZERO_ERROR;
    ut_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    it_->setText(ut_, status);
    ok_ = U_SUCCESS(status);
  }
  ~IteratorText() {
    if (ut_) utext_close(ut_);
  }
  IteratorText(const IteratorText&) = delete;
  IteratorText& operator=(const IteratorText&) = delete;
  bool ok() const { return ok_; }

 private:
  icu::BreakIterator* it_;
  UText* ut_ = nullptr;
  bool ok_ = false;
};

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> sentence_ranges(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> raw;
  icu::BreakIterator* it = breakers().sentences.get();
  IteratorText bound(it, text);
  if (bound.ok()) {
    std::int32_t start = it->first();
    for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next())
      raw.emplace_back(static_cast<std::size_t>(start), static_cast<std::size_t>(end));
  } else {
    raw.emplace_back(0, text.size());
  }
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  for (auto [begin, end] : raw) {
    while (begin < end && is_ascii_space(text[begin])) ++begin;
    while (end > begin && is_ascii_space(text[end - 1])) --end;
    if (begin < end) sentences.emplace_back(begin, end);
  }
  return sentences;
}

std::size_t grapheme_boundary(std::string_view text, std::size_t at, bool forward) {
  if (at == 0 || at >= text.size()) return std::min(at, text.size());
  icu::BreakIterator* it = breakers().graphemes.get();
  IteratorText bound(it, text);
  if (!bound.ok()) {
    while (at > 0 && at < text.size() && is_continuation_byte(text[at])) forward ? ++at : --at;
    return at;
  }
  const auto pos = static_cast<std::int32_t>(at);
  if (it->isBoundary(pos)) return at;
  const std::int32_t moved = forward ? it->following(pos) : it->preceding(pos);
  return moved == icu::BreakIterator::DONE ? (forward ? text.size() : 0) : static_cast<std::size_t>(moved);
}

}  // namespace kosearch
