#include "kosearch/article_parser.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace kosearch {
namespace {

// ---------------------------------------------------------------------------
// Data tables. Rules below are generic; these lists are what grows when an
// article from a new site leaks boilerplate.
// ---------------------------------------------------------------------------

struct PublisherAlias {
  std::string_view alias;      // as written in the text (ASCII compared case-insensitively)
  std::string_view canonical;  // the name stored in Article::source
};

// Major Korean publishers. Several brands share one canonical name.
constexpr PublisherAlias kPublishers[] = {
    {"조선일보", "조선일보"},       {"조선닷컴", "조선일보"},       {"조선비즈", "조선비즈"},
    {"TV조선", "TV조선"},           {"중앙일보", "중앙일보"},       {"동아일보", "동아일보"},
    {"동아닷컴", "동아일보"},       {"채널A", "채널A"},             {"한겨레", "한겨레"},
    {"경향신문", "경향신문"},       {"한국일보", "한국일보"},       {"국민일보", "국민일보"},
    {"세계일보", "세계일보"},       {"서울신문", "서울신문"},       {"문화일보", "문화일보"},
    {"한국경제", "한국경제"},       {"한국경제신문", "한국경제"},   {"한경닷컴", "한국경제"},
    {"한경", "한국경제"},           {"한국경제TV", "한국경제TV"},   {"매일경제", "매일경제"},
    {"매경", "매일경제"},           {"매일경제TV", "매일경제TV"},   {"MBN", "MBN"},
    {"서울경제", "서울경제"},       {"머니투데이", "머니투데이"},   {"이데일리", "이데일리"},
    {"아시아경제", "아시아경제"},   {"헤럴드경제", "헤럴드경제"},   {"파이낸셜뉴스", "파이낸셜뉴스"},
    {"전자신문", "전자신문"},       {"디지털타임스", "디지털타임스"}, {"연합뉴스", "연합뉴스"},
    {"연합뉴스TV", "연합뉴스TV"},   {"뉴시스", "뉴시스"},           {"뉴스1", "뉴스1"},
    {"노컷뉴스", "노컷뉴스"},       {"CBS노컷뉴스", "노컷뉴스"},    {"CBS", "CBS"},
    {"오마이뉴스", "오마이뉴스"},   {"KBS", "KBS"},                 {"MBC", "MBC"},
    {"SBS", "SBS"},                 {"SBS Biz", "SBS Biz"},         {"JTBC", "JTBC"},
    {"YTN", "YTN"},                 {"EBS", "EBS"},                 {"OBS", "OBS"},
    {"글로벌이코노믹", "글로벌이코노믹"}, {"g-enews", "글로벌이코노믹"}, {"ZDNet Korea", "ZDNet Korea"},
    {"지디넷코리아", "ZDNet Korea"}, {"블로터", "블로터"},          {"아이뉴스24", "아이뉴스24"},
    {"뉴스핌", "뉴스핌"},           {"이투데이", "이투데이"},       {"아주경제", "아주경제"},
    {"뉴데일리", "뉴데일리"},       {"데일리안", "데일리안"},       {"프레시안", "프레시안"},
    {"미디어오늘", "미디어오늘"},   {"시사IN", "시사IN"},           {"뉴스토마토", "뉴스토마토"},
    {"디지털데일리", "디지털데일리"}, {"비즈니스워치", "비즈니스워치"}, {"더벨", "더벨"},
    {"머니S", "머니S"},             {"부산일보", "부산일보"},       {"국제신문", "국제신문"},
    {"매일신문", "매일신문"},       {"영남일보", "영남일보"},       {"강원일보", "강원일보"},
    {"경기일보", "경기일보"},       {"코리아헤럴드", "코리아헤럴드"}, {"코리아타임스", "코리아타임스"},
};

// A one-word line ending like a media name is a masthead even when the
// publisher is not in the gazetteer (테크월드뉴스, 시사저널) ...
constexpr std::string_view kMastheadSuffixes[] = {
    "뉴스", "일보", "신문", "타임스", "저널", "미디어", "방송", "데일리", "투데이", "닷컴", "뉴스룸",
    "경제", "매거진", "tv", "news", "times", "daily",
};
// ... unless it heads a list of articles (많이본뉴스, 실시간뉴스): navigation.
constexpr std::string_view kNotMastheadPrefixes[] = {
    "많이", "주요", "최신", "인기", "관련", "실시간", "오늘의", "포토", "영상", "추천", "다른", "이전",
    "다음", "전체", "최근", "해외", "국내", "지역", "전국", "속보", "핫", "top",
};

// Words that, alone or together, make a line of site chrome (menus, share
// buttons, section names). Compared after ASCII lower-casing.
constexpr std::string_view kNavigationWords[] = {
    "닫기", "열기", "광고", "타이틀", "입력", "수정", "크게", "작게", "프린트", "인쇄", "메일",
    "이메일", "스크랩", "공유", "공유하기", "url", "줄이기", "복사", "링크복사", "페이스북",
    "트위터", "카카오톡", "카톡", "카카오스토리", "밴드", "네이버", "x", "라인", "위로가기",
    "맨위로", "top", "목록", "홈", "home", "검색", "메뉴", "전체메뉴", "로그인", "로그아웃",
    "회원가입", "구독", "구독하기", "댓글", "좋아요", "추천", "이전", "다음", "이전기사",
    "다음기사", "글자크기", "기사듣기", "듣기", "가", "가가", "본문", "서비스", "아티클",
    "프로그램", "핫클릭", "많이", "본", "뉴스", "기사", "주요뉴스", "인기기사", "최신기사",
    "랭킹", "섹션", "전체", "확대", "축소", "저장", "알림", "원문", "프로필", "응원하기",
    "팔로우", "기자페이지", "다른기사", "관련기사", "인기", "최신", "포토", "보기",
    "영상", "facebook", "twitter", "kakao", "print", "share", "menu", "search", "login",
    "advertisement", "ad",
    // section names, which sit alone above a title
    "정치", "경제", "사회", "국제", "세계", "문화", "스포츠", "연예", "오피니언", "사설",
    "칼럼", "산업", "금융", "증권", "부동산", "it", "과학", "생활", "라이프", "전국", "지역",
    "기획", "연재", "인터뷰", "속보", "단독",
};
constexpr std::string_view kNavigationSuffixes[] = {
    "바로가기", "더보기", "상세보기", "원문보기", "신문보기", "전체보기", "기사보기", "목록보기", "크게보기",
};
// Whole lines of site chrome that are sentences of ordinary words.
constexpr std::string_view kNavigationPhrases[] = {
    "이 기사를 공유합니다", "기자의 다른기사", "기자의 다른 기사", "SNS 기사보내기", "기사보내기",
    "글씨크기 조절하기", "이 기사를 추천합니다", "기사 추천", "본문 글씨 키우기", "본문 글씨 줄이기",
    "함께 볼만한 뉴스", "함께 보면 좋은 기사", "오늘의 주요뉴스",
};

struct DateLabel {
  std::string_view label;
  bool revision;  // a revision date is used only when no first-publication date exists
};
// Longer labels first so that 기사입력 is not read as 기사 + 입력.
constexpr DateLabel kDateLabels[] = {
    {"기사입력", false}, {"입력시간", false}, {"입력일", false},  {"입력", false},
    {"발행일", false},   {"발행", false},     {"등록일", false},  {"등록", false},
    {"게재일", false},   {"게재", false},     {"송고시간", false}, {"송고", false},
    {"작성일", false},   {"승인", false},     {"보도일", false},  {"날짜", false},
    {"최종수정", true},  {"기사수정", true},  {"수정일", true},   {"수정", true},
    {"업데이트", true},
};

// `label : value` lines of print/web-edit footers.
constexpr std::string_view kMetaLabels[] = {
    "본문자수", "글자수", "표/그림/사진 유무", "웹편집", "지면", "면수", "조회수", "조회",
    "태그", "키워드", "관련기사", "출처", "저작권자", "원문", "편집",
};
// `label : byline` lines.
constexpr std::string_view kBylineLabels[] = {"기고자", "작성자", "필자", "글쓴이", "기자", "글"};

// Credit words of a caption when followed by `=` (사진=로이터).
constexpr std::string_view kCaptionCreditWords[] = {
    "사진제공", "사진출처", "사진", "그래픽", "영상", "자료", "이미지", "일러스트",
    "캡처", "그림", "디자인", "제공",
};
// Words that, in brackets at the start of a line, label a caption ([그래픽] …).
constexpr std::string_view kCaptionBracketWords[] = {
    "사진", "그래픽", "인포그래픽", "표", "영상", "포토", "일러스트", "그림", "자료",
};
constexpr std::string_view kCaptionMarkers[] = {"확대보기", "크게보기"};

constexpr std::string_view kPromoPrefixes[] = {"※", "☞"};
// A line opening with an arrow is a promo when it also says one of these.
constexpr std::string_view kArrowPrefixes[] = {"▶", "▷", "►", "➤", "→", "☞"};
constexpr std::string_view kPromoPhrases[] = {
    "구독", "제보", "받아보기", "바로가기", "클릭", "채널 추가", "친구 추가", "친구추가", "다운로드",
    "뉴스레터", "무료", "이벤트", "관련기사", "관련 기사", "네이버에서", "네이버 메인", "카카오톡 채널",
    "텔레그램",
};
// Said only by promos, wherever they open.
constexpr std::string_view kStrongPromoPhrases[] = {
    "기사제보", "제보하기", "구독하기", "채널 추가하기", "지금 구독", "뉴스레터 구독",
};
// Picture agencies and credits: a line made only of these (and publishers) is a photo credit.
constexpr std::string_view kPictureCredits[] = {
    "로이터", "ap", "afp", "epa", "upi", "신화", "신화통신", "게티이미지", "게티이미지뱅크",
    "게티이미지코리아", "클립아트코리아", "셔터스톡", "픽사베이", "getty", "images", "블룸버그",
    "연합", "db", "뉴스1db", "제공", "사진", "자료사진", "ⓒ", "©",
};
constexpr std::string_view kCopyrightMarkers[] = {
    "무단전재", "무단 전재", "재배포 금지", "재배포금지", "copyright", "all rights reserved",
    "저작권자 ©", "저작권자©", "저작권자 ⓒ", "저작권자ⓒ", "저작권자(c)", "저작권자 (c)",
};
// A copyright sign counts only next to a publisher's name (ⓒⓞⓞⓛ is decoration).
constexpr std::string_view kCopyrightSigns[] = {"ⓒ", "©", "(c)", "(C)"};

// Role titles that end a byline: journalists (long bylines allowed) and
// outside contributors (only short bylines, they are also common nouns).
constexpr std::string_view kJournalistTitles[] = {
    "기자", "특파원", "선임기자", "전문기자", "수습기자", "객원기자", "인턴기자", "논설위원",
    "논설실장", "편집위원", "편집국장", "통신원", "칼럼니스트", "앵커", "리포터", "기상캐스터",
};
constexpr std::string_view kContributorTitles[] = {
    "매니저", "애널리스트", "연구원", "연구위원", "수석연구위원", "교수", "변호사", "회계사",
    "대표", "이사", "소장", "원장", "센터장", "전문위원", "박사", "작가", "평론가",
};
// Short words that sit before a title in a byline but are not names.
constexpr std::string_view kNonNameWords[] = {
    "인턴", "수습", "객원", "선임", "전문", "취재", "사진", "영상", "온라인", "디지털", "기획",
    "특별", "국제", "정치", "경제", "사회", "문화", "산업", "편집", "논설", "본지", "본사",
    "담당", "현지", "종합", "뉴스", "기자", "글", "정리", "대담",
};
// Name-like tokens ending in these are desks (사회부, 뉴스팀).
constexpr std::string_view kDeskSuffixes[] = {"부", "팀", "실", "데스크"};

// A line opening with one of these is a subheadline, never a byline.
constexpr std::string_view kSubheadMarkers[] = {"◇", "◆", "■", "□", "●", "○", "▶", "▷", "-", "–", "—", "·"};

constexpr std::size_t kMaxTitleChars = 200;
constexpr std::size_t kMaxBylineChars = 80;
constexpr std::size_t kMaxNavigationChars = 160;
constexpr std::size_t kMaxPublisherScanBytes = 600;

// ---------------------------------------------------------------------------
// UTF-8 helpers (input is valid UTF-8 by contract; stray bytes decode as
// U+FFFD one byte at a time rather than crash).
// ---------------------------------------------------------------------------

char32_t decode(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  const int extra = (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || s.size() - i <= static_cast<std::size_t>(extra)) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += extra + 1;
  return cp;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x3000 || c == 0x200B || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A);
}
bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Letters and digits that make up words; everything else is punctuation or decoration.
bool is_word_char(char32_t c) {
  return is_ascii_alnum(c) || is_hangul_syllable(c) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318E) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x3040 && c <= 0x30FF);
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    decode(s, i);
    ++n;
  }
  return n;
}

