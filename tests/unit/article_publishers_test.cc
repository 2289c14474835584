#include "article_publishers.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace kosearch::article_lines {
namespace {

std::optional<std::string> expected(const char* value) {
  return value ? std::optional<std::string>(value) : std::nullopt;
}

std::optional<std::string> found(std::optional<std::string_view> value) {
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

// A line and what the gazetteer makes of it.
struct GazetteerCase {
  const char* text;
  const char* first_listed;  // find_publisher; nullptr: none
  bool whole_name;           // is_publisher_name
  const char* named;         // named_publisher
};

void PrintTo(const GazetteerCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class ArticlePublishersGazetteer : public ::testing::TestWithParam<GazetteerCase> {};

TEST_P(ArticlePublishersGazetteer, Lookup) {
  const GazetteerCase& c = GetParam();
  EXPECT_EQ(found(find_publisher(c.text)), expected(c.first_listed));
  EXPECT_EQ(is_publisher_name(c.text), c.whole_name);
  EXPECT_EQ(named_publisher(c.text), c.named);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ArticlePublishersGazetteer,
    ::testing::Values(
        GazetteerCase{"조선일보", "조선일보", true, "조선일보"},
        GazetteerCase{"[조선닷컴]", "조선일보", true, "조선일보"},        // an alias, decorated
        GazetteerCase{"자세한 내용은 조선닷컴에서", "조선일보", false, "자세한 내용은 조선닷컴에서"},
        GazetteerCase{"CBS노컷뉴스", "노컷뉴스", true, "노컷뉴스"},      // the longest alias wins
        GazetteerCase{"한국경제TV", "한국경제TV", true, "한국경제TV"},
        GazetteerCase{"mbn", "MBN", true, "MBN"},                         // ASCII case ignored
        GazetteerCase{"MBNews", nullptr, false, "MBNews"},                // a Latin alias ends a word
        GazetteerCase{"비조선일보", nullptr, false, "비조선일보"},        // an alias starts one
        GazetteerCase{"예시일보", nullptr, false, "예시일보"},            // not listed: as written
        GazetteerCase{"조선일보 기자", "조선일보", false, "조선일보 기자"}));

// A word and what kind of name it is.
struct NameCase {
  const char* text;
  std::optional<MediaWord> media;  // media_word_kind
  bool house;                      // names_a_house
  bool navigation;                 // is_navigation_word
  bool shaped;                     // is_publisher_shaped
};

void PrintTo(const NameCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class ArticlePublishersNames : public ::testing::TestWithParam<NameCase> {};

TEST_P(ArticlePublishersNames, Kind) {
  const NameCase& c = GetParam();
  EXPECT_EQ(media_word_kind(c.text), c.media);
  EXPECT_EQ(names_a_house(c.text), c.house);
  EXPECT_EQ(is_navigation_word(c.text), c.navigation);
  EXPECT_EQ(is_publisher_shaped(c.text), c.shaped);
}

constexpr auto masthead = MediaWord::masthead;
constexpr auto heading = MediaWord::list_heading;

INSTANTIATE_TEST_SUITE_P(
    Table, ArticlePublishersNames,
    ::testing::Values(
        // media names outside the gazetteer, and article-list headings
        NameCase{"예시일보", masthead, true, true, true},
        NameCase{"테크월드뉴스", masthead, true, true, true},
        NameCase{"글로벌이코노믹", std::nullopt, true, true, true},  // listed
        NameCase{"많이본뉴스", heading, false, false, true},  // 많이본: a navigation word
        NameCase{"실시간뉴스", heading, false, false, true},
        NameCase{"주요뉴스", heading, false, true, false},
        NameCase{"뉴스", std::nullopt, false, true, false},    // too short for a masthead
        NameCase{"조선일보", masthead, true, true, true},     // listed
        // navigation words (the site's name among them)
        NameCase{"바로가기", std::nullopt, false, true, true},
        NameCase{"본문 바로가기", std::nullopt, false, true, false},
        NameCase{"좋아요", std::nullopt, false, true, false},
        NameCase{"좋아요.", std::nullopt, false, false, false},  // a sentence
        NameCase{"홈", std::nullopt, false, true, false},
        // names as footers and datelines write them
        NameCase{"The Korea Herald", std::nullopt, false, false, true},
        NameCase{"세상을 보는 눈", std::nullopt, false, false, true},
        NameCase{"로이터=뉴스1", std::nullopt, false, false, false},
        NameCase{"로이터", std::nullopt, false, false, false},  // a photo agency
        NameCase{"www.example.com", std::nullopt, false, false, false},
        NameCase{"정부가 발표했다", std::nullopt, false, false, false},
        NameCase{"홍길동", std::nullopt, false, false, true}));

}  // namespace
}  // namespace kosearch::article_lines
