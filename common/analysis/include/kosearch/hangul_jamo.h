// Hangul letters (jamo) for helping the person typing: syllables taken apart
// into 초성/중성/종성 and put back together with the arithmetic of Unicode's
// Hangul block, the standard 두벌식 keyboard (Latin keys ↔ jamo, with the
// syllable composition an input method does), and initial-consonant (초성)
// words. Pure functions on UTF-8; no index, no ICU.
//
// Jamo are handled as compatibility jamo (ㄱ U+3131 … ㅣ U+3163), the letters
// a keyboard types; the conjoining jamo NFKC turns them into (ᄀ U+1100 …,
// what the analyzer's tokens hold) are accepted as input too.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosearch::hangul {

// A word as the units an edit distance counts: each Hangul syllable is two
// or three units (초성, 중성, 종성 as conjoining jamo code points, a compound
// vowel or final being one unit), every other code point one unit. So
// 엔비디야 and 엔비디아 are one unit apart, not one syllable.
std::u32string jamo_units(std::string_view utf8);
// The same into `units` (replaced), for a caller that converts many words
// and keeps one buffer.
void jamo_units_into(std::string_view utf8, std::u32string& units);
// How many units jamo_units gives, without making them: two words whose
// counts differ by more than k are more than k edits apart.
std::size_t jamo_unit_count(std::string_view utf8);

// The 초성 of a word typed as initial consonants only (ㄴㄱ, ᄂᄀ, ㅇㅂㄷㅇ) as
// the 0-based initial indexes of Unicode's syllable arithmetic (ㄱ 0 … ㅎ 18),
// one char32_t each; nullopt when any character is not a consonant that can
// begin a syllable (ㄳ, a vowel, a syllable, a Latin letter).
std::optional<std::u32string> initials_query(std::string_view utf8);

// Unicode's syllable arithmetic (3.12), the one place it is written:
// syllable = U+AC00 + (initial × 21 + medial) × 28 + final, with 19 initials
// (ㄱ 0 … ㅎ 18), 21 medials (ㅏ 0 … ㅣ 20) and 28 finals (0: none).
// Each gives -1 for a code point that is not a precomposed syllable.
int initial_of(char32_t syllable);  // 가 → 0
int medial_of(char32_t syllable);   // 가 → 0 (ㅏ)
int final_of(char32_t syllable);    // 각 → 1 (ㄱ), 가 → 0
// `syllable` with its initial replaced (a syllable; initial 0..18).
char32_t with_initial(char32_t syllable, int initial);

// The first and one-past-last code point of the syllables with initial
// `initial` (0..18): they are one contiguous block of 588, so a sorted term
// list holds the words starting with them in one range.
constexpr char32_t syllables_begin(int initial) { return 0xAC00 + static_cast<char32_t>(initial) * 588; }
constexpr char32_t syllables_end(int initial) { return syllables_begin(initial) + 588; }

// The syllables one jamo from `syllable`, with its initial: every other
// vowel, every other final (or none, or one where it had none). Empty for a
// code point that is no syllable.
std::vector<char32_t> one_edit_syllables(char32_t syllable);

// Latin letters typed with the keyboard in English mode, read as the 두벌식
// keys they are (shrhkd → 노광, dpsqleldk → 엔비디아, Shift for ㄲㄸㅃㅆㅉㅒㅖ),
// composed into syllables as an input method does: compound vowels (hk → ㅘ),
// double finals (rt → ㄳ), a final that moves to the next syllable before a
// vowel. nullopt unless every character is an ASCII letter.
std::optional<std::string> latin_to_hangul(std::string_view word);

// The reverse: Hangul typed where Latin was meant (ㅁㄴㅡㅣ → asml), jamo or
// syllables back to the keys that type them, lower case except the Shift
// letters. nullopt unless every character is Hangul (jamo or syllable).
std::optional<std::string> hangul_to_latin(std::string_view word);

}  // namespace kosearch::hangul
