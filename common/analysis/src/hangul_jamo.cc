#include "kosearch/hangul_jamo.h"

#include <vector>

#include "kosearch/text.h"

namespace kosearch::hangul {
namespace {

// Unicode's Hangul syllable arithmetic (The Unicode Standard, 3.12).
constexpr char32_t kSyllableBase = 0xAC00;  // the block's end: text.h's is_hangul_syllable
constexpr int kMedials = 21, kFinals = 28;  // finals: 0 = none
constexpr char32_t kChoseong = 0x1100, kJungseong = 0x1161, kJongseong = 0x11A7;  // + index
constexpr char32_t kCompatFirst = 0x3131, kCompatVowel = 0x314F, kCompatLast = 0x3163;

// Compatibility jamo by initial and final index (final 0 has none).
constexpr std::u32string_view kInitials = U"ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
constexpr std::u32string_view kFinalsTable = U" ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

// The 두벌식 keys of every compatibility jamo, U+3131 … U+3163 in order:
// one key, or two for a double final or compound vowel (typed as its parts).
constexpr std::string_view kKeys[] = {
    "r",  "R",  "rt", "s",  "sw", "sg", "e",  "E",  "f",  "fr", "fa", "fq", "ft", "fx", "fv", "fg",  // ㄱ … ㅀ
    "a",  "q",  "Q",  "qt", "t",  "T",  "d",  "w",  "W",  "c",  "z",  "x",  "v",  "g",              // ㅁ … ㅎ
    "k",  "o",  "i",  "O",  "j",  "p",  "u",  "P",  "h",  "hk", "ho", "hl", "y",  "n",  "nj", "np",  // ㅏ … ㅞ
    "nl", "b",  "m",  "ml", "l"};                                                                   // ㅟ … ㅣ
static_assert(std::size(kKeys) == kCompatLast - kCompatFirst + 1);

bool is_compat_jamo(char32_t cp) { return cp >= kCompatFirst && cp <= kCompatLast; }
bool is_vowel(char32_t jamo) { return jamo >= kCompatVowel && jamo <= kCompatLast; }
bool is_consonant(char32_t jamo) { return jamo >= kCompatFirst && jamo < kCompatVowel; }
std::string_view keys_of(char32_t jamo) { return kKeys[jamo - kCompatFirst]; }

int index_in(std::u32string_view table, char32_t jamo) {
  const std::size_t at = table.find(jamo);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

// A conjoining jamo (what NFKC makes of a typed one) as the compatibility
// jamo for it; anything else unchanged.
char32_t compat_of(char32_t cp) {
  if (cp >= kChoseong && cp < kChoseong + kInitials.size()) return kInitials[cp - kChoseong];
  if (cp >= kJungseong && cp < kJungseong + kMedials) return kCompatVowel + (cp - kJungseong);
  if (cp > kJongseong && cp < kJongseong + kFinals) return kFinalsTable[cp - kJongseong];
  return cp;
}

// The one jamo a key types (Shift only matters for ㄲㄸㅃㅆㅉㅒㅖ), or 0.
char32_t jamo_of_key(char key) {
  for (char32_t jamo = kCompatFirst; jamo <= kCompatLast; ++jamo)
    if (keys_of(jamo).size() == 1 && keys_of(jamo)[0] == key) return jamo;
  if (ascii_lower(key) != key) return jamo_of_key(ascii_lower(key));
  return 0;
}

// The double final or compound vowel typed as `first` then `second`, or 0.
char32_t combined(char32_t first, char32_t second) {
  for (char32_t jamo = kCompatFirst; jamo <= kCompatLast; ++jamo) {
    const std::string_view keys = keys_of(jamo);
    if (keys.size() == 2 && jamo_of_key(keys[0]) == first && jamo_of_key(keys[1]) == second) return jamo;
  }
  return 0;
}

// Jamo in typing order as an input method composes them: an initial and a
// vowel start a syllable; a consonant after the vowel is its final unless a
// vowel follows (then it begins the next syllable), and so is a second one
// that makes a double final with it.
std::string compose(const std::vector<char32_t>& jamo) {
  std::string out;
  const auto vowel_at = [&](std::size_t k) { return k < jamo.size() && is_vowel(jamo[k]); };
  std::size_t i = 0;
  while (i < jamo.size()) {
    const int initial = index_in(kInitials, jamo[i]);
    if (initial < 0 || !vowel_at(i + 1)) {
      char32_t alone = jamo[i++];
      if (is_vowel(alone) && vowel_at(i) && combined(alone, jamo[i])) alone = combined(alone, jamo[i++]);
      append_utf8(out, alone);
      continue;
    }
    char32_t vowel = jamo[i + 1];
    i += 2;
    if (vowel_at(i) && combined(vowel, jamo[i])) vowel = combined(vowel, jamo[i++]);
    int final = 0;
    if (i < jamo.size() && is_consonant(jamo[i]) && !vowel_at(i + 1) && index_in(kFinalsTable, jamo[i]) > 0) {
      char32_t last = jamo[i++];
      if (i < jamo.size() && !vowel_at(i + 1) && combined(last, jamo[i])) last = combined(last, jamo[i++]);
      final = index_in(kFinalsTable, last);
    }
    append_utf8(out, kSyllableBase + (static_cast<char32_t>(initial) * kMedials + (vowel - kCompatVowel)) * kFinals +
                    static_cast<char32_t>(final));
  }
  return out;
}

}  // namespace

std::u32string jamo_units(std::string_view utf8) {
  std::u32string units;
  jamo_units_into(utf8, units);
  return units;
}

void jamo_units_into(std::string_view utf8, std::u32string& units) {
  units.clear();
  for (std::size_t at = 0; at < utf8.size();) {
    const char32_t cp = next_code_point(utf8, at);
    if (!is_hangul_syllable(cp)) {
      units.push_back(cp);
      continue;
    }
    const char32_t offset = cp - kSyllableBase;
    units.push_back(kChoseong + offset / (kMedials * kFinals));
    units.push_back(kJungseong + offset % (kMedials * kFinals) / kFinals);
    if (offset % kFinals != 0) units.push_back(kJongseong + offset % kFinals);
  }
}

std::size_t jamo_unit_count(std::string_view utf8) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < utf8.size();) {
    const char32_t cp = next_code_point(utf8, at);
    count += !is_hangul_syllable(cp) ? 1 : (cp - kSyllableBase) % kFinals != 0 ? 3 : 2;
  }
  return count;
}

