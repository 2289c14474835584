#include "index_db.h"

#include <gtest/gtest.h>

#include <optional>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kosearch/error.h"
#include "kosearch/schema.h"
#include "temp_folder.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

class IndexDbTest : public kosearch_test::TempFolderTest {
 protected:
  fs::path index() const { return dir_ / "index"; }

  ks::IndexOptions options() const {
    ks::IndexOptions o;
    o.index_dir = index();
    return o;
  }

  // A document with only its unique-id term: enough for the database's own bookkeeping.
  static Xapian::Document doc(const std::string& id) {
    Xapian::Document d;
    d.add_boolean_term(id_term(id));
    return d;
  }
  static std::string id_term(const std::string& id) { return ks::schema::boolean_term(ks::schema::unique_id, id); }

  // An index holding the ids given, written through IndexDb (so its metadata is current).
  void build(const std::vector<std::string>& ids) {
    const ks::IndexOptions o = options();
    ks::IndexDb db(index(), o, warn_);
    for (const auto& id : ids) db.replace(id_term(id), doc(id));
    db.finish(true);
  }

  bool holds(const std::string& id) const {
    Xapian::Database db(index().string());
    return db.postlist_begin(id_term(id)) != db.postlist_end(id_term(id));
  }
  Xapian::rev revision() const { return Xapian::Database(index().string()).get_revision(); }
  std::string stored_metadata(const std::string& key) const {
    return Xapian::Database(index().string()).get_metadata(key);
  }

  // The kind of the IndexDb's error; nullopt when it opens.
  static std::optional<ks::ErrorKind> open_error(const fs::path& dir, const ks::IndexOptions& o) {
    try {
      ks::IndexDb db(dir, o, [](const std::string&) {});
    } catch (const ks::Error& e) {
      return e.kind();
    }
    return std::nullopt;
  }

  std::vector<std::string> warnings_;
  ks::IndexDb::Warn warn_ = [this](const std::string& w) { warnings_.push_back(w); };
};

TEST_F(IndexDbTest, IndexLockedByAnotherWriterIsRefused) {
  build({"a"});
  Xapian::WritableDatabase other(index().string(), Xapian::DB_OPEN);
  EXPECT_EQ(open_error(index(), options()), ks::ErrorKind::index_locked);
  ks::IndexOptions rebuild = options();
  rebuild.rebuild = true;
  EXPECT_EQ(open_error(index(), rebuild), ks::ErrorKind::index_locked);
  other.close();
  EXPECT_EQ(open_error(index(), options()), std::nullopt);  // free again: opens
}

TEST_F(IndexDbTest, WaitingForALockGivesUpAfterMaxWait) {
  build({"a"});
  Xapian::WritableDatabase other(index().string(), Xapian::DB_OPEN);
  ks::IndexOptions o = options();
  o.wait_for_lock = true;
  o.max_wait_seconds = 1;
  try {
    ks::IndexDb db(index(), o, warn_);
    FAIL() << "expected index_locked";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::index_locked);
    EXPECT_NE(std::string(e.what()).find("still locked by another indexer after 1 s"), std::string::npos) << e.what();
    EXPECT_EQ(e.remedy(), ks::Remedy::none);  // it was waited for already
  }
}

TEST_F(IndexDbTest, WaitingForALockStopsWhenAskedTo) {
  build({"a"});
  Xapian::WritableDatabase other(index().string(), Xapian::DB_OPEN);
  ks::IndexOptions o = options();
  o.wait_for_lock = true;
  o.should_stop = [] { return true; };
  EXPECT_EQ(open_error(index(), o), ks::ErrorKind::interrupted);
}

TEST_F(IndexDbTest, FolderHoldingOtherFilesIsRefusedAndLeftAlone) {
  fs::create_directories(index());
  std::ofstream(index() / "notes.txt") << "mine";
  for (const bool bulk : {false, true}) {
    try {
      ks::IndexDb db(index(), options(), warn_, bulk);
      FAIL() << "expected an io error";
    } catch (const ks::Error& e) {
      EXPECT_EQ(e.kind(), ks::ErrorKind::io);
      EXPECT_NE(std::string(e.what()).find("holds files that are not a kosearch index"), std::string::npos);
    }
  }
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(index())) names.push_back(entry.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"notes.txt"});
  EXPECT_FALSE(fs::exists(dir_ / "index.rebuild"));
}

TEST_F(IndexDbTest, PathThatIsAFileIsRefused) {
  std::ofstream(index()) << "a file";
  EXPECT_EQ(open_error(index(), options()), ks::ErrorKind::io);
}

TEST_F(IndexDbTest, MetadataIsWrittenWithTheFirstBatch) {
  build({"a"});
  const Xapian::rev before = revision();
  ks::IndexOptions o = options();
  o.batch_size = 1;
  {
    ks::IndexDb db(index(), o, warn_);
    db.write_with_first_batch("kosearch.test", "v1");
    EXPECT_EQ(stored_metadata("kosearch.test"), "");  // nothing written yet
    db.replace(id_term("b"), doc("b"));               // a full batch: committed
    EXPECT_EQ(revision(), before + 1);
    EXPECT_EQ(stored_metadata("kosearch.test"), "v1");
    db.replace(id_term("c"), doc("c"));
    db.finish(true);
  }
  EXPECT_EQ(revision(), before + 2);  // two batches, no commit of their own for the metadata
  EXPECT_TRUE(holds("b"));
  EXPECT_TRUE(holds("c"));
}

