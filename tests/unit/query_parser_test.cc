#include "kosearch/query_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "kosearch/error.h"

namespace ks = kosearch;
using Kind = ks::QueryNode::Kind;

namespace {

std::string parsed(std::string_view query) { return ks::describe(ks::parse_query(query)); }

struct Malformed {
  std::string query;
  std::string problem;
  std::size_t position;
};

// The QueryError a malformed query raises, or a failure naming what it parsed to.
::testing::AssertionResult fails_with(const Malformed& m) {
  try {
    const std::string tree = parsed(m.query);
    return ::testing::AssertionFailure() << "'" << m.query << "' parsed as " << tree;
  } catch (const ks::QueryError& e) {
    if (e.problem() == m.problem && e.position() == m.position) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "'" << m.query << "': got \"" << e.problem() << "\" at "
                                         << e.position() << ", want \"" << m.problem << "\" at " << m.position;
  }
}

}  // namespace

TEST(QueryParser, PlainWordsAreAnImplicitAll) {
  EXPECT_EQ(parsed("노광 장비를"), "all(word(노광) word(장비를))");
}

TEST(QueryParser, SingleWordIsNotWrapped) { EXPECT_EQ(parsed("  노광  "), "word(노광)"); }

TEST(QueryParser, AnyUnicodeSpaceSeparatesWords) {
  EXPECT_EQ(parsed("노광\u3000장비\u00a0칩\t반도체\u200b엔비디아"),
            "all(word(노광) word(장비) word(칩) word(반도체) word(엔비디아))");
}

TEST(QueryParser, AsciiAndCurlyQuotesMakePhrases) {
  EXPECT_EQ(parsed("\"노광 장비\""), "phrase(\"노광 장비\")");
  EXPECT_EQ(parsed("“노광 장비”"), "phrase(\"노광 장비\")");
  EXPECT_EQ(parsed("”노광 장비”"), "phrase(\"노광 장비\")");
}

TEST(QueryParser, PhraseSpacesAreFolded) {
  EXPECT_EQ(parsed("\"  노광 \u3000 장비 \""), "phrase(\"노광 장비\")");
}

TEST(QueryParser, PhraseBesideWords) {
  EXPECT_EQ(parsed("엔비디아 \"노광 장비\" 칩"), "all(word(엔비디아) phrase(\"노광 장비\") word(칩))");
  EXPECT_EQ(parsed("abc\"def\""), "all(word(abc) phrase(\"def\"))");
}

TEST(QueryParser, Exclusions) {
  EXPECT_EQ(parsed("노광 -화웨이"), "all(word(노광) -word(화웨이))");
  EXPECT_EQ(parsed("노광 -\"중국 장비\""), "all(word(노광) -phrase(\"중국 장비\"))");
  EXPECT_EQ(parsed("노광 -(화웨이 OR smic)"), "all(word(노광) -any(word(화웨이) word(smic)))");
  EXPECT_EQ(parsed("노광 -source:연합뉴스"), "all(word(노광) -source:word(연합뉴스))");
}

TEST(QueryParser, HyphenInsideAWordIsPartOfIt) { EXPECT_EQ(parsed("k-pop 3-4"), "all(word(k-pop) word(3-4))"); }

TEST(QueryParser, UpperCaseOrIsAnOperator) {
  EXPECT_EQ(parsed("엔비디아 OR 인텔"), "any(word(엔비디아) word(인텔))");
  EXPECT_EQ(parsed("a OR b OR c"), "any(word(a) word(b) word(c))");
}

TEST(QueryParser, OtherSpellingsOfOrAreWords) {
  EXPECT_EQ(parsed("a or b"), "all(word(a) word(or) word(b))");
  EXPECT_EQ(parsed("a Or b"), "all(word(a) word(Or) word(b))");
  EXPECT_EQ(parsed("ORACLE OR2"), "all(word(ORACLE) word(OR2))");
}

TEST(QueryParser, JuxtapositionBindsTighterThanOr) {
  EXPECT_EQ(parsed("노광 장비 OR 리소그래피"), "any(all(word(노광) word(장비)) word(리소그래피))");
}

TEST(QueryParser, ParenthesesGroup) {
  EXPECT_EQ(parsed("노광 (장비 OR 기계)"), "all(word(노광) any(word(장비) word(기계)))");
  EXPECT_EQ(parsed("((노광))"), "word(노광)");
  EXPECT_EQ(parsed("(a b)OR(c)"), "any(all(word(a) word(b)) word(c))");
}