// The start of the code point that ends just before byte `end`.
std::size_t previous_start(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4) --start;
  return start;
}

// Cuts code points matching `drop` from both ends; scans only what it cuts.
template <typename Pred>
std::string_view trim_if(std::string_view s, Pred drop) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!drop(decode(s, next))) break;
    begin = next;
  }
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t start = previous_start(s, end);
    std::size_t at = start;
    if (start < begin || !drop(decode(s, at))) break;  // start < begin only in broken UTF-8
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::string_view trim(std::string_view s) { return trim_if(s, is_space); }

// True when `s` has more than `chars` code points; cheap on long lines.
bool longer_than(std::string_view s, std::size_t chars) {
  if (s.size() <= chars) return false;
  if (s.size() > 4 * chars) return true;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    decode(s, i);
    if (++n > chars) return true;
  }
  return false;
}

// Whitespace runs become one space; the key under which lines are compared.
std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = decode(s, i);
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t word_start = std::string_view::npos;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = decode(s, i);
    if (is_space(c)) {
      if (word_start != std::string_view::npos) words.push_back(s.substr(word_start, start - word_start));
      word_start = std::string_view::npos;
    } else if (word_start == std::string_view::npos) {
      word_start = start;
    }
  }
  if (word_start != std::string_view::npos) words.push_back(s.substr(word_start));
  return words;
}

