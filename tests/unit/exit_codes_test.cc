#include "kosearch/exit_codes.h"

#include <gtest/gtest.h>

#include <string>

namespace ec = kosearch::exit_code;

namespace {

TEST(ExitCodes, CodesFollowGrepAndTheShell) {
  EXPECT_EQ(ec::ok, 0);
  EXPECT_EQ(ec::no_match, 1);
  EXPECT_EQ(ec::error, 2);
  EXPECT_EQ(ec::locked, 3);
  EXPECT_EQ(ec::interrupted, 128 + 2);  // SIGINT
  EXPECT_EQ(ec::terminated, 128 + 15);  // SIGTERM
}

TEST(ExitCodes, MarkdownIsOneTableRowPerMeaning) {
  const ec::Meaning meanings[] = {{"0", "all `fine`"}, {"130, 143", "stopped"}};
  EXPECT_EQ(ec::markdown(meanings), "| code | meaning |\n|---|---|\n| 0 | all `fine` |\n| 130, 143 | stopped |\n");
}

TEST(ExitCodes, HelpTextDropsTheBackticks) {
  const ec::Meaning meanings[] = {{"0", "all `fine`"}, {"3", "locked (`--wait` waits)"}};
  EXPECT_EQ(ec::help_text(meanings), "Exit codes:\n  0  all fine\n  3  locked (--wait waits)\n");
}

TEST(ExitCodes, EveryIndexerCodeIsExplained) {
  std::string codes;
  for (const auto& m : ec::indexer_meanings) codes += std::string(m.codes) + ";";
  EXPECT_EQ(codes, "0;1;2;3;130, 143;");
  EXPECT_NE(ec::markdown(ec::search_meanings).find("| 1 | no hit"), std::string::npos);
}

}  // namespace
