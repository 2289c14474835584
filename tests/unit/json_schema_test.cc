#include "kosearch/json_schema.h"

#include <gtest/gtest.h>

#include <string>

namespace ks = kosearch;

namespace {

TEST(JsonSchema, MarkdownHoldsTheThreeTablesWithARowPerEntry) {
  const std::string md = ks::json_schema_markdown();
  const std::string header = "| key | type | meaning |\n|---|---|---|\n";
  ASSERT_EQ(md.rfind(header, 0), 0u) << md;
  const std::size_t second = md.find("\n\n" + header);
  ASSERT_NE(second, std::string::npos) << md;
  const std::size_t third = md.find("\n\n" + header, second + 2);
  ASSERT_NE(third, std::string::npos) << md;
  EXPECT_EQ(md.find(header, third + 2 + header.size()), std::string::npos);  // hit, summary, error; no more
  EXPECT_NE(md.find("| `type` | `\"error\"` |", third), std::string::npos) << md;

  std::size_t rows = 0;
  for (std::size_t at = md.find("\n| `"); at != std::string::npos; at = md.find("\n| `", at + 1)) ++rows;
  EXPECT_EQ(rows, std::size(ks::hit_keys) + std::size(ks::summary_keys) + std::size(ks::error_keys));
  // An empty meaning leaves its cell empty, not a stray space.
  EXPECT_NE(md.find("| `type` | `\"hit\"` | |\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| `rank` | integer | 1-based, counting from `--offset`"), std::string::npos);
}

TEST(JsonSchema, HelpListsEveryKeyWithoutMarkdown) {
  const std::string help = ks::json_schema_help();
  EXPECT_EQ(help.rfind("  hit object:\n    type: \"hit\"\n", 0), 0u) << help;
  EXPECT_NE(help.find("\n  summary object:\n    type: \"summary\" — after each query's hits"), std::string::npos) << help;
  EXPECT_NE(help.find("\n  error object:\n    type: \"error\""), std::string::npos) << help;
  EXPECT_NE(help.find("    rank: integer — 1-based, counting from --offset"), std::string::npos) << help;
  EXPECT_EQ(help.find('`'), std::string::npos);
  EXPECT_EQ(help.find("**"), std::string::npos);  // the table's **characters**
  EXPECT_NE(help.find("in characters (code points)"), std::string::npos) << help;
}

}  // namespace