// Drops decoration (▲, |, brackets, quotes …) around a word.
std::string_view strip_decoration(std::string_view s) {
  return trim_if(s, [](char32_t c) { return !is_word_char(c); });
}

// Words of a navigation line: menus separate items with spaces, |, / and ·.
std::vector<std::string_view> menu_items(std::string_view s) {
  std::vector<std::string_view> items;
  for (auto word : split_words(s)) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < word.size();) {
      const std::size_t at = i;
      const char32_t c = decode(word, i);
      if (c == '|' || c == '/' || c == 0xB7 || c == 0x318D) {
        if (at > start) items.push_back(word.substr(start, at - start));
        start = i;
      }
    }
    if (start < word.size()) items.push_back(word.substr(start));
  }
  return items;
}

bool has_word_char(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (is_word_char(decode(s, i))) return true;
  return false;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

template <std::size_t N>
bool contains(const std::string_view (&table)[N], std::string_view word) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

template <std::size_t N>
bool starts_with_one_of(std::string_view s, const std::string_view (&table)[N]) {
  return std::any_of(std::begin(table), std::end(table), [&](std::string_view p) { return s.starts_with(p); });
}

// The code point just before byte offset `pos` (0 when at the start).
char32_t previous_char(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t start = previous_start(s, pos);
  return decode(s, start);
}

char32_t char_at(std::string_view s, std::size_t pos) { return pos < s.size() ? decode(s, pos) : 0; }

// ---------------------------------------------------------------------------
// Publishers
// ---------------------------------------------------------------------------

// The canonical name of the publisher at `pos`, longest alias first; the alias
// must start a word and, when it ends in a Latin letter or digit, end one.
std::optional<std::pair<std::string_view, std::size_t>> publisher_at(std::string_view s, std::size_t pos) {
  if (is_word_char(previous_char(s, pos))) return std::nullopt;
  const PublisherAlias* best = nullptr;
  for (const auto& p : kPublishers) {
    if (!iequals_prefix(s.substr(pos), p.alias)) continue;
    const char last = p.alias.back();
    if (is_ascii_alnum(static_cast<unsigned char>(last)) && is_ascii_alnum(char_at(s, pos + p.alias.size())))
      continue;
    if (!best || p.alias.size() > best->alias.size()) best = &p;
  }
  if (!best) return std::nullopt;
  return std::make_pair(best->canonical, best->alias.size());
}

std::optional<std::string_view> find_publisher(std::string_view s) {
  s = s.substr(0, std::min(s.size(), kMaxPublisherScanBytes));
  for (std::size_t i = 0; i < s.size();) {
    if (auto hit = publisher_at(s, i)) return hit->first;
    decode(s, i);
  }
  return std::nullopt;
}

// A line that is nothing but a publisher's name (possibly decorated).
bool is_publisher_name(std::string_view s) {
  s = strip_decoration(s);
  if (s.empty()) return false;
  auto hit = publisher_at(s, 0);
  return hit && hit->second == s.size();
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

struct DatePrefix {
  std::string date;    // YYYY-MM-DD
  std::size_t length;  // bytes of `s` it spans
};

// A date written at the very start of `s`, if any.
std::optional<DatePrefix> date_at_start(std::string_view s) {
  std::size_t numeric_end = 0;
  while (numeric_end < s.size() && std::string_view("0123456789.-/").find(s[numeric_end]) != std::string_view::npos)
    ++numeric_end;
  if (numeric_end >= 8)
    if (auto date = parse_date(s.substr(0, numeric_end))) return DatePrefix{*date, numeric_end};
  // YYYY년 M월 D일 spans at most ~30 bytes of digits, spaces and unit syllables.
  const std::size_t day = s.substr(0, 32).find("일");
  if (day == std::string_view::npos) return std::nullopt;
  const std::size_t length = day + std::string_view("일").size();
  if (auto date = parse_date(s.substr(0, length))) return DatePrefix{*date, length};
  return std::nullopt;
}

// What may follow a date on a date-only line: 14:30, 오후, (화), 화요일, |.
bool is_time_or_weekday(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "오전", "오후", "am", "pm", "kst", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일",
      "월", "화", "수", "목", "금", "토", "일"};
  word = strip_decoration(word);
  if (word.empty() || contains(kWords, ascii_lower(word))) return true;
  return word.find_first_not_of("0123456789:.") == std::string_view::npos;
}

bool is_date_only(std::string_view s) {
  auto date = date_at_start(s);
  if (!date) return false;
  auto rest = split_words(s.substr(date->length));
  return std::all_of(rest.begin(), rest.end(), is_time_or_weekday);
}

// ---------------------------------------------------------------------------
// Line analysis
// ---------------------------------------------------------------------------

enum class Kind { body, blank, navigation, promo, meta, copyright, caption, byline, dateline, masthead };

struct LineInfo {
  Kind kind = Kind::body;
  std::optional<std::string> date;  // only from labelled lines
  bool revision_date = false;
  std::optional<std::string> author;
  std::string_view publisher_zone;  // where a publisher's name may be looked up
  std::string_view masthead_name;   // a masthead outside the gazetteer: the name as written
  int publisher_rank = -1;          // lower = more trustworthy; -1 = not eligible
};

// `label` at the start of `s` followed by a space, colon or the end; returns the rest.
std::optional<std::string_view> after_label(std::string_view s, std::string_view label) {
  if (!s.starts_with(label)) return std::nullopt;
  std::string_view rest = s.substr(label.size());
  if (!rest.empty()) {
    std::size_t i = 0;
    const char32_t c = decode(rest, i);
    if (!is_space(c) && c != ':' && c != 0xFF1A && c != '|' && !(c >= '0' && c <= '9')) return std::nullopt;
  }
  while (true) {
    rest = trim(rest);
    if (rest.starts_with(":") || rest.starts_with("|")) rest.remove_prefix(1);
    else if (rest.starts_with("：")) rest.remove_prefix(std::string_view("：").size());
    else break;
  }
  return rest;
}

// `label : value` with an explicit colon.
std::optional<std::string_view> labelled_value(std::string_view s, std::string_view label) {
  if (!s.starts_with(label)) return std::nullopt;
  std::string_view rest = trim(s.substr(label.size()));
  if (rest.starts_with(":")) return trim(rest.substr(1));
  if (rest.starts_with("：")) return trim(rest.substr(std::string_view("：").size()));
  return std::nullopt;
}

bool is_name(std::string_view word) {
  const std::size_t n = char_count(word);
  if (n < 2 || n > 4) return false;
  for (std::size_t i = 0; i < word.size();)
    if (!is_hangul_syllable(decode(word, i))) return false;
  if (contains(kNonNameWords, word) || is_publisher_name(word)) return false;
  if (n >= 3)
    for (auto suffix : kDeskSuffixes)
      if (word.ends_with(suffix)) return false;
  return true;
}

// Names among the words of a byline that precede its title: `서울=홍길동`
// gives the part after `=`; `홍길동·김철수` gives both.
void collect_names(std::string_view word, std::vector<std::string>& names) {
  if (auto eq = word.rfind('='); eq != std::string_view::npos) word = word.substr(eq + 1);
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    std::string_view piece = strip_decoration(word.substr(start, end - start));
    if (is_name(piece)) names.emplace_back(piece);
  };
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t at = i;
    const char32_t c = decode(word, i);
    if (c == 0xB7 || c == 0x318D || c == 0x30FB || c == ',' || c == '/' || c == 0x2027) {
      flush(at);
      start = i;
    }
  }
  flush(word.size());
}

