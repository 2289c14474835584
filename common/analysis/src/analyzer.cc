#include "kosearch/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include "kosearch/error.h"
#include "kosearch/hanja_readings.h"
#include "kosearch/normalizer.h"
#include "kosearch/stemmer.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// ICU word-break rule status ranges (UWordBreak): numbers, letters, then
// kana (300–399) and ideographs (400–499), told apart by script below.
constexpr int kNumberStatus = 100, kLetterStatus = 200, kKanaStatus = 300, kStatusLimit = 500;

// A pure particle glued to a number keeps its meaning as a unit after one:
// 10만 is ten thousand, 30도 thirty degrees.
constexpr std::string_view kNumberUnitsThatLookLikeParticles[] = {"만", "도"};

bool is_number_unit(std::string_view stem) {
  for (const std::string_view unit : kNumberUnitsThatLookLikeParticles) {
    if (stem == unit) return true;
  }
  return false;
}

bool is_han(char32_t cp) { return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_IDEOGRAPHIC); }

bool is_kana(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

void truncate_utf8(std::string& s, std::size_t limit) { s.resize(utf8_prefix_length(s, limit)); }

template <typename Pred>
bool any_code_point(std::string_view s, Pred pred) {
  std::size_t i = 0;
  while (i < s.size()) {
    const Utf8Decoded d = decode_utf8_at(s, i);
    if (pred(d.code_point)) return true;
    i += d.length;
  }
  return false;
}

TokenKind classify(int status, std::string_view original) {
  if (status >= kNumberStatus && status < kLetterStatus) {
    // ICU calls H100 and A800 numbers; they are model names, i.e. words.
    return any_code_point(original, [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; })
               ? TokenKind::latin
               : TokenKind::number;
  }
  if (status >= kLetterStatus && status < kKanaStatus) {
    return any_code_point(original, is_hangul_syllable) ? TokenKind::hangul : TokenKind::latin;
  }
  if (status >= kKanaStatus && status < kStatusLimit) {
    // ICU's Chinese/Japanese dictionary reports katakana words as ideographic
    // too, so the script decides.
    if (any_code_point(original, is_han)) return TokenKind::han;
    return any_code_point(original, is_kana) ? TokenKind::kana : TokenKind::other;
  }
  return TokenKind::other;
}

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::u16string utf16;               // the text with middle dots blanked
  std::vector<std::uint32_t> offset;  // UTF-16 index → byte offset in the original text
  std::string scratch;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale("ko"), status));
    if (U_FAILURE(status) || !words) throw Error(ErrorKind::internal, "ICU word break iterator unavailable (is the ICU data package installed?)");
  }

  // Decodes `text` once into UTF-16 for ICU, recording where each UTF-16 unit
  // starts in the original bytes. Middle dots become spaces (one unit each,
  // as they are all BMP characters) so A100ㆍH100 splits while offsets hold.
  void load(std::string_view text) {
    utf16.clear();
    offset.clear();
    utf16.reserve(text.size());
    offset.reserve(text.size() + 1);
    std::size_t i = 0;
    while (i < text.size()) {
      const Utf8Decoded d = decode_utf8_at(text, i);
      const auto at = static_cast<std::uint32_t>(i);
      char32_t cp = d.code_point;
      if (is_middle_dot(cp)) cp = U' ';
      if (cp < 0x10000) {
        utf16.push_back(static_cast<char16_t>(cp));
        offset.push_back(at);
      } else {
        utf16.push_back(static_cast<char16_t>(0xD7C0 + (cp >> 10)));
        utf16.push_back(static_cast<char16_t>(0xDC00 | (cp & 0x3FF)));
        offset.push_back(at);
        offset.push_back(at);
      }
      i += d.length;
    }
    offset.push_back(static_cast<std::uint32_t>(text.size()));

    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUChars(&ut, reinterpret_cast<const UChar*>(utf16.data()),
                     static_cast<int64_t>(utf16.size()), &status);
    words->setText(&ut, status);  // keeps a shallow clone over utf16
    utext_close(&ut);
    if (U_FAILURE(status)) throw Error(ErrorKind::internal, "ICU could not take the text");
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::analyze(std::string_view text, std::uint32_t first_position) {
  std::vector<Token> out;
  analyze(text, out, first_position);
  return out;
}

namespace {

// Interrogative determiners that questions often write against their noun
// (몇년도, 어느나라, 무슨일): the noun is what a document contains.
constexpr std::string_view kInterrogativePrefixes[] = {"몇", "어느", "무슨"};
// Words that merely start like one (adverbs, 몇몇 "some").
constexpr std::string_view kNotInterrogative[] = {"몇몇", "어느덧", "어느새"};

// The light stem of a noun; failing that, a one-syllable stem before a
// particle its 받침 confirms (칩을, 칩이, 값은, 칩으로 → 칩, 값): 나이, 사과 and
// 정도 stay whole because the gate or the list refuses them. Ambiguous words
// (길이 "length" → 길) keep their exact form in the bigram layer, which ranks
// the exact word first.
std::string_view noun_stem(std::string_view word) {
  const std::string_view stem = light_stem(word);
  if (stem.size() != word.size()) return stem;
  return light_stem(word, {.min_syllables = 1, .max_strips = 1, .gated_only = true});
}

// The stem of a Hangul word; after a glued interrogative, the stem of the
// noun that follows it (몇번째로 → 번째, 몇명이 → 명, 몇일에 → 일에).
std::string_view hangul_stem(std::string_view word) {
  for (const std::string_view other : kNotInterrogative)
    if (word.starts_with(other)) return light_stem(word);
  for (const std::string_view prefix : kInterrogativePrefixes)
    if (word.size() > prefix.size() && word.starts_with(prefix)) return noun_stem(word.substr(prefix.size()));
  return noun_stem(word);
}

// Decides what a Hangul word glued to the preceding number/Latin/Han word
// becomes. Returns false when it is only a particle (A800과, ASML이) and so
// yields no token; otherwise sets `own_stem` and, for numbers and Latin,
// `prev.joined` (2028년, asml사).
bool attach_glued_hangul(Token& prev, std::string_view surface, std::string_view& own_stem) {
  std::string_view unit = light_stem(surface, {.min_syllables = 0});
  const std::string_view single = light_stem(surface, {.min_syllables = 1});
  if (unit.empty()) {
    if (prev.kind != TokenKind::number || !is_number_unit(single)) return false;
    unit = single;
  }
  own_stem = single;
  if (prev.kind == TokenKind::number || prev.kind == TokenKind::latin) {
    prev.joined.assign(prev.surface);
    prev.joined.append(unit);
    truncate_utf8(prev.joined, max_term_bytes);
  }
  return true;
}

// True when only punctuation, no space, separates two byte offsets: the
// particle in 프로젝트'의 or ‘소라’에 belongs to the word before the quote.
bool no_space_between(std::string_view text, std::uint32_t from, std::uint32_t to) {
  std::size_t i = from;
  while (i < to) {
    const Utf8Decoded d = decode_utf8_at(text, i);
    if (u_isUWhiteSpace(static_cast<UChar32>(d.code_point))) return false;
    i += d.length;
  }
  return true;
}

// The word's normalized form into `term`, cut to max_term_bytes; true when cut.
bool normalize_term(std::string_view original, std::string& term) {
  normalize_into(original, term);
  if (term.size() <= max_term_bytes) return false;
  truncate_utf8(term, max_term_bytes);
  return true;
}

// A token's terms, reusing the strings' capacity: `stem` may view into
// `surface`, which is swapped in (the caller's scratch keeps the old buffer).
void fill_token(Token& t, std::string_view stem, std::string& surface, TokenKind kind, bool after_number) {
  t.stem.assign(stem);  // before surface: stem views into it
  t.surface.swap(surface);
  t.joined.clear();
  t.readings.clear();
  if (kind == TokenKind::han) t.readings = han_readings(t.surface, after_number);
  t.kind = kind;
}

}  // namespace

void Analyzer::analyze(std::string_view text, std::vector<Token>& out, std::uint32_t first_position) {
  // Tokens already in `out` are overwritten in place so their strings keep
  // their capacity when a caller reuses one vector for many documents.
  std::size_t count = 0;
  if (text.empty()) {
    out.clear();
    return;
  }
  Impl& im = *impl_;
  im.load(text);
  icu::BreakIterator& words = *im.words;

  std::int32_t start = words.first();
  for (std::int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    const int status = words.getRuleStatus();
    if (status < kNumberStatus) continue;  // spaces and punctuation
    const std::uint32_t begin_byte = im.offset[static_cast<std::size_t>(start)];
    const std::uint32_t end_byte = im.offset[static_cast<std::size_t>(end)];
    const std::string_view original = text.substr(begin_byte, end_byte - begin_byte);
    const TokenKind kind = classify(status, original);

    const bool truncated = normalize_term(original, im.scratch);
    if (im.scratch.empty()) continue;

    std::string_view stem = im.scratch;
    Token* prev = count > 0 ? &out[count - 1] : nullptr;
    const bool glued = prev && prev->end == begin_byte && kind == TokenKind::hangul &&
                       prev->kind != TokenKind::hangul && prev->kind != TokenKind::other;
    if (glued) {
      if (!attach_glued_hangul(*prev, im.scratch, stem)) {
        // The particle is part of the written word (A800과): highlights of
        // the word must cover it.
        prev->end = end_byte;
        continue;
      }
    } else if (kind == TokenKind::hangul) {
      const bool after_punctuation = prev && no_space_between(text, prev->end, begin_byte);
      if (after_punctuation && light_stem(im.scratch, {.min_syllables = 0}).empty()) continue;
      stem = hangul_stem(im.scratch);
    }

    // 11日 is a date, not Japan: no abbreviation right after a number.
    const bool after_number = prev && prev->kind == TokenKind::number && prev->end == begin_byte;
    if (count == out.size()) out.emplace_back();  // invalidates prev
    Token& t = out[count];
    fill_token(t, stem, im.scratch, kind, after_number);
    t.position = first_position + static_cast<std::uint32_t>(count);
    t.begin = begin_byte;
    t.end = end_byte;
    t.truncated = truncated;
    ++count;
  }
  out.resize(count);
}

std::vector<std::string> syllable_bigrams(std::string_view surface) {
  std::vector<std::string> bigrams;
  std::size_t prev_start = 0;
  bool prev_ok = false;
  std::size_t i = 0;
  while (i < surface.size()) {
    const Utf8Decoded d = decode_utf8_at(surface, i);
    const bool ok = is_hangul_syllable(d.code_point) || is_han(d.code_point);
    if (ok && prev_ok) bigrams.emplace_back(surface.substr(prev_start, i + d.length - prev_start));
    prev_ok = ok;
    prev_start = i;
    i += d.length;
  }
  return bigrams;
}

}  // namespace kosearch
