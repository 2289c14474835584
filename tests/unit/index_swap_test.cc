#include "index_swap.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "kosearch/error.h"
#include "temp_folder.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

class IndexSwapTest : public kosearch_test::TempFolderTest {
 protected:
  void make(const fs::path& dir, const std::string& mark) const {
    fs::create_directories(dir);
    std::ofstream(dir / "mark") << mark;
  }
  static std::string mark_of(const fs::path& dir) {
    std::ifstream in(dir / "mark");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

TEST_F(IndexSwapTest, TheTwoFoldersTradePlaces) {
  make(dir_ / "index", "old");
  make(dir_ / "index.rebuild", "new");
  ks::detail::swap_in(dir_ / "index", dir_ / "index.rebuild");
  EXPECT_EQ(mark_of(dir_ / "index"), "new");
  EXPECT_EQ(mark_of(dir_ / "index.rebuild"), "old");  // the old index, for the caller to remove
  EXPECT_FALSE(fs::exists(dir_ / "index.old"));
}

TEST_F(IndexSwapTest, MissingReplacementIsAnIoErrorAndTheLiveIndexStays) {
  make(dir_ / "index", "old");
  try {
    ks::detail::swap_in(dir_ / "index", dir_ / "index.rebuild");
    FAIL() << "expected an io error";
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::io);
    EXPECT_NE(std::string(e.what()).find("cannot move the rebuilt index into place"), std::string::npos) << e.what();
  }
  EXPECT_EQ(mark_of(dir_ / "index"), "old");
}

}  // namespace
