#include "kosearch/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "kosearch/schema.h"
#include "kosearch/searcher.h"
#include "temp_folder.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

using Changes = std::vector<std::pair<ks::ArticleChange, std::string>>;  // (change, id) as on_change gives them

class IndexWriterTest : public kosearch_test::TempFolderTest {
 protected:
  fs::path corpus() const { return dir_ / "corpus"; }
  fs::path index() const { return dir_ / "index"; }
  fs::path jsonl() const { return dir_ / "docs.jsonl"; }

  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((corpus() / name).parent_path());
    std::ofstream(corpus() / name) << text;
  }

  void write_jsonl(const std::vector<std::string>& lines) const {
    std::ofstream out(jsonl());
    for (const auto& line : lines) out << line << '\n';
  }

  static std::string record(const std::string& id, const std::string& text) {
    return R"({"id":")" + id + R"(","title":"제목 )" + id + R"(","text":")" + text + R"("})";
  }

  ks::IndexOptions options(Changes* changes = nullptr) const {
    ks::IndexOptions o;
    o.index_dir = index();
    o.threads = 1;
    if (changes)
      o.on_change = [changes](ks::ArticleChange change, const std::string& id) { changes->emplace_back(change, id); };
    return o;
  }

  Xapian::rev revision() const { return Xapian::Database(index().string()).get_revision(); }
  Xapian::doccount documents() const { return Xapian::Database(index().string()).get_doccount(); }
};

void expect_counts(const ks::IndexSummary& s, std::size_t added, std::size_t updated, std::size_t unchanged,
                   std::size_t removed) {
  EXPECT_EQ(s.added, added);
  EXPECT_EQ(s.updated, updated);
  EXPECT_EQ(s.unchanged, unchanged);
  EXPECT_EQ(s.removed, removed);
}

