#include "kosearch/serve_api.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kosearch/error.h"
#include "kosearch/index_writer.h"
#include "kosearch/output.h"
#include "temp_folder.h"

namespace ks = kosearch;
using nlohmann::json;

namespace {

class ServeApiTest : public kosearch_test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    std::ofstream(dir_ / "docs.jsonl")
        << R"({"id":"a","title":"노광 장비","text":"극자외선 노광 장비를 만든다","date":"2024-04-02","source":"조선일보"})" "\n"
        << R"({"id":"b","title":"메모리","text":"장비 업그레이드와 메모리 반도체"})" "\n";
    ks::IndexOptions options;
    options.index_dir = dir_ / "index";
    ks::index_jsonl(dir_ / "docs.jsonl", options);
  }
  std::string index() const { return (dir_ / "index").string(); }
};

TEST(ApiQuery, ParametersAreTheSearchFlags) {
  const ks::ApiQuery q = ks::api_query({{"q", "노광 장비"}, {"n", "5"}, {"offset", "10"}, {"sort", "-date"},
                                        {"facets", "source,month"}, {"literal", "1"}, {"since", "2024-01-01"}});
  EXPECT_EQ(q.q, "노광 장비");
  EXPECT_EQ(q.request.limit, 5u);
  EXPECT_EQ(q.request.offset, 10u);
  EXPECT_EQ(q.request.sort, ks::SortOrder::date_descending);
  EXPECT_EQ(q.request.facets, (std::vector<ks::Facet>{ks::Facet::source, ks::Facet::month}));
  EXPECT_TRUE(q.request.literal);
  EXPECT_EQ(q.request.since, "2024-01-01");
}

TEST(ApiQuery, UnknownRepeatedOrMalformedParametersAreRefused) {
  const ks::ApiParams bad[] = {{{"q", "a"}, {"path", "/etc/passwd"}}, {{"q", "a"}, {"q", "b"}},
                               {{"q", "a"}, {"n", "ten"}},            {{"q", "a"}, {"n", "-1"}},
                               {{"q", "a"}, {"literal", "yes"}},      {{"q", " "}},
                               {},                                    {{"q", "a"}, {"sort", "\xff"}},
                               {{"q", "a"}, {"mode", "1"}},           {{"q", "a"}, {"facets", "source,day"}}};
  for (const auto& params : bad) EXPECT_THROW(ks::api_query(params), ks::Error) << params.size();
}

TEST(ApiQuery, AWordAnOptionDoesNotTakeIsToldWithTheWordsItTakes) {
  try {
    ks::api_query({{"q", "a"}, {"suggest", "maybe"}});
    FAIL();
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::usage);
    EXPECT_STREQ(e.what(), "suggest 'maybe' is not one of auto, never, always, apply");
  }
}

TEST_F(ServeApiTest, SearchAnswersTheHitsAndSummaryOfSearchJson) {
  ks::SearcherPool pool(index(), {}, 1);
  ks::ServeApi api(pool, ks::PathStyle::absolute, "/");
  const ks::ApiReply reply = api.search({{"q", "노광 장비"}, {"facets", "source"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = json::parse(reply.body);
  ASSERT_EQ(body["hits"].size(), 2u);

  // The same objects, in the same key order, as `search --json` writes per line.
  auto engine = ks::Searcher::open(index());
  ks::SearchRequest request;
  request.facets = {ks::Facet::source};
  const ks::SearchOptions options = ks::search_options(request, ks::OutputFormat::json);
  ks::Results results = engine.search("노광 장비", options);
  std::ostringstream lines;
  ks::make_writer({ks::OutputFormat::json, false, std::nullopt}, lines)->write(results);
  std::istringstream in(lines.str());
  std::string line;
  std::vector<json> expected;
  while (std::getline(in, line)) expected.push_back(json::parse(line));
  ASSERT_EQ(expected.size(), 3u);
  for (std::size_t i = 0; i < 2; ++i) EXPECT_EQ(body["hits"][i].dump(), expected[i].dump());
  json summary = body["summary"], expected_summary = expected[2];
  summary.erase("elapsed_ms");
  expected_summary.erase("elapsed_ms");
  EXPECT_EQ(summary.dump(), expected_summary.dump());
}

TEST_F(ServeApiTest, ErrorsAreJsonWithAFittingStatus) {
  ks::SearcherPool pool(index(), {}, 1);
  ks::ServeApi api(pool, ks::PathStyle::absolute, "/");
  const ks::ApiReply malformed = api.search({{"q", "노광 \"장비"}});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(json::parse(malformed.body)["error"]["position"], 4);
  EXPECT_EQ(api.search({{"q", "\xff\xfe"}}).status, 400);
  EXPECT_EQ(api.search({{"q", std::string(70000, 'a')}}).status, 413);
  EXPECT_EQ(api.search({{"q", "a"}, {"until", "2024-01-01"}, {"since", "2024-02-01"}}).status, 400);
  ks::SearcherPool missing((dir_ / "none").string(), {}, 1);
  ks::ServeApi no_index(missing, ks::PathStyle::absolute, "/");
  EXPECT_EQ(no_index.search({{"q", "a"}}).status, 503);
  EXPECT_EQ(no_index.article("a").status, 503);
}

TEST_F(ServeApiTest, ArticleIsReadFromTheIndexOnly) {
  ks::SearcherPool pool(index(), {}, 1);
  ks::ServeApi api(pool, ks::PathStyle::absolute, "/");
  const ks::ApiReply found = api.article("a");
  ASSERT_EQ(found.status, 200) << found.body;
  const json article = json::parse(found.body);
  EXPECT_EQ(article["title"], "노광 장비");
  EXPECT_EQ(article["source"], "조선일보");
  ASSERT_FALSE(article["lines"].empty());
  EXPECT_EQ(article["lines"][0]["text"], "극자외선 노광 장비를 만든다");
  EXPECT_EQ(api.article("../../etc/passwd").status, 404);
  EXPECT_EQ(api.article((dir_ / "docs.jsonl").string()).status, 404);
  EXPECT_EQ(api.article("a\x01").status, 400);
  EXPECT_EQ(api.article("\xff").status, 400);
}

}  // namespace
