#include "kosearch/json_schema.h"

#include <gtest/gtest.h>

#include <string>

namespace ks = kosearch;

namespace {

TEST(JsonSchema, MarkdownHoldsBothTablesWithARowPerEntry) {
  const std::string md = ks::json_schema_markdown();
  const std::string header = "| key | type | meaning |\n|---|---|---|\n";
  ASSERT_EQ(md.rfind(header, 0), 0u) << md;
  const std::size_t second = md.find("\n\n" + header);
  ASSERT_NE(second, std::string::npos) << md;
  EXPECT_EQ(md.find(header, second + 2 + header.size()), std::string::npos);  // two tables, no more

  std::size_t rows = 0;
  for (std::size_t at = md.find("\n| `"); at != std::string::npos; at = md.find("\n| `", at + 1)) ++rows;
  EXPECT_EQ(rows, std::size(ks::hit_keys) + std::size(ks::summary_keys));
  // An empty meaning leaves its cell empty, not a stray space.
  EXPECT_NE(md.find("| `type` | `\"hit\"` | |\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| `rank` | integer | 1-based, counting from `--offset`"), std::string::npos);
}

TEST(JsonSchema, HelpListsEveryKeyWithoutBackticks) {
  const std::string help = ks::json_schema_help();
  EXPECT_EQ(help.rfind("  hit object:\n    type: \"hit\"\n", 0), 0u) << help;
  EXPECT_NE(help.find("\n  summary object:\n    type: \"summary\" — after each query's hits"), std::string::npos) << help;
  EXPECT_NE(help.find("    rank: integer — 1-based, counting from --offset"), std::string::npos) << help;
  EXPECT_EQ(help.find('`'), std::string::npos);
}

}  // namespace
