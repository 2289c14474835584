#include "kosearch/input_files.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "kosearch/error.h"
#include "temp_folder.h"

namespace fs = std::filesystem;

namespace kosearch::detail {
namespace {

class InputFiles : public kosearch_test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    fs::create_directories(dir_ / "sub");
  }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  CorpusListing list(std::vector<Refusal>* refused = nullptr) {
    return list_corpus(dir_, [&](const Refusal& r) {
      if (refused) refused->push_back(r);
    });
  }
};

TEST_F(InputFiles, ListsRegularFilesSortedByIdAndSkipsHiddenOnes) {
  write("b.txt", "나");
  write("sub/a.txt", "가");
  write(".hidden.txt", "x");
  fs::create_directories(dir_ / ".git");
  write(".git/config", "x");
  const auto listing = list();
  ASSERT_EQ(listing.inputs.size(), 2u);
  EXPECT_EQ(listing.inputs[0].id, "b.txt");
  EXPECT_EQ(listing.inputs[1].id, "sub/a.txt");
  EXPECT_EQ(listing.inputs[1].citation_path, (dir_ / "sub/a.txt").generic_string());
  EXPECT_EQ(listing.inputs[1].size, 3u);
}

TEST_F(InputFiles, LinksOutsideTheCorpusAndToFoldersAreRefused) {
  write("a.txt", "가");
  const fs::path outside = dir_.string() + ".outside.txt";
  std::ofstream(outside) << "밖";
  fs::create_symlink(outside, dir_ / "out.txt");
  fs::create_directory_symlink(dir_ / "sub", dir_ / "loop");
  fs::create_symlink(dir_ / "a.txt", dir_ / "inside.txt");
  std::vector<Refusal> refused;
  const auto listing = list(&refused);
  ASSERT_EQ(listing.inputs.size(), 2u);  // a.txt and the link inside the corpus
  EXPECT_EQ(listing.inputs[1].id, "inside.txt");
  EXPECT_EQ(refused.size(), 2u);
  fs::remove(outside);
}

TEST_F(InputFiles, MissingCorpusIsAnError) {
  EXPECT_THROW(list_corpus(dir_ / "nope", [](const Refusal&) {}), Error);
}

TEST_F(InputFiles, ReadRefusesBinaryAndEmptyFilesButNotUnreadableOnesForGood) {
  write("bin.txt", std::string("a\0b", 3));
  write("empty.txt", " \n\t");
  write("ok.txt", "본문");
  const auto listing = list();
  const auto by_id = [&](const std::string& id) {
    for (const auto& input : listing.inputs)
      if (input.id == id) return read_input(input);
    ADD_FAILURE() << id;
    return ReadResult{};
  };
  EXPECT_FALSE(by_id("bin.txt").bytes);
  EXPECT_FALSE(by_id("bin.txt").transient);
  EXPECT_FALSE(by_id("empty.txt").bytes);
  EXPECT_EQ(by_id("ok.txt").bytes, "본문");
  fs::remove(dir_ / "ok.txt");  // gone between listing and reading: an I/O failure, kept
  const ReadResult gone = by_id("ok.txt");
  EXPECT_FALSE(gone.bytes);
  EXPECT_TRUE(gone.transient);
}

TEST(InputFilePaths, AtOrBelowAFolderAndInPaths) {
  EXPECT_TRUE(at_or_below("a/b.txt", "a"));
  EXPECT_TRUE(at_or_below("a", "a"));
  EXPECT_FALSE(at_or_below("ab/c.txt", "a"));
  EXPECT_FALSE(at_or_below("a", "a/b"));
  EXPECT_TRUE(in_paths("2025/x.txt", {"old.txt", "2025"}));
  EXPECT_FALSE(in_paths("20251/x.txt", {"old.txt", "2025"}));
}

TEST(InputFileBytes, BinaryAndBlank) {
  EXPECT_TRUE(looks_binary(std::string_view("a\0", 2)));
  EXPECT_FALSE(looks_binary("가나"));
  EXPECT_TRUE(is_blank(" \t\r\n"));
  EXPECT_FALSE(is_blank(" 가 "));
}

TEST(InputFileLines, LongLinesAreConsumedNotKept) {
  std::istringstream in("short\n" + std::string(100, 'x') + "\nlast");
  std::string line;
  auto r = read_line_bounded(in, line, 50);
  EXPECT_EQ(r.status, LineRead::ok);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(r.bytes, 6u);
  r = read_line_bounded(in, line, 50);
  EXPECT_EQ(r.status, LineRead::too_long);
  EXPECT_TRUE(line.empty());
  EXPECT_EQ(r.bytes, 101u);
  r = read_line_bounded(in, line, 50);
  EXPECT_EQ(r.status, LineRead::ok);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(read_line_bounded(in, line, 50).status, LineRead::end);
}

}  // namespace
}  // namespace kosearch::detail

namespace kosearch::detail {
namespace {

TEST(InputFileBytes, WholeLinesWithinALimit) {
  EXPECT_EQ(whole_lines_within("가나\n다라\n마바", 100), std::string("가나\n다라\n마바").size());  // within: all
  EXPECT_EQ(whole_lines_within("ab\ncd\nef", 7), 6u);   // up to the last '\n' within 7 bytes
  EXPECT_EQ(whole_lines_within("ab\ncd\nef", 5), 3u);
  EXPECT_EQ(whole_lines_within("가나다", 4), 3u);        // one line over the limit: at a character boundary
  // UTF-16LE with its byte order mark: the '\n' code unit, not a 0x0A byte of another one (U+0A41).
  const std::string utf16("\xFF\xFE" "a\0\n\0" "\x41\x0A" "b\0", 10);
  EXPECT_EQ(whole_lines_within(utf16, 9), 6u);
}

TEST_F(InputFiles, ReadKeepsTheWholeLinesWithinTheLimit) {
  write("long.txt", "첫 줄\n둘째 줄\n셋째 줄\n");
  write("short.txt", "첫 줄\n");
  const auto listing = list();
  const ReadResult cut = read_input(listing.inputs[0], 20);  // "첫 줄\n둘째 줄\n" is 19 bytes
  EXPECT_TRUE(cut.cut);
  EXPECT_EQ(cut.bytes, "첫 줄\n둘째 줄\n");
  EXPECT_EQ(cut.file_size, std::string("첫 줄\n둘째 줄\n셋째 줄\n").size());
  const ReadResult whole = read_input(listing.inputs[1], 20);
  EXPECT_FALSE(whole.cut);
  EXPECT_EQ(whole.bytes, "첫 줄\n");
  EXPECT_EQ(read_input(listing.inputs[0], 0).bytes, "첫 줄\n둘째 줄\n셋째 줄\n");  // 0: no limit
}

}  // namespace
}  // namespace kosearch::detail
