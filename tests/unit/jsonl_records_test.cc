#include "kosearch/jsonl_records.h"

#include <gtest/gtest.h>

namespace kosearch {
namespace {

TEST(JsonlRecords, FieldsBecomeAnArticleCitedAtItsLine) {
  const auto r = parse_jsonl_record(
      R"({"id":"n1","title":"제목","text":"첫 줄\n\n둘째 줄","source":"연합뉴스","author":"홍길동","url":"https://x","date":"2024-04-02"})",
      "/data/x.jsonl", 12);
  ASSERT_TRUE(r.article) << r.refusal;
  const Article& a = *r.article;
  EXPECT_EQ(a.id, "n1");
  EXPECT_EQ(a.path, "/data/x.jsonl");
  EXPECT_EQ(a.title, "제목");
  EXPECT_EQ(a.source, "연합뉴스");
  EXPECT_EQ(a.author, "홍길동");
  EXPECT_EQ(a.url, "https://x");
  EXPECT_EQ(a.date, "2024-04-02");
  EXPECT_EQ(a.title_line, 12u);
  ASSERT_EQ(a.body.size(), 2u);  // the blank line is dropped
  EXPECT_EQ(a.body[1].text, "둘째 줄");
  EXPECT_EQ(a.body[1].number, 12u);
  EXPECT_TRUE(r.warnings.empty());
}

TEST(JsonlRecords, TextOverTheLimitKeepsItsWholeLinesWithinIt) {
  const auto r = parse_jsonl_record(R"({"id":"a","text":"첫 줄\n둘째 줄\n셋째 줄"})", "x", 1, 20);
  ASSERT_TRUE(r.article);
  EXPECT_TRUE(r.cut);
  EXPECT_EQ(r.text_bytes, std::string("첫 줄\n둘째 줄\n셋째 줄").size());
  ASSERT_EQ(r.article->body.size(), 2u);
  EXPECT_EQ(r.article->body[1].text, "둘째 줄");
  EXPECT_FALSE(parse_jsonl_record(R"({"id":"a","text":"첫 줄"})", "x", 1, 20).cut);
}

TEST(JsonlRecords, NumericIdIsText) {
  const auto r = parse_jsonl_record(R"({"id":93,"text":"좋아요"})", "x", 1);
  ASSERT_TRUE(r.article);
  EXPECT_EQ(r.article->id, "93");
}

TEST(JsonlRecords, RefusalsSayWhy) {
  EXPECT_EQ(parse_jsonl_record("{oops", "x", 1).refusal, "not valid JSON; skipped");
  EXPECT_EQ(parse_jsonl_record("[1]", "x", 1).refusal, "not a JSON object; skipped");
  EXPECT_EQ(parse_jsonl_record(R"({"text":"a"})", "x", 1).refusal, "record has no \"id\"; skipped");
  EXPECT_EQ(parse_jsonl_record(R"({"id":"","text":"a"})", "x", 1).refusal, "record has no \"id\"; skipped");
  EXPECT_EQ(parse_jsonl_record(R"({"id":"a"})", "x", 1).refusal, "record has no \"text\"; skipped");
  EXPECT_EQ(parse_jsonl_record(R"({"id":"a","text":"  "})", "x", 1).refusal, "record has empty \"text\"; skipped");
  EXPECT_TRUE(parse_jsonl_record(R"({"id":"a","text":"","title":"제목만"})", "x", 1).article);
}

TEST(JsonlRecords, BadDatesAreLeftOutWithAWarning) {
  const auto r = parse_jsonl_record(R"({"id":"a","text":"b","date":"어제","updated":"2024-02-30"})", "x", 1);
  ASSERT_TRUE(r.article);
  EXPECT_FALSE(r.article->date);
  EXPECT_FALSE(r.article->updated);
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].reason, "\"date\" '어제' is not a date; left out");
  EXPECT_EQ(r.warnings[0].kind, "records have a \"date\" that is not a date");
  EXPECT_EQ(r.warnings[0].example, "'어제'");
  EXPECT_EQ(r.warnings[1].kind, "records have an \"updated\" that is not a date");
}

TEST(JsonlRecords, CommonDateSpellingsAreRead) {
  const auto r = parse_jsonl_record(R"({"id":"a","text":"b","date":"03.11.21","updated":"20240402"})", "x", 1);
  ASSERT_TRUE(r.article);
  EXPECT_EQ(r.article->date, "2003-11-21");
  EXPECT_EQ(r.article->updated, "2024-04-02");
  EXPECT_TRUE(r.warnings.empty());
}

}  // namespace
}  // namespace kosearch