TEST(QueryParser, ParenthesisEndsAWord) {
  EXPECT_EQ(parsed("장비(리소그래피)"), "all(word(장비) word(리소그래피))");
}

TEST(QueryParser, FieldFilters) {
  EXPECT_EQ(parsed("title:AI"), "title:word(AI)");
  EXPECT_EQ(parsed("source:연합뉴스 칩"), "all(source:word(연합뉴스) word(칩))");
  EXPECT_EQ(parsed("author:\"홍 길동\""), "author:phrase(\"홍 길동\")");
  EXPECT_EQ(parsed("title:반도*"), "title:prefix(반도*)");
  EXPECT_EQ(parsed("Title:칩"), "title:word(칩)");
}

TEST(QueryParser, UnknownFieldIsAPlainWord) {
  EXPECT_EQ(parsed("foo:bar"), "word(foo:bar)");
  EXPECT_EQ(parsed("https://example.com/a 10:30"), "all(word(https://example.com/a) word(10:30))");
}

TEST(QueryParser, FieldValueMayContainAColon) { EXPECT_EQ(parsed("title:a:b"), "title:word(a:b)"); }

TEST(QueryParser, DateRanges) {
  EXPECT_EQ(parsed("date:2024-03-05..2024-04-10"), "date:[20240305..20240410]");
  EXPECT_EQ(parsed("date:2024.."), "date:[20240101..]");
  EXPECT_EQ(parsed("date:..2024-02"), "date:[..20240229]");
  EXPECT_EQ(parsed("date:..2023-02"), "date:[..20230228]");
  EXPECT_EQ(parsed("date:2024..2024"), "date:[20240101..20241231]");
  EXPECT_EQ(parsed("date:2024-3-5..2024-4"), "date:[20240305..20240430]");
}

TEST(QueryParser, DateWithoutDotsIsThatPeriod) {
  EXPECT_EQ(parsed("date:2024"), "date:[20240101..20241231]");
  EXPECT_EQ(parsed("date:2024-06"), "date:[20240601..20240630]");
  EXPECT_EQ(parsed("date:2024-02-29"), "date:[20240229..20240229]");
  // a day in the spellings the importer reads (document.h)
  EXPECT_EQ(parsed("date:03.11.21"), "date:[20031121..20031121]");
  EXPECT_EQ(parsed("date:2003.11.21..20031130"), "date:[20031121..20031130]");
  EXPECT_EQ(parsed("date:..2024-04-02T09:30:00+09:00"), "date:[..20240402]");
}

TEST(QueryParser, DateNodeCarriesBounds) {
  const ks::QueryNode node = ks::parse_query("date:2024-03..");
  EXPECT_EQ(node.kind, Kind::date_range);
  EXPECT_EQ(node.date_from, "20240301");
  EXPECT_TRUE(node.date_to.empty());
}

TEST(QueryParser, DateBesideWordsAndExcluded) {
  EXPECT_EQ(parsed("노광 장비를 -화웨이 date:2024.."),
            "all(word(노광) word(장비를) -word(화웨이) date:[20240101..])");
  EXPECT_EQ(parsed("칩 -date:..2020"), "all(word(칩) -date:[..20201231])");
}

TEST(QueryParser, Prefixes) {
  EXPECT_EQ(parsed("반도*"), "prefix(반도*)");
  EXPECT_EQ(parsed("반도** 칩"), "all(prefix(반도*) word(칩))");
}

TEST(QueryParser, NodesRecordCharacterPositions) {
  const ks::QueryNode root = ks::parse_query("노광 장비 -“화웨이”");
  ASSERT_EQ(root.children.size(), 3u);
  EXPECT_EQ(root.children[0].position, 1u);
  EXPECT_EQ(root.children[1].position, 4u);
  EXPECT_EQ(root.children[2].position, 7u);
  EXPECT_EQ(root.children[2].children[0].position, 8u);
}

TEST(QueryParser, NodeKindsAndTexts) {
  const ks::QueryNode root = ks::parse_query("title:\"노광 장비\" 반도*");
  ASSERT_EQ(root.kind, Kind::all);
  ASSERT_EQ(root.children.size(), 2u);
  const ks::QueryNode& field = root.children[0];
  EXPECT_EQ(field.kind, Kind::field);
  EXPECT_EQ(field.field, ks::Field::title);
  ASSERT_EQ(field.children.size(), 1u);
  EXPECT_EQ(field.children[0].kind, Kind::phrase);
  EXPECT_EQ(field.children[0].text, "노광 장비");
  EXPECT_EQ(root.children[1].kind, Kind::prefix);
  EXPECT_EQ(root.children[1].text, "반도");
}