std::optional<std::u32string> initials_query(std::string_view utf8) {
  std::u32string initials;
  for (const char32_t cp : code_points_of(utf8)) {
    const int initial = index_in(kInitials, compat_of(cp));
    if (initial < 0) return std::nullopt;
    initials.push_back(static_cast<char32_t>(initial));
  }
  if (initials.empty()) return std::nullopt;
  return initials;
}

int initial_of(char32_t syllable) {
  if (!is_hangul_syllable(syllable)) return -1;
  return static_cast<int>((syllable - kSyllableBase) / (kMedials * kFinals));
}

int medial_of(char32_t syllable) {
  if (!is_hangul_syllable(syllable)) return -1;
  return static_cast<int>((syllable - kSyllableBase) % (kMedials * kFinals) / kFinals);
}

int final_of(char32_t syllable) {
  if (!is_hangul_syllable(syllable)) return -1;
  return static_cast<int>((syllable - kSyllableBase) % kFinals);
}

char32_t with_initial(char32_t syllable, int initial) {
  return syllables_begin(initial) + (syllable - kSyllableBase) % (kMedials * kFinals);
}

std::vector<char32_t> one_edit_syllables(char32_t syllable) {
  std::vector<char32_t> others;
  if (initial_of(syllable) < 0) return others;
  const char32_t offset = syllable - kSyllableBase;
  const char32_t start = syllable - offset % (kMedials * kFinals);  // its initial, vowel 0, no final
  const char32_t medial = offset % (kMedials * kFinals) / kFinals, final = offset % kFinals;
  for (char32_t m = 0; m < kMedials; ++m)
    if (m != medial) others.push_back(start + m * kFinals + final);
  for (char32_t f = 0; f < kFinals; ++f)
    if (f != final) others.push_back(start + medial * kFinals + f);
  return others;
}

std::optional<std::string> latin_to_hangul(std::string_view word) {
  std::vector<char32_t> jamo;
  for (const char key : word) {
    const char32_t typed = jamo_of_key(key);
    if (typed == 0) return std::nullopt;
    jamo.push_back(typed);
  }
  if (jamo.empty()) return std::nullopt;
  return compose(jamo);
}

std::optional<std::string> hangul_to_latin(std::string_view word) {
  std::string keys;
  for (const char32_t cp : code_points_of(word)) {
    const char32_t jamo = compat_of(cp);
    if (is_compat_jamo(jamo)) {
      keys += keys_of(jamo);
    } else if (is_hangul_syllable(cp)) {
      const char32_t offset = cp - kSyllableBase;
      keys += keys_of(kInitials[offset / (kMedials * kFinals)]);
      keys += keys_of(kCompatVowel + offset % (kMedials * kFinals) / kFinals);
      if (offset % kFinals != 0) keys += keys_of(kFinalsTable[offset % kFinals]);
    } else {
      return std::nullopt;
    }
  }
  if (keys.empty()) return std::nullopt;
  return keys;
}

}  // namespace kosearch::hangul
