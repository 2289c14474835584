#include "kosearch/jsonl_citation.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "kosearch/schema.h"
#include "kosearch/text.h"

namespace ks = kosearch;

namespace {

TEST(JsonValueColumn, CountsTheCharactersOfTheLineAsWritten) {
  const std::string line = R"({"id": "a", "text": "가나 \"다\" 라"})";
  // "{"id": "a", "text": "" is 21 characters: the value starts at column 22.
  EXPECT_EQ(ks::json_value_column(line, "text", 0), 22u);
  EXPECT_EQ(ks::json_value_column(line, "text", 3), 25u);  // the escaped quote: two characters written
  EXPECT_EQ(ks::json_value_column(line, "text", 4), 27u);  // 다
  EXPECT_EQ(ks::json_value_column(line, "text", 8), 32u);  // the end of the string
  EXPECT_EQ(ks::json_value_column(line, "text", 9), std::nullopt);
  EXPECT_EQ(ks::json_value_column(line, "id", 0), 9u);
}

TEST(JsonValueColumn, UnicodeEscapesAndSurrogatePairsAreOneCharacterEach) {
  const std::string line = R"({"text":"\uac00\ud83d\ude00x"})";
  EXPECT_EQ(ks::json_value_column(line, "text", 0), 10u);
  EXPECT_EQ(ks::json_value_column(line, "text", 1), 16u);
  EXPECT_EQ(ks::json_value_column(line, "text", 2), 28u);  // x, after the pair
}

TEST(JsonValueColumn, OnlyATopLevelStringOfThatKeyTheLastOneCounts) {
  EXPECT_EQ(ks::json_value_column(R"({"meta": {"text": "x"}, "text": "y"})", "text", 0), 34u);
  EXPECT_EQ(ks::json_value_column(R"({"text": "x", "text": "y"})", "text", 0), 24u);
  EXPECT_EQ(ks::json_value_column(R"({"text": 5})", "text", 0), std::nullopt);
  EXPECT_EQ(ks::json_value_column(R"({"other": "x"})", "text", 0), std::nullopt);
  EXPECT_EQ(ks::json_value_column(R"(["text", "x"])", "text", 0), std::nullopt);
  EXPECT_EQ(ks::json_value_column(R"({"text": "unterminated)", "text", 0), std::nullopt);
}

TEST(RecordLocation, RoundTripsTheOffsetAndRefusesOtherHashes) {
  const std::string hash = std::string(8, 'h') + ks::schema::record_location(7, 0x123456789ull);
  EXPECT_EQ(ks::schema::record_offset(hash), 0x123456789ull);
  EXPECT_EQ(ks::schema::record_offset(std::string(8, 'h')), std::nullopt);       // a file's hash
  EXPECT_EQ(ks::schema::record_offset(std::string(12, 'h')), std::nullopt);      // a record indexed before
}

class JsonlColumn : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = (std::filesystem::temp_directory_path() / ("kosearch_jsonl_" + std::to_string(::getpid()))).string();
    std::ofstream(file_) << first_ << '\n' << second_ << '\n';
    article_.id = "b";
    article_.title = "제목";
    article_.body = {{2, "첫 문단."}, {2, "둘째 문단의 장비."}};
  }
  void TearDown() override { std::remove(file_.c_str()); }

  const std::string first_ = R"({"id": "a", "text": "다른 기사"})";
  const std::string second_ = R"({"id": "b", "title": "제목", "text": "첫 문단.\n\n둘째 문단의 장비."})";
  std::string file_;
  ks::Article article_;
};

TEST_F(JsonlColumn, ThePassageInItsParagraphOrTheTitle) {
  const auto offset = first_.size() + 1;
  // "{"id": "b", "title": "제목", "text": "" is 36 characters; 첫 문단.\n\n is 7 written as 9.
  EXPECT_EQ(ks::jsonl_column(file_, offset, article_, 0, 1), 37u);
  EXPECT_EQ(ks::jsonl_column(file_, offset, article_, 1, 1), 46u);
  EXPECT_EQ(ks::jsonl_column(file_, offset, article_, 1, 8), 53u);  // 장비
  EXPECT_EQ(ks::jsonl_column(file_, offset, article_, -1, 1), 23u);
}

TEST_F(JsonlColumn, NothingWhenTheRecordThereIsAnotherOrChanged) {
  EXPECT_EQ(ks::jsonl_column(file_, 0, article_, 0, 1), std::nullopt);  // record a
  EXPECT_EQ(ks::jsonl_column(file_, 5, article_, 0, 1), std::nullopt);  // inside a line
  ks::Article edited = article_;
  edited.body[1].text = "고친 문단.";
  EXPECT_EQ(ks::jsonl_column(file_, first_.size() + 1, edited, 1, 1), std::nullopt);
  EXPECT_EQ(ks::jsonl_column(file_ + ".gone", 0, article_, 0, 1), std::nullopt);
}

// A record is scanned for its id, title and text instead of parsed whole;
// in a huge one the columns are the same, escapes and all.
TEST_F(JsonlColumn, AHugeRecordGivesTheSameColumns) {
  std::string filler;
  while (filler.size() < (1u << 20) + 100) filler += "긴 문단의 글자들이 이어진다. ";
  const std::string line = R"({"id": "b", "title": "제목", "text": ")" + filler +
                           R"(\n\n둘째 \u00e9 \"문단\"의 장비 \ud83d\ude00."})";
  std::ofstream(file_) << first_ << '\n' << line << '\n';
  ks::Article huge = article_;
  huge.body = {{2, filler}, {2, "둘째 é \"문단\"의 장비 😀."}};
  const auto offset = first_.size() + 1;
  const std::uint32_t text_start = 37;
  const auto filler_chars = static_cast<std::uint32_t>(ks::code_point_count(filler));
  EXPECT_EQ(ks::jsonl_column(file_, offset, huge, 0, 1), text_start);
  EXPECT_EQ(ks::jsonl_column(file_, offset, huge, 1, 1), text_start + filler_chars + 4);
  EXPECT_EQ(ks::jsonl_column(file_, offset, huge, 1, 8), text_start + filler_chars + 4 + 13);  // 단
  EXPECT_EQ(ks::jsonl_column(file_, offset, huge, -1, 1), 23u);
  huge.body[1].text = "고친 문단.";
  EXPECT_EQ(ks::jsonl_column(file_, offset, huge, 1, 1), std::nullopt);
  huge.id = "c";
  EXPECT_EQ(ks::jsonl_column(file_, offset, huge, 0, 1), std::nullopt);
}

// A record whose id is a number (the indexer reads it as its digits) is
// parsed after all, and cited as one with a string id is.
TEST_F(JsonlColumn, ARecordWithANumericIdIsReadAsTheIndexerReadsIt) {
  const std::string line = R"({"id": 7, "title": "제목", "text": "첫 문단.\n\n둘째 문단의 장비."})";
  std::ofstream(file_) << line << '\n';
  ks::Article numbered = article_;
  numbered.id = "7";
  EXPECT_EQ(ks::jsonl_column(file_, 0, numbered, 1, 1), 44u);
  numbered.id = "b";
  EXPECT_EQ(ks::jsonl_column(file_, 0, numbered, 1, 1), std::nullopt);
}

}  // namespace