TEST(QueryParser, FilterAloneIsPositive) {
  EXPECT_EQ(parsed("date:2024 -화웨이"), "all(date:[20240101..20241231] -word(화웨이))");
}

TEST(QueryParser, MalformedQueriesNameProblemAndPosition) {
  const Malformed cases[] = {
      {"", "empty query", 1},
      {" \u3000 ", "empty query", 1},
      {"노광 \"장비", "quote without a closing quote", 4},
      {"노광 “장비", "quote without a closing quote", 4},
      {"a \"  \" b", "empty phrase", 3},
      {"노광 (장비 칩", "'(' without a matching ')'", 4},
      {"(노광", "'(' without a matching ')'", 1},
      {"노광 장비)", "')' without a matching '('", 6},
      {")", "')' without a matching '('", 1},
      {"  ) 노광", "')' without a matching '('", 3},
      {"a () b", "empty parentheses", 3},
      {"노광 - 장비", "'-' needs a word, \"phrase\" or (group) right after it", 4},
      {"노광 -", "'-' needs a word, \"phrase\" or (group) right after it", 4},
      {"노광 --장비", "'-' needs a word, \"phrase\" or (group) right after it", 4},
      {"a -OR b", "'-' needs a word, \"phrase\" or (group) right after it", 3},
      {"OR 노광", "OR needs something before it", 1},
      {"노광 OR", "OR needs something after it", 4},
      {"(노광 OR) 칩", "OR needs something after it", 5},
      {"(OR 노광)", "OR needs something before it", 2},
      {"노광 OR OR 장비", "OR twice in a row", 7},
      {"title:", "title: needs a value right after the colon", 7},
      {"칩 source: 연합", "source: needs a value right after the colon", 10},
      {"title:(a b)", "title: takes a word, a \"phrase\" or a prefix*, not a (group)", 7},
      {"date:", "date: needs a value right after the colon", 6},
      {"date:\"2024\"", "date: takes FROM..TO, FROM.. or ..TO (YYYY, YYYY-MM or YYYY-MM-DD)", 6},
      {"date:abc", "bad date 'abc': use YYYY, YYYY-MM or YYYY-MM-DD", 6},
      {"date:2024-13-01", "bad date '2024-13-01': use YYYY, YYYY-MM or YYYY-MM-DD", 6},
      {"date:2023-02-29", "bad date '2023-02-29': use YYYY, YYYY-MM or YYYY-MM-DD", 6},
      {"date:24..", "bad date '24': use YYYY, YYYY-MM or YYYY-MM-DD", 6},
      {"date:2024..2025-1-32", "bad date '2025-1-32': use YYYY, YYYY-MM or YYYY-MM-DD", 12},
      {"date:2024-01-01-01", "bad date '2024-01-01-01': use YYYY, YYYY-MM or YYYY-MM-DD", 6},
      {"date:0000", "bad date '0000': use YYYY, YYYY-MM or YYYY-MM-DD", 6},
      {"date:..", "date range needs a start, an end or both (FROM..TO)", 6},
      {"칩 date:2025..2024", "date range ends before it starts", 8},
      {"*", "'*' needs at least one character before it", 1},
      {"title:**", "'*' needs at least one character before it", 7},
      {"-화웨이", "only exclusions: add something to search for", 1},
      {"-화웨이 -\"중국\"", "only exclusions: add something to search for", 1},
      {"노광 (-화웨이)", "only exclusions: add something to search for", 5},
      {"노광 OR -화웨이", "only exclusions: add something to search for", 7},
  };
  for (const Malformed& m : cases) EXPECT_TRUE(fails_with(m));
}

TEST(QueryParser, ErrorMessageCarriesPosition) {
  try {
    ks::parse_query("노광 \"장비");
    FAIL() << "no error";
  } catch (const ks::QueryError& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::query_syntax);
    EXPECT_STREQ(e.what(), "query error at character 4: quote without a closing quote");
  }
}

TEST(QueryParser, DescribeCoversEveryKind) {
  ks::QueryNode word;
  word.text = "ai";
  ks::QueryNode field;
  field.kind = Kind::field;
  field.field = ks::Field::title;
  field.children.push_back(word);
  EXPECT_EQ(ks::describe(field), "title:word(ai)");
  ks::QueryNode range;
  range.kind = Kind::date_range;
  range.date_to = "20241231";
  EXPECT_EQ(ks::describe(range), "date:[..20241231]");
}
