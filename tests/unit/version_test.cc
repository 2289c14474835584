#include "kosearch/version.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "kosearch/analyzer.h"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(Version, NamesTheProgramAndEveryComponent) {
  const auto lines = lines_of(kosearch::version_text("search"));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], "search " + std::string(kosearch::release_version()));
  EXPECT_EQ(lines[1], std::string("xapian ") + Xapian::version_string());
  EXPECT_EQ(lines[2].rfind("icu ", 0), 0u);
  EXPECT_EQ(lines[3], "analyzer " + std::string(kosearch::Analyzer::version));
  EXPECT_EQ(lines[4].rfind("schema ", 0), 0u);
  EXPECT_FALSE(kosearch::release_version().empty());
}

}  // namespace
