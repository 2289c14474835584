#include "kosearch/searcher.h"

#include <gtest/gtest.h>

#include "temp_folder.h"
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kosearch/error.h"
#include "kosearch/index_writer.h"
#include "kosearch/schema.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

class SearcherTest : public kosearch_test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    std::ofstream(dir_ / "docs.jsonl")
        << R"({"id":"a","title":"노광 장비","text":"극자외선 노광 장비를 만든다","date":"2024-04-02"})" "\n"
        << R"({"id":"b","title":"메모리","text":"장비 업그레이드와 메모리 반도체"})" "\n"
        << R"({"id":"c","title":"복사본","text":"장비 업그레이드와 메모리 반도체"})" "\n";
    ks::IndexOptions options;
    options.index_dir = dir_ / "index";
    ks::index_jsonl(dir_ / "docs.jsonl", options);
  }
};

TEST_F(SearcherTest, RanksPhraseDocumentFirstWithCitation) {
  auto engine = ks::Searcher::open((dir_ / "index").string());
  const ks::Results r = engine.search("노광 장비");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "a");
  EXPECT_EQ(r.hits[0].rank, 1u);
  EXPECT_EQ(r.hits[0].citation.date, "2024-04-02");
  EXPECT_EQ(r.hits[0].citation.line, 1u);  // JSONL: the record's line
}

TEST_F(SearcherTest, DuplicateArticlesAreShownOnce) {
  auto engine = ks::Searcher::open((dir_ / "index").string());
  const ks::Results r = engine.search("메모리");
  ASSERT_EQ(r.hits.size(), 1u);
  ks::SearchOptions all;
  all.collapse_duplicates = false;
  EXPECT_EQ(engine.search("메모리", all).hits.size(), 2u);
}

TEST_F(SearcherTest, PagingContinuesRanks) {
  auto engine = ks::Searcher::open((dir_ / "index").string());
  ks::SearchOptions page;
  page.limit = 1;
  page.offset = 1;
  const ks::Results r = engine.search("장비", page);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].rank, 2u);
}

// A count or a listing gets the same hits, in the same order, as a full
// search, each with only what it shows; the first still says how it matched.
TEST_F(SearcherTest, LeanHitsAreTheFullHitsWithLess) {
  auto engine = ks::Searcher::open((dir_ / "index").string());
  ks::SearchOptions options;
  options.limit = 10;
  options.snippets = false;
  options.search_suggestion = false;  // as scripts search
  const ks::Results full = engine.search("노광 장비", options);
  ASSERT_EQ(full.hits.size(), 2u);
  ASSERT_EQ(full.hits[1].match, ks::MatchKind::some);
  for (const ks::HitDetail detail : {ks::HitDetail::located, ks::HitDetail::counted}) {
    options.hits = detail;
    const ks::Results lean = engine.search("노광 장비", options);
    ASSERT_EQ(lean.hits.size(), full.hits.size());
    for (std::size_t i = 0; i < lean.hits.size(); ++i) {
      EXPECT_EQ(lean.hits[i].rank, full.hits[i].rank);
      EXPECT_DOUBLE_EQ(lean.hits[i].score, full.hits[i].score);
      EXPECT_EQ(lean.hits[i].citation.path, detail == ks::HitDetail::located ? full.hits[i].citation.path : "");
      EXPECT_TRUE(lean.hits[i].id.empty());
      EXPECT_FALSE(lean.hits[i].citation.title);
    }
    EXPECT_EQ(lean.hits[0].match, ks::MatchKind::all);
    EXPECT_EQ(lean.hits[1].match, ks::MatchKind::all);  // not worked out
    options.search_suggestion = true;
    EXPECT_EQ(engine.search("노광 장비", options).hits[1].match, ks::MatchKind::some);
    options.search_suggestion = false;
  }
}

TEST_F(SearcherTest, PlainSyntaxTreatsOperatorsAsText) {
  auto engine = ks::Searcher::open((dir_ / "index").string());
  ks::SearchOptions plain;
  plain.syntax = ks::QuerySyntax::plain;
  EXPECT_FALSE(engine.search("노광 장비는 (무엇인가?", plain).hits.empty());
}

TEST_F(SearcherTest, ArticleByIdAsStored) {
  auto engine = ks::Searcher::open((dir_ / "index").string());
  const auto article = engine.article("a");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->title, "노광 장비");
  EXPECT_EQ(article->date, "2024-04-02");
  ASSERT_EQ(article->body.size(), 1u);
  EXPECT_EQ(article->body[0].text, "극자외선 노광 장비를 만든다");
  EXPECT_EQ(article->path, (dir_ / "docs.jsonl").string());  // its file, absolute, as hits cite it
  EXPECT_FALSE(engine.article("z"));
  EXPECT_FALSE(engine.article("../docs.jsonl"));
}

TEST_F(SearcherTest, MissingIndexIsTyped) {
  try {
    ks::Searcher::open((dir_ / "nope").string());
    FAIL() << "expected an error";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::index_missing);
  }
}

TEST_F(SearcherTest, IndexOfAnotherAnalyzerIsRefused) {
  {
    Xapian::WritableDatabase db((dir_ / "index").string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(ks::schema::meta_analyzer), "ko-light-0");
    db.commit();
  }
  try {
    ks::Searcher::open((dir_ / "index").string());
    FAIL() << "expected an error";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::index_incompatible);
    EXPECT_EQ(e.remedy(), ks::Remedy::rebuild_index);
    EXPECT_NE(std::string(e.what()).find("ko-light-0"), std::string::npos);  // says which rules built it
  }
}

TEST_F(SearcherTest, QueryThatIsNotUtf8IsTyped) {
  auto engine = ks::Searcher::open((dir_ / "index").string());
  try {
    engine.search("\xff\xfe");
    FAIL() << "expected an error";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::invalid_input);
  }
}

}  // namespace
