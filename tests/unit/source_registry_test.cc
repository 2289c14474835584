#include "kosearch/source_registry.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace ks = kosearch;

namespace {

TEST(SourceRegistry, RecordsSourcesInOrderAndReplacesBySameOrigin) {
  const ks::Source corpus{ks::SourceKind::corpus, "/data/corpus", "dir:/data/corpus", "", "corpus"};
  const ks::Source jsonl{ks::SourceKind::jsonl, "/data/a.jsonl", "jsonl:/data/a.jsonl", "", "a.jsonl"};
  std::string json = ks::with_source("", corpus);
  json = ks::with_source(json, jsonl);
  ks::Source again = corpus;
  again.encoding = "EUC-KR";
  json = ks::with_source(json, again);
  const auto sources = ks::parse_sources(json);
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].origin, "dir:/data/corpus");
  EXPECT_EQ(sources[0].encoding, "EUC-KR");
  EXPECT_EQ(sources[0].given, "corpus");
  EXPECT_EQ(sources[1].kind, ks::SourceKind::jsonl);
}

TEST(SourceRegistry, KindsAreStoredByTheirNamesAsOlderIndexesHaveThem) {
  const std::string json = ks::with_source(ks::with_source("", ks::corpus_source("/data/corpus")),
                                           ks::jsonl_source("/data/a.jsonl"));
  EXPECT_NE(json.find(R"("kind":"corpus")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("kind":"jsonl")"), std::string::npos) << json;
  // A registry as an earlier version wrote it.
  const auto sources = ks::parse_sources(
      R"([{"kind":"jsonl","path":"/d/a.jsonl","origin":"jsonl:/d/a.jsonl","encoding":"","given":"a.jsonl"},)"
      R"({"kind":"corpus","path":"/d/c","origin":"dir:/d/c","encoding":"","given":"c"}])");
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].kind, ks::SourceKind::jsonl);
  EXPECT_EQ(sources[1].kind, ks::SourceKind::corpus);
  EXPECT_EQ(ks::source_kind_name(ks::SourceKind::jsonl), "jsonl");
}

TEST(SourceRegistry, UnreadableOrForeignTextListsNothing) {
  EXPECT_TRUE(ks::parse_sources("").empty());
  EXPECT_TRUE(ks::parse_sources("not json").empty());
  EXPECT_TRUE(ks::parse_sources(R"([{"kind":"ftp","path":"/x","origin":"o"}])").empty());
}

TEST(SourceRegistry, SourceRecordsCarryTheOriginOfTheirArticles) {
  const auto dir = std::filesystem::temp_directory_path();
  const ks::Source s = ks::corpus_source(dir);
  EXPECT_EQ(s.kind, ks::SourceKind::corpus);
  EXPECT_EQ(s.origin, "dir:" + s.path);
  EXPECT_TRUE(std::filesystem::path(s.path).is_absolute());
  EXPECT_EQ(ks::jsonl_source("x.jsonl").origin.rfind("jsonl:/", 0), 0u);
}

TEST(SourceRegistry, FindsASourceByTheGivenOrTheAbsolutePath) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::vector<ks::Source> sources{ks::corpus_source(dir)};
  EXPECT_NE(ks::find_source(sources, dir), nullptr);
  EXPECT_NE(ks::find_source(sources, sources[0].path), nullptr);
  EXPECT_EQ(ks::find_source(sources, dir / "elsewhere"), nullptr);
}

}  // namespace
