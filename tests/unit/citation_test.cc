#include "kosearch/citation.h"

#include <gtest/gtest.h>

namespace ks = kosearch;

namespace {

ks::Citation full_citation() {
  ks::Citation c;
  c.path = "corpus/002_4f174f445bf85026.txt";
  c.line = 17;
  c.column = 5;
  c.title = "美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져";
  c.source = "조선일보";
  c.date = "2024-04-02";
  c.author = "오로라";
  c.url = "https://example.com/a/1";
  return c;
}

}  // namespace

TEST(Citation, LocationIsPathLineColumn) {
  EXPECT_EQ(ks::location(full_citation()), "corpus/002_4f174f445bf85026.txt:17:5");
}

TEST(Citation, FullCitationListsEveryFieldInOrder) {
  EXPECT_EQ(ks::format_citation(full_citation()),
            "오로라, 「美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져」, 조선일보, 2024-04-02, "
            "https://example.com/a/1 (corpus/002_4f174f445bf85026.txt:17:5)");
}

TEST(Citation, AbsentFieldsAreLeftOut) {
  ks::Citation c = full_citation();
  c.author.reset();
  c.url.reset();
  c.source = "";  // empty counts as absent
  EXPECT_EQ(ks::format_citation(c),
            "「美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져」, 2024-04-02 "
            "(corpus/002_4f174f445bf85026.txt:17:5)");
}

TEST(Citation, RevisionDateIsLabelledAfterTheDate) {
  ks::Citation c = full_citation();
  c.updated = "2024-04-03";
  EXPECT_EQ(ks::format_citation(c),
            "오로라, 「美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져」, 조선일보, 2024-04-02, 수정 2024-04-03, "
            "https://example.com/a/1 (corpus/002_4f174f445bf85026.txt:17:5)");
  c.date.reset();  // a revision date never passes for the publication date
  EXPECT_EQ(ks::format_reference(c),
            "오로라, 「美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져」, 조선일보, 수정 2024-04-03, https://example.com/a/1");
}

TEST(Citation, WithoutTitleTheLocationAlone) {
  ks::Citation c = full_citation();
  c.title.reset();
  EXPECT_EQ(ks::format_citation(c), "corpus/002_4f174f445bf85026.txt:17:5");
  EXPECT_EQ(ks::format_reference(c), "");
}

TEST(Citation, ReferenceIsTheCitationWithoutLocation) {
  const ks::Citation c = full_citation();
  EXPECT_EQ(ks::format_reference(c) + " (" + ks::location(c) + ")", ks::format_citation(c));
}

TEST(Citation, ControlCharactersInEveryFieldAreNeutralized) {
  ks::Citation c = full_citation();
  c.title = "제목\x1b[2J";
  c.author = "기자\x07";
  c.source = "신문\xc2\x9b" "31m";  // C1 CSI
  c.date = "2024\n-04-02";
  c.url = "https://x\xe2\x80\xae/evil";  // RIGHT-TO-LEFT OVERRIDE
  c.path = "corpus/\x1b]0;title\x07.txt";
  const std::string line = ks::format_citation(c);
  EXPECT_EQ(line.find('\x1b'), std::string::npos) << line;
  EXPECT_EQ(line.find('\x07'), std::string::npos) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  EXPECT_EQ(line.find("\xc2\x9b"), std::string::npos) << line;
  EXPECT_EQ(line.find("\xe2\x80\xae"), std::string::npos) << line;
  EXPECT_NE(line.find("제목"), std::string::npos);
}
