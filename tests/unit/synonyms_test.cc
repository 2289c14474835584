#include "kosearch/synonyms.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kosearch/analyzer.h"
#include "kosearch/error.h"

namespace ks = kosearch;

namespace {

// The message of the error parsing `text` throws, or "" when it parses.
std::string error_of(const std::string& text) {
  try {
    ks::SynonymList::parse(text, "my.txt");
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::usage);
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Synonyms, ParsesGroupsCommentsAndBlankLines) {
  const auto list = ks::SynonymList::parse("# companies\n\n엔비디아 = NVIDIA = 엔비디아社\n  화웨이=Huawei  \r\n", "my.txt");
  ASSERT_EQ(list.groups().size(), 2u);
  EXPECT_EQ(list.groups()[0].line, 3u);
  EXPECT_EQ(list.groups()[0].members, (std::vector<std::string>{"엔비디아", "NVIDIA", "엔비디아社"}));
  EXPECT_EQ(list.groups()[1].members, (std::vector<std::string>{"화웨이", "Huawei"}));
}

TEST(Synonyms, MalformedLinesNameTheFileAndLine) {
  EXPECT_EQ(error_of("a = b\n\nnvidia\n"), "synonyms 'my.txt' line 3: no '=': write a group as `word = other word [= …]`");
  EXPECT_NE(error_of("엔비디아 = = NVIDIA").find("line 1: empty member"), std::string::npos);
  EXPECT_NE(error_of("엔비디아 =").find("line 1: empty member"), std::string::npos);
  EXPECT_NE(error_of("# x\n엔비디아 = NVIDIA\n화웨이 = nvidia의").find(
                "line 3: 'nvidia의' is already in the group on line 2"),
            std::string::npos);
  EXPECT_NE(error_of("NVIDIA = nvidia").find("in the same group"), std::string::npos);
  EXPECT_NE(error_of("엔비디아 = ...").find("'...' has no word to search for"), std::string::npos);
  EXPECT_NE(error_of("a = \xff").find("not valid UTF-8"), std::string::npos);
  EXPECT_EQ(error_of("# only a comment\n"), "");
}

TEST(Synonyms, StoredFormRoundTripsAndTellsAnEmptiedListFromNone) {
  const auto list = ks::SynonymList::parse("엔비디아 = NVIDIA\n큐원 = Qwen\n", "my.txt");
  const auto back = ks::SynonymList::from_stored(list.stored());
  ASSERT_EQ(back.groups().size(), 2u);
  EXPECT_EQ(back.groups()[1].members, (std::vector<std::string>{"큐원", "Qwen"}));
  EXPECT_FALSE(ks::SynonymList{}.stored().empty());
  EXPECT_TRUE(ks::SynonymList::from_stored(ks::SynonymList{}.stored()).empty());
  EXPECT_TRUE(ks::SynonymList::from_stored("").empty());
}

TEST(Synonyms, StarterListCoversTheBundledArticlesDomain) {
  const auto starter = ks::SynonymList::starter();
  ks::Analyzer analyzer;
  const ks::SynonymIndex index(starter);
  for (const char* word : {"nvidia", "엔비디아", "huawei", "qwen", "큐원", "deepseek", "딥시크", "minimax", "asml", "tsmc", "smic"})
    EXPECT_NE(index.group_of(ks::synonym_stems(word, analyzer)), nullptr) << word;
  EXPECT_EQ(index.group_of({"반도체"}), nullptr);
}

TEST(Synonyms, LookupReadsMembersAsTheAnalyzerDoes) {
  ks::Analyzer analyzer;
  const ks::SynonymIndex index(ks::SynonymList::parse("엔비디아 = ＮＶＩＤＩＡ = 美 엔비디아\n", "t"));
  const auto* group = index.group_of(ks::synonym_stems("엔비디아의", analyzer));
  ASSERT_NE(group, nullptr);
  ASSERT_EQ(group->size(), 3u);
  EXPECT_EQ((*group)[1].written, "ＮＶＩＤＩＡ");
  EXPECT_EQ((*group)[1].stems, std::vector<std::string>{"nvidia"});
  EXPECT_EQ((*group)[2].stems, (std::vector<std::string>{"미국", "엔비디아"}));
  EXPECT_EQ(index.group_of({"미국"}), nullptr);
}

TEST(Synonyms, StoredFormHoldsTheStemsAndTheListsSoReadingItAnalysesNothing) {
  const auto list = ks::SynonymList::merged(ks::SynonymList::parse("엔비디아 = NVIDIA\n", "a.txt"),
                                            ks::SynonymList::parse("지푸  AI = Zhipu\n", "b.txt"));
  const std::string stored = list.stored();
  EXPECT_EQ(stored, "# kosearch synonyms 2 " + std::string(ks::Analyzer::version) +
                        "\n@ b.txt\n지푸 AI = Zhipu\t지푸 ai = zhipu\n@ a.txt\n엔비디아 = NVIDIA\t엔비디아 = nvidia\n");
  // Stems are read as stored, not analysed again: a hand-edited stem shows it.
  std::string edited = stored;
  edited.replace(edited.find("= nvidia"), 8, "= zzz");
  const auto back = ks::SynonymList::from_stored(edited);
  ASSERT_EQ(back.groups().size(), 2u);
  EXPECT_EQ(back.groups()[1].stems[1], std::vector<std::string>{"zzz"});
  EXPECT_EQ(back.groups()[1].list, "a.txt");
  EXPECT_EQ(back.groups()[0].list, "b.txt");
  // Another analyzer's stems are analysed again.
  std::string other = edited;
  other.replace(other.find(ks::Analyzer::version), ks::Analyzer::version.size(), "ko-old-0");
  const auto reread = ks::SynonymList::from_stored(other);
  EXPECT_EQ(reread.groups()[1].stems[1], std::vector<std::string>{"nvidia"});
  EXPECT_EQ(reread.groups()[1].list, "a.txt");
  EXPECT_EQ(reread.stored(), stored);
  // The first format (no stems, no lists) is still read.
  const auto first = ks::SynonymList::from_stored("# kosearch synonyms 1\n엔비디아 = NVIDIA\n");
  ASSERT_EQ(first.groups().size(), 1u);
  EXPECT_EQ(first.groups()[0].list, "the index's list");
}

TEST(Synonyms, MergedKeepsTheBaseGroupsTheAddedOnesDoNotTouch) {
  const auto starter = ks::SynonymList::starter();
  const auto mine = ks::SynonymList::parse("딥시크 = DeepSeek = 深度求索\n노광 = lithography\n", "my.txt");
  const auto list = ks::SynonymList::merged(starter, mine);
  const ks::SynonymIndex index(list);
  ks::Analyzer analyzer;
  const auto* deepseek = index.group_of(ks::synonym_stems("deepseek", analyzer));
  ASSERT_NE(deepseek, nullptr);
  EXPECT_EQ(deepseek->size(), 3u);  // the user's group replaced the starter's
  EXPECT_EQ(deepseek->front().list, "my.txt");
  const auto* nvidia = index.group_of(ks::synonym_stems("nvidia", analyzer));
  ASSERT_NE(nvidia, nullptr);
  EXPECT_EQ(nvidia->front().list, "the starter list");
  EXPECT_EQ(list.groups().size(), starter.groups().size() + 1);
}

TEST(Synonyms, LoadReadsAFileOrNone) {
  EXPECT_TRUE(ks::SynonymList::load("none").empty());
  const auto path = std::filesystem::temp_directory_path() / "kosearch_synonyms_test.txt";
  std::ofstream(path) << "딥시크 = DeepSeek\n";
  EXPECT_EQ(ks::SynonymList::load(path.string()).groups().size(), 1u);
  std::filesystem::remove(path);
  EXPECT_THROW(ks::SynonymList::load(path.string()), ks::Error);
}