bool has_sentence_punctuation(std::string_view word) {
  for (std::string_view p : {".", "?", "!", "\"", "“", "”", "‘", "’", "'", "~", "…", "^"})
    if (word.find(p) != std::string_view::npos) return true;
  return false;
}

bool is_email(std::string_view word) {
  word = strip_decoration(word);
  const std::size_t at = word.find('@');
  if (at == 0 || at == std::string_view::npos) return false;
  const std::string_view domain = word.substr(at + 1);
  const std::size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || domain.size() - dot < 3) return false;
  auto allowed = [](std::string_view part, std::string_view extra) {
    return std::all_of(part.begin(), part.end(), [&](char c) {
      return is_ascii_alnum(static_cast<unsigned char>(c)) || extra.find(c) != std::string_view::npos;
    });
  };
  return allowed(word.substr(0, at), "._%+-") && allowed(domain, ".-");
}

bool is_url(std::string_view word) {
  word = strip_decoration(word);
  return iequals_prefix(word, "http://") || iequals_prefix(word, "https://") || iequals_prefix(word, "www.");
}

struct Byline {
  std::optional<std::string> author;
};

// `홍길동 기자 hong@x.com`, `실리콘밸리=오로라 특파원`, `우건 매뉴라이프자산운용 매니저`.
std::optional<Byline> read_byline(std::string_view s) {
  s = trim(s);
  if (s.empty() || starts_with_one_of(s, kSubheadMarkers) || longer_than(s, kMaxBylineChars)) return std::nullopt;
  std::vector<std::string_view> words;
  bool had_email = false;
  for (auto word : split_words(s)) {
    if (is_email(word)) {
      had_email = true;
      continue;
    }
    if (is_url(word)) continue;
    if (has_sentence_punctuation(word) || word.find_first_of("-@#") != std::string_view::npos) return std::nullopt;
    if (auto w = strip_decoration(word); !w.empty()) words.push_back(word);
  }
  if (words.empty()) return had_email ? std::optional<Byline>(Byline{}) : std::nullopt;

  std::string_view last = strip_decoration(words.back());
  std::vector<std::string_view> before(words.begin(), words.end() - 1);
  bool is_byline = false;
  if (contains(kJournalistTitles, last)) {
    is_byline = words.size() <= 6;
  } else if (contains(kContributorTitles, last)) {
    is_byline = words.size() <= 4;
  } else {
    for (auto title : kJournalistTitles) {  // 홍길동기자: title written against the name
      if (words.size() <= 2 && last.size() > title.size() && last.ends_with(title) &&
          is_name(last.substr(0, last.size() - title.size()))) {
        before.push_back(last.substr(0, last.size() - title.size()));
        is_byline = true;
        break;
      }
    }
  }
  if (!is_byline) return std::nullopt;
  std::vector<std::string> names;
  for (auto word : before) collect_names(word, names);
  Byline byline;
  if (!names.empty()) {
    std::string joined;
    for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
    byline.author = std::move(joined);
  }
  return byline;
}

