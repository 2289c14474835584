// The word lists of the article parser (its line rules, article_lines.h): publishers,
// site chrome, caption and promo words, date labels, byline titles. The rules
// in the parser are generic; these lists are what grows when an article from a
// new site leaks boilerplate or hides its metadata. Private to the library.
#pragma once

#include <string_view>

namespace kosearch::article_words {

struct PublisherAlias {
  std::string_view alias;      // as written in the text (ASCII compared case-insensitively)
  std::string_view canonical;  // the name stored in Article::source
};

// Major Korean publishers. Several brands share one canonical name.
inline constexpr PublisherAlias kPublishers[] = {
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
    // the names outlets write in their footers' web addresses (Copyright © etnews)
    {"chosun", "조선일보"},         {"joongang", "중앙일보"},       {"donga", "동아일보"},
    {"hankyung", "한국경제"},
    {"etnews", "전자신문"},         {"bloter", "블로터"},           {"yonhapnews", "연합뉴스"},
    {"newsis", "뉴시스"},           {"edaily", "이데일리"},         {"sedaily", "서울경제"},
    {"fnnews", "파이낸셜뉴스"},     {"asiae", "아시아경제"},        {"heraldcorp", "헤럴드경제"},
};

// A one-word line ending like a media name is a masthead even when the
// publisher is not in the gazetteer (테크월드뉴스, 시사저널) ...
inline constexpr std::string_view kMastheadSuffixes[] = {
    "뉴스", "일보", "신문", "타임스", "타임즈", "저널", "미디어", "방송", "데일리", "투데이", "닷컴", "뉴스룸",
    "경제", "매거진", "tv", "news", "times", "daily",
};
// ... unless it heads a list of articles (많이본뉴스, 실시간뉴스): navigation.
inline constexpr std::string_view kNotMastheadPrefixes[] = {
    "많이", "주요", "최신", "인기", "관련", "실시간", "오늘의", "포토", "영상", "추천", "다른", "이전",
    "다음", "전체", "최근", "해외", "국내", "지역", "전국", "속보", "핫", "top",
};

// Words that, alone or together, make a line of site chrome (menus, share
// buttons, section names). Compared after ASCII lower-casing.
inline constexpr std::string_view kNavigationWords[] = {
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
    "advertisement", "ad", "뉴스홈", "메인", "본문영역", "오늘의", "url복사", "링크", "요약", "요약봇", "ai", "pc버전", "pc",
    "앱", "설치", "번역", "english", "日本語", "中文", "읽어주기", "핫뉴스", "실시간", "stories", "sponsored",
    "뉴스레터", "기자", "댓글쓰기", "공감", "관련", "관련뉴스", "주요기사", "pick", "언론사", "위로", "훈훈해요",
    "슬퍼요", "화나요", "후속기사", "원해요", "추천해요", "응원해요", "놀랐어요", "기사추천", "전체기사", "전체뉴스", "기사목록", "로고", "logo", "daum", "naver", "nate", "네이트", "기사원문", "글자", "크기",
    "폰트", "북마크", "즐겨찾기", "sns", "카카오", "블로그", "텔레그램", "페이스북으로", "트위터로",
    // section names, which sit alone above a title
    "정치", "경제", "사회", "국제", "세계", "문화", "스포츠", "연예", "오피니언", "사설",
    "칼럼", "산업", "금융", "증권", "부동산", "it", "과학", "생활", "라이프", "전국", "지역",
    "기획", "연재", "인터뷰", "속보", "단독",
};
inline constexpr std::string_view kNavigationSuffixes[] = {
    "바로가기", "더보기", "상세보기", "원문보기", "신문보기", "전체보기", "기사보기", "목록보기", "크게보기",
    "보내기", "스크랩하기",
};
// Whole lines of site chrome that are sentences of ordinary words.
inline constexpr std::string_view kNavigationPhrases[] = {
    "이 기사를 공유합니다", "기자의 다른기사", "기자의 다른 기사", "SNS 기사보내기", "기사보내기",
    "글씨크기 조절하기", "이 기사를 추천합니다", "기사 추천", "본문 글씨 키우기", "본문 글씨 줄이기",
    "함께 볼만한 뉴스", "함께 보면 좋은 기사", "오늘의 주요뉴스", "이 시각 주요뉴스", "이 시각 많이 본 뉴스",
    "텍스트 음성 변환 서비스 사용하기",
};

// Date labels: a base word, optionally followed by one of kDateLabelSuffixes
// (입력 → 입력일, 입력일시, 입력시간), then an optional `:` or `|`, then the
// date — or the date first and the label after it (2025-01-15 09:30 송고).
// A revision date (수정, 업데이트) is stored as `updated`, never as the date.
// English labels are compared case-insensitively.
enum class DateRole { published, revised };
struct DateLabel {
  std::string_view label;
  DateRole role;
};
inline constexpr DateLabel kDateLabels[] = {
    {"기사입력", DateRole::published}, {"최초입력", DateRole::published}, {"입력", DateRole::published},
    {"기사등록", DateRole::published}, {"최초등록", DateRole::published}, {"등록", DateRole::published},
    {"승인", DateRole::published},     {"송고", DateRole::published},     {"발행", DateRole::published},
    {"게재", DateRole::published},     {"작성", DateRole::published},     {"보도", DateRole::published},
    {"출고", DateRole::published},     {"날짜", DateRole::published},
    {"first published", DateRole::published}, {"published", DateRole::published},
    {"posted", DateRole::published},   {"date", DateRole::published},
    {"최종수정", DateRole::revised},   {"최종 수정", DateRole::revised},  {"기사수정", DateRole::revised},
    {"수정", DateRole::revised},       {"최종업데이트", DateRole::revised}, {"최종 업데이트", DateRole::revised},
    {"업데이트", DateRole::revised},   {"갱신", DateRole::revised},
    {"last updated", DateRole::revised}, {"updated", DateRole::revised},
    {"last modified", DateRole::revised}, {"modified", DateRole::revised},
};
// Qualifiers before a label: 기사승인, 기사 입력, 최초 등록.
inline constexpr std::string_view kDateLabelQualifiers[] = {"기사", "최초"};
inline constexpr std::string_view kDateLabelSuffixes[] = {"일시", "일자", "시간", "시각", "날짜", "일"};
// Words allowed between an English label and its date (Published on …).
inline constexpr std::string_view kDateLabelLinkWords[] = {"on", "at"};

struct MonthName {
  std::string_view name;  // lower-case
  int month;
};
inline constexpr MonthName kMonthNames[] = {
    {"january", 1}, {"jan", 1},  {"february", 2}, {"feb", 2},  {"march", 3},    {"mar", 3},
    {"april", 4},   {"apr", 4},  {"may", 5},      {"june", 6}, {"jun", 6},      {"july", 7},
    {"jul", 7},     {"august", 8}, {"aug", 8},    {"september", 9}, {"sept", 9}, {"sep", 9},
    {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
};

// What may follow a date as its time of day or weekday: 오전 9:30, (수), 9시 30분, KST.
inline constexpr std::string_view kTimeWords[] = {
    "오전", "오후", "새벽", "am", "pm", "a.m", "p.m", "kst", "utc", "gmt", "기준", "at",
    "월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일",
    "월", "화", "수", "목", "금", "토", "일", "月", "火", "水", "木", "金", "土", "日",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};
inline constexpr std::string_view kTimeUnits[] = {"시", "분", "초", "am", "pm"};

// Words of a site's registration footer (등록일 : 2010.05.01 | 발행인 : …): a
// date on such a line is the outlet's, not the article's.
inline constexpr std::string_view kPublisherInfoWords[] = {
    "등록번호", "발행인", "편집인", "발행·편집인", "사업자", "청소년보호", "주소", "전화", "대표전화", "팩스",
};

// Endings of a Korean predicate: a text segment with one is a sentence,
// never a label's value (입력 2025.01.15 이후 신청을 받는다).
inline constexpr std::string_view kPredicateEndings[] = {"다", "요", "까", "죠"};

// `label : value` lines of print/web-edit footers.
inline constexpr std::string_view kMetaLabels[] = {
    "본문자수", "글자수", "표/그림/사진 유무", "웹편집", "지면", "면수", "조회수", "조회",
    "태그", "키워드", "관련기사", "출처", "저작권자", "원문", "편집",
};
// `label : byline` lines.
inline constexpr std::string_view kBylineLabels[] = {"기고자", "작성자", "필자", "글쓴이", "기자명", "기자", "글"};

// Credit words of a caption when followed by `=` (사진=로이터).
inline constexpr std::string_view kCaptionCreditWords[] = {
    "사진제공", "사진출처", "사진", "그래픽", "영상", "자료", "이미지", "일러스트",
    "캡처", "그림", "디자인", "제공",
};
// Roles credited for pictures and video (사진 홍길동 기자, 영상편집:김철수): a
// line of them is a caption's credit, not the article's byline.
inline constexpr std::string_view kMediaCreditRoles[] = {
    "사진", "사진기자", "영상", "영상취재", "영상편집", "영상디자인", "촬영", "촬영기자", "그래픽", "편집",
    "디자인", "일러스트", "CG",
};
// Words that, in brackets at the start of a line, label a caption ([그래픽] …).
inline constexpr std::string_view kCaptionBracketWords[] = {
    "사진", "그래픽", "인포그래픽", "표", "영상", "포토", "일러스트", "그림", "자료",
};
inline constexpr std::string_view kCaptionMarkers[] = {"확대보기", "크게보기"};

inline constexpr std::string_view kPromoPrefixes[] = {"※", "☞"};
// A line opening with an arrow is a promo when it also says one of these.
inline constexpr std::string_view kArrowPrefixes[] = {"▶", "▷", "►", "➤", "→", "☞"};
inline constexpr std::string_view kPromoPhrases[] = {
    "구독", "제보", "받아보기", "바로가기", "클릭", "채널 추가", "친구 추가", "친구추가", "다운로드",
    "뉴스레터", "무료", "이벤트", "관련기사", "관련 기사", "네이버에서", "네이버 메인", "카카오톡 채널",
    "텔레그램",
};
// Said only by promos, wherever they open.
inline constexpr std::string_view kStrongPromoPhrases[] = {
    "기사제보", "제보하기", "구독하기", "채널 추가하기", "지금 구독", "뉴스레터 구독",
};
// Picture agencies and credits: a line made only of these (and publishers) is a photo credit.
inline constexpr std::string_view kPictureCredits[] = {
    "로이터", "ap", "afp", "epa", "upi", "신화", "신화통신", "게티이미지", "게티이미지뱅크",
    "게티이미지코리아", "클립아트코리아", "셔터스톡", "픽사베이", "getty", "images", "블룸버그",
    "연합", "db", "뉴스1db", "제공", "사진", "자료사진", "ⓒ", "©",
};
inline constexpr std::string_view kCopyrightMarkers[] = {
    "무단전재", "무단 전재", "재배포 금지", "재배포금지", "copyright", "all rights reserved",
    "저작권자 ©", "저작권자©", "저작권자 ⓒ", "저작권자ⓒ", "저작권자(c)", "저작권자 (c)",
};
// A copyright sign counts only next to a publisher's name (ⓒⓞⓞⓛ is decoration).
inline constexpr std::string_view kCopyrightSigns[] = {"ⓒ", "©", "Ⓒ", "(c)", "(C)"};
// Words that open a copyright footer (Copyright © X, 저작권자 ⓒ X); whole words,
// ASCII compared case-insensitively.
inline constexpr std::string_view kCopyrightWords[] = {"copyrights", "copyright", "저작권자", "저작권"};
// Brackets a footer may sit in: <저작권자(c) 연합뉴스, 무단 전재-재배포 금지>.
inline constexpr std::string_view kFooterBrackets[] = {"<", "＜", "〈", "《", "[", "【", "［", "("};
// Where the holder's name in a footer ends (compared after ASCII lower-casing).
inline constexpr std::string_view kHolderStops[] = {
    ",", "，", "&", "＆", "(", "（", "<", ">", "〉", "》", "[", "]", "】", "］", "|", ":", " - ", " – ", " — ",
    "무단", "재배포", "all rights", "www.", "http", "/", ". ", "。",
};
// Marks that may open a footer line before its copyright sign: ※ 저작권자 ⓒ X.
inline constexpr std::string_view kFooterLeadMarks[] = {"※", "*", "■", "□", "◆", "◇", "●", "○", "▶", "▷", "-", "–", "—", "|", "·"};
// Company forms before a holder's name: ⓒ (주)예시일보.
inline constexpr std::string_view kCompanyPrefixes[] = {"(주)", "㈜", "주식회사", "(株)"};
// Quote marks: a line opening with one is quoted text, never a footer.
inline constexpr std::string_view kQuoteMarks[] = {"\"", "'", "“", "”", "‘", "’", "「", "『", "«"};

// Role titles that end a byline: journalists (long bylines allowed) and
// outside contributors (only short bylines, they are also common nouns).
inline constexpr std::string_view kJournalistTitles[] = {
    "기자", "특파원", "선임기자", "전문기자", "수습기자", "객원기자", "인턴기자", "논설위원",
    "논설실장", "편집위원", "편집국장", "통신원", "칼럼니스트", "앵커", "리포터", "기상캐스터",
};
inline constexpr std::string_view kContributorTitles[] = {
    "매니저", "애널리스트", "연구원", "연구위원", "수석연구위원", "교수", "변호사", "회계사",
    "대표", "이사", "소장", "원장", "센터장", "전문위원", "박사", "작가", "평론가",
};
// `글 홍길동`, `작성자 홍길동`: a writing credit before the name, no title after it.
inline constexpr std::string_view kWritingCreditLabels[] = {
    "글·사진", "글ㆍ사진", "글・사진", "글/사진", "사진·글", "사진ㆍ글", "글", "작성자", "기자명", "글쓴이", "필자",
};
// Korean family names: a name with no title after it (글 홍길동) must start
// with one, so that 글 쓰기 is not a byline. Two-syllable names first.
inline constexpr std::string_view kSurnames[] = {
    "남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방",
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안",
    "송", "전", "홍", "유", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽",
    "성", "차", "주", "우", "구", "민", "류", "나", "진", "지", "엄", "채", "원", "천", "방", "공",
    "현", "함", "변", "염", "여", "추", "도", "소", "석", "선", "설", "마", "길", "연", "위", "표",
    "명", "기", "반", "라", "왕", "금", "옥", "육", "인", "맹", "제", "모", "탁", "국", "어", "은",
    "편", "용", "예", "경", "봉", "사", "부", "가", "복", "태", "목", "형", "피", "두", "감", "음",
    "빈", "동", "온", "호", "범", "좌", "팽", "승", "간", "상", "시", "갈", "단", "견", "당",
    "로", "려", "운", "묵", "계", "독", "순", "화", "즙", "종",
};

// Short words that sit before a title in a byline but are not names.
inline constexpr std::string_view kNonNameWords[] = {
    "인턴", "수습", "객원", "선임", "전문", "취재", "사진", "영상", "온라인", "디지털", "기획",
    "특별", "국제", "정치", "경제", "사회", "문화", "산업", "편집", "논설", "본지", "본사",
    "담당", "현지", "종합", "뉴스", "기자", "글", "정리", "대담", "기자명", "작성자", "필자",
};
// Name-like tokens ending in these are desks (사회부, 뉴스팀).
inline constexpr std::string_view kDeskSuffixes[] = {"부", "팀", "실", "데스크"};

// A line opening with one of these is a subheadline, never a byline.
inline constexpr std::string_view kSubheadMarkers[] = {"◇", "◆", "■", "□", "●", "○", "▶", "▷", "-", "–", "—", "·"};

}  // namespace kosearch::article_words
