#include "kosearch/source_registry.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace ks = kosearch;

namespace {

TEST(SourceRegistry, RecordsSourcesInOrderAndReplacesBySameOrigin) {
  const ks::Source corpus{"corpus", "/data/corpus", "dir:/data/corpus", "", "corpus"};
  const ks::Source jsonl{"jsonl", "/data/a.jsonl", "jsonl:/data/a.jsonl", "", "a.jsonl"};
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
  EXPECT_EQ(sources[1].kind, "jsonl");
}

TEST(SourceRegistry, UnreadableOrForeignTextListsNothing) {
  EXPECT_TRUE(ks::parse_sources("").empty());
  EXPECT_TRUE(ks::parse_sources("not json").empty());
  EXPECT_TRUE(ks::parse_sources(R"([{"kind":"ftp","path":"/x","origin":"o"}])").empty());
}

TEST(SourceRegistry, SourceRecordsCarryTheOriginOfTheirArticles) {
  const auto dir = std::filesystem::temp_directory_path();
  const ks::Source s = ks::corpus_source(dir);
  EXPECT_EQ(s.kind, "corpus");
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