// `(서울=연합뉴스) 홍길동 기자 = 본문…`: the wire-service lead of a first paragraph.
struct Lead {
  std::string_view publisher_zone;
  std::optional<std::string> author;
  bool has_text_after = false;
};
std::optional<Lead> read_lead(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"(", ")"}, {"[", "]"}, {"【", "】"}, {"〔", "〕"}, {"（", "）"}};
  for (auto [open, close] : kBrackets) {
    if (!s.starts_with(open)) continue;
    const std::size_t end = s.find(close, open.size());
    if (end == std::string_view::npos || end > 60) return std::nullopt;
    std::string_view inside = s.substr(open.size(), end - open.size());
    std::string_view rest = trim(s.substr(end + close.size()));
    Lead lead;
    const std::size_t eq = inside.find('=');
    if (eq == std::string_view::npos) {  // [이데일리 홍길동 기자] 본문…
      auto byline = read_byline(inside);
      if (!byline) return std::nullopt;
      lead.publisher_zone = inside;
      lead.author = byline->author;
      lead.has_text_after = has_word_char(rest);
      return lead;
    }
    lead.publisher_zone = inside.substr(eq + 1);
    if (const std::size_t byline_end = rest.find('='); byline_end != std::string_view::npos && byline_end < 60) {
      if (auto byline = read_byline(rest.substr(0, byline_end))) {
        lead.author = byline->author;
        rest = trim(rest.substr(byline_end + 1));
      }
    }
    lead.has_text_after = has_word_char(rest);
    return lead;
  }
  return std::nullopt;
}

