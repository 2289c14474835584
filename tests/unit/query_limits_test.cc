#include "kosearch/query_limits.h"

#include <gtest/gtest.h>

#include <string>

#include "kosearch/error.h"
#include "kosearch/text.h"

namespace ks = kosearch;

namespace {

std::string words(std::size_t n, const std::string& word = "장비", const std::string& separator = " ") {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? separator : "") + word;
  return out;
}

ks::ErrorKind kind_of(const std::string& query) {
  ks::Analyzer analyzer;
  try {
    ks::check_query_length(query, analyzer);
  } catch (const ks::Error& e) {
    return e.kind();
  }
  return ks::ErrorKind::internal;  // stands for "accepted"
}

TEST(QueryLimits, AcceptsUpToTheWordLimit) {
  EXPECT_EQ(kind_of(words(ks::max_query_words)), ks::ErrorKind::internal);
  EXPECT_EQ(kind_of(words(ks::max_query_words + 1)), ks::ErrorKind::query_too_long);
}

TEST(QueryLimits, WordsAreWhatTheAnalyzerFindsNotSpaces) {
  // One white-space piece, but as many terms as a spaced query.
  EXPECT_EQ(kind_of(words(ks::max_query_words + 1, "ab", ",")), ks::ErrorKind::query_too_long);
  EXPECT_EQ(kind_of(words(ks::max_query_words, "ab", ",")), ks::ErrorKind::internal);
}

TEST(QueryLimits, RefusesMoreThan64KiBEvenOfFewWords) {
  const std::string one_long_word(ks::max_query_bytes + 1, 'a');
  ks::Analyzer analyzer;
  try {
    ks::check_query_length(one_long_word, analyzer);
    FAIL() << "accepted " << one_long_word.size() << " bytes";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::query_too_long);
    EXPECT_EQ(std::string(e.what()), "query of 65537 bytes is over the limit of 65536 bytes (64 KiB); shorten it");
  }
  EXPECT_EQ(kind_of(std::string(ks::max_query_bytes, 'a')), ks::ErrorKind::internal);
}

TEST(QueryLimits, WithinLimitsKeepsAFittingQueryAsItIs) {
  ks::Analyzer analyzer;
  const std::string query = words(ks::max_query_words);
  const std::string_view kept = ks::query_within_limits(query, analyzer);
  EXPECT_EQ(kept.data(), query.data());
  EXPECT_EQ(kept.size(), query.size());
}

TEST(QueryLimits, WithinLimitsCutsAfterTheLastWordThatFits) {
  ks::Analyzer analyzer;
  const std::string query = words(ks::max_query_words) + " 노광 반도체";
  EXPECT_EQ(std::string(ks::query_within_limits(query, analyzer)), words(ks::max_query_words));
  const std::string commas = words(ks::max_query_words + 5, "ab", ",");
  EXPECT_EQ(std::string(ks::query_within_limits(commas, analyzer)), words(ks::max_query_words, "ab", ","));
}

TEST(QueryLimits, WithinLimitsNeverSplitsACharacter) {
  ks::Analyzer analyzer;
  const std::string hangul = words(30000, "가", "");  // 90,000 bytes, no space, one "word" of 3-byte syllables
  const std::string kept(ks::query_within_limits(hangul, analyzer));
  EXPECT_LE(kept.size(), ks::max_query_bytes);
  EXPECT_GT(kept.size(), ks::max_query_bytes - 3);
  EXPECT_TRUE(ks::is_valid_utf8(kept));
  EXPECT_NO_THROW(ks::check_query_length(kept, analyzer));
}

TEST(QueryLimits, WithinLimitsCutsAtASpaceNearTheByteLimit) {
  ks::Analyzer analyzer;
  const std::string query = std::string(ks::max_query_bytes - 10, 'a') + " " + std::string(100, 'b');
  EXPECT_EQ(std::string(ks::query_within_limits(query, analyzer)), std::string(ks::max_query_bytes - 10, 'a'));
}

}  // namespace