TEST_F(IndexWriterTest, CorpusRunsAddLeaveUpdateAndRemove) {
  write("a.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  write("b.txt", "노광 장비\n\n극자외선 노광 장비를 만든다.\n");
  write("sub/c.txt", "메모리 가격\n\n메모리 가격이 올랐다.\n");

  expect_counts(ks::index_corpus(corpus(), options()), 3, 0, 0, 0);
  EXPECT_EQ(documents(), 3u);

  const Xapian::rev before = revision();
  expect_counts(ks::index_corpus(corpus(), options()), 0, 0, 3, 0);
  EXPECT_EQ(revision(), before);  // nothing changed: nothing written

  write("b.txt", "노광 장비\n\n극자외선 노광 장비를 새로 만든다.\n");
  fs::remove(corpus() / "sub/c.txt");
  Changes changes;
  expect_counts(ks::index_corpus(corpus(), options(&changes)), 0, 1, 1, 1);
  EXPECT_EQ(changes, (Changes{{ks::ArticleChange::update, "b.txt"}, {ks::ArticleChange::remove, "sub/c.txt"}}));
  EXPECT_EQ(documents(), 2u);

  auto searcher = ks::Searcher::open(index().string());
  EXPECT_EQ(searcher.search("새로").hits.size(), 1u);
  EXPECT_TRUE(searcher.search("메모리").hits.empty());
}

TEST_F(IndexWriterTest, SummaryTextNamesEveryCount) {
  ks::IndexSummary s;
  s.added = 4;
  s.updated = 1;
  s.unchanged = 2;
  s.removed = 3;
  s.skipped = 5;
  s.seconds = 0.125;
  EXPECT_EQ(ks::format_summary(s), "added 4, updated 1, unchanged 2, removed 3, skipped 5 in 0.12 s");
  s.duplicates = 6;
  s.warnings = 7;
  s.stopped = true;
  EXPECT_EQ(ks::format_summary(s),
            "added 4, updated 1, unchanged 2, removed 3, skipped 5, duplicates 6, warnings 7 in 0.12 s"
            " (stopped early; rerun to finish)");
}

TEST_F(IndexWriterTest, SummaryOfARunCountsSkippedInputs) {
  write("a.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  write("empty.txt", "");
  std::vector<ks::IndexWarning> warnings;
  ks::IndexOptions o = options();
  o.on_warning = [&](const ks::IndexWarning& w) { warnings.push_back(w); };
  const ks::IndexSummary s = ks::index_corpus(corpus(), o);
  EXPECT_EQ(s.added, 1u);
  EXPECT_EQ(s.skipped, 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].path.find("empty.txt"), std::string::npos);
  EXPECT_EQ(ks::format_summary(s).rfind("added 1, updated 0, unchanged 0, removed 0, skipped 1, warnings 1 in ", 0), 0u)
      << ks::format_summary(s);
}

TEST_F(IndexWriterTest, JsonlRunsAddLeaveUpdateAndRemove) {
  write_jsonl({record("r1", "반도체 수출이 늘었다"), record("r2", "노광 장비를 만든다"), record("r3", "메모리 가격")});
  expect_counts(ks::index_jsonl(jsonl(), options()), 3, 0, 0, 0);
  expect_counts(ks::index_jsonl(jsonl(), options()), 0, 0, 3, 0);
  write_jsonl({record("r1", "반도체 수출이 늘었다"), record("r2", "노광 장비를 새로 만든다")});
  Changes changes;
  expect_counts(ks::index_jsonl(jsonl(), options(&changes)), 0, 1, 1, 1);
  EXPECT_EQ(changes, (Changes{{ks::ArticleChange::update, "r2"}, {ks::ArticleChange::remove, "r3"}}));
  EXPECT_EQ(documents(), 2u);
}

// A record that only moved (r1 to another line, r2 to another offset) gets its
// stored place rewritten, not its terms: a term planted by hand in the stored
// document survives the move.
TEST_F(IndexWriterTest, JsonlRecordThatOnlyMovedIsUpdatedWithoutReanalysis) {
  write_jsonl({record("r1", "반도체 수출이 늘었다"), record("r2", "노광 장비를 만든다")});
  ks::index_jsonl(jsonl(), options());
  {
    Xapian::WritableDatabase db(index().string(), Xapian::DB_OPEN);
    const std::string id_term = ks::schema::boolean_term(ks::schema::unique_id, "r1");
    const Xapian::docid docid = *db.postlist_begin(id_term);
    Xapian::Document doc = db.get_document(docid);
    doc.add_boolean_term("XMARKER");
    db.replace_document(docid, doc);
    db.commit();
  }
  write_jsonl({record("r0", "메모리 가격이 크게 올랐다"), record("r2", "노광 장비를 만든다"),
               record("r1", "반도체 수출이 늘었다")});
  const ks::IndexSummary s = ks::index_jsonl(jsonl(), options());
  expect_counts(s, 1, 2, 0, 0);

  Xapian::Database db(index().string());
  const std::string id_term = ks::schema::boolean_term(ks::schema::unique_id, "r1");
  ASSERT_NE(db.postlist_begin(id_term), db.postlist_end(id_term));
  const Xapian::docid docid = *db.postlist_begin(id_term);
  auto t = db.termlist_begin(docid);
  t.skip_to("XMARKER");
  ASSERT_NE(t, db.termlist_end(docid));
  EXPECT_EQ(*t, "XMARKER");  // not re-analysed

  auto searcher = ks::Searcher::open(index().string());
  const ks::Results r = searcher.search("노광");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].citation.line, 2u);
  const ks::Results moved = searcher.search("수출");
  ASSERT_EQ(moved.hits.size(), 1u);
  EXPECT_EQ(moved.hits[0].citation.line, 3u);
}

