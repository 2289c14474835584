#include "kosearch/warning_groups.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ks = kosearch;

namespace {

ks::IndexWarning bad_date(int line, const std::string& date) {
  return {"r.jsonl:" + std::to_string(line), "\"date\" '" + date + "' is not a date; left out", ks::Remedy::none,
          "records have a \"date\" that is not a date", "'" + date + "'"};
}

}  // namespace

TEST(WarningGroups, OneLinePerKindWithTheCountAndTheFirstExample) {
  std::vector<std::string> lines;
  ks::WarningGroups groups(false, "idx", [&](const std::string& line) { lines.push_back(line); });
  for (int n = 1; n <= 20000; ++n) groups.add(bad_date(n, n == 1 ? "03.1.21" : "어제"));
  groups.add({"a.txt", "binary file (contains NUL bytes); skipped"});
  groups.add({"b.txt", "binary file (contains NUL bytes); skipped"});
  groups.add({"c.txt", "empty file; skipped"});
  EXPECT_TRUE(lines.empty());  // told at the end, once
  groups.report();
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "warning: 20,000 records have a \"date\" that is not a date, e.g. r.jsonl:1 '03.1.21'; left out; "
                       "-v lists each\n",
                       "warning: 2 inputs: binary file (contains NUL bytes); skipped (e.g. a.txt); -v lists each\n",
                       "warning: c.txt: empty file; skipped\n"}));
  lines.clear();
  groups.report();
  EXPECT_TRUE(lines.empty());
}

TEST(WarningGroups, ListEachPrintsEveryWarningAsItComes) {
  std::vector<std::string> lines;
  ks::WarningGroups groups(true, "idx", [&](const std::string& line) { lines.push_back(line); });
  groups.add(bad_date(1, "어제"));
  groups.add(bad_date(2, "어제"));
  EXPECT_EQ(lines, (std::vector<std::string>{"warning: r.jsonl:1: \"date\" '어제' is not a date; left out\n",
                                             "warning: r.jsonl:2: \"date\" '어제' is not a date; left out\n"}));
  groups.report();
  EXPECT_EQ(lines.size(), 2u);
}
