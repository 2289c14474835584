#include "index_generations.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "temp_folder.h"

namespace fs = std::filesystem;
namespace ks = kosearch;

namespace {

class IndexGenerationsTest : public kosearch_test::TempFolderTest {
 protected:
  static void make(const fs::path& dir, const std::string& mark) {
    fs::create_directories(dir);
    std::ofstream(dir / "mark") << mark;
  }
  static std::string read(const fs::path& file) {
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  fs::path index() const { return dir_ / "index"; }
};

TEST_F(IndexGenerationsTest, ANewIndexIsItsStubAndAnEmptyFirstGeneration) {
  EXPECT_EQ(ks::detail::live_generation(index()), std::nullopt);
  EXPECT_EQ(ks::detail::writable_folder(index()), index() / "gen-1");
  EXPECT_EQ(read(index() / "XAPIANDB"), "auto gen-1\n");
  EXPECT_TRUE(fs::exists(index() / "gen-1" / "iamglass"));  // searchable (empty) before any run commits
  EXPECT_EQ(ks::detail::live_generation(index()), index() / "gen-1");
  EXPECT_FALSE(fs::exists(index().string() + ".new" + std::to_string(::getpid())));
}

TEST_F(IndexGenerationsTest, PublishingNamesTheNewGenerationAndKeepsOnlyThePreviousOne) {
  const fs::path first = ks::detail::writable_folder(index());
  make(index() / "gen-1.rebuild", "second");
  ks::detail::publish(first, index() / "gen-1.rebuild", ks::detail::OldLayout::convert);
  EXPECT_EQ(read(index() / "XAPIANDB"), "auto gen-2\n");
  EXPECT_EQ(read(index() / "gen-2" / "mark"), "second");
  EXPECT_TRUE(fs::exists(first));  // a reader may still have it open
  EXPECT_FALSE(fs::exists(index() / "gen-1.rebuild"));

  make(index() / "gen-2.rebuild", "third");
  ks::detail::publish(index() / "gen-2", index() / "gen-2.rebuild", ks::detail::OldLayout::convert);
  EXPECT_EQ(read(index() / "XAPIANDB"), "auto gen-3\n");
  EXPECT_FALSE(fs::exists(first));
  EXPECT_TRUE(fs::exists(index() / "gen-2"));
}

TEST_F(IndexGenerationsTest, AWriterThatWaitedMovesToTheLiveGeneration) {
  const fs::path first = ks::detail::writable_folder(index());
  make(index() / "gen-1.rebuild", "second");
  ks::detail::publish(first, index() / "gen-1.rebuild", ks::detail::OldLayout::convert);
  EXPECT_EQ(ks::detail::current_folder(first), index() / "gen-2");
  EXPECT_EQ(ks::detail::current_folder(first / "shard1"), index() / "gen-2" / "shard1");
  EXPECT_EQ(ks::detail::current_folder(index() / "gen-2"), index() / "gen-2");
  EXPECT_EQ(ks::detail::shown_index(index() / "gen-2"), index());
  EXPECT_EQ(ks::detail::shown_index(dir_ / "elsewhere"), dir_ / "elsewhere");
}

TEST_F(IndexGenerationsTest, AnOlderLayoutIndexIsConvertedByItsRebuild) {
  make(index(), "old tables");
  make(index().string() + ".rebuild", "new tables");
  ks::detail::publish(index(), index().string() + ".rebuild", ks::detail::OldLayout::convert);
  EXPECT_EQ(read(index() / "XAPIANDB"), "auto gen-1\n");
  EXPECT_EQ(read(index() / "gen-1" / "mark"), "new tables");
  EXPECT_FALSE(fs::exists(index() / "mark"));
  EXPECT_FALSE(fs::exists(index().string() + ".convert"));
  EXPECT_FALSE(fs::exists(index().string() + ".rebuild"));
  EXPECT_EQ(ks::detail::current_folder(index()), index() / "gen-1");  // a writer that waited on the old tables
}

TEST_F(IndexGenerationsTest, AFolderBuiltInsideTheLibraryIsExchanged) {
  make(index() / "gen-4.rebuild", "empty");
  make(index() / "gen-4.rebuild.rebuild", "built");
  ks::detail::publish(index() / "gen-4.rebuild", index() / "gen-4.rebuild.rebuild", ks::detail::OldLayout::exchange);
  EXPECT_EQ(read(index() / "gen-4.rebuild" / "mark"), "built");
  EXPECT_FALSE(fs::exists(index() / "gen-4.rebuild.rebuild"));
  EXPECT_FALSE(fs::exists(index() / "XAPIANDB"));
}

TEST_F(IndexGenerationsTest, ReplaceFileLeavesNoTemporaryBehind) {
  ks::detail::replace_file(dir_ / "sources.json", "[1]");
  ks::detail::replace_file(dir_ / "sources.json", "[2]");
  EXPECT_EQ(read(dir_ / "sources.json"), "[2]");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

}  // namespace