TEST_F(IndexWriterTest, WhatARecordLeftOutIsToldWhenItIsIndexedNotOnEveryRerun) {
  write_jsonl({R"({"id":"d1","text":"본문 하나","date":"어제"})"});
  std::vector<ks::IndexWarning> warnings;
  ks::IndexOptions o = options();
  o.on_warning = [&](const ks::IndexWarning& w) { warnings.push_back(w); };
  ks::index_jsonl(jsonl(), o);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].reason, "\"date\" '어제' is not a date; left out");
  EXPECT_EQ(warnings[0].kind, "records have a \"date\" that is not a date");
  EXPECT_EQ(warnings[0].example, "'어제'");
  warnings.clear();
  expect_counts(ks::index_jsonl(jsonl(), o), 0, 0, 1, 0);
  EXPECT_TRUE(warnings.empty());  // unchanged: not analysed again, nothing new to tell
}

TEST_F(IndexWriterTest, ArticleOverTheLimitIsIndexedUpToItAndToldWhenItIsIndexed) {
  write("big.txt", "큰 기사\n\n앞부분 zorblaxfirst\n");
  std::vector<ks::IndexWarning> warnings;
  ks::IndexOptions o = options();
  o.max_article_bytes = 40;  // the title and the first paragraph (36 bytes with its blank line)
  o.on_warning = [&](const ks::IndexWarning& w) { warnings.push_back(w); };
  expect_counts(ks::index_corpus(corpus(), o), 1, 0, 0, 0);
  EXPECT_TRUE(warnings.empty());  // within the limit
  // Grown past the limit: indexed up to it.
  write("big.txt", "큰 기사\n\n앞부분 zorblaxfirst\n\n뒷부분 zorblaxend\n");
  expect_counts(ks::index_corpus(corpus(), o), 0, 1, 0, 0);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].reason, "article of 57 bytes is longer than the 40 bytes limit; only its first 40 bytes is searchable");
  EXPECT_EQ(warnings[0].remedy, ks::Remedy::raise_article_limit);
  EXPECT_EQ(warnings[0].kind, "articles are longer than the 40 bytes limit");
  auto searcher = ks::Searcher::open(index().string());
  ASSERT_EQ(searcher.search("zorblaxfirst").hits.size(), 1u);
  EXPECT_TRUE(searcher.search("zorblaxend").hits.empty());
  warnings.clear();
  // The rest of the file changes nothing indexed: unchanged, and not told again.
  write("big.txt", "큰 기사\n\n앞부분 zorblaxfirst\n\n뒷부분은 바뀌었다\n");
  expect_counts(ks::index_corpus(corpus(), o), 0, 0, 1, 0);
  EXPECT_TRUE(warnings.empty());
  o.max_article_bytes = 0;  // no limit: the whole file, re-analysed
  expect_counts(ks::index_corpus(corpus(), o), 0, 1, 0, 0);
  EXPECT_TRUE(ks::Searcher::open(index().string()).search("바뀌었다").hits.size() == 1u);
}

