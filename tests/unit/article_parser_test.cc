#include "kosearch/article_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace kosearch {
namespace {

// The seed file whose name starts with `prefix` (000_, 001_ …).
std::filesystem::path seed_path(const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(KOSEARCH_CORPUS_DIR))
    if (entry.path().filename().string().starts_with(prefix)) return entry.path();
  ADD_FAILURE() << "no seed article " << prefix << " in " << KOSEARCH_CORPUS_DIR;
  return {};
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> file_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::string trimmed(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

struct Seed {
  std::string text;
  std::vector<std::string> lines;
  Article article;
};

Seed load_seed(const std::string& prefix) {
  Seed seed;
  seed.text = read_file(seed_path(prefix));
  seed.lines = file_lines(seed.text);
  seed.article = parse_article(seed.text, prefix, "corpus/" + prefix);
  return seed;
}

std::set<std::uint32_t> body_numbers(const Article& a) {
  std::set<std::uint32_t> numbers;
  for (const auto& line : a.body) numbers.insert(line.number);
  return numbers;
}

bool body_has(const Article& a, std::uint32_t number) { return body_numbers(a).count(number) > 0; }

// ---------------------------------------------------------------------------
// Seed articles: metadata
// ---------------------------------------------------------------------------

TEST(ArticleParserSeed, Article000Metadata) {
  const auto seed = load_seed("000_");
  const Article& a = seed.article;
  EXPECT_EQ(a.title, "\"美 턱밑까지 왔다\"... 中 AI '타이거'들의 대반격과 '반도체 병목'의 실체");
  EXPECT_EQ(a.title_line, 5u);
  EXPECT_EQ(a.source, "글로벌이코노믹");
  EXPECT_EQ(a.author, "신민철");
  // The only date in the text is in a photo caption: not the article's date.
  EXPECT_FALSE(a.date.has_value()) << *a.date;
  EXPECT_FALSE(a.updated.has_value());
  EXPECT_FALSE(a.url.has_value());
}

TEST(ArticleParserSeed, Article001Metadata) {
  const auto seed = load_seed("001_");
  const Article& a = seed.article;
  EXPECT_EQ(a.title, "[마켓칼럼] 중국의 AI기술은 어디쯤 왔을까");
  EXPECT_EQ(a.title_line, 1u);
  ASSERT_TRUE(a.source.has_value());
  EXPECT_TRUE(a.source->find("한국경제") != std::string::npos || a.source->find("한경") != std::string::npos)
      << *a.source;
  EXPECT_EQ(a.author, "우건");
  EXPECT_FALSE(a.date.has_value()) << "bare 입력/수정 lines carry no date";
  EXPECT_FALSE(a.updated.has_value());
}

TEST(ArticleParserSeed, Article002Metadata) {
  const auto seed = load_seed("002_");
  const Article& a = seed.article;
  EXPECT_EQ(a.title, "美의 대중 규제 먹혔나… 中 AI 성능 한참 뒤처져");
  EXPECT_EQ(a.title_line, 4u);
  EXPECT_EQ(a.date, "2024-04-02");
  EXPECT_FALSE(a.updated.has_value());
  EXPECT_EQ(a.author, "오로라");
  // The body quotes CNBC, but no masthead, byline or promo names a publisher.
  EXPECT_FALSE(a.source.has_value()) << *a.source;
}

TEST(ArticleParserSeed, Article003Metadata) {
  const auto seed = load_seed("003_");
  const Article& a = seed.article;
  EXPECT_EQ(a.title, "[정용환의 중국은, 왜] #102. 美빅테크 AI전쟁 한창인데...마른 수건 짜는 中");
  EXPECT_EQ(a.title_line, 3u);
  EXPECT_EQ(a.date, "2023-05-09");
  EXPECT_EQ(a.updated, "2023-05-17") << "the 수정 date of the same line";
  EXPECT_EQ(a.source, "JTBC") << "from the JTBC 핫클릭 line, not the 연합뉴스 photo credit";
  EXPECT_FALSE(a.author.has_value()) << *a.author;
}

// ---------------------------------------------------------------------------
// Seed articles: body
// ---------------------------------------------------------------------------

class ArticleParserSeedBody : public ::testing::TestWithParam<const char*> {};

TEST_P(ArticleParserSeedBody, LinesAreTheFileLinesAsWritten) {
  const auto seed = load_seed(GetParam());
  ASSERT_FALSE(seed.article.body.empty());
  std::uint32_t previous = 0;
  for (const auto& line : seed.article.body) {
    ASSERT_GE(line.number, 1u);
    ASSERT_LE(line.number, seed.lines.size());
    EXPECT_EQ(line.text, seed.lines[line.number - 1]) << "line " << line.number;
    EXPECT_GT(line.number, previous) << "body keeps file order";
    previous = line.number;
  }
}

TEST_P(ArticleParserSeedBody, NoLineTwiceAndNotTheTitle) {
  const auto seed = load_seed(GetParam());
  std::set<std::string> seen;
  for (const auto& line : seed.article.body) {
    EXPECT_TRUE(seen.insert(trimmed(line.text)).second) << "repeated: " << line.text;
    EXPECT_NE(trimmed(line.text), *seed.article.title);
    EXPECT_NE(line.number, seed.article.title_line);
  }
}

TEST_P(ArticleParserSeedBody, NoBoilerplate) {
  const auto seed = load_seed(GetParam());
  static const std::vector<std::string> kBoilerplate = {
      "닫기", "본문 바로가기", "광고", "JTBC 핫클릭", "인쇄 라인 위로가기", "입력", "수정",
      "크게 작게 프린트 메일", "URL 줄이기 페이스북 X", "Home > 검색목록 > 기사상세보기", "타이틀",
      "종이신문보기", "▲ 종이신문보기", "본문자수 : 1794", "표/그림/사진 유무 : 있음", "웹편집 : 보기",
      "글로벌이코노믹", "매뉴라이프자산운용 매니저", "우건 매뉴라이프자산운용 매니저",
      "실리콘밸리=오로라 특파원", "신민철 글로벌이코노믹 기자 shincm@g-enews.com"};
  static const std::vector<std::string> kBoilerplateParts = {
      "바로가기", "사진=", "이미지 확대보기", "〈사진=", "[그래픽]", "※", "기고자 :", "발행일 :", "입력 2023"};
  for (const auto& line : seed.article.body) {
    const std::string t = trimmed(line.text);
    for (const auto& b : kBoilerplate) EXPECT_NE(t, b) << "line " << line.number;
    for (const auto& part : kBoilerplateParts)
      EXPECT_EQ(t.find(part), std::string::npos) << "line " << line.number << ": " << t;
  }
}

INSTANTIATE_TEST_SUITE_P(ArticleParser, ArticleParserSeedBody, ::testing::Values("000_", "001_", "002_", "003_"));

TEST(ArticleParserSeed, Article000KeepsSubheadlinesDropsCaptionsAndRepeatedHeadline) {
  const auto seed = load_seed("000_");
  const Article& a = seed.article;
  EXPECT_TRUE(body_has(a, 11));
  EXPECT_TRUE(body_has(a, 12));
  EXPECT_TRUE(body_has(a, 15));
  EXPECT_TRUE(body_has(a, 19)) << "◇ subheadline is body";
  EXPECT_TRUE(body_has(a, 53));
  for (std::uint32_t n : {1u, 3u, 5u, 7u, 9u, 13u, 14u, 56u}) EXPECT_FALSE(body_has(a, n)) << n;
}

TEST(ArticleParserSeed, Article001BodyIsItsSixParagraphsOnce) {
  const auto seed = load_seed("001_");
  EXPECT_EQ(body_numbers(seed.article), (std::set<std::uint32_t>{5, 6, 7, 8, 9, 10}));
}

TEST(ArticleParserSeed, Article002BodyStartsWithSubheadlines) {
  const auto seed = load_seed("002_");
  const Article& a = seed.article;
  ASSERT_GE(a.body.size(), 4u);
  EXPECT_EQ(a.body[0].number, 13u);
  EXPECT_EQ(a.body[0].text, "    美와 1~2년 격차… 추격 불가능") << "text keeps its indentation";
  EXPECT_EQ(a.body[1].number, 14u);
  EXPECT_EQ(a.body[2].number, 15u);
  EXPECT_EQ(a.body[3].number, 17u);
  EXPECT_EQ(a.body.back().number, 29u);
}

TEST(ArticleParserSeed, Article003BodyHasNoCaptionsAndEndsBeforeTheFooter) {
  const auto seed = load_seed("003_");
  const Article& a = seed.article;
  EXPECT_EQ(a.body.front().number, 13u);
  EXPECT_EQ(a.body.back().number, 74u);
  for (std::uint32_t n : {1u, 5u, 6u, 7u, 9u, 11u, 25u, 76u, 78u}) EXPECT_FALSE(body_has(a, n)) << n;
  EXPECT_TRUE(body_has(a, 19)) << "a short sentence is still body";
}

// ---------------------------------------------------------------------------
// Line roles
// ---------------------------------------------------------------------------

struct RoleCase {
  const char* line;
  LineRole role;
};

void PrintTo(const RoleCase& c, std::ostream* os) { *os << "\"" << c.line << "\" -> role " << static_cast<int>(c.role); }

class ArticleParserClassify : public ::testing::TestWithParam<RoleCase> {};

TEST_P(ArticleParserClassify, Role) {
  EXPECT_EQ(classify_line(GetParam().line), GetParam().role) << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(
    ArticleParser, ArticleParserClassify,
    ::testing::Values(
        RoleCase{"", LineRole::blank}, RoleCase{"   \t ", LineRole::blank},
        RoleCase{"닫기", LineRole::boilerplate},
        RoleCase{"서비스 메뉴 바로가기 본문 바로가기 아티클 바로가기 프로그램 목록 바로가기", LineRole::boilerplate},
        RoleCase{"광고", LineRole::boilerplate}, RoleCase{"JTBC 핫클릭", LineRole::boilerplate},
        RoleCase{"인쇄 라인 위로가기", LineRole::boilerplate}, RoleCase{"입력", LineRole::boilerplate},
        RoleCase{"수정", LineRole::boilerplate}, RoleCase{"크게 작게 프린트 메일", LineRole::boilerplate},
        RoleCase{"URL 줄이기 페이스북 X", LineRole::boilerplate},
        RoleCase{"Home > 검색목록 > 기사상세보기", LineRole::boilerplate},
        RoleCase{"타이틀", LineRole::boilerplate}, RoleCase{"    종이신문보기", LineRole::boilerplate},
        RoleCase{"    ▲ 종이신문보기", LineRole::boilerplate}, RoleCase{"본문자수 : 1794", LineRole::boilerplate},
        RoleCase{"표/그림/사진 유무 : 있음", LineRole::boilerplate}, RoleCase{"웹편집 : 보기", LineRole::boilerplate},
        RoleCase{"※한경 마켓PRO 텔레그램을 구독하시면 프리미엄 투자 콘텐츠를 보다 편리하게 볼 수 있습니다.",
                 LineRole::boilerplate},
        RoleCase{"저작권자 © 연합뉴스 무단전재 및 재배포 금지", LineRole::boilerplate},
        RoleCase{"-----", LineRole::boilerplate},
        RoleCase{"〈사진= 로이터, 연합뉴스〉", LineRole::caption},
        RoleCase{"중국 국기가 전시되어 있다. 사진=로이터이미지 확대보기", LineRole::caption},
        RoleCase{"[그래픽] 외국인 직접투자(FDI) 급감한 중국", LineRole::caption},
        RoleCase{"지난 3일 서울 여의도 모습. (사진 = 연합뉴스)", LineRole::caption},
        RoleCase{"신민철 글로벌이코노믹 기자 shincm@g-enews.com", LineRole::byline},
        RoleCase{"    실리콘밸리=오로라 특파원", LineRole::byline},
        RoleCase{"기고자 : 실리콘밸리=오로라 특파원", LineRole::byline},
        RoleCase{"우건 매뉴라이프자산운용 매니저", LineRole::byline},
        RoleCase{"홍길동기자", LineRole::byline}, RoleCase{"hong@example.com", LineRole::byline},
        RoleCase{"입력 2023-05-09 06:57 수정 2023-05-17 15:45", LineRole::dateline},
        RoleCase{"    발행일 : 2024.04.02 / 종합 A8 면", LineRole::dateline},
        RoleCase{"2024.04.02 14:30", LineRole::dateline}, RoleCase{"[서울=뉴시스]", LineRole::dateline},
        RoleCase{"글로벌이코노믹", LineRole::masthead}, RoleCase{"조선일보", LineRole::masthead},
        RoleCase{"테크월드뉴스", LineRole::masthead}, RoleCase{"많이본뉴스", LineRole::boilerplate},
        RoleCase{"실시간뉴스", LineRole::boilerplate},
        RoleCase{"문제는 시간입니다.", LineRole::body},
        RoleCase{"◇ 홍콩 증시 휩쓴 중국 AI '타이거'... \"시장의 신뢰 확인\"", LineRole::body},
        RoleCase{"    AI 스타트업들 자금 부족 시달려", LineRole::body},
        RoleCase{"수정 사항은 다음 주에 발표된다.", LineRole::body},
        RoleCase{"(서울=연합뉴스) 홍길동 기자 = 정부가 2일 반도체 지원책을 발표했다.", LineRole::body},
        RoleCase{"싱가포르 국립대 양요우 교수는 “중국 기업들이 시뮬레이션하고 있다”고 설명했다.",
                 LineRole::body},
        RoleCase{"조선일보에 따르면 정부는 지원을 늘린다.", LineRole::body},
        // rules for other sites
        RoleCase{"로이터/연합뉴스", LineRole::caption}, RoleCase{"게티이미지뱅크", LineRole::caption},
        RoleCase{"서울 여의도 국회의사당 모습. 2024.4.2/뉴스1", LineRole::caption},
        RoleCase{"한국경제 | 한경닷컴", LineRole::masthead},
        RoleCase{"뉴스 > 경제 > 산업", LineRole::boilerplate}, RoleCase{"IT/과학", LineRole::boilerplate},
        RoleCase{"#AI #반도체 #중국", LineRole::boilerplate},
        RoleCase{"댓글 0 공유 3", LineRole::boilerplate}, RoleCase{"1 2 3 4 5 다음", LineRole::boilerplate},
        RoleCase{"2024", LineRole::body},
        RoleCase{"이 기사를 공유합니다", LineRole::boilerplate},
        RoleCase{"좋아요 0 훈훈해요 0 슬퍼요 0 화나요 0 후속기사 원해요 0", LineRole::boilerplate},
        RoleCase{"URL복사", LineRole::boilerplate}, RoleCase{"English 日本語 中文", LineRole::boilerplate},
        RoleCase{"주요 서비스 바로가기", LineRole::boilerplate},
        RoleCase{"Copyright © 예시일보", LineRole::boilerplate},
        RoleCase{"입력 2025. 1. 15. 오전 9:30", LineRole::dateline},
        RoleCase{"글 홍길동", LineRole::byline}, RoleCase{"사진 홍길동 기자", LineRole::caption},
        RoleCase{"▶ 네이버에서 한경닷컴 뉴스를 받아보세요", LineRole::boilerplate},
        RoleCase{"Copyright ⓒ 한국경제. All rights reserved.", LineRole::boilerplate},
        RoleCase{"송고시간2024-04-02 14:30", LineRole::dateline},
        RoleCase{"2024년 4월 2일 화요일", LineRole::dateline},
        // prose that only looks like chrome
        RoleCase{"기대->몰입->지루->황당->체념", LineRole::body},
        RoleCase{"여고괴담 1>3>2>5>4(공포)", LineRole::body},
        RoleCase{"저작권자들이 보면 열받는 영화겠군", LineRole::body},
        RoleCase{"좋아요.", LineRole::body},
        RoleCase{"2024년 4월 2일 서울에서 열린 행사에는 300명이 모였다.", LineRole::body},
        RoleCase{"제발보지마라 차라리 드라마를 한편땡기자", LineRole::body},
        RoleCase{"쇼하네@", LineRole::body},
        RoleCase{"거대한 산은 얼굴이 많다-김혜리 기자", LineRole::body},
        RoleCase{"네이버 메인에서 언론사 편집판이 사라졌다.", LineRole::body}));

// ---------------------------------------------------------------------------
// Metadata rules on synthetic text
// ---------------------------------------------------------------------------

TEST(ArticleParser, FrontMatterWinsAndHeuristicsFillTheRest) {
  const std::string text =
      "---\n"
      "title: 헤더의 제목\n"
      "publisher: 조선일보\n"
      "url: https://example.com/a/1\n"
      "lang: ko\n"
      "---\n"
      "글로벌이코노믹\n"
      "본문에 나오는 첫 줄 제목\n"
      "입력 2023-05-09 06:57\n"
      "첫 문단입니다.\n"
      "홍길동 기자\n";
  const Article a = parse_article(text, "id", "path");
  EXPECT_EQ(a.title, "헤더의 제목");
  EXPECT_EQ(a.title_line, 2u);
  EXPECT_EQ(a.source, "조선일보");
  EXPECT_EQ(a.url, "https://example.com/a/1");
  EXPECT_EQ(a.date, "2023-05-09") << "the header has no date: the heuristics fill it";
  EXPECT_EQ(a.author, "홍길동");
  // The first line differs from the header's title, so it stays body.
  EXPECT_EQ(body_numbers(a), (std::set<std::uint32_t>{8, 10}));
  EXPECT_EQ(a.id, "id");
  EXPECT_EQ(a.path, "path");
}

TEST(ArticleParser, FrontMatterTitleFoundInTextTakesThatLine) {
  const std::string text = "---\nsource: 한겨레\ntitle: 제목 줄\ndate: 2024.4.2\nauthor: 김철수\n---\n제목 줄\n본문 문장입니다.\n이정민 기자\n";
  const Article a = parse_article(text, "id", "path");
  EXPECT_EQ(a.title, "제목 줄");
  EXPECT_EQ(a.title_line, 7u);
  EXPECT_EQ(a.date, "2024-04-02") << "header dates are normalized";
  EXPECT_EQ(a.author, "김철수") << "the header beats the byline";
  EXPECT_EQ(a.source, "한겨레");
  EXPECT_EQ(body_numbers(a), (std::set<std::uint32_t>{8}));
}

TEST(ArticleParser, InvalidHeaderDateFallsBackToTheText) {
  const Article a = parse_article("---\ndate: 2023-02-30\n---\n제목입니다\n발행일 : 2024.04.02\n본문.\n", "i", "p");
  EXPECT_EQ(a.date, "2024-04-02");
  const Article b = parse_article("---\ndate: 2023-02-30\n---\n제목입니다\n본문.\n", "i", "p");
  EXPECT_FALSE(b.date.has_value());
}

TEST(ArticleParser, UnclosedOrProseFenceIsNotAHeader) {
  const Article unclosed = parse_article("---\ntitle: x\n본문 문장입니다.\n", "i", "p");
  EXPECT_EQ(unclosed.title, "title: x");
  const Article prose = parse_article("---\n제목입니다\n이것은 본문이다.\n---\n끝 문장이다.\n", "i", "p");
  EXPECT_EQ(prose.title, "제목입니다");
  EXPECT_EQ(body_numbers(prose), (std::set<std::uint32_t>{3, 5}));
}

TEST(ArticleParser, PublisherNeverFromCaptionsOrBodySentences) {
  const Article a = parse_article(
      "제목이 여기 있다\n〈사진= 로이터, 연합뉴스〉\n조선일보에 따르면 정부는 지원을 늘린다.\n"
      "KBS 보도에 따르면 그렇다.\n",
      "i", "p");
  EXPECT_FALSE(a.source.has_value()) << *a.source;
}

TEST(ArticleParser, PublisherAliasNeedsAWordStart) {
  // 환경 contains 한경 only as letters, never at a word start; iMBC is not MBC.
  const Article a = parse_article("제목이 여기 있다\n※ 환경 뉴스레터를 구독하세요\n※ iMBC 회원 전용\n", "i", "p");
  EXPECT_FALSE(a.source.has_value()) << *a.source;
}

TEST(ArticleParser, MastheadOutsideTheGazetteerNamesThePublisher) {
  const Article a = parse_article("테크월드뉴스\n많이본뉴스\n반도체 장비 수출 급증\n본문입니다.\n", "i", "p");
  EXPECT_EQ(a.source, "테크월드뉴스");
  EXPECT_EQ(a.title, "반도체 장비 수출 급증") << "the masthead is not the title";
}

TEST(ArticleParser, MastheadBeatsNavigation) {
  const Article a = parse_article("SBS 바로가기\n매일경제\n제목이 여기 있다\n본문입니다.\n", "i", "p");
  EXPECT_EQ(a.source, "매일경제");
}

TEST(ArticleParser, WireLeadGivesAuthorAndPublisherAndStaysBody) {
  const Article a = parse_article(
      "정부, 반도체 지원책 발표\n(세종=연합뉴스) 홍길동 기자 = 정부가 2일 반도체 지원책을 발표했다.\n", "i", "p");
  EXPECT_EQ(a.author, "홍길동");
  EXPECT_EQ(a.source, "연합뉴스");
  EXPECT_EQ(body_numbers(a), (std::set<std::uint32_t>{2}));
}

TEST(ArticleParser, SeveralAuthorsAndDesksInABylineLine) {
  EXPECT_EQ(parse_article("제목입니다\n본문.\n홍길동·김철수 기자\n", "i", "p").author, "홍길동, 김철수");
  EXPECT_EQ(parse_article("제목입니다\n본문.\n워싱턴=이영희 특파원 lee@x.com\n", "i", "p").author, "이영희");
  EXPECT_FALSE(parse_article("제목입니다\n본문.\n사회부 기자\n", "i", "p").author.has_value());
}

TEST(ArticleParser, DateFromLabelledLinesOrADateLineUnderTheTitle) {
  EXPECT_FALSE(parse_article("제목입니다\n2024년 4월 2일 서울에서 열린 행사다.\n", "i", "p").date.has_value());
  EXPECT_EQ(parse_article("제목입니다\n2024.04.02\n본문.\n", "i", "p").date, "2024-04-02");
  EXPECT_FALSE(parse_article("제목입니다\n본문.\n2024.04.02\n", "i", "p").date.has_value())
      << "an unlabelled date after the body is not the article's";
  EXPECT_EQ(parse_article("제목입니다\n기사입력 2024.04.02 오후 3:20\n본문.\n", "i", "p").date, "2024-04-02");
  EXPECT_EQ(parse_article("제목입니다\n수정 2024-04-03\n입력 2024-04-02\n본문.\n", "i", "p").date, "2024-04-02")
      << "the first-publication date beats a revision date";
  const Article revised = parse_article("제목입니다\n최종수정 2024-04-03\n본문.\n", "i", "p");
  EXPECT_FALSE(revised.date.has_value()) << "a revision date is never the date";
  EXPECT_EQ(revised.updated, "2024-04-03");
  EXPECT_FALSE(parse_article("제목입니다\n입력 2023-02-30\n본문.\n", "i", "p").date.has_value());
}

TEST(ArticleParser, RepeatedLinesAreKeptOnceWhitespaceFolded) {
  const Article a = parse_article("제목입니다\n같은  문장이다.\n  같은 문장이다.\t\n다른 문장이다.\n", "i", "p");
  EXPECT_EQ(body_numbers(a), (std::set<std::uint32_t>{2, 4}));
}

TEST(ArticleParser, BracketBylineLeadStaysBody) {
  const Article a = parse_article("반도체 지원책 발표\n[이데일리 홍길동 기자] 정부가 2일 지원책을 발표했다.\n", "i", "p");
  EXPECT_EQ(a.author, "홍길동");
  EXPECT_EQ(a.source, "이데일리");
  EXPECT_EQ(body_numbers(a), (std::set<std::uint32_t>{2}));
}

TEST(ArticleParser, DatelineSharingALineWithTheByline) {
  const Article a = parse_article("제목입니다\n입력 2024.04.02 14:30 | 수정 2024.04.03 | 홍길동 기자\n본문.\n", "i", "p");
  EXPECT_EQ(a.date, "2024-04-02");
  EXPECT_EQ(a.author, "홍길동");
  EXPECT_EQ(body_numbers(a), (std::set<std::uint32_t>{3}));
}

// A page from a site the seeds do not cover: every rule together.
TEST(ArticleParser, ArticleFromAnotherSite) {
  const std::string text =
      "전체메뉴 로그인 회원가입\n"
      "뉴스 > 경제 > 산업\n"
      "경제\n"
      "매일경제\n"
      "삼성전자, 2분기 반도체 흑자 전환\n"
      "기사입력 2024.07.05. 오전 9:12 최종수정 2024.07.05. 오전 10:01\n"
      "글자크기 가 가\n"
      "삼성전자 평택캠퍼스 전경. /삼성전자 제공\n"
      "로이터/연합뉴스\n"
      "삼성전자가 2분기 반도체 부문에서 흑자로 돌아섰다.\n"
      "\n"
      "메모리 가격 상승이 실적을 이끌었다.\n"
      "▶ 매경 뉴스레터 구독하기\n"
      "김철수 기자 kim@mk.co.kr\n"
      "#삼성전자 #반도체\n"
      "Copyright ⓒ 매일경제 & mk.co.kr. All rights reserved.\n";
  const Article a = parse_article(text, "i", "p");
  EXPECT_EQ(a.title, "삼성전자, 2분기 반도체 흑자 전환");
  EXPECT_EQ(a.title_line, 5u);
  EXPECT_EQ(a.source, "매일경제");
  EXPECT_EQ(a.date, "2024-07-05");
  EXPECT_EQ(a.author, "김철수");
  EXPECT_EQ(body_numbers(a), (std::set<std::uint32_t>{10, 12}));
}

// ---------------------------------------------------------------------------
// Metadata in the house styles of other outlets: one case per form read, and
// lookalikes that must not be taken. Every case checks all four fields, so a
// form that leaks into another field fails too.
// ---------------------------------------------------------------------------

#define kTitle "정부, 반도체 지원책 발표\n"
#define kBody "정부가 15일 반도체 지원책을 발표했다.\n"

struct MetaCase {
  const char* name;
  const char* text;
  const char* source;  // nullptr: must stay absent
  const char* date;
  const char* updated;
  const char* author;
};

void PrintTo(const MetaCase& c, std::ostream* os) { *os << c.name; }

std::optional<std::string> expected(const char* value) {
  return value ? std::optional<std::string>(value) : std::nullopt;
}

class ArticleParserMetadata : public ::testing::TestWithParam<MetaCase> {};

TEST_P(ArticleParserMetadata, ReadsTheFormAndNothingElse) {
  const MetaCase& c = GetParam();
  const Article a = parse_article(c.text, "i", "p");
  EXPECT_EQ(a.title, "정부, 반도체 지원책 발표");
  EXPECT_EQ(a.source, expected(c.source));
  EXPECT_EQ(a.date, expected(c.date));
  EXPECT_EQ(a.updated, expected(c.updated));
  EXPECT_EQ(a.author, expected(c.author));
}

INSTANTIATE_TEST_SUITE_P(
    ArticleParser, ArticleParserMetadata,
    ::testing::Values(
        // publication dates: labels, spellings, times; unlabelled date lines by position
        MetaCase{"DateInputColonSpacedDots", kTitle "입력 : 2025. 1. 15.\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateInputIso", kTitle "입력 2025-01-15\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateInputDotsTime", kTitle "입력 2025.01.15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateArticleInputSlashAm", kTitle "기사입력 2025/01/15 오전 9:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateRegisteredKoreanSeconds", kTitle "등록 2025년 1월 15일 09:30:12\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateApproved", kTitle "승인 2025.01.15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateFiled", kTitle "송고 2025-01-15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateFiledTimeGlued", kTitle "송고시간2025-01-15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateIssuedSpacedDots", kTitle "발행일 2025. 1. 15.\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DatePostedKorean", kTitle "게재 2025년 1월 15일\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateWrittenSlashSeconds", kTitle "작성일 : 2025/01/15 09:30:12\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateInputNoSpaceColon", kTitle "입력:2025-01-15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateInBrackets", kTitle "[입력 2025.01.15 09:30]\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateLabelAfterDate", kTitle "2025.01.15 09:30 송고\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateLabelSuffixIlja", kTitle "입력일자 2025-01-15\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateLabelSuffixIlsiPm", kTitle "등록일시 2025.01.15 오후 3:05\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateWeekdayGlued", kTitle "입력 2025.01.15(수) 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateKoreanPaddedNoSpaces", kTitle "게재일 2025년01월15일\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateReported", kTitle "보도 2025.01.15\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateReleased", kTitle "출고 2025-01-15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateKoreanClockTime", kTitle "입력 2025년 1월 15일 오전 9시 30분\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateLabelSpacedSuffix", kTitle "게재 일자 : 2025년 1월 15일\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateEnglishAtTime", kTitle "January 15, 2025 at 9:30 AM\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateAfterMastheadOnOneLine", kTitle "예시일보 | 2025.01.15 09:30\n" kBody, "예시일보", "2025-01-15", nullptr, nullptr},
        MetaCase{"DateQualifiedLabel", kTitle "기사승인 2025.01.15 18:11:40\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateHanjaWeekday", kTitle "게재 일자 : 2025년 01월 15일(水)\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateEnglishPublished", kTitle "Published Jan 15, 2025\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateEnglishPublishedColonLong", kTitle "Published: January 15, 2025 09:30 KST\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateEnglishPostedOnDayFirst", kTitle "Posted on 15 Jan 2025\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateIsoTimestampUnderTitle", kTitle "2025-01-15T09:30:00+09:00\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateUnlabelledUnderTitle", kTitle "2025.01.15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateUnlabelledKoreanWeekday", kTitle "\n2025년 1월 15일 수요일\n\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateUnlabelledAtTop", "2025-01-15\n" kTitle kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateLabelOnItsOwnLine", kTitle "입력\n2025.01.15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateLabelledInFooter", kTitle kBody "입력 2025.01.15 09:30\n", nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"DateAfterBylineOnOneLine", kTitle "홍길동 기자 | 입력 2025.01.15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, "홍길동"},
        MetaCase{"LabelledBeatsSiteDateBar", "2025.01.20 월요일\n" kTitle "입력 2025.01.15\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"UnderTitleBeatsTop", "2025.01.20\n" kTitle "2025.01.15 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        // revision dates: `updated`, never the date
        MetaCase{"UpdatedSameLine", kTitle "입력 2025.01.15 09:30 수정 2025.01.16 10:00\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedBarsAndByline", kTitle "입력 2025.01.15 09:30 | 업데이트 2025.01.16 | 홍길동 기자\n" kBody, nullptr, "2025-01-15", "2025-01-16", "홍길동"},
        MetaCase{"UpdatedFinalRevision", kTitle "기사입력 2025-01-15 오전 9:30 최종수정 2025-01-17 오후 1:10:12\n" kBody, nullptr, "2025-01-15", "2025-01-17", nullptr},
        MetaCase{"UpdatedOwnLine", kTitle "입력 2025-01-15 09:30\n수정 2025-01-16 11:00\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedAloneIsNotTheDate", kTitle "수정 2025.01.16 10:00\n" kBody, nullptr, nullptr, "2025-01-16", nullptr},
        MetaCase{"UpdatedEnglish", kTitle "Published Jan 15, 2025\nUpdated Jan 16, 2025\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedRenewed", kTitle "입력 2025.01.15 갱신 2025.01.16\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedEnglishModified", kTitle "Published: 2025-01-15\nModified: 2025-01-16\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedLabelsAfterDates", kTitle "2025.01.15 09:30 입력 | 2025.01.16 10:00 수정\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedGluedToTime", kTitle "입력 2025. 1. 15. 09:30수정 2025. 1. 16. 10:00\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedAfterBylineAndEmail", kTitle "홍길동 기자 hong@example.com 입력 2025.01.15 09:30 수정 2025.01.15 10:30\n" kBody, nullptr, "2025-01-15", "2025-01-15", "홍길동"},
        MetaCase{"UpdatedAfterSlashNoSpaces", kTitle "입력:2025-01-15 09:30/수정:2025-01-16 10:30\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedJamoBar", kTitle "입력 2025.01.15 09:30 ㅣ 수정 2025.01.16 10:00\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedInsideBars", kTitle "| 입력 : 2025-01-15 | 수정 : 2025-01-16 |\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        MetaCase{"UpdatedPortalCopyGlued", kTitle "홍길동 기자입력 2025. 1. 15. 11:03수정 2025. 1. 16. 13:20\n" kBody, nullptr, "2025-01-15", "2025-01-16", "홍길동"},
        MetaCase{"UpdatedSameMomentIsNoRevision", kTitle "입력 2025.01.15. 09:30 업데이트 2025.01.15. 09:30\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"UpdatedSameDayLaterTime", kTitle "입력 2025.01.15 09:30 수정 2025.01.15 11:00\n" kBody, nullptr, "2025-01-15", "2025-01-15", nullptr},
        MetaCase{"UpdatedBeforeDateIsDropped", kTitle "입력 2025.01.15 수정 2025.01.10\n" kBody, nullptr, "2025-01-15", nullptr, nullptr},
        MetaCase{"UpdatedUnlabelledDateThenRevision", kTitle "2025.01.15 09:30 | 수정 2025.01.16 10:00\n" kBody, nullptr, "2025-01-15", "2025-01-16", nullptr},
        // publishers: copyright footers, wire datelines, mastheads, bylines
        MetaCase{"FooterCopyrightSign", kTitle kBody "Copyright © 예시일보\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterCopyrightAmpersandDomain", kTitle kBody "Copyright ⓒ 예시일보 & example.co.kr. All rights reserved.\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterSignOnly", kTitle kBody "ⓒ 예시일보\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterHolderNotice", kTitle kBody "저작권자 © 예시일보 무단전재 및 재배포 금지\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterAngleBrackets", kTitle kBody "<저작권자(c) 예시통신, 무단 전재-재배포 금지>\n", "예시통신", nullptr, nullptr, nullptr},
        MetaCase{"FooterSignComma", kTitle kBody "ⓒ 예시일보, 무단전재 및 재배포 금지\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterYear", kTitle kBody "Copyright © 2025 예시일보. All rights reserved.\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterSquareBracketsDash", kTitle kBody "[ⓒ 예시신문 - 무단전재 및 재배포 금지]\n", "예시신문", nullptr, nullptr, nullptr},
        MetaCase{"FooterListedPublisherCanonical", kTitle kBody "ⓒ 한국경제신문 & hankyung.com, 무단전재 및 재배포 금지\n", "한국경제", nullptr, nullptr, nullptr},
        MetaCase{"FooterCompanyForm", kTitle kBody "Copyright ⓒ (주)예시미디어 All rights reserved.\n", "예시미디어", nullptr, nullptr, nullptr},
        MetaCase{"FooterAfterReferenceMark", kTitle kBody "※ 저작권자 ⓒ 예시일보. 무단전재-재배포 금지\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterCopyrightBy", kTitle kBody "Copyright by 예시일보 All rights reserved\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterWebName", kTitle kBody "Copyright © etnews. All rights reserved.\n", "전자신문", nullptr, nullptr, nullptr},
        MetaCase{"FooterSloganBeforeListedName", kTitle kBody "ⓒ 세상을 보는 눈, 세계일보\n", "세계일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterClaimSentence", kTitle kBody "이 기사의 저작권은 예시일보에 있으며, 무단 전재 및 재배포를 금합니다.\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"WireDatelineListed", kTitle "(서울=연합뉴스) 정부가 15일 지원책을 발표했다.\n", "연합뉴스", nullptr, nullptr, nullptr},
        MetaCase{"WireDatelineAbroad", kTitle "(베이징=뉴스1) 중국 정부가 15일 지원책을 발표했다.\n", "뉴스1", nullptr, nullptr, nullptr},
        MetaCase{"WireDatelineUnlisted", kTitle "[서울=예시뉴스] 정부가 15일 지원책을 발표했다.\n", "예시뉴스", nullptr, nullptr, nullptr},
        MetaCase{"WireDatelineWithBylineInside", kTitle "[세종=예시경제 홍길동 기자] 정부가 15일 지원책을 발표했다.\n", "예시경제", nullptr, nullptr, "홍길동"},
        MetaCase{"MenuLineNamesTheSite", "예시일보 | 경제\n" kTitle kBody, "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"BracketHouseBeforeEquals", kTitle "[헤럴드경제=홍길동 기자] 정부가 15일 지원책을 발표했다.\n", "헤럴드경제", nullptr, nullptr, "홍길동"},
        MetaCase{"BracketHouseOnly", kTitle "[예시뉴스] 정부가 15일 지원책을 발표했다.\n", "예시뉴스", nullptr, nullptr, nullptr},
        MetaCase{"BylineHouseBeforeEqualsAlone", kTitle "[예시뉴스=홍길동 기자]\n" kBody, "예시뉴스", nullptr, nullptr, "홍길동"},
        MetaCase{"MastheadBeatsFooter", "예시일보\n" kTitle kBody "Copyright © 다른일보\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterNamesTheMastheadAboveTheTitle", "굿모닝충청\n" kTitle kBody "ⓒ 굿모닝충청, 무단전재 및 재배포 금지\n", "굿모닝충청", nullptr, nullptr, nullptr},
        MetaCase{"FooterBeatsNavigation", "SBS 바로가기\n" kTitle kBody "ⓒ 예시일보, 무단전재 및 재배포 금지\n", "예시일보", nullptr, nullptr, nullptr},
        MetaCase{"FooterBeatsByline", kTitle "홍길동 한빛일보 기자\n" kBody "ⓒ 예시일보, 무단전재 및 재배포 금지\n", "예시일보", nullptr, nullptr, "홍길동"},
        MetaCase{"BylineBeatsBareSign", kTitle "홍길동 한빛일보 기자\n" kBody "ⓒ 예시일보\n", "한빛일보", nullptr, nullptr, "홍길동"},
        MetaCase{"BylineNamesUnlistedPublisher", kTitle "홍길동 예시일보 기자 hong@example.com\n" kBody, "예시일보", nullptr, nullptr, "홍길동"},
        MetaCase{"BracketBylineLead", kTitle "[예시경제 홍길동 기자] 정부가 15일 지원책을 발표했다.\n", "예시경제", nullptr, nullptr, "홍길동"},
        // authors
        MetaCase{"AuthorReporter", kTitle kBody "홍길동 기자\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorCorrespondent", kTitle kBody "홍길동 특파원\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorCorrespondentWithPlace", kTitle "워싱턴=홍길동 특파원\n" kBody, nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorSeniorReporter", kTitle kBody "홍길동 선임기자\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorEditorialWriter", kTitle kBody "홍길동 논설위원\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorWritingCredit", kTitle "글 홍길동\n" kBody, nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorWritingAndPhotoCredit", kTitle "글·사진 홍길동\n" kBody, nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorAfterWireDateline", kTitle "(서울=연합뉴스) 홍길동 기자 = 정부가 15일 지원책을 발표했다.\n", "연합뉴스", nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorsAfterWireDateline", kTitle "(서울=연합뉴스) 홍길동 김철수 기자 = 정부가 15일 지원책을 발표했다.\n", "연합뉴스", nullptr, nullptr, "홍길동, 김철수"},
        MetaCase{"AuthorLeadWithoutDateline", kTitle "홍길동 기자 = 정부가 15일 지원책을 발표했다.\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorsMiddleDot", kTitle kBody "홍길동·김철수 기자\n", nullptr, nullptr, nullptr, "홍길동, 김철수"},
        MetaCase{"AuthorLabelledNameAlone", kTitle kBody "작성자 : 홍길동\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorNameLabel", kTitle kBody "기자명 : 홍길동\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorsComma", kTitle kBody "홍길동, 김철수 기자\n", nullptr, nullptr, nullptr, "홍길동, 김철수"},
        MetaCase{"AuthorWritingCreditEquals", kTitle "글=홍길동\n" kBody, nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorContributorWithAffiliation", kTitle kBody "김의사 예시대 의대 교수\n", nullptr, nullptr, nullptr, "김의사"},
        MetaCase{"AuthorNameLabelWithoutColon", kTitle "기자명 홍길동 기자\n" kBody, nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorUnderMenuLineEndingInALinkVerb", "주요 서비스 바로가기\n페이스북(으)로 기사보내기\n" kTitle kBody "홍길동 기자\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorWriterLabelBeforeDate", kTitle "작성자 홍길동 | 작성일 2025.01.15 | 조회 123\n" kBody, nullptr, "2025-01-15", nullptr, "홍길동"},
        MetaCase{"AuthorEmailBeside", kTitle kBody "홍길동 기자 hong@example.com\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorEmailInParentheses", kTitle kBody "홍길동 기자(hong@example.com)\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorEmailInAngleBrackets", kTitle kBody "홍길동 기자 <hong@example.com>\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"AuthorEmailFirst", kTitle kBody "hong@example.com 홍길동 기자\n", nullptr, nullptr, nullptr, "홍길동"},
        // lookalikes that must not be taken
        MetaCase{"NotDateInSentence", kTitle "2025년 1월 15일 서울에서 열린 행사에서 정부가 발표했다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotLabelledSentence", kTitle "입력 2025년 1월 15일까지 신청을 받는다.\n" kBody, nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotRegisteredSentence", kTitle "등록 2025.01.15 이후 접수된 건은 무효다.\n" kBody, nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotRevisionSentence", kTitle kBody "수정 사항은 2025.01.20 공개된다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotUnlabelledDateAfterBody", kTitle kBody "2025.01.15\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotUnlabelledDateInsideBody", kTitle kBody "2025.01.15\n이후 정부는 추가 대책을 내놨다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotLabelWordStartingASentence", kTitle "입력 데이터는 2025.01.15에 갱신됐다.\n" kBody, nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotCommentDatesAfterBody", kTitle kBody "댓글 0\n2025.01.16 10:22\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotTheSitesRegistrationDate", kTitle kBody "등록일 : 2010.05.01 | 발행인 : 홍길동 | 편집인 : 김철수\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotInvalidCalendarDate", kTitle "입력 2025-02-30\n" kBody, nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotInvalidMonth", kTitle "2025년 13월 1일\n" kBody, nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotImplausibleYear", kTitle "입력 0025-01-15\n" kBody, nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotEnglishPublishedProse", kTitle "Published in 2025, the report sold well.\n" kBody, nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotPressConference", kTitle kBody "정부 기자회견\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotPressConferenceWithName", kTitle kBody "홍길동 기자회견\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotReportersInSentence", kTitle kBody "현장에는 기자들이 몰렸다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotCopyrightQuotedInSentence", kTitle kBody "기사 하단의 \"저작권자 © 예시일보 무단전재 및 재배포 금지\" 문구가 있다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotCopyrightQuotedLine", kTitle kBody "\"Copyright © 예시일보\"\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotPhotoAgencySign", kTitle kBody "ⓒ 로이터\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotPhotoCreditWithSign", kTitle kBody "사진 ⓒ 게티이미지뱅크\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotPhotographerSign", kTitle kBody "ⓒ 정다은\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotPhotographerCreditAsAuthor", kTitle "© News1 김사진 기자\n" kBody "홍길동 기자\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"NotPhotographerByline", kTitle "사진 김사진 기자\n" kBody "홍길동 기자\n", nullptr, nullptr, nullptr, "홍길동"},
        MetaCase{"NotVideoCredits", kTitle kBody "촬영기자:김사진/영상편집:이편집\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotADatePeriod", kTitle "2025.01.15 ~ 2025.01.20\n" kBody, nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotContributorTitleAsCommonNoun", kTitle kBody "입만 변호사\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotCopyrightLawInBody", kTitle kBody "이 사진의 저작권은 작가에게 있다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotCopyrightRulingInBody", kTitle kBody "이 기사의 저작권은 조선일보에 있다고 법원은 판단했다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotNoticeWithoutHolder", kTitle kBody "무단전재 및 재배포 금지\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotPublisherInBodySentence", kTitle "예시일보에 따르면 정부는 지원을 늘린다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotScaleInParentheses", kTitle "(1=매우 그렇다) 응답이 절반을 넘었다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotWireDatelineQuoted", kTitle kBody "(서울=연합뉴스)라는 표기가 기사 앞에 붙는다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotCopyrightSentence", kTitle kBody "Copyright 침해로 조선일보가 소송을 냈다.\n", nullptr, nullptr, nullptr, nullptr},
        MetaCase{"NotWritingAsCommonNoun", kTitle "글 쓰기\n" kBody, nullptr, nullptr, nullptr, nullptr}),
    [](const ::testing::TestParamInfo<MetaCase>& param_info) { return std::string(param_info.param.name); });

#undef kTitle
#undef kBody

TEST(ArticleParser, PhotoStoryTitleInBracketsAboveEveryParagraph) {
  const Article a = parse_article(
      "TOP\n[사진] 봄꽃 만개한 여의도\n기사입력 2025-04-05 15:22\n여의도 윤중로에 벚꽃이 만개했다.\n"
      "[그래픽] 벚꽃 개화 시기\n",
      "i", "p");
  EXPECT_EQ(a.title, "[사진] 봄꽃 만개한 여의도");
  EXPECT_EQ(a.title_line, 2u);
  EXPECT_EQ(a.date, "2025-04-05");
  EXPECT_EQ(body_numbers(a), (std::set<std::uint32_t>{4})) << "a labelled caption after a paragraph stays a caption";
  const Article credit = parse_article("〈사진= 로이터〉\n제목입니다\n본문.\n", "i", "p");
  EXPECT_EQ(credit.title, "제목입니다") << "a credit in brackets is no title";
}

// ---------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------

TEST(ArticleParserRobust, EmptyText) {
  const Article a = parse_article("", "i", "p");
  EXPECT_FALSE(a.title.has_value());
  EXPECT_EQ(a.title_line, 0u);
  EXPECT_TRUE(a.body.empty());
  EXPECT_FALSE(a.source.has_value());
  EXPECT_FALSE(a.date.has_value());
  EXPECT_FALSE(a.author.has_value());
}

TEST(ArticleParserRobust, TextWithoutNewline) {
  const Article a = parse_article("한 줄짜리 제목", "i", "p");
  EXPECT_EQ(a.title, "한 줄짜리 제목");
  EXPECT_EQ(a.title_line, 1u);
  EXPECT_TRUE(a.body.empty());
}

TEST(ArticleParserRobust, OnlyBoilerplate) {
  const Article a = parse_article("닫기\n광고\n입력\n수정\n〈사진= 로이터〉\n\n", "i", "p");
  EXPECT_FALSE(a.title.has_value());
  EXPECT_TRUE(a.body.empty());
}

TEST(ArticleParserRobust, CrlfMatchesLf) {
  for (const char* prefix : {"000_", "002_", "003_"}) {
    const auto seed = load_seed(prefix);
    std::string crlf;
    for (char c : seed.text) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    const Article a = parse_article(crlf, "i", "p");
    EXPECT_EQ(a.title, seed.article.title);
    EXPECT_EQ(a.title_line, seed.article.title_line);
    EXPECT_EQ(a.source, seed.article.source);
    EXPECT_EQ(a.date, seed.article.date);
    EXPECT_EQ(a.author, seed.article.author);
    ASSERT_EQ(a.body.size(), seed.article.body.size());
    for (std::size_t i = 0; i < a.body.size(); ++i) {
      EXPECT_EQ(a.body[i].number, seed.article.body[i].number);
      EXPECT_EQ(a.body[i].text, seed.article.body[i].text) << "no trailing \\r in text";
    }
  }
}

TEST(ArticleParserRobust, VeryLongLines) {
  std::string long_line;
  for (int i = 0; i < 100000; ++i) long_line += "가나다 ";
  const Article a = parse_article("제목입니다\n" + long_line + "\n※" + long_line + "\n", "i", "p");
  ASSERT_EQ(a.body.size(), 1u);
  EXPECT_EQ(a.body[0].number, 2u);
  EXPECT_EQ(a.body[0].text, long_line);
  const Article untitled = parse_article(long_line, "i", "p");
  EXPECT_FALSE(untitled.title.has_value()) << "a whole paragraph is not a title";
  EXPECT_EQ(untitled.body.size(), 1u);
}

TEST(ArticleParserRobust, InvalidUtf8DoesNotCrash) {
  const Article a = parse_article("제목\xEA\xB0\n\xFF\xFE 본문\n\xE2", "i", "p");
  EXPECT_LE(a.body.size(), 2u);
}

}  // namespace
}  // namespace kosearch
