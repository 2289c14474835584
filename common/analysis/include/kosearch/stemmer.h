// Dictionary-free light stemming for Hangul words: strips the longest
// particle (조사) or ending from a curated list, gated on whether the stem's
// last syllable has a final consonant (받침), keeping at least
// `min_syllables` syllables and never touching words on the exception list
// (화웨이, 제미나이, 하지만, 그러나 …). See ../shared/docs/korean-text.md.
#pragma once

#include <string_view>

namespace kosearch {

struct StemOptions {
  int min_syllables = 2;  // syllables that must remain after stripping
  int max_strips = 2;     // stacked particles: 에서부터 is one entry, 들+의 two strips
  // Strip only particles whose 받침 gate confirms them (이/가, 을/를, 은/는,
  // 과/와, 으로/로 …), not those any word may end in (도, 에, 만): for short
  // stems, where 정도 must not become 정 but 명이 may become 명.
  bool gated_only = false;
};

// Returns the stem as a prefix of `word` (normalized Hangul). Returns `word`
// unchanged when nothing can be stripped. With min_syllables = 0 a word that is
// a particle in full (이, 과, 에서) returns an empty view.
std::string_view light_stem(std::string_view word, StemOptions options = {});

// True when `word` is, in full, a particle or ending on the list (과, 이, 에서부터).
bool is_particle(std::string_view word);

// True when the Hangul syllable has a final consonant (받침).
bool has_final_consonant(char32_t syllable);

}  // namespace kosearch
