#include "kosearch/document.h"

#include <gtest/gtest.h>

#include "kosearch/error.h"

#include <optional>
#include <ostream>
#include <string>

namespace kosearch {
namespace {

struct DateCase {
  const char* input;
  std::optional<std::string> expected;
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << "\"" << c.input << "\" -> " << c.expected.value_or("nullopt"); }

class DocumentParseDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(DocumentParseDate, ReturnsIsoDateOrNothing) {
  const auto& c = GetParam();
  EXPECT_EQ(parse_date(c.input), c.expected) << "input: " << c.input;
}

INSTANTIATE_TEST_SUITE_P(
    Document, DocumentParseDate,
    ::testing::Values(
        // accepted spellings
        DateCase{"2024-04-02", "2024-04-02"}, DateCase{"2024.04.02", "2024-04-02"},
        DateCase{"2024/04/02", "2024-04-02"}, DateCase{"2024-4-2", "2024-04-02"},
        DateCase{"2024.4.2", "2024-04-02"}, DateCase{"2024년 4월 2일", "2024-04-02"},
        DateCase{"2024년4월2일", "2024-04-02"}, DateCase{"2023년 12월 31일", "2023-12-31"},
        DateCase{"  2024-04-02  ", "2024-04-02"}, DateCase{"2024.04.02.", "2024-04-02"},
        DateCase{"2023-05-09 06:57", "2023-05-09"}, DateCase{"2024-04-02T14:30:00+09:00", "2024-04-02"},
        DateCase{"2024-04-02T14:30:00Z", "2024-04-02"},
        DateCase{"20240402", "2024-04-02"}, DateCase{"20240402T143000Z", std::nullopt},
        DateCase{"20240402 14:30", "2024-04-02"},
        // two-digit years (NSMC's reviews): POSIX's %y, 69–99 → 19YY, 00–68 → 20YY
        DateCase{"03.11.21", "2003-11-21"}, DateCase{"68.1.2", "2068-01-02"}, DateCase{"69.01.02", "1969-01-02"},
        DateCase{"99.12.31", "1999-12-31"}, DateCase{"21.02.29", std::nullopt}, DateCase{"21/11/03", std::nullopt},
        DateCase{"3.11.21", std::nullopt}, DateCase{"2024040", std::nullopt}, DateCase{"202404021", std::nullopt},
        // calendar
        DateCase{"2024-02-29", "2024-02-29"}, DateCase{"2000-02-29", "2000-02-29"},
        DateCase{"2023-02-29", std::nullopt}, DateCase{"1900-02-29", std::nullopt},
        DateCase{"2023-02-30", std::nullopt}, DateCase{"2023-04-31", std::nullopt},
        DateCase{"2023-13-01", std::nullopt}, DateCase{"2023-00-10", std::nullopt},
        DateCase{"2023-01-00", std::nullopt}, DateCase{"2023년 2월 30일", std::nullopt},
        // malformed
        DateCase{"", std::nullopt}, DateCase{"2024", std::nullopt}, DateCase{"24-04-02", std::nullopt},
        DateCase{"20240-04-02", std::nullopt}, DateCase{"2024-04/02", std::nullopt},
        DateCase{"2024-004-02", std::nullopt}, DateCase{"2024-04-02abc", std::nullopt},
        DateCase{"2024-04-02 오후", std::nullopt}, DateCase{"2024년 4월", std::nullopt},
        DateCase{"어제", std::nullopt}, DateCase{"2024-04-02 25", std::nullopt}));

TEST(DocumentCalendarDate, OnlyRealDates) {
  EXPECT_EQ(calendar_date(2025, 1, 15), "2025-01-15");
  EXPECT_EQ(calendar_date(2024, 2, 29), "2024-02-29");
  EXPECT_FALSE(calendar_date(2025, 2, 29).has_value());
  EXPECT_FALSE(calendar_date(2025, 13, 1).has_value());
  EXPECT_FALSE(calendar_date(2025, 4, 31).has_value());
  EXPECT_FALSE(calendar_date(0, 1, 1).has_value());
  EXPECT_FALSE(calendar_date(10000, 1, 1).has_value());
}

TEST(DocumentSerialize, ArticleWithoutUpdatedReadsAsAbsent) {
  Article stored;
  stored.id = "x";
  stored.path = "p";
  stored.date = "2024-04-02";
  const Article a = deserialize(serialize(stored));
  EXPECT_EQ(a.date, "2024-04-02");
  EXPECT_FALSE(a.updated.has_value());
  stored.updated = "2024-04-03";
  EXPECT_EQ(deserialize(serialize(stored)).updated, "2024-04-03");
}

Article full_article() {
  Article a;
  a.id = "002_4f174f445bf85026.txt";
  a.path = "corpus/002_4f174f445bf85026.txt";
  a.title = "美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져";
  a.source = "조선일보";
  a.date = "2024-04-02";
  a.updated = "2024-04-03";
  a.author = "오로라";
  a.url = "https://example.com/a/1?x=\"y\"";
  a.title_line = 4;
  a.body = {{13, "    美와 1~2년 격차… 추격 불가능"}, {17, "방대한 \"데이터\"\t와\\ 정부"}, {4000000000u, ""}};
  return a;
}

void expect_same(const Article& a, const Article& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.path, b.path);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.updated, b.updated);
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.title_line, b.title_line);
  ASSERT_EQ(a.body.size(), b.body.size());
  for (std::size_t i = 0; i < a.body.size(); ++i) {
    EXPECT_EQ(a.body[i].number, b.body[i].number);
    EXPECT_EQ(a.body[i].text, b.body[i].text);
  }
}

