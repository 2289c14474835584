#include "change_planner.h"

#include <gtest/gtest.h>

#include "kosearch/schema.h"

namespace kosearch {
namespace {

const std::string corpus = "corpus:/data/news";

StoredArticle stored_from(const std::string& origin, const std::string& hash = "h1") {
  return {hash, schema::origin_value(origin), origin, 7};
}

// Claims `id` with `stored` as what the index holds; the refusal, or "" when granted.
std::string claim_refusal(ChangePlanner& planner, const std::string& id, std::optional<StoredArticle> stored) {
  std::string refusal;
  planner.claim(id, "where/" + id, [&] { return stored; }, refusal);
  return refusal;
}

TEST(ChangePlanner, NewAndOwnArticlesAreClaimed) {
  ChangePlanner planner(corpus);
  EXPECT_EQ(claim_refusal(planner, "a.txt", std::nullopt), "");
  EXPECT_EQ(claim_refusal(planner, "b.txt", stored_from(corpus)), "");
}

TEST(ChangePlanner, RepeatedIdIsRefusedAndTheFirstWins) {
  ChangePlanner planner(corpus);
  ASSERT_EQ(claim_refusal(planner, "a", std::nullopt), "");
  bool looked_up = false;
  std::string refusal;
  auto claim = planner.claim("a", "x:9", [&] { looked_up = true; return std::optional<StoredArticle>(); }, refusal);
  EXPECT_FALSE(claim);
  EXPECT_FALSE(looked_up);  // a repeat costs no lookup
  EXPECT_EQ(refusal, "id 'a' repeats the record at where/a; skipped (the first one is indexed)");
}

TEST(ChangePlanner, IdOfAnotherInputIsRefusedAndNotKept) {
  ChangePlanner planner(corpus);
  EXPECT_EQ(claim_refusal(planner, "r1", stored_from("jsonl:/x.jsonl")),
            "id 'r1' belongs to an article from jsonl:/x.jsonl; skipped");
  EXPECT_FALSE(planner.kept("r1"));
  // The refusal leaves no trace: the same id is judged afresh, not as a repeat.
  EXPECT_EQ(claim_refusal(planner, "r1", std::nullopt), "");
}

TEST(ChangePlanner, JsonlRecordsAreKeyedByIdAcrossFiles) {
  ChangePlanner renamed_export("jsonl:/data/export-2.jsonl");
  EXPECT_EQ(claim_refusal(renamed_export, "r1", stored_from("jsonl:/data/export-1.jsonl")), "");
  // …but a JSONL record never takes over a corpus file's article.
  EXPECT_NE(claim_refusal(renamed_export, "a.txt", stored_from(corpus)), "");
}

TEST(ChangePlanner, ChangeFollowsTheStoredHash) {
  EXPECT_EQ(ChangePlanner::change(Claim{"a", std::nullopt}, "h1"), ArticleChange::add);
  EXPECT_EQ(ChangePlanner::change(Claim{"a", stored_from(corpus, "h1")}, "h1"), ArticleChange::unchanged);
  EXPECT_EQ(ChangePlanner::change(Claim{"a", stored_from(corpus, "h1")}, "h2"), ArticleChange::update);
}

TEST(ChangePlanner, KeptAreTheSeenTheKeptAndThoseBelowUnlistedFolders) {
  ChangePlanner planner(corpus);
  claim_refusal(planner, "seen.txt", std::nullopt);
  planner.keep("unreadable.txt");
  planner.keep_prefix("locked/");
  EXPECT_TRUE(planner.kept("seen.txt"));
  EXPECT_TRUE(planner.kept("unreadable.txt"));
  EXPECT_TRUE(planner.kept("locked/deep/x.txt"));
  EXPECT_FALSE(planner.kept("gone.txt"));
  EXPECT_FALSE(planner.kept("lockedx.txt"));
}

TEST(ChangePlanner, ARunLimitedToSomePathsKeepsEverythingElse) {
  ChangePlanner planner(corpus);  // indexer --watch: a batch told of a.txt and the folder sub
  planner.limit_to({"a.txt", "sub"});
  EXPECT_FALSE(planner.kept("a.txt"));
  EXPECT_FALSE(planner.kept("sub/b.txt"));
  EXPECT_FALSE(planner.kept("sub/deep/c.txt"));
  EXPECT_TRUE(planner.kept("b.txt"));
  EXPECT_TRUE(planner.kept("subway.txt"));
  EXPECT_TRUE(planner.kept("a.txt.bak"));
}

TEST(ChangePlanner, ReleasedClaimIsRemovedLikeAnUnseenArticle) {
  ChangePlanner planner(corpus);
  claim_refusal(planner, "bad.txt", std::nullopt);
  planner.release("bad.txt");
  EXPECT_FALSE(planner.kept("bad.txt"));
}

TEST(ChangePlanner, CopiesWithinTheRunWarnOncePerExtraCopy) {
  ChangePlanner planner(corpus);
  planner.note_written("a", "corpus/a", "F");
  planner.note_written("b", "corpus/b", "F");
  planner.note_written("c", "corpus/c", "F");
  planner.note_written("d", "corpus/d", "G");
  const auto duplicates = planner.duplicates({});
  ASSERT_EQ(duplicates.size(), 2u);
  EXPECT_EQ(duplicates[0].where, "corpus/b");
  EXPECT_EQ(duplicates[0].other_id, "a");
  EXPECT_EQ(duplicates[1].where, "corpus/c");
  EXPECT_EQ(duplicates[1].other_id, "a");
}

TEST(ChangePlanner, CopyAlreadyIndexedIsNamedForEveryWrittenCopy) {
  ChangePlanner planner(corpus);
  planner.note_written("new", "corpus/new", "F");
  const auto duplicates = planner.duplicates({{"F", "old"}});
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0].other_id, "old");
  const auto counts = planner.written_fingerprints();
  EXPECT_EQ(counts.at("F"), 1u);
  EXPECT_TRUE(planner.was_written("new"));
}

TEST(ChangePlannerJsonl, MovedRecordHasTheSameContentButNotTheSameHash) {
  const std::string line = R"({"id":"a","text":"b"})";
  const std::string at3 = jsonl_content_hash(line, "x.jsonl", 3, 100);
  const std::string at4 = jsonl_content_hash(line, "x.jsonl", 4, 120);
  const std::string shifted = jsonl_content_hash(line, "x.jsonl", 3, 150);  // a record above it grew
  EXPECT_EQ(at3.size(), 20u);
  EXPECT_NE(at3, at4);
  EXPECT_NE(at3, shifted);
  EXPECT_TRUE(same_record_content(at3, at4));
  EXPECT_TRUE(same_record_content(at3, shifted));
  EXPECT_TRUE(same_record_content(at3.substr(0, 12), at3));  // stored by an index that kept no offset
  EXPECT_FALSE(same_record_content(at3, jsonl_content_hash(R"({"id":"a","text":"c"})", "x.jsonl", 3, 100)));
  EXPECT_FALSE(same_record_content(at3, jsonl_content_hash(line, "other.jsonl", 3, 100)));
}

}  // namespace
}  // namespace kosearch