std::vector<std::string_view> split_on(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::optional<LineInfo> read_dateline(std::string_view s) {
  for (const auto& label : kDateLabels) {
    auto rest = after_label(s, label.label);
    if (!rest) continue;
    LineInfo info;
    if (rest->empty()) {  // a bare 입력/수정 left by a scraper
      info.kind = Kind::navigation;
      return info;
    }
    auto date = date_at_start(*rest);
    if (!date) return std::nullopt;  // 수정 사항은 …: a sentence, not a label
    info.kind = Kind::dateline;
    info.date = std::move(date->date);
    info.revision_date = label.revision;
    for (auto segment : split_on(s, '|')) {
      if (auto byline = read_byline(segment); byline && byline->author) {
        info.author = byline->author;
        info.publisher_zone = segment;
        info.publisher_rank = 1;
        break;
      }
    }
    return info;
  }
  if (is_date_only(s)) {  // an unlabelled date: dropped, not trusted
    LineInfo info;
    info.kind = Kind::dateline;
    return info;
  }
  return std::nullopt;
}

std::optional<LineInfo> read_label_line(std::string_view s) {
  for (auto label : kBylineLabels) {
    if (auto value = labelled_value(s, label)) {
      LineInfo info;
      info.kind = Kind::byline;
      if (auto byline = read_byline(*value)) info.author = byline->author;
      info.publisher_zone = s;
      info.publisher_rank = 1;
      return info;
    }
  }
  for (auto label : kMetaLabels) {
    if (labelled_value(s, label)) {
      LineInfo info;
      info.kind = Kind::meta;
      return info;
    }
  }
  return std::nullopt;
}

bool is_caption(std::string_view s) {
  for (auto marker : kCaptionMarkers)
    if (s.find(marker) != std::string_view::npos) return true;
  for (auto word : kCaptionCreditWords) {
    for (std::size_t pos = s.find(word); pos != std::string_view::npos; pos = s.find(word, pos + 1)) {
      if (is_word_char(previous_char(s, pos))) continue;
      std::size_t after = pos + word.size();
      while (after < s.size() && (s[after] == ' ' || s[after] == '\t')) ++after;
      const std::string_view rest = s.substr(after);
      if (rest.starts_with("=") || rest.starts_with("＝")) return true;
    }
  }
  for (auto open : {"[", "<", "〈", "【", "［", "("}) {
    if (!s.starts_with(open)) continue;
    std::string_view inside = trim(s.substr(std::string_view(open).size()));
    for (auto word : kCaptionBracketWords) {
      if (!inside.starts_with(word)) continue;
      std::string_view after = inside.substr(word.size());
      if (!after.empty() && !is_word_char(char_at(after, 0))) return true;
    }
  }
  return false;
}

bool is_credit_word(std::string_view word) {
  word = strip_decoration(word);
  return contains(kPictureCredits, ascii_lower(word)) || is_publisher_name(word);
}

// 로이터/연합뉴스, 게티이미지뱅크: a line of picture credits and nothing else.
bool is_credit_line(std::string_view s) {
  if (longer_than(s, 60)) return false;
  bool agency = false;
  for (auto item : menu_items(s)) {
    std::string_view word = strip_decoration(item);
    if (word.empty()) continue;
    // 로이터=뉴스1: credits joined by = or , are one menu item
    std::size_t start = 0;
    for (std::size_t i = 0; i <= word.size(); ++i) {
      if (i < word.size() && word[i] != '=' && word[i] != ',') continue;
      std::string_view part = strip_decoration(word.substr(start, i - start));
      start = i + 1;
      if (part.empty()) continue;
      if (!is_credit_word(part)) return false;
      if (!is_publisher_name(part)) agency = true;
    }
  }
  return agency;
}

// 서울 여의도의 모습. 2024.4.2/뉴스1 or … 전경. /삼성전자 제공 — a caption
// signed with its credit.
bool ends_with_credit(std::string_view s) {
  std::size_t tail = s.size() > 160 ? s.size() - 160 : 0;  // the credit is in the last two words
  while (tail > 0 && (static_cast<unsigned char>(s[tail]) & 0xC0) == 0x80) ++tail;
  auto words = split_words(s.substr(tail));
  if (words.empty()) return false;
  std::string_view last = words.back();
  if (words.size() >= 2 && strip_decoration(last) == "제공" && words[words.size() - 2].starts_with("/")) return true;
  if (const std::size_t slash = last.rfind('/'); slash != std::string_view::npos && slash + 1 < last.size())
    return is_credit_word(last.substr(slash + 1));
  if (words.size() >= 2 && strip_decoration(words[words.size() - 2]).empty() && words[words.size() - 2].ends_with("/"))
    return is_credit_word(last);
  return false;
}

bool is_copyright(std::string_view s) {
  const std::string lower = ascii_lower(s);
  for (auto marker : kCopyrightMarkers)
    if (lower.find(marker) != std::string::npos) return true;
  for (auto sign : kCopyrightSigns)
    if (s.find(sign) != std::string_view::npos && find_publisher(s)) return true;
  return false;
}

bool is_navigation_word(std::string_view word);

// Home > 검색목록 > 기사상세보기: spaced separators after a navigation word
// (가위>찍히면죽는다 and 기대->몰입 are prose).
bool is_breadcrumb(std::string_view s) {
  if (s.find('<') != std::string_view::npos || s.find("->") != std::string_view::npos) return false;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = decode(s, i);
    if (c != '>' && c != 0x203A && c != 0xBB && c != 0xFF1E) continue;
    if (!is_space(previous_char(s, at)) || !is_space(char_at(s, i))) return false;
    parts.push_back(trim(s.substr(start, at - start)));
    start = i;
  }
  parts.push_back(trim(s.substr(start)));
  if (parts.size() < 2 || !is_navigation_word(parts.front())) return false;
  return std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
    return !p.empty() && !longer_than(p, 20) && !has_sentence_punctuation(p);
  });
}

bool is_navigation_word(std::string_view word) {
  if (has_sentence_punctuation(word)) return false;  // 좋아요. is a sentence, 좋아요 a button
  word = strip_decoration(word);
  if (word.empty()) return true;
  if (contains(kNavigationWords, ascii_lower(word))) return true;
  for (auto suffix : kNavigationSuffixes)
    if (word.ends_with(suffix)) return true;
  return is_publisher_name(word);
}