TEST(DocumentSerialize, RoundTripsEveryField) {
  const Article a = full_article();
  expect_same(deserialize(serialize(a)), a);
}

TEST(DocumentSerialize, AbsentFieldsStayAbsent) {
  Article a;
  a.id = "x";
  a.path = "corpus/x.txt";
  const Article b = deserialize(serialize(a));
  expect_same(b, a);
  EXPECT_FALSE(b.title.has_value());
  EXPECT_FALSE(b.source.has_value());
  EXPECT_FALSE(b.date.has_value());
  EXPECT_FALSE(b.updated.has_value());
  EXPECT_FALSE(b.author.has_value());
  EXPECT_FALSE(b.url.has_value());
}

TEST(DocumentSerialize, EmptyStringIsNotAbsent) {
  Article a;
  a.id = "x";
  a.path = "x";
  a.author = "";
  const Article b = deserialize(serialize(a));
  ASSERT_TRUE(b.author.has_value());
  EXPECT_EQ(*b.author, "");
}

TEST(DocumentSerialize, LinesInAnyOrderAndFarApartRoundTrip) {
  Article a;
  a.id = "x";
  a.path = "x";
  a.title_line = 4000000000u;
  a.body = {{1, "처음"}, {4000000000u, "끝"}, {7, "중간"}, {7, ""}};
  expect_same(deserialize(serialize(a)), a);
}

TEST(DocumentSerialize, StoredFormIsCompact) {
  // A review as JSONL gives it: id, path, one line with the record's line number.
  Article a;
  a.id = "nsmc9876543";
  a.path = "reviews.jsonl";
  a.date = "2015-08-27";
  a.title_line = 712383;
  a.body = {{712383, "연기가 정말 좋았고 이야기도 탄탄했다"}};
  const std::string stored = serialize(a);
  const std::size_t payload = a.id.size() + a.path.size() + a.date->size() + a.body[0].text.size();
  EXPECT_LE(stored.size(), payload + 12);  // format, 4 lengths, flags, title line (3 bytes), count, line delta
  EXPECT_EQ(stored.find('"'), std::string::npos);
}

TEST(DocumentSerialize, DamagedDataIsAnIndexCorruptError) {
  const std::string stored = serialize(full_article());
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{5}, stored.size() - 1}) {
    try {
      deserialize(std::string_view(stored).substr(0, cut));
      ADD_FAILURE() << "no error for a record cut at " << cut;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::index_corrupt);
    }
  }
  EXPECT_THROW(deserialize(stored + "x"), Error);
  EXPECT_THROW(deserialize("{\"id\":\"x\"}"), Error);  // the old JSON form
}

}  // namespace
}  // namespace kosearch
