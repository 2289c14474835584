#include "kosearch/index_health.h"

#include <gtest/gtest.h>

#include "temp_folder.h"

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include <xapian.h>

namespace ks = kosearch;
namespace fs = std::filesystem;

namespace {

class IndexHealth : public kosearch_test::TempFolderTest {
 protected:

  fs::path small_index() {
    const fs::path index = dir_ / "index";
    Xapian::WritableDatabase db(index.string(), Xapian::DB_CREATE);
    for (int i = 0; i < 3; ++i) {
      Xapian::Document doc;
      doc.add_term("word" + std::to_string(i));
      db.add_document(doc);
    }
    db.commit();
    return index;
  }

};

TEST_F(IndexHealth, TellsDamageFromLocksAndMissingRights) {
  EXPECT_TRUE(ks::is_damage(Xapian::DatabaseCorruptError("Bad serialised DB stats")));
  EXPECT_TRUE(ks::is_damage(Xapian::DatabaseError("EOF reading block 2")));
  EXPECT_FALSE(ks::is_damage(Xapian::DatabaseError("Error reading block 2", EIO)));
  EXPECT_FALSE(ks::is_damage(Xapian::DatabaseLockError("Unable to get write lock on x: already locked")));
  EXPECT_FALSE(ks::is_damage(Xapian::DatabaseOpeningError("Couldn't detect type of database")));

  EXPECT_TRUE(ks::is_lock_held(Xapian::DatabaseLockError("Unable to get write lock on x: already locked")));
  EXPECT_FALSE(ks::is_lock_held(Xapian::DatabaseLockError("Unable to get write lock on x: Couldn't open lockfile", EACCES)));

  EXPECT_EQ(ks::index_error(Xapian::DatabaseError("EOF reading block 2"), "idx").kind(), ks::ErrorKind::index_corrupt);
  EXPECT_EQ(ks::index_error(Xapian::DatabaseOpeningError("Couldn't open", EACCES), "idx").kind(),
            ks::ErrorKind::permission_denied);
  EXPECT_EQ(ks::index_error(Xapian::DatabaseLockError("Unable to get write lock on x: already locked"), "idx").kind(),
            ks::ErrorKind::index_locked);
  EXPECT_EQ(ks::index_error(Xapian::DatabaseError("Error reading block 2", EIO), "idx").kind(), ks::ErrorKind::io);
}


TEST_F(IndexHealth, MissingParentIsNamedForWriting) {
  try {
    ks::check_index_access(dir_ / "no" / "index", ks::IndexAccess::write);
    FAIL() << "accepted an index whose parent does not exist";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::io);
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(ks::check_index_access(dir_ / "index", ks::IndexAccess::write));  // created in dir_
  EXPECT_NO_THROW(ks::check_index_access(dir_ / "absent", ks::IndexAccess::read));  // missing: the caller says so
}

TEST_F(IndexHealth, CheckPassesASoundIndexAndFailsATruncatedOne) {
  const fs::path index = small_index();
  ks::IndexCheck sound = ks::check_index(index);
  EXPECT_TRUE(sound.ok) << sound.problem;
  EXPECT_EQ(sound.documents, 3u);

  fs::resize_file(index / "postlist.glass", 0);
  ks::IndexCheck damaged = ks::check_index(index);
  EXPECT_FALSE(damaged.ok);
  EXPECT_FALSE(damaged.problem.empty());
}

TEST_F(IndexHealth, CheckOfNoIndexIsAnError) {
  EXPECT_THROW(ks::check_index(dir_ / "absent"), ks::Error);
}

}  // namespace
