#include "lock_wait.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>

#include "kosearch/error.h"
#include "kosearch/source_registry.h"
#include "temp_folder.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

class LockWaitTest : public kosearch_test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    Xapian::WritableDatabase(db().string(), Xapian::DB_CREATE_OR_OPEN).commit();
  }
  fs::path db() const { return dir_ / "index"; }
};

std::string message_of(const std::function<void()>& run, ks::ErrorKind kind) {
  try {
    run();
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), kind) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return {};
}

TEST_F(LockWaitTest, WithoutWaitALockHeldIsIndexLockedAtOnce) {
  Xapian::WritableDatabase other(db().string(), Xapian::DB_OPEN);
  ks::IndexOptions o;
  int pauses = 0;
  o.should_stop = [&pauses] {
    ++pauses;
    return false;
  };
  ks::LockWait wait(o);
  const std::string message =
      message_of([&] { ks::open_waiting_for_lock(db(), db(), wait); }, ks::ErrorKind::index_locked);
  EXPECT_NE(message.find("is locked by another indexer"), std::string::npos) << message;
  EXPECT_EQ(pauses, 0);  // not waited for
}

TEST_F(LockWaitTest, AWaitEndsWhenTheLockIsFree) {
  std::optional<Xapian::WritableDatabase> other(std::in_place, db().string(), Xapian::DB_OPEN);
  ks::IndexOptions o;
  o.wait_for_lock = true;
  int pauses = 0;
  o.should_stop = [&] {
    if (++pauses == 3) other.reset();  // the other writer is done
    return false;
  };
  ks::LockWait wait(o);
  Xapian::WritableDatabase mine = ks::open_waiting_for_lock(db(), db(), wait);
  EXPECT_EQ(pauses, 3);
}

TEST_F(LockWaitTest, AWaitStopsWhenAskedToNamingTheIndex) {
  Xapian::WritableDatabase other(db().string(), Xapian::DB_OPEN);
  ks::IndexOptions o;
  o.wait_for_lock = true;
  o.should_stop = [] { return true; };
  ks::LockWait wait(o);
  const std::string message = message_of([&] { ks::open_waiting_for_lock(db(), "INDEX", wait); },
                                         ks::ErrorKind::interrupted);
  EXPECT_EQ(message, "stopped while waiting for the lock on 'INDEX'");
}

// indexer --forget (and a rebuild of every source) waits as a writer does:
// after the bound it says it waited, with no "--wait" to suggest.
TEST_F(LockWaitTest, ABoundedWaitOfForgetEndsAsTheWritersDoes) {
  Xapian::WritableDatabase other(db().string(), Xapian::DB_OPEN);
  other.set_metadata(std::string(ks::meta_sources), ks::with_source("", ks::corpus_source(dir_ / "corpus")));
  other.commit();
  ks::IndexOptions o;
  o.wait_for_lock = true;
  o.max_wait_seconds = 1;
  try {
    ks::forget_source(db(), dir_ / "corpus", o);
    FAIL() << "forgot through another writer's lock";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::index_locked);
    EXPECT_NE(std::string(e.what()).find("still locked by another indexer after 1 s (lock file "), std::string::npos)
        << e.what();
    EXPECT_EQ(e.remedy(), ks::Remedy::none);
  }
}

}  // namespace
