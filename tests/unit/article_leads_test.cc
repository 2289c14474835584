#include "article_leads.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

#include "article_publishers.h"

namespace kosearch::article_lines {
namespace {

std::optional<std::string> expected(const char* value) {
  return value ? std::optional<std::string>(value) : std::nullopt;
}

struct LeadCase {
  const char* line;
  bool lead;              // read_lead gives one
  const char* publisher;  // as the parser names it (the name, else the zone's listed publisher)
  const char* author;
  bool text_after;        // the paragraph goes on
};

void PrintTo(const LeadCase& c, std::ostream* os) { *os << '"' << c.line << '"'; }

class ArticleLeads : public ::testing::TestWithParam<LeadCase> {};

TEST_P(ArticleLeads, Read) {
  const LeadCase& c = GetParam();
  const auto lead = read_lead(c.line);
  ASSERT_EQ(lead.has_value(), c.lead);
  if (!lead) return;
  std::optional<std::string> publisher;
  if (!lead->publisher_name.empty()) publisher = named_publisher(lead->publisher_name);
  else if (auto listed = find_publisher(lead->publisher_zone)) publisher = std::string(*listed);
  EXPECT_EQ(publisher, expected(c.publisher));
  EXPECT_EQ(lead->author, expected(c.author));
  EXPECT_EQ(lead->has_text_after, c.text_after);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ArticleLeads,
    ::testing::Values(
        // wire brackets with a place, a byline up to `=`
        LeadCase{"(서울=연합뉴스) 홍길동 기자 = 정부가 2일 반도체 지원책을 발표했다.", true, "연합뉴스", "홍길동", true},
        LeadCase{"[서울=뉴시스]", true, "뉴시스", nullptr, false},
        LeadCase{"[서울=뉴시스]홍길동 기자 = 정부가 발표했다.", true, "뉴시스", "홍길동", true},
        LeadCase{"【베이징=연합뉴스】 정부가 발표했다.", true, "연합뉴스", nullptr, true},
        LeadCase{"(서울=예시통신) 정부가 발표했다.", true, "예시통신", nullptr, true},  // unlisted agency
        LeadCase{"[세종=이데일리 홍길동 기자] 정부가 발표했다.", true, "이데일리", "홍길동", true},
        LeadCase{"[헤럴드경제=홍길동 기자] 정부가 발표했다.", true, "헤럴드경제", "홍길동", true},
        // brackets naming the house or the byline, without a place
        LeadCase{"[파이낸셜뉴스] 정부가 발표했다.", true, "파이낸셜뉴스", nullptr, true},
        LeadCase{"[예시일보] 정부가 발표했다.", true, "예시일보", nullptr, true},
        LeadCase{"[이데일리 홍길동 기자] 정부가 발표했다.", true, "이데일리", "홍길동", true},
        // a byline up to `=` with no bracket
        LeadCase{"홍길동 기자 = 정부가 발표했다.", true, nullptr, "홍길동", true},
        // lookalikes
        LeadCase{"(서울=연합뉴스)라는 표기가 있다.", false, nullptr, nullptr, false},  // quoted by a particle
        LeadCase{"(1=매우 그렇다) 응답이 많았다.", true, nullptr, nullptr, true},       // a scale names nobody
        LeadCase{"(AI) 정부가 발표했다.", false, nullptr, nullptr, false},
        LeadCase{"정부가 발표했다.", false, nullptr, nullptr, false},
        LeadCase{"a=b 이다", false, nullptr, nullptr, false}));

}  // namespace
}  // namespace kosearch::article_lines