bool is_navigation_phrase(std::string_view s) {
  if (longer_than(s, 40)) return false;  // the phrases are short
  const std::string folded = ascii_lower(fold(s));
  return std::any_of(std::begin(kNavigationPhrases), std::end(kNavigationPhrases),
                     [&](std::string_view phrase) { return folded == ascii_lower(phrase); });
}

bool is_hashtag_line(std::string_view s) {
  auto words = split_words(s);
  return !words.empty() && std::all_of(words.begin(), words.end(), [](std::string_view w) { return w.starts_with("#"); });
}

bool is_number(std::string_view word) {
  word = strip_decoration(word);
  return !word.empty() && word.find_first_not_of("0123456789,") == std::string_view::npos;
}

// Menus, share bars and pagers: navigation words, with counters and page
// numbers allowed beside them (댓글 0, 1 2 3 다음) but not alone (2024).
bool is_navigation(std::string_view s) {
  if (longer_than(s, kMaxNavigationChars)) return false;
  if (is_navigation_phrase(s) || is_hashtag_line(s)) return true;
  bool has_word = false;
  for (auto item : menu_items(s)) {
    if (is_number(item)) continue;
    if (!is_navigation_word(item)) return false;
    has_word = has_word || !strip_decoration(item).empty();
  }
  return has_word;
}

// 한국경제 | 한경닷컴: several names of the house and nothing else.
bool is_masthead(std::string_view s) {
  if (longer_than(s, kMaxNavigationChars)) return false;
  if (is_publisher_name(s)) return true;
  std::size_t names = 0;
  for (auto item : menu_items(s)) {
    if (strip_decoration(item).empty()) continue;
    if (!is_publisher_name(item)) return false;
    ++names;
  }
  return names > 0;
}

// A one-word line ending like a media name: a masthead outside the gazetteer
// (Kind::masthead) or an article-list heading (Kind::navigation).
std::optional<Kind> media_word_kind(std::string_view s) {
  const std::string_view name = strip_decoration(s);
  if (name.empty() || longer_than(name, 15) || !longer_than(name, 2)) return std::nullopt;
  for (std::size_t i = 0; i < name.size();)
    if (!is_word_char(decode(name, i))) return std::nullopt;
  const std::string lower = ascii_lower(name);
  for (auto suffix : kMastheadSuffixes) {
    if (!lower.ends_with(suffix) || lower.size() == suffix.size()) continue;
    const std::string_view prefix = std::string_view(lower).substr(0, lower.size() - suffix.size());
    if (is_navigation_word(prefix) || prefix.ends_with("본")) return Kind::navigation;
    for (auto not_masthead : kNotMastheadPrefixes)
      if (prefix.starts_with(not_masthead)) return Kind::navigation;
    return Kind::masthead;
  }
  return std::nullopt;
}

bool is_promo(std::string_view s) {
  if (starts_with_one_of(s, kPromoPrefixes)) return true;
  auto says = [&](std::string_view phrase) { return s.find(phrase) != std::string_view::npos; };
  if (starts_with_one_of(s, kArrowPrefixes) && std::any_of(std::begin(kPromoPhrases), std::end(kPromoPhrases), says))
    return true;
  return !longer_than(s, 100) && std::any_of(std::begin(kStrongPromoPhrases), std::end(kStrongPromoPhrases), says);
}

// A line of `kind` where a publisher's name may be looked up, trusted at
// `rank` (lower = more trustworthy).
LineInfo publisher_line(Kind kind, std::string_view zone, int rank) {
  LineInfo info;
  info.kind = kind;
  info.publisher_zone = zone;
  info.publisher_rank = rank;
  return info;
}

LineInfo line_of(Kind kind) {
  LineInfo info;
  info.kind = kind;
  return info;
}

LineInfo analyze_line(std::string_view raw) {
  const std::string_view s = trim(raw);
  if (s.empty()) return line_of(Kind::blank);
  if (!has_word_char(s)) return line_of(Kind::navigation);  // rules and ornaments: ----, ▲, |
  if (is_masthead(s)) return publisher_line(Kind::masthead, s, 0);
  if (auto kind = media_word_kind(s)) {
    LineInfo info = line_of(*kind);
    if (*kind == Kind::masthead) {
      info.masthead_name = strip_decoration(s);
      info.publisher_rank = 0;
    }
    return info;
  }
  if (auto dateline = read_dateline(s)) return *dateline;
  if (auto labelled = read_label_line(s)) return *labelled;
  if (is_caption(s) || is_credit_line(s) || ends_with_credit(s)) return line_of(Kind::caption);
  if (is_promo(s)) return publisher_line(Kind::promo, s, 2);
  if (is_breadcrumb(s) || is_navigation(s)) return publisher_line(Kind::navigation, s, 3);
  if (auto byline = read_byline(s)) {
    LineInfo info = publisher_line(Kind::byline, s, 1);
    info.author = byline->author;
    return info;
  }
  if (auto lead = read_lead(s)) {
    LineInfo info = publisher_line(lead->has_text_after ? Kind::body : Kind::dateline, lead->publisher_zone, 1);
    info.author = lead->author;
    return info;
  }
  if (!longer_than(s, 200) && is_copyright(s)) return publisher_line(Kind::copyright, s, 4);
  return line_of(Kind::body);
}

LineRole role_of(Kind kind) {
  switch (kind) {
    case Kind::body: return LineRole::body;
    case Kind::blank: return LineRole::blank;
    case Kind::caption: return LineRole::caption;
    case Kind::byline: return LineRole::byline;
    case Kind::dateline: return LineRole::dateline;
    case Kind::masthead: return LineRole::masthead;
    case Kind::navigation:
    case Kind::promo:
    case Kind::meta:
    case Kind::copyright: return LineRole::boilerplate;
  }
  return LineRole::boilerplate;
}

