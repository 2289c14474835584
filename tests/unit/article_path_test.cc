#include "kosearch/article_path.h"

#include <gtest/gtest.h>

namespace ks = kosearch;

namespace {

TEST(ArticlePath, ACorpusArticleIsItsRootJoinedWithItsId) {
  EXPECT_EQ(ks::absolute_article_path("dir:/data/corpus", "sub/a.txt", "corpus/sub/a.txt"), "/data/corpus/sub/a.txt");
  EXPECT_EQ(ks::absolute_article_path("dir:/", "a.txt", "a.txt"), "/a.txt");
}

TEST(ArticlePath, AJsonlArticleIsItsFile) {
  EXPECT_EQ(ks::absolute_article_path("jsonl:/data/a.jsonl", "r1", "a.jsonl"), "/data/a.jsonl");
}

TEST(ArticlePath, WithoutAKnownOriginThePathStaysAsStored) {
  EXPECT_EQ(ks::absolute_article_path("jsonl:-", "r1", "-"), "-");
  EXPECT_EQ(ks::absolute_article_path("", "a.txt", "corpus/a.txt"), "corpus/a.txt");
}

TEST(ShownPath, RelativeBelowTheCurrentFolderElseAbsolute) {
  const auto rel = ks::PathStyle::relative;
  EXPECT_EQ(ks::shown_path("/repo/corpus/a.txt", rel, "/repo"), "corpus/a.txt");
  EXPECT_EQ(ks::shown_path("/repo/corpus/a.txt", rel, "/repo/corpus"), "a.txt");
  EXPECT_EQ(ks::shown_path("/repo/corpus/a.txt", rel, "/tmp"), "/repo/corpus/a.txt");
  EXPECT_EQ(ks::shown_path("/repository/a.txt", rel, "/repo"), "/repository/a.txt");  // a sibling, not below
  EXPECT_EQ(ks::shown_path("/repo/a.txt", rel, "/"), "repo/a.txt");
  EXPECT_EQ(ks::shown_path("-", rel, "/repo"), "-");
  EXPECT_EQ(ks::shown_path("/repo/corpus/a.txt", ks::PathStyle::absolute, "/repo"), "/repo/corpus/a.txt");
}

TEST(ShownPath, EveryPathOfTheResults) {
  ks::Results results;
  results.hits.resize(1);
  results.hits[0].citation.path = "/repo/corpus/a.txt";
  results.hits[0].copies.push_back({"b.txt", "/elsewhere/b.txt", std::nullopt, std::nullopt});
  results.hits[0].copies.push_back({"c.txt", "/repo/corpus/c.txt", std::nullopt, std::nullopt});
  ks::show_paths(results, ks::PathStyle::relative, "/repo");
  EXPECT_EQ(results.hits[0].citation.path, "corpus/a.txt");
  EXPECT_EQ(results.hits[0].copies[0].path, "/elsewhere/b.txt");
  EXPECT_EQ(results.hits[0].copies[1].path, "corpus/c.txt");
}

}  // namespace