TEST_F(IndexWriterTest, DuplicateTextIsReportedOnceThroughOnDuplicate) {
  write("a.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  write("b.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  write("c.txt", "노광 장비\n\n극자외선 노광 장비를 만든다.\n");
  std::vector<ks::IndexWarning> duplicates, warnings;
  ks::IndexOptions o = options();
  o.on_duplicate = [&](const ks::IndexWarning& w) { duplicates.push_back(w); };
  o.on_warning = [&](const ks::IndexWarning& w) { warnings.push_back(w); };
  const ks::IndexSummary s = ks::index_corpus(corpus(), o);
  EXPECT_EQ(s.duplicates, 1u);
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_NE(duplicates[0].reason.find("same text as"), std::string::npos) << duplicates[0].reason;
  EXPECT_TRUE(warnings.empty());

  // A rerun writes nothing, so it reports nothing.
  duplicates.clear();
  EXPECT_EQ(ks::index_corpus(corpus(), o).duplicates, 0u);
  EXPECT_TRUE(duplicates.empty());
}

TEST_F(IndexWriterTest, DryRunWritesNothingAndReportsWhatARealRunDoes) {
  write("a.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  write("b.txt", "노광 장비\n\n극자외선 노광 장비를 만든다.\n");
  write("c.txt", "메모리 가격\n\n메모리 가격이 올랐다.\n");
  ks::index_corpus(corpus(), options());
  const Xapian::rev before = revision();

  write("b.txt", "노광 장비\n\n극자외선 노광 장비를 새로 만든다.\n");
  write("d.txt", "환율 급등\n\n원달러 환율이 급등했다.\n");
  fs::remove(corpus() / "c.txt");

  Changes dry_changes;
  ks::IndexOptions dry = options(&dry_changes);
  dry.dry_run = true;
  const ks::IndexSummary dry_summary = ks::index_corpus(corpus(), dry);
  EXPECT_EQ(revision(), before);
  EXPECT_EQ(documents(), 3u);

  Changes real_changes;
  const ks::IndexSummary real_summary = ks::index_corpus(corpus(), options(&real_changes));
  EXPECT_EQ(dry_changes, real_changes);
  EXPECT_EQ(real_changes, (Changes{{ks::ArticleChange::update, "b.txt"},
                                   {ks::ArticleChange::add, "d.txt"},
                                   {ks::ArticleChange::remove, "c.txt"}}));
  expect_counts(dry_summary, real_summary.added, real_summary.updated, real_summary.unchanged, real_summary.removed);
  EXPECT_GT(revision(), before);
}

TEST_F(IndexWriterTest, DryRunIntoNoIndexCreatesNothing) {
  write("a.txt", "반도체 수출\n\n반도체 수출이 늘었다.\n");
  Changes changes;
  ks::IndexOptions dry = options(&changes);
  dry.dry_run = true;
  EXPECT_EQ(ks::index_corpus(corpus(), dry).added, 1u);
  EXPECT_EQ(changes, (Changes{{ks::ArticleChange::add, "a.txt"}}));
  EXPECT_FALSE(fs::exists(index()));
}

// Each batch is one transaction: 5 changes in batches of 2 are 3 commits.
TEST_F(IndexWriterTest, BatchSizeGivesOneCommitPerBatch) {
  write_jsonl({record("r1", "반도체 수출이 늘었다")});
  ks::index_jsonl(jsonl(), options());  // a first run builds in bulk: the batches below are incremental
  const Xapian::rev before = revision();

  write_jsonl({record("r1", "반도체 수출이 늘었다"), record("r2", "노광 장비"), record("r3", "메모리 가격"),
               record("r4", "환율 급등"), record("r5", "증시 하락"), record("r6", "금리 인하")});
  ks::IndexOptions o = options();
  o.batch_size = 2;
  expect_counts(ks::index_jsonl(jsonl(), o), 5, 0, 1, 0);
  EXPECT_EQ(revision(), before + 3);

  write_jsonl({record("r1", "반도체 수출이 늘었다 다시")});
  o.batch_size = 5;
  expect_counts(ks::index_jsonl(jsonl(), o), 0, 1, 0, 5);
  EXPECT_EQ(revision(), before + 3 + 2);  // 6 changes in batches of 5
}

// Xapian's flush threshold is the program's to set, before its threads
// start (index_writer.h): a bulk build, whose writers run on threads, reads
// the environment and never changes it.
TEST_F(IndexWriterTest, ABulkBuildLeavesTheEnvironmentAlone) {
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  std::vector<std::string> lines;
  for (int i = 0; i < 3000; ++i) lines.push_back(record("r" + std::to_string(i), "반도체 수출이 늘었다 " + std::to_string(i)));
  write_jsonl(lines);
  ks::IndexOptions o = options();
  o.threads = 2;
  std::size_t polls = 0, set = 0;
  o.should_stop = [&] {  // polled by the run's thread while the writers run
    ++polls;
    if (std::getenv("XAPIAN_FLUSH_THRESHOLD") != nullptr) ++set;
    return false;
  };
  expect_counts(ks::index_jsonl(jsonl(), o), 3000, 0, 0, 0);
  ASSERT_GT(polls, 0u);
  EXPECT_EQ(set, 0u);
  EXPECT_EQ(std::getenv("XAPIAN_FLUSH_THRESHOLD"), nullptr);
}

}  // namespace
