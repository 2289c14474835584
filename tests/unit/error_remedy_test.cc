#include "kosearch/error_remedy.h"

#include <gtest/gtest.h>

namespace kosearch {
namespace {

TEST(ErrorRemedy, RepairCommandQuotesPathsForTheShell) {
  EXPECT_EQ(repair_command("idx"), "indexer --rebuild --index idx");
  EXPECT_EQ(repair_command("my index"), "indexer --rebuild --index 'my index'");
}

TEST(ErrorRemedy, EachKindGetsItsFrontEndsWords) {
  const auto said = [](ErrorKind kind, Program program) {
    return with_remedy(Error(kind, "problem"), program, "idx");
  };
  EXPECT_EQ(said(ErrorKind::index_corrupt, Program::search), "problem; rebuild it with: indexer --rebuild --index idx");
  EXPECT_EQ(said(ErrorKind::index_incompatible, Program::indexer),
            "problem; rebuild it with: indexer --rebuild --index idx");
  EXPECT_EQ(said(ErrorKind::index_locked, Program::indexer), "problem; wait for it, or rerun with --wait");
  EXPECT_EQ(said(ErrorKind::index_missing, Program::search),
            "problem; run `indexer` to build it, or point --index / SEARCH_INDEX at one");
  EXPECT_EQ(said(ErrorKind::query_too_long, Program::search), "problem (or search its beginning with -F/--literal)");
  EXPECT_EQ(said(ErrorKind::permission_denied, Program::search), "problem");
  EXPECT_EQ(said(ErrorKind::io, Program::indexer), "problem");
}

TEST(ErrorRemedy, SourceRemediesNameTheSource) {
  const Error gone(ErrorKind::io, "watched folder 'news' was moved away", Remedy::forget_source, "/data/news");
  EXPECT_EQ(with_remedy(gone, Program::indexer, "idx"),
            "watched folder 'news' was moved away; indexer --forget /data/news drops it and its articles");
  EXPECT_EQ(with_remedy("encoded in EUC-KR (detected)", Remedy::force_encoding, Program::indexer, "idx"),
            "encoded in EUC-KR (detected) (--encoding NAME forces another)");
  EXPECT_EQ(with_remedy("only its first 64 MiB is searchable", Remedy::raise_article_limit, Program::indexer, "idx"),
            "only its first 64 MiB is searchable (--max-article-size raises the limit)");
}

TEST(ErrorRemedy, AnErrorMayNameAnotherRemedy) {
  const Error e(ErrorKind::index_incompatible, "bad list", Remedy::replace_synonyms);
  EXPECT_EQ(with_remedy(e, Program::search, "idx"), "bad list; give it a new list with: indexer --synonyms FILE --index idx");
  const Error nothing(ErrorKind::usage, "index 'idx' records no source to watch", Remedy::give_source);
  EXPECT_EQ(with_remedy(nothing, Program::indexer, "idx"),
            "index 'idx' records no source to watch; give one with --corpus DIR or --jsonl FILE");
}

}  // namespace
}  // namespace kosearch