TEST_F(IndexDbTest, MetadataAloneIsWrittenAtTheEndOnlyWhenItChanges) {
  build({"a"});
  const Xapian::rev before = revision();
  {
    ks::IndexDb db(index(), options(), warn_);
    db.write_with_first_batch("kosearch.test", "v1");
    db.finish(true);
  }
  EXPECT_EQ(revision(), before + 1);
  EXPECT_EQ(stored_metadata("kosearch.test"), "v1");
  {
    ks::IndexDb db(index(), options(), warn_);
    db.write_with_first_batch("kosearch.test", "v1");  // as stored: nothing to write
    db.finish(true);
  }
  EXPECT_EQ(revision(), before + 1);
}

TEST_F(IndexDbTest, SchemaAndAnalyzerVersionsGoIntoANewIndex) {
  build({"a"});
  EXPECT_EQ(stored_metadata(std::string(ks::schema::meta_schema)), ks::schema::version);
  ks::IndexDb db(index(), options(), warn_);
  EXPECT_FALSE(db.other_versions());
  EXPECT_TRUE(db.lookup(id_term("a")).has_value());
  EXPECT_FALSE(db.lookup(id_term("z")).has_value());
}

TEST_F(IndexDbTest, IncompleteRebuildLeavesTheLiveIndexAsItWas) {
  build({"a"});
  const Xapian::rev before = revision();
  ks::IndexOptions o = options();
  o.rebuild = true;
  {
    ks::IndexDb db(index(), o, warn_);
    EXPECT_TRUE(db.rebuilding());
    db.replace(id_term("b"), doc("b"));
    db.finish(false);
  }
  EXPECT_TRUE(holds("a"));
  EXPECT_FALSE(holds("b"));
  EXPECT_EQ(revision(), before);
  EXPECT_FALSE(fs::exists(dir_ / "index.rebuild"));
}

TEST_F(IndexDbTest, CompleteRebuildReplacesTheLiveIndex) {
  build({"a"});
  ks::IndexOptions o = options();
  o.rebuild = true;
  {
    ks::IndexDb db(index(), o, warn_);
    db.replace(id_term("b"), doc("b"));
    db.finish(true);
  }
  EXPECT_FALSE(holds("a"));
  EXPECT_TRUE(holds("b"));
  EXPECT_FALSE(fs::exists(dir_ / "index.rebuild"));
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(IndexDbTest, DryRunWritesNothing) {
  build({"a"});
  const Xapian::rev before = revision();
  ks::IndexOptions o = options();
  o.dry_run = true;
  ks::IndexDb db(index(), o, warn_);
  EXPECT_TRUE(db.lookup(id_term("a")).has_value());
  db.finish(true);
  EXPECT_EQ(revision(), before);
}

// The one place a rebuild decides to replace a live database it cannot open.
TEST(OpenToReplace, ADatabaseThatCannotBeOpenedIsReplacedWithAWarning) {
  std::vector<std::string> warnings;
  const auto warn = [&](const std::string& w) { warnings.push_back(w); };
  const auto held = ks::open_to_replace(
      []() -> Xapian::WritableDatabase { throw Xapian::DatabaseCorruptError("Bad block"); }, warn);
  EXPECT_FALSE(held.has_value());
  EXPECT_EQ(warnings, (std::vector<std::string>{"existing index cannot be opened (Bad block); it is replaced"}));

  EXPECT_THROW(ks::open_to_replace([]() -> Xapian::WritableDatabase { throw Xapian::DatabaseLockError("already locked"); },
                                   warn),
               Xapian::DatabaseLockError);  // another indexer's: not replaced
  EXPECT_EQ(warnings.size(), 1u);
}

TEST_F(IndexDbTest, ARebuildReplacesALiveIndexThatCannotBeOpened) {
  for (const bool bulk : {false, true}) {
    fs::remove_all(index());
    build({"a"});
    std::ofstream(index() / "iamglass", std::ios::trunc) << "not a version file";
    warnings_.clear();
    ks::IndexOptions o = options();
    o.rebuild = true;
    {
      ks::IndexDb db(index(), o, warn_, bulk);
      if (!db.bulk()) db.replace(id_term("b"), doc("b"));
      db.finish(true);
    }
    ASSERT_EQ(warnings_.size(), 1u) << bulk;
    EXPECT_EQ(warnings_[0].rfind("existing index cannot be opened (", 0), 0u) << warnings_[0];
    EXPECT_NE(warnings_[0].find("); it is replaced"), std::string::npos) << warnings_[0];
    EXPECT_NO_THROW(Xapian::Database(index().string())) << bulk;
    if (!bulk) {
      EXPECT_TRUE(holds("b"));
    }
  }
}

}  // namespace
