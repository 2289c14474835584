#include "text_breaks.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace ks = kosearch;

namespace {

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& [begin, end] : ks::sentence_ranges(text)) out.emplace_back(text.substr(begin, end - begin));
  return out;
}

}  // namespace

TEST(TextBreaks, SplitsKoreanSentencesAndTrimsTheirBlanks) {
  EXPECT_EQ(sentences("  중국은 노광 장비를 만들지 못한다. 네덜란드 ASML이 독점한다!  왜일까? "),
            (std::vector<std::string>{"중국은 노광 장비를 만들지 못한다.", "네덜란드 ASML이 독점한다!", "왜일까?"}));
}

TEST(TextBreaks, BlankTextHasNoSentence) {
  EXPECT_TRUE(sentences("").empty());
  EXPECT_TRUE(sentences(" \t ").empty());
}

TEST(TextBreaks, GraphemeBoundaryKeepsAJamoSyllableWhole) {
  // 장 as conjoining jamo (ᄌ ᅡ ᆼ, 3 bytes each), then 비.
  const std::string text = "\u110C\u1161\u11BC비";
  EXPECT_EQ(ks::grapheme_boundary(text, 3, true), 9u);
  EXPECT_EQ(ks::grapheme_boundary(text, 6, false), 0u);
  EXPECT_EQ(ks::grapheme_boundary(text, 9, true), 9u);  // already a boundary
}

TEST(TextBreaks, GraphemeBoundaryKeepsAnEmojiSequenceWhole) {
  const std::string text = "a\U0001F44D\U0001F3FDb";  // thumbs up, skin tone: one grapheme of 8 bytes
  EXPECT_EQ(ks::grapheme_boundary(text, 5, true), 9u);
  EXPECT_EQ(ks::grapheme_boundary(text, 5, false), 1u);
}

TEST(TextBreaks, GraphemeBoundaryStaysInsideTheText) {
  EXPECT_EQ(ks::grapheme_boundary("장비", 0, true), 0u);
  EXPECT_EQ(ks::grapheme_boundary("장비", 99, false), 6u);
}