// ---------------------------------------------------------------------------
// Lines and front matter
// ---------------------------------------------------------------------------

struct SourceLine {
  std::uint32_t number;
  std::string_view text;  // without the line end
};

std::vector<SourceLine> split_lines(std::string_view text) {
  std::vector<SourceLine> lines;
  std::uint32_t number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back({++number, line});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

struct FrontMatter {
  std::optional<std::string> title, source, date, updated, author, url;
  std::uint32_t title_line = 0;
  std::size_t lines_used = 0;  // including both `---` lines; 0 when there is no header
};

bool is_fence(std::string_view line) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  return trim(line) == "---";
}

std::optional<std::pair<std::string, std::string>> header_entry(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view key = trim(line.substr(0, colon));
  if (key.empty()) return std::nullopt;
  for (char c : key)
    if (!is_ascii_alnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return std::nullopt;
  std::string_view value = trim(line.substr(colon + 1));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  return std::make_pair(ascii_lower(key), fold(value));
}

// A header counts only when it is closed and every line in it is `key: value`
// (or blank): a decorative `---` opening an article must not eat its text.
FrontMatter read_front_matter(const std::vector<SourceLine>& lines) {
  FrontMatter fm;
  if (lines.empty() || !is_fence(lines[0].text)) return fm;
  std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> entries;
  std::size_t close = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (is_fence(lines[i].text)) {
      close = i;
      break;
    }
    if (trim(lines[i].text).empty()) continue;
    auto entry = header_entry(lines[i].text);
    if (!entry) return fm;
    entries.emplace_back(i, std::move(*entry));
  }
  if (close == 0) return fm;
  fm.lines_used = close + 1;
  for (auto& [index, entry] : entries) {
    auto& [key, value] = entry;
    if (value.empty()) continue;
    if (key == "title") {
      fm.title = value;
      fm.title_line = lines[index].number;
    } else if (key == "source" || key == "publisher") {
      fm.source = value;
    } else if (key == "date") {
      fm.date = parse_date(value);  // an invalid header date is left to the heuristics
    } else if (key == "updated") {
      fm.updated = parse_date(value);
    } else if (key == "author") {
      fm.author = value;
    } else if (key == "url") {
      fm.url = value;
    }
  }
  return fm;
}

bool is_substantial(std::string_view folded) {
  std::size_t word_chars = 0;
  for (std::size_t i = 0; i < folded.size();)
    if (is_word_char(decode(folded, i))) ++word_chars;
  return word_chars >= 2 && longer_than(folded, 3);
}

// Metadata the heuristics found, best candidate per field.
struct Found {
  std::optional<std::string> date, revision_date, author;
  std::optional<std::string_view> source;
  int source_rank = 1 << 30;

  void add(const LineInfo& info) {
    if (info.date) {
      auto& slot = info.revision_date ? revision_date : date;
      if (!slot) slot = info.date;
    }
    if (info.author && !author) author = info.author;
    if (info.publisher_rank >= 0 && info.publisher_rank < source_rank) {
      auto name = find_publisher(info.publisher_zone);
      if (!name && !info.masthead_name.empty()) name = info.masthead_name;
      if (name) {
        source = name;
        source_rank = info.publisher_rank;
      }
    }
  }
};

}  // namespace

LineRole classify_line(std::string_view line) { return role_of(analyze_line(line).kind); }

Article parse_article(std::string_view text, std::string id, std::string path) {
  Article article;
  article.id = std::move(id);
  article.path = std::move(path);

  const auto lines = split_lines(text);
  const FrontMatter fm = read_front_matter(lines);

  Found found;
  std::vector<std::pair<const SourceLine*, std::string>> kept;  // body candidates with their fold
  for (std::size_t i = fm.lines_used; i < lines.size(); ++i) {
    const LineInfo info = analyze_line(lines[i].text);
    found.add(info);
    if (info.kind == Kind::body) kept.emplace_back(&lines[i], fold(lines[i].text));
  }

  // The title is the first substantial kept line, unless that line is too long
  // to be one (then the text has no title line).
  std::size_t title_index = kept.size();
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (!is_substantial(kept[i].second)) continue;
    if (!longer_than(kept[i].second, kMaxTitleChars)) title_index = i;
    break;
  }
  std::string title_key;
  if (fm.title) {
    article.title = fm.title;
    article.title_line = fm.title_line;
    title_key = *fm.title;
    if (title_index < kept.size() && kept[title_index].second == title_key)
      article.title_line = kept[title_index].first->number;
  } else if (title_index < kept.size()) {
    article.title = kept[title_index].second;
    article.title_line = kept[title_index].first->number;
    title_key = kept[title_index].second;
  }

  std::unordered_set<std::string> seen;
  if (!title_key.empty()) seen.insert(title_key);
  for (auto& [line, key] : kept) {
    if (!seen.insert(key).second) continue;
    article.body.push_back({line->number, std::string(line->text)});
  }

  article.source = fm.source ? fm.source : found.source ? std::optional<std::string>(*found.source) : std::nullopt;
  article.date = fm.date ? fm.date : found.date ? found.date : found.revision_date;
  article.updated = fm.updated;
  article.author = fm.author ? fm.author : found.author;
  article.url = fm.url;
  return article;
}

}  // namespace kosearch
