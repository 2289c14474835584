#include "article_lines.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article_dates.h"
#include "article_text.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_dates;
using namespace article_words;  // the word lists, kept apart from the rules

namespace {

// ---------------------------------------------------------------------------
// Limits. The rules below read short lines (menus, bylines, footers); past
// these lengths a line is prose whatever words it holds, so a sentence that
// mentions 기자 or © stays body text. Chars are code points (one per Hangul
// syllable); Bytes bound a search in UTF-8, where a syllable takes 3.
// ---------------------------------------------------------------------------

// Names and bylines.
constexpr std::size_t kMinNameChars = 2;         // Korean names: 2 to 4 syllables (이산, 홍길동, 남궁민수)
constexpr std::size_t kMaxNameChars = 4;
constexpr std::size_t kMaxPersonNameChars = 3;   // 홍길동; a 4-syllable word is rather a name of a house
constexpr std::size_t kMinDeskChars = 3;         // a field and its suffix (사회부, 편집팀); 2 syllables may be a name
constexpr std::size_t kMaxBylineChars = 80;      // names, desk, title and e-mail: 신민철 글로벌이코노믹 기자 shincm@…
constexpr std::size_t kMaxJournalistBylineWords = 6;   // 서울=홍길동 김철수 이영희 기자
constexpr std::size_t kMaxContributorBylineWords = 4;  // contributor titles are also common nouns
constexpr std::size_t kMaxGluedBylineWords = 2;        // 홍길동기자, with at most one word before it
constexpr std::size_t kMaxWritingCreditWords = 3;      // 글 홍길동, 글·사진 홍길동 김철수

// Wire datelines and leads: (서울=연합뉴스) 홍길동 기자 = 본문…
constexpr std::size_t kMaxLeadBracketBytes = 60;  // (서울=연합뉴스), [이데일리 홍길동 기자]: 20 syllables
constexpr std::size_t kMaxLeadBylineBytes = 60;   // 홍길동 기자 = …: the `=` comes early in the paragraph
constexpr std::size_t kMaxPlaceChars = 12;        // 서울, 베이징, 실리콘밸리 in (서울=연합뉴스)
constexpr std::size_t kMaxPlaceWords = 2;         // 서울, New York; a longer bracket is a phrase

// Publishers.
constexpr std::size_t kMinMediaWordChars = 3;       // 뉴스 alone is a section, 테크뉴스 a masthead
constexpr std::size_t kMaxMediaWordChars = 15;      // a longer word ending in 뉴스 is a compound of prose
constexpr std::size_t kMaxPublisherNameChars = 20;  // a publisher named by a footer or wire dateline
constexpr std::size_t kMaxPublisherNameWords = 4;   // 세계일보, The Korea Herald; more is a slogan or sentence
// A listed publisher is looked up in the first 600 bytes (200 syllables, the
// longest footer) of a line; that bounds the gazetteer scan of a long line.
constexpr std::size_t kMaxPublisherScanBytes = 600;

// Boilerplate: navigation, captions, promos, footers, datelines.
constexpr std::size_t kMaxNavigationChars = 160;        // menus, share bars, mastheads
constexpr std::size_t kMaxNavigationPhraseChars = 40;   // the longest listed phrase, and a link's label
constexpr std::size_t kMaxBreadcrumbItemChars = 20;     // Home > 검색목록 > 기사상세보기
constexpr std::size_t kMinBreadcrumbItems = 2;          // one item alone is no trail
constexpr std::size_t kMaxCreditLineChars = 60;         // 로이터/연합뉴스
constexpr std::size_t kCreditTailBytes = 160;           // a caption's credit is in its last two words
constexpr std::size_t kMaxPromoChars = 100;             // a strong promo phrase in a longer line is prose
constexpr std::size_t kMaxCopyrightChars = 200;         // ⓒ X & x.com, 무단전재 및 재배포 금지 … and the holder
constexpr std::size_t kMaxDatelineChars = 120;          // 입력 … | 수정 … | 홍길동 기자 hong@…

// ---------------------------------------------------------------------------
// Publishers
// ---------------------------------------------------------------------------

// The canonical name of the publisher at `pos`, longest alias first; the alias
// must start a word and, when it ends in a Latin letter or digit, end one.
std::optional<std::pair<std::string_view, std::size_t>> publisher_at(std::string_view s, std::size_t pos) {
  if (is_word_char(previous_char(s, pos))) return std::nullopt;
  const PublisherAlias* best = nullptr;
  for (const auto& p : kPublishers) {
    if (!starts_with_ascii_ci(s.substr(pos), p.alias)) continue;
    const char last = p.alias.back();
    if (is_ascii_alnum(static_cast<unsigned char>(last)) && is_ascii_alnum(char_at(s, pos + p.alias.size())))
      continue;
    if (!best || p.alias.size() > best->alias.size()) best = &p;
  }
  if (!best) return std::nullopt;
  return std::make_pair(best->canonical, best->alias.size());
}

// A line that is nothing but a publisher's name (possibly decorated).
bool is_publisher_name(std::string_view s) {
  s = strip_decoration(s);
  if (s.empty()) return false;
  auto hit = publisher_at(s, 0);
  return hit && hit->second == s.size();
}

// A one-word media name (예시일보) or an article-list heading (많이본뉴스);
// defined with the navigation rules, which it shares (a heading's first part
// is a navigation word).
enum class MediaWord { masthead, list_heading };
std::optional<MediaWord> media_word_kind(std::string_view s);
bool is_navigation_word(std::string_view word);

// A name a site goes by: a listed publisher or a word named like a media
// outlet (예시일보).
bool names_a_house(std::string_view s) { return is_publisher_name(s) || media_word_kind(s) == MediaWord::masthead; }

// ---------------------------------------------------------------------------
// Words: sentences, names, addresses
// ---------------------------------------------------------------------------

// A Korean predicate among the words (했다, 받는다, 합니다): a sentence.
bool is_sentence_like(std::string_view s) {
  for (auto word : split_words(s)) {
    const std::string_view w = strip_decoration(word);
    for (auto ending : kPredicateEndings)
      if (w.size() > ending.size() && w.ends_with(ending)) return true;
  }
  return false;
}

bool is_name(std::string_view word) {
  const std::size_t n = code_point_count(word);
  if (n < kMinNameChars || n > kMaxNameChars) return false;
  for (std::size_t i = 0; i < word.size();)
    if (!is_hangul_syllable(decode(word, i))) return false;
  if (contains(kNonNameWords, word) || is_publisher_name(word)) return false;
  if (n >= kMinDeskChars)
    for (auto suffix : kDeskSuffixes)
      if (word.ends_with(suffix)) return false;
  return true;
}

// Marks that join names in one byline word: 홍길동·김철수 (the middle dot is
// also typed as ㆍ, ・ or ‧), 홍길동,김철수, 홍길동/김철수.
bool is_name_joiner(char32_t c) {
  return c == U'·' || c == U'ㆍ' || c == U'・' || c == U'‧' || c == ',' || c == '/';
}

// The pieces of a byline word that may be names: `서울=홍길동` gives the part
// after `=`; `홍길동·김철수` gives both.
std::vector<std::string_view> name_pieces(std::string_view word) {
  if (auto eq = word.rfind('='); eq != std::string_view::npos) word = word.substr(eq + 1);
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= word.size();) {
    const std::size_t at = i;
    const char32_t c = i < word.size() ? decode(word, i) : (++i, 0);
    if (at == word.size() || is_name_joiner(c)) {
      pieces.push_back(strip_decoration(word.substr(start, at - start)));
      start = i;
    }
  }
  return pieces;
}

void collect_names(std::string_view word, std::vector<std::string>& names) {
  for (auto piece : name_pieces(word))
    if (is_name(piece)) names.emplace_back(piece);
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
  return starts_with_ascii_ci(word, "http://") || starts_with_ascii_ci(word, "https://") || starts_with_ascii_ci(word, "www.");
}

// ---------------------------------------------------------------------------
// Bylines: 홍길동 기자 hong@example.com
// ---------------------------------------------------------------------------

struct Byline {
  std::optional<std::string> author;
  std::string publisher;  // a media name among the words before the title (홍길동 예시일보 기자)
};

// The words of a byline; brackets split words, so that 기자(hong@example.com)
// is a title and an e-mail address.
std::vector<std::string_view> byline_words(std::string_view s) {
  std::vector<std::string_view> words;
  for (auto word : split_words(s)) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= word.size(); ++i) {
      if (i < word.size() && std::string_view("()<>[]").find(word[i]) == std::string_view::npos) continue;
      if (i > start) words.push_back(word.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

// The words of a byline that may name someone: e-mail and web addresses
// dropped (a line of them alone is still a byline); none when a word belongs
// to a sentence (punctuation, -, @, #).
struct BylineWords {
  std::vector<std::string_view> words;
  bool had_email = false;
};
std::optional<BylineWords> byline_name_words(std::string_view s) {
  BylineWords result;
  for (auto word : byline_words(s)) {
    if (is_email(word)) {
      result.had_email = true;
      continue;
    }
    if (is_url(word)) continue;
    if (has_sentence_punctuation(word) || word.find_first_of("-@#") != std::string_view::npos) return std::nullopt;
    if (auto w = strip_decoration(word); !w.empty()) result.words.push_back(word);
  }
  return result;
}

// The words before a byline's title (기자, 특파원, 교수 …), or none when the
// words end in no title or are too many for a byline.
struct BeforeTitle {
  std::vector<std::string_view> words;
  bool contributor = false;  // a contributor's title (교수, 변호사): also a common noun
};
std::optional<BeforeTitle> words_before_title(const std::vector<std::string_view>& words) {
  const std::string_view last = strip_decoration(words.back());
  BeforeTitle before{{words.begin(), words.end() - 1}, false};
  if (contains(kJournalistTitles, last)) {
    if (words.size() <= kMaxJournalistBylineWords) return before;
    return std::nullopt;
  }
  if (contains(kContributorTitles, last)) {
    before.contributor = true;
    if (words.size() <= kMaxContributorBylineWords) return before;
    return std::nullopt;
  }
  for (auto title : kJournalistTitles) {  // 홍길동기자: title written against the name
    if (words.size() <= kMaxGluedBylineWords && last.size() > title.size() && last.ends_with(title) &&
        is_name(last.substr(0, last.size() - title.size()))) {
      before.words.push_back(last.substr(0, last.size() - title.size()));
      return before;
    }
  }
  return std::nullopt;
}

// The names among the words before a byline's title, and the house a word
// names (홍길동 예시일보 기자, [예시뉴스=홍길동 기자]) into `byline.publisher`.
std::vector<std::string> byline_names(const std::vector<std::string_view>& before, Byline& byline) {
  std::vector<std::string> names;
  for (auto word : before) {
    const std::string_view bare = strip_decoration(word);
    if (media_word_kind(bare) == MediaWord::masthead) {  // 홍길동 예시일보 기자: a desk, not a name
      if (byline.publisher.empty()) byline.publisher = bare;
      continue;
    }
    // [예시뉴스=홍길동 기자]: the house before `=`, where wire bylines put the place
    if (const std::size_t eq = bare.find('='); eq != std::string_view::npos && byline.publisher.empty()) {
      const std::string_view house = strip_decoration(bare.substr(0, eq));
      if (media_word_kind(house) == MediaWord::masthead) byline.publisher = house;
    }
    collect_names(word, names);
  }
  return names;
}

// `홍길동 기자 hong@x.com`, `실리콘밸리=오로라 특파원`, `우건 매뉴라이프자산운용 매니저`.
std::optional<Byline> read_byline(std::string_view s) {
  s = trim(s);
  if (s.empty() || starts_with_one_of(s, kSubheadMarkers) || longer_than(s, kMaxBylineChars)) return std::nullopt;
  const auto name_words = byline_name_words(s);
  if (!name_words) return std::nullopt;
  if (name_words->words.empty()) return name_words->had_email ? std::optional<Byline>(Byline{}) : std::nullopt;
  const auto before = words_before_title(name_words->words);
  if (!before) return std::nullopt;
  Byline byline;
  std::vector<std::string> names = byline_names(before->words, byline);
  // 홍길동 예시대 의대 교수: a contributor's name comes first, the affiliation
  // after it; and contributor titles are common nouns (입만 변호사 is no byline).
  if (before->contributor && !names.empty()) {
    if (names.front() != strip_decoration(before->words.front()) || !starts_with_one_of(names.front(), kSurnames))
      return std::nullopt;
    names.resize(1);
  }
  if (!names.empty()) {
    std::string joined;
    for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
    byline.author = std::move(joined);
  }
  return byline;
}

// ---------------------------------------------------------------------------
// Wire leads: (서울=연합뉴스) 홍길동 기자 = 본문…
// ---------------------------------------------------------------------------

// `(서울=연합뉴스) 홍길동 기자 = 본문…`: the wire-service lead of a first paragraph.
struct Lead {
  std::string_view publisher_zone;
  std::string publisher_name;  // the agency after `=` when it is not a listed publisher
  std::optional<std::string> author;
  bool has_text_after = false;
};

// A name as a footer or dateline writes it: a few words, no sentence, no
// credit line (로이터=뉴스1), no photo agency, no web address.
bool is_publisher_shaped(std::string_view name) {
  name = strip_decoration(name);
  if (name.empty() || longer_than(name, kMaxPublisherNameChars)) return false;
  const auto words = split_words(name);
  if (words.size() > kMaxPublisherNameWords || has_sentence_punctuation(name) || is_sentence_like(name)) return false;
  if (name.find_first_of("=/@:") != std::string_view::npos || is_url(name)) return false;
  if (is_publisher_name(name)) return true;
  return std::none_of(words.begin(), words.end(), [](std::string_view w) {
    const std::string lower = ascii_lower(strip_decoration(w));
    return contains(kPictureCredits, lower) || contains(kNavigationWords, lower);
  });
}

// The place of a wire dateline: 서울, 베이징, 실리콘밸리, New York.
bool is_place(std::string_view place) {
  place = trim(place);
  if (place.empty() || longer_than(place, kMaxPlaceChars) || split_words(place).size() > kMaxPlaceWords) return false;
  for (std::size_t i = 0; i < place.size();) {
    const char32_t c = decode(place, i);
    if (!is_word_char(c) && !is_space(c)) return false;
    if (c >= '0' && c <= '9') return false;  // (1=매우 그렇다) is a scale
  }
  return true;
}

// `홍길동 기자 = 본문…` without a bracketed dateline before it.
std::optional<Lead> read_byline_lead(std::string_view s) {
  for (std::size_t eq = s.find('='); eq != std::string_view::npos && eq < kMaxLeadBylineBytes; eq = s.find('=', eq + 1)) {
    auto byline = read_byline(s.substr(0, eq));
    if (!byline || !byline->author) continue;
    Lead lead;
    lead.publisher_zone = s.substr(0, eq);
    lead.publisher_name = byline->publisher;
    lead.author = byline->author;
    lead.has_text_after = has_word_char(s.substr(eq + 1));
    return lead;
  }
  return std::nullopt;
}

// [파이낸셜뉴스] 본문…, [이데일리 홍길동 기자] 본문…: a bracket naming the
// house or the byline, without a place.
std::optional<Lead> read_house_bracket(std::string_view inside, std::string_view rest) {
  Lead lead;
  if (names_a_house(inside)) {  // [파이낸셜뉴스] 본문…
    lead.publisher_zone = inside;
    if (!is_publisher_name(inside)) lead.publisher_name = strip_decoration(inside);
    lead.has_text_after = has_word_char(rest);
    return lead;
  }
  auto byline = read_byline(inside);
  if (!byline) return std::nullopt;
  lead.publisher_zone = inside;
  lead.publisher_name = byline->publisher;
  lead.author = byline->author;
  lead.has_text_after = has_word_char(rest);
  return lead;
}

// Who a wire bracket names after `=` (its byte `eq` in `inside`): a
// reporter ([세종=이데일리 홍길동 기자]), a listed agency (looked up in the
// zone) or an unlisted one, one word after a place ((서울=예시통신)).
void read_wire_house(std::string_view inside, std::size_t eq, Lead& lead) {
  lead.publisher_zone = inside.substr(eq + 1);
  const std::string_view left = trim(inside.substr(0, eq));
  if (auto byline = read_byline(lead.publisher_zone); byline && byline->author) {  // [세종=이데일리 홍길동 기자]
    lead.author = byline->author;
    lead.publisher_name = byline->publisher;
    // [헤럴드경제=홍길동 기자]: the house before `=`, where wires put the place
    if (names_a_house(left)) {
      lead.publisher_zone = left;
      lead.publisher_name = is_publisher_name(left) ? std::string_view{} : strip_decoration(left);
    }
  } else if (!find_publisher(lead.publisher_zone) && is_place(inside.substr(0, eq)) &&
      split_words(lead.publisher_zone).size() == 1 && is_publisher_shaped(lead.publisher_zone) && !byline)
    lead.publisher_name = strip_decoration(lead.publisher_zone);
}

// (서울=연합뉴스) 홍길동 기자 = 본문…: a wire bracket with its place, then
// perhaps a byline up to `=`. `glued`: a Hangul syllable follows the bracket
// unspaced.
std::optional<Lead> read_wire_bracket(std::string_view inside, std::string_view rest, bool glued) {
  Lead lead;
  read_wire_house(inside, inside.find('='), lead);
  bool byline_follows = false;
  if (const std::size_t byline_end = rest.find('='); byline_end != std::string_view::npos && byline_end < kMaxLeadBylineBytes) {
    if (auto byline = read_byline(rest.substr(0, byline_end))) {
      lead.author = byline->author;
      rest = trim(rest.substr(byline_end + 1));
      byline_follows = true;
    }
  }
  // (서울=연합뉴스)라는 표기: a particle glued to the bracket quotes it; only a
  // byline may follow it unspaced ([서울=뉴시스]홍길동 기자 =).
  if (glued && !byline_follows) return std::nullopt;
  lead.has_text_after = has_word_char(rest);
  return lead;
}

std::optional<Lead> read_lead(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"(", ")"}, {"[", "]"}, {"【", "】"}, {"〔", "〕"}, {"（", "）"}};
  for (auto [open, close] : kBrackets) {
    if (!s.starts_with(open)) continue;
    const std::size_t end = s.find(close, open.size());
    if (end == std::string_view::npos || end > kMaxLeadBracketBytes) return std::nullopt;
    const std::string_view inside = s.substr(open.size(), end - open.size());
    const std::string_view rest = trim(s.substr(end + close.size()));
    if (inside.find('=') == std::string_view::npos) return read_house_bracket(inside, rest);
    return read_wire_bracket(inside, rest, is_hangul_syllable(char_at(s, end + close.size())));
  }
  return read_byline_lead(s);
}

// ---------------------------------------------------------------------------
// Datelines: 입력 2025.01.15 09:30 | 수정 … | 홍길동 기자
// ---------------------------------------------------------------------------

std::vector<std::string_view> split_on(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool opens_dateline(std::string_view s) { return date_label_at(s) || date_at_start(s); }

std::optional<LineInfo> read_label_line(std::string_view s);

// After `2025.01.15 09:30`, a label followed by a date belongs to that date
// when the line writes labels after dates (… 입력 | 2025.01.15 10:00 수정),
// else it opens the next one (… | 수정 2025.01.16).
bool opens_next_date(std::string_view s, std::size_t label_pos, const DateLabelMatch& label) {
  const std::size_t next = label_pos + label.length;
  auto date = date_at_start(s.substr(next));
  if (!date) return false;
  std::size_t after = next + date->length;
  after = separators_at(s, after + time_after(s.substr(after)));
  const bool next_has_trailing_label = date_label_at(s.substr(after)).has_value();
  return !next_has_trailing_label;
}

// `text` as a byline with an author, taken into `info` (author, the zone a
// publisher is read from, its name); false when it is none.
bool take_byline(std::string_view text, LineInfo& info) {
  const auto byline = read_byline(text);
  if (!byline || !byline->author) return false;
  info.author = byline->author;
  info.publisher_zone = text;
  info.publisher_name = byline->publisher;
  info.trust = Trust::byline;
  return true;
}

// Reads `prefix` as a byline or the site's name before a line's dates; false
// when it is neither.
bool read_dateline_prefix(std::string_view prefix, LineInfo& info) {
  if (take_byline(prefix, info)) return true;
  if (auto credit = read_label_line(prefix); credit && credit->author) {  // 작성자 홍길동 | 작성일 …
    info.author = credit->author;
    return true;
  }
  if (names_a_house(prefix)) {
    info.publisher_zone = prefix;
    if (!is_publisher_name(prefix)) info.publisher_name = strip_decoration(prefix);
    info.trust = Trust::masthead;
    return true;
  }
  return false;
}

// A byline or a publisher's name before the dates of a line (홍길동 기자 |
// 입력 …, 예시일보 | 2025.01.15, 홍길동 기자입력 … as portals' copies glue
// them): where the dates start, or npos.
std::size_t dateline_start(std::string_view s, LineInfo& info) {
  if (opens_dateline(s)) return 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = decode(s, i);
    if (is_hangul_syllable(c) && date_label_at(s.substr(i)) && read_dateline_prefix(trim(s.substr(0, i)), info))
      return i;  // glued: 기자입력
    if (!is_space(c) && c != '|') continue;
    const std::size_t start = separators_at(s, at);
    if (start >= s.size() || !opens_dateline(s.substr(start))) continue;
    const std::string_view prefix = trim_if(s.substr(0, at), [](char32_t ch) { return is_space(ch) || ch == '|'; });
    return read_dateline_prefix(prefix, info) ? start : std::string_view::npos;
  }
  return std::string_view::npos;
}

struct DatedSegment {
  std::optional<DateRole> role;  // none: an unlabelled date
  std::string date;
  std::string stamp;     // the date and time as written, spaces dropped: equal stamps are one moment
  std::size_t end = 0;  // where the segment (label, date, time) ends
  bool runs_into_prose = false;  // 2025년 1월 15일까지, 2025.01.15부터: the line is a sentence
};

std::string without_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    if (!is_space(decode(s, i))) out.append(s.substr(start, i - start));
  }
  return out;
}

// The date of a dateline at `pos` with its label before it (입력 2025.01.15
// 09:30) or after it (2025.01.15 09:30 송고) and its time; none when `pos`
// holds no date.
std::optional<DatedSegment> dated_segment(std::string_view s, std::size_t pos) {
  const std::string_view at = s.substr(pos);
  DatedSegment segment;
  if (auto label = date_label_at(at)) {
    auto date = date_at_start(at.substr(label->length));
    if (!date) return std::nullopt;  // 수정 사항은 …: a sentence, not a label
    segment.role = label->role;
    segment.date = std::move(date->date);
    pos += label->length;
    const std::size_t written = pos;
    pos += date->length;
    pos += time_after(s.substr(pos));
    segment.stamp = without_spaces(s.substr(written, pos - written));
  } else if (auto date = date_at_start(at)) {
    const std::size_t written = pos;
    segment.date = std::move(date->date);
    pos += date->length;
    pos += time_after(s.substr(pos));
    segment.stamp = without_spaces(s.substr(written, pos - written));
    // Its label after it (2025-01-15 09:30 송고), unless that label opens the next date.
    const std::size_t label_pos = separators_at(s, pos);
    if (auto after = date_label_at(s.substr(label_pos)); after && !opens_next_date(s, label_pos, *after)) {
      segment.role = after->role;
      pos = label_pos + after->length;
    }
  } else {
    return std::nullopt;
  }
  segment.runs_into_prose = is_hangul_syllable(char_at(s, pos)) && !date_label_at(s.substr(pos));
  segment.end = pos;
  return segment;
}

// What follows a line's dates may be a byline (… | 홍길동 기자) or page
// information (/ 종합 A8 면), never a sentence or the site's registration
// (등록일 : 2010.05.01 | 발행인 : …). False when the line is no dateline.
bool read_dateline_tail(std::string_view tail, LineInfo& info) {
  if (is_sentence_like(tail) || starts_with_one_of(tail, kQuoteMarks)) return false;
  for (auto word : kPublisherInfoWords)
    if (tail.find(word) != std::string_view::npos) return false;
  for (auto segment : split_on(tail, '|')) {
    if (info.author) break;
    take_byline(segment, info);
  }
  return true;
}

// A date label alone (입력, 수정) left by a scraper: its date may be on the next line.
std::optional<LineInfo> read_bare_date_label(std::string_view s) {
  auto label = date_label_at(s);
  if (!label || has_word_char(s.substr(label->length))) return std::nullopt;
  LineInfo bare;
  bare.role = LineRole::boilerplate;
  bare.bare_label = label->role;
  return bare;
}

// Lines of dates: `입력 2025.01.15 09:30 | 수정 2025.01.15 10:00 | 홍길동 기자`,
// `2025-01-15 09:30 송고`, `Published Jan 15, 2025`, an unlabelled
// `2025.01.15 (수)`, a bare `입력` (its date may follow on the next line).
// A line that goes on as a sentence (입력 2025.01.15 이후 받는다) is none.
std::optional<LineInfo> read_dateline(std::string_view line) {
  std::string_view s = trim_if(line, [](char32_t c) {
    return is_space(c) || c == '[' || c == '(' || c == '<' || c == U'【' || c == U'〈';
  });
  s = s.substr(separators_at(s, 0));  // | 입력 : 2025-01-15 |
  if (s.empty() || longer_than(s, kMaxDatelineChars)) return std::nullopt;
  if (s.find_first_of("0123456789") == std::string_view::npos) return read_bare_date_label(s);
  LineInfo info;
  std::size_t pos = dateline_start(s, info);
  if (pos == std::string_view::npos) return std::nullopt;
  info.role = LineRole::dateline;
  bool labelled = false;
  std::optional<std::string> first_unlabelled;
  std::string published_stamp, revised_stamp;
  while ((pos = separators_at(s, pos)) < s.size()) {
    auto segment = dated_segment(s, pos);
    if (!segment) break;
    if (segment->runs_into_prose) return std::nullopt;
    pos = segment->end;
    if (!segment->role) {
      if (first_unlabelled) return std::nullopt;  // 2025.01.15 ~ 2025.01.20: a period, not a dateline
      first_unlabelled = std::move(segment->date);
      continue;
    }
    labelled = true;
    const bool published = *segment->role == DateRole::published;
    auto& slot = published ? info.date : info.updated;
    if (slot) continue;
    slot = std::move(segment->date);
    (published ? published_stamp : revised_stamp) = std::move(segment->stamp);
  }
  // 입력 2025.01.15 09:30 수정 2025.01.15 09:30: the same moment twice, no revision
  if (info.date && info.updated && published_stamp == revised_stamp) info.updated.reset();
  if (!labelled && !first_unlabelled) return std::nullopt;
  const std::string_view tail = trim(s.substr(std::min(pos, s.size())));
  if (!read_dateline_tail(tail, info)) return std::nullopt;
  if (!labelled && !tail.empty() && !info.author) return std::nullopt;  // 2024 1 2 3: numbers, not a date line
  info.unlabelled_date = std::move(first_unlabelled);
  return info;
}

// ---------------------------------------------------------------------------
// Credits and labelled lines: 글 홍길동, 작성자 : 홍길동, 본문자수 : 1794
// ---------------------------------------------------------------------------

// `label : value` with an explicit colon.
std::optional<std::string_view> labelled_value(std::string_view s, std::string_view label) {
  if (!s.starts_with(label)) return std::nullopt;
  std::string_view rest = trim(s.substr(label.size()));
  if (rest.starts_with(":")) return trim(rest.substr(1));
  if (rest.starts_with("：")) return trim(rest.substr(std::string_view("：").size()));
  return std::nullopt;
}

// `홍길동`, `홍길동·김철수 hong@example.com`: names and nothing else (e-mail
// addresses aside), each starting with a family name, joined by `, `.
std::optional<std::string> names_only(std::string_view value) {
  std::vector<std::string_view> words;
  for (auto word : byline_words(value)) {
    if (is_email(word) || strip_decoration(word).empty()) continue;
    if (has_sentence_punctuation(word)) return std::nullopt;  // 지대~ is an exclamation
    words.push_back(word);
  }
  if (words.empty() || words.size() > kMaxWritingCreditWords) return std::nullopt;
  std::string joined;
  for (auto word : words) {
    for (auto piece : name_pieces(word)) {  // every piece a name: 쓰기가 어렵다 is none
      if (!is_name(piece) || !starts_with_one_of(piece, kSurnames)) return std::nullopt;
      joined += (joined.empty() ? "" : ", ") + std::string(piece);
    }
  }
  return joined;
}

// What separates a credit's role from its names: 글 홍길동, 사진: 홍길동,
// 영상=홍길동, 글：홍길동 (a full-width colon).
bool is_credit_separator(char32_t c) { return is_space(c) || c == ':' || c == '=' || c == U'：'; }

// `글 홍길동`, `글·사진 홍길동·김철수`: a writing credit, names only. Without a
// title after them the names must look like Korean names (글 쓰기 is not one).
std::optional<LineInfo> read_writing_credit(std::string_view s) {
  for (auto label : kWritingCreditLabels) {
    if (!s.starts_with(label)) continue;
    std::string_view value = s.substr(label.size());
    if (!is_credit_separator(char_at(value, 0))) return std::nullopt;
    value = trim_if(value, is_credit_separator);
    LineInfo info;
    info.role = LineRole::byline;
    info.publisher_zone = value;
    info.trust = Trust::byline;
    if (auto byline = read_byline(value); byline && byline->author) {  // 글 홍길동 기자
      info.author = byline->author;
      info.publisher_name = byline->publisher;
      return info;
    }
    info.author = names_only(value);
    if (!info.author) return std::nullopt;
    return info;
  }
  return std::nullopt;
}

std::optional<LineInfo> read_label_line(std::string_view s) {
  for (auto label : kBylineLabels) {
    if (auto value = labelled_value(s, label)) {
      LineInfo info;
      info.role = LineRole::byline;
      if (auto byline = read_byline(*value)) {
        info.author = byline->author;
        info.publisher_name = byline->publisher;
      } else {
        info.author = names_only(*value);  // 작성자 : 홍길동
      }
      info.publisher_zone = s;
      info.trust = Trust::byline;
      return info;
    }
  }
  if (auto credit = read_writing_credit(s)) return credit;
  for (auto label : kMetaLabels) {
    if (labelled_value(s, label)) {
      LineInfo info;
      info.role = LineRole::boilerplate;
      return info;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Captions and picture credits
// ---------------------------------------------------------------------------

// 사진 홍길동 기자, 촬영기자:홍길동/영상편집:김철수: credits of pictures and
// video, never the article's byline.
bool is_media_credit(std::string_view s) {
  if (longer_than(s, kMaxBylineChars)) return false;
  for (auto segment : split_on(s, '/')) {
    segment = trim(segment);
    std::size_t role = 0;
    for (auto word : kMediaCreditRoles)
      if (segment.starts_with(word)) role = std::max(role, word.size());
    if (role == 0) return false;
    if (!is_credit_separator(char_at(segment, role))) return false;
    const std::string_view names = trim_if(segment.substr(role), is_credit_separator);
    auto byline = read_byline(names);
    if (!names_only(names) && !(byline && byline->author)) return false;
  }
  return true;
}

// [그래픽] …, [사진] …: a caption, or the title of a photo story when it comes
// before any paragraph.
bool is_bracket_caption(std::string_view s) {
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

// [사진] 봄꽃 만개한 여의도: a bare label in brackets, then a headline (not
// 〈사진= 로이터〉, a credit).
bool is_labelled_photo_story(std::string_view s) {
  if (!is_bracket_caption(s)) return false;
  std::size_t at = std::string_view::npos, length = 0;
  for (std::string_view closing : {"]", ">", ")", "〉", "】", "］"}) {
    if (const std::size_t found = s.find(closing); found < at) {
      at = found;
      length = closing.size();
    }
  }
  if (at == std::string_view::npos) return false;
  return contains(kCaptionBracketWords, strip_decoration(s.substr(0, at))) && has_word_char(s.substr(at + length));
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
  return is_bracket_caption(s);
}

bool is_credit_word(std::string_view word) {
  word = strip_decoration(word);
  return contains(kPictureCredits, ascii_lower(word)) || is_publisher_name(word);
}

// 로이터/연합뉴스, 게티이미지뱅크: a line of picture credits and nothing else.
bool is_credit_line(std::string_view s) {
  if (longer_than(s, kMaxCreditLineChars)) return false;
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
  std::size_t tail = s.size() > kCreditTailBytes ? s.size() - kCreditTailBytes : 0;
  while (tail > 0 && tail < s.size() && is_continuation_byte(s[tail])) ++tail;
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

// ---------------------------------------------------------------------------
// Copyright footers
// ---------------------------------------------------------------------------

bool is_copyright(std::string_view s) {
  const std::string lower = ascii_lower(s);
  for (auto marker : kCopyrightMarkers)
    if (lower.find(marker) != std::string::npos) return true;
  for (auto sign : kCopyrightSigns)
    if (s.find(sign) != std::string_view::npos && find_publisher(s)) return true;
  return false;
}

// The copyright words and signs opening a footer (Copyright ⓒ 2025 by,
// 저작권자(c), ⓒ), with the years between them; 0 when the line opens otherwise.
struct FooterOpening {
  std::size_t length = 0;
  bool says_copyright = false;  // a word, not only a sign (ⓒ X is also a photo credit)
};
FooterOpening footer_opening(std::string_view s) {
  constexpr std::string_view kBy = "by ";
  FooterOpening opening;
  bool marked = false;
  for (std::size_t pos = 0;;) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == ':' || s[pos] == '-' || s[pos] == '~')) ++pos;
    const std::string_view at = s.substr(pos);
    std::size_t taken = 0;
    for (auto word : kCopyrightWords)
      if (!taken && starts_with_ascii_ci(at, word) && !is_word_char(char_at(at, word.size()))) {
        taken = word.size();
        opening.says_copyright = true;
      }
    for (auto sign : kCopyrightSigns)
      if (!taken && at.starts_with(sign)) taken = sign.size();
    if (!taken && marked) {
      std::size_t p = 0;
      if (year_at(at, p)) taken = p;                       // Copyright © 2025
      else if (starts_with_ascii_ci(at, kBy)) taken = kBy.size();  // Copyright by 예시일보
    }
    if (!taken) break;
    marked = true;
    pos += taken;
    opening.length = pos;
  }
  return opening;
}

// The holder named after a footer's opening: up to the first stop (`,`, `&`,
// `무단`, `All rights`, a web address), company forms dropped.
std::string_view footer_holder(std::string_view rest) {
  rest = trim(rest);
  for (auto prefix : kCompanyPrefixes)
    if (rest.starts_with(prefix)) rest = trim(rest.substr(prefix.size()));
  const std::string lower = ascii_lower(rest);
  std::size_t end = rest.size();
  for (auto stop : kHolderStops) end = std::min(end, lower.find(stop));
  return strip_decoration(rest.substr(0, end));
}

// 정다은, 김하늘: a Korean personal name (ⓒ 정다은 under a photo credits the
// photographer), not a media name (예시일보) nor a listed publisher.
bool is_person_name(std::string_view word) {
  word = strip_decoration(word);
  return code_point_count(word) <= kMaxPersonNameChars && is_name(word) && starts_with_one_of(word, kSurnames) &&
         media_word_kind(word) != MediaWord::masthead;
}

// `이 기사의 저작권은 예시일보에 있습니다`: the holder a footer sentence names,
// when it is named like a media outlet (저작권은 작가에게 있다 is prose).
std::optional<std::string_view> stated_holder(std::string_view s) {
  constexpr std::string_view kClaim = "저작권은 ";
  const std::size_t claim = s.find(kClaim);
  if (claim == std::string_view::npos) return std::nullopt;
  const std::string_view rest = s.substr(claim + kClaim.size());
  const std::size_t particle = rest.find("에");
  if (particle == std::string_view::npos) return std::nullopt;
  const std::string_view name = strip_decoration(rest.substr(0, particle));
  if (!names_a_house(name)) return std::nullopt;
  // a footer states it and forbids copying; a report about a ruling does neither
  const std::string_view after = trim(rest.substr(particle + std::string_view("에").size()));
  if (!is_copyright(s) && !after.starts_with("있습니다") && !after.starts_with("있음")) return std::nullopt;
  return name;
}

struct CopyrightFooter {
  std::string holder;  // empty when the footer names none
  bool says_copyright = false;
  bool photo_credit = false;  // © News1 홍길동 기자: a caption's credit, no footer
};

// A footer line without its lead marks (※) and opening bracket (<저작권자
// …>); `(c)` is a sign, no bracket.
std::string_view without_footer_marks(std::string_view s) {
  while (starts_with_one_of(s, kFooterLeadMarks)) {  // ※ 저작권자 ⓒ …
    std::size_t i = 0;
    decode(s, i);
    s = trim(s.substr(i));
  }
  for (auto open : kFooterBrackets) {
    if (s.starts_with(open) && !s.starts_with("(c)") && !s.starts_with("(C)")) {
      s = trim(s.substr(open.size()));
      break;
    }
  }
  return s;
}

// A footer that opens with no copyright word or sign: 이 기사의 저작권은
// 예시일보에 있습니다, or 무단전재 및 재배포 금지 on a line of its own.
std::optional<CopyrightFooter> read_unopened_footer(std::string_view s) {
  CopyrightFooter footer;
  if (auto holder = stated_holder(s)) {  // 이 기사의 저작권은 예시일보에 있습니다
    footer.says_copyright = true;
    footer.holder = *holder;
    return footer;
  }
  // 무단전재 및 재배포 금지 on a line of its own: a footer naming a listed publisher at most.
  if (!is_copyright(s) || is_sentence_like(s)) return std::nullopt;
  footer.says_copyright = true;
  return footer;
}

// What follows a footer's opening (Copyright ⓒ …): its holder, or a
// photographer's credit (© News1 홍길동 기자), or none for a sentence.
std::optional<CopyrightFooter> read_opened_footer(std::string_view rest, bool opening_says_copyright) {
  // Copyright 침해로 소송을 냈다: a sentence about copyright, not a notice
  if (is_sentence_like(rest) && !is_copyright(rest)) return std::nullopt;
  const std::string_view holder = footer_holder(rest);
  CopyrightFooter footer;
  footer.says_copyright = opening_says_copyright || is_copyright(rest);
  if (!footer.says_copyright && read_byline(holder)) {  // © News1 홍길동 기자: a photographer's credit
    footer.photo_credit = true;
    return footer;
  }
  if (is_publisher_shaped(holder) && (footer.says_copyright || !is_person_name(holder))) {
    // ⓒ 세상을 보는 눈, 세계일보: a slogan before the house's name.
    const bool house_name = names_a_house(holder);
    const auto listed = house_name ? std::nullopt : find_publisher(rest);
    footer.holder = listed ? *listed : holder;
  } else if (!footer.says_copyright) {
    return std::nullopt;  // ⓒ 로이터, ⓒ 정다은 (a photographer): a credit
  }
  return footer;
}

// `Copyright © X`, `Copyright ⓒ X & x.com`, `ⓒ X`, `저작권자 © X 무단전재 및
// 재배포 금지`, `<저작권자(c) X, 무단 전재-재배포 금지>`, `ⓒ X, 무단전재 및
// 재배포 금지`. Never a quoted line, never a sentence that mentions one.
std::optional<CopyrightFooter> read_copyright(std::string_view line) {
  std::string_view s = trim(line);
  if (s.empty() || longer_than(s, kMaxCopyrightChars) || starts_with_one_of(s, kQuoteMarks)) return std::nullopt;
  s = without_footer_marks(s);
  const FooterOpening opening = footer_opening(s);
  if (opening.length == 0) return read_unopened_footer(s);
  return read_opened_footer(s.substr(opening.length), opening.says_copyright);
}

// ---------------------------------------------------------------------------
// Navigation, mastheads and promos
// ---------------------------------------------------------------------------

// Home > 검색목록 > 기사상세보기: spaced separators after a navigation word
// (가위>찍히면죽는다 and 기대->몰입 are prose).
bool is_breadcrumb(std::string_view s) {
  if (s.find('<') != std::string_view::npos || s.find("->") != std::string_view::npos) return false;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = decode(s, i);
    if (c != '>' && c != U'›' && c != U'»' && c != U'＞') continue;
    if (!is_space(previous_char(s, at)) || !is_space(char_at(s, i))) return false;
    parts.push_back(trim(s.substr(start, at - start)));
    start = i;
  }
  parts.push_back(trim(s.substr(start)));
  if (parts.size() < kMinBreadcrumbItems || !is_navigation_word(parts.front())) return false;
  return std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
    return !p.empty() && !longer_than(p, kMaxBreadcrumbItemChars) && !has_sentence_punctuation(p);
  });
}

bool is_navigation_word(std::string_view word) {
  if (has_sentence_punctuation(word)) return false;  // 좋아요. is a sentence, 좋아요 a button
  word = strip_decoration(word);
  if (word.empty()) return true;
  if (contains(kNavigationWords, ascii_lower(word))) return true;
  for (auto suffix : kNavigationSuffixes)
    if (word.ends_with(suffix)) return true;
  // 예시일보 | 경제, 예시뉴스 바로가기: the site's name in its own menu
  return names_a_house(word);
}

bool is_navigation_phrase(std::string_view s) {
  if (longer_than(s, kMaxNavigationPhraseChars)) return false;
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
  // 주요 서비스 바로가기, 페이스북(으)로 기사보내기: a short line ending in a link's verb
  const auto items = menu_items(s);
  if (!longer_than(s, kMaxNavigationPhraseChars) && !has_sentence_punctuation(s) && !items.empty())
    for (auto suffix : kNavigationSuffixes)
      if (strip_decoration(items.back()).ends_with(suffix)) return true;
  bool has_word = false;
  for (auto item : items) {
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
// or an article-list heading (많이본뉴스).
std::optional<MediaWord> media_word_kind(std::string_view s) {
  const std::string_view name = strip_decoration(s);
  if (name.empty() || longer_than(name, kMaxMediaWordChars) || !longer_than(name, kMinMediaWordChars - 1))
    return std::nullopt;
  for (std::size_t i = 0; i < name.size();)
    if (!is_word_char(decode(name, i))) return std::nullopt;
  const std::string lower = ascii_lower(name);
  for (auto suffix : kMastheadSuffixes) {
    if (!lower.ends_with(suffix) || lower.size() == suffix.size()) continue;
    const std::string_view prefix = std::string_view(lower).substr(0, lower.size() - suffix.size());
    if (is_navigation_word(prefix) || prefix.ends_with("본")) return MediaWord::list_heading;
    for (auto not_masthead : kNotMastheadPrefixes)
      if (prefix.starts_with(not_masthead)) return MediaWord::list_heading;
    return MediaWord::masthead;
  }
  return std::nullopt;
}

bool is_promo(std::string_view s) {
  if (starts_with_one_of(s, kPromoPrefixes)) return true;
  auto says = [&](std::string_view phrase) { return s.find(phrase) != std::string_view::npos; };
  if (starts_with_one_of(s, kArrowPrefixes) && std::any_of(std::begin(kPromoPhrases), std::end(kPromoPhrases), says))
    return true;
  return !longer_than(s, kMaxPromoChars) && std::any_of(std::begin(kStrongPromoPhrases), std::end(kStrongPromoPhrases), says);
}

// ---------------------------------------------------------------------------
// A line's role
// ---------------------------------------------------------------------------

// The first menu item named like a media outlet (예시일보 | 경제), or "".
std::string_view media_word_in(std::string_view s) {
  for (auto item : menu_items(s))
    if (media_word_kind(item) == MediaWord::masthead) return strip_decoration(item);
  return {};
}

// A line of `role` where a publisher's name may be looked up in `zone` (or is
// `name`, as written), trusted at `trust`.
LineInfo publisher_line(LineRole role, std::string_view zone, Trust trust, std::string_view name = {}) {
  LineInfo info;
  info.role = role;
  info.publisher_zone = zone;
  info.publisher_name = name;
  info.trust = trust;
  return info;
}

LineInfo line_of(LineRole role) {
  LineInfo info;
  info.role = role;
  return info;
}

}  // namespace

std::optional<std::string_view> find_publisher(std::string_view s) {
  s = s.substr(0, std::min(s.size(), kMaxPublisherScanBytes));
  for (std::size_t i = 0; i < s.size();) {
    if (auto hit = publisher_at(s, i)) return hit->first;
    decode(s, i);
  }
  return std::nullopt;
}

LineInfo analyze_line(std::string_view raw) {
  const std::string_view s = trim(raw);
  if (s.empty()) return line_of(LineRole::blank);
  if (!has_word_char(s)) return line_of(LineRole::boilerplate);  // rules and ornaments: ----, ▲, |
  if (auto footer = read_copyright(s)) {
    if (footer->photo_credit) return line_of(LineRole::caption);
    // Before mastheads: `ⓒ 연합뉴스` is a footer (or a credit), not the site's own name.
    const Trust trust = footer->says_copyright ? Trust::copyright_footer : Trust::copyright_sign;
    return publisher_line(LineRole::boilerplate, footer->holder.empty() ? s : std::string_view{}, trust, footer->holder);
  }
  if (is_masthead(s)) return publisher_line(LineRole::masthead, s, Trust::masthead);
  if (auto kind = media_word_kind(s)) {
    if (*kind == MediaWord::list_heading) return line_of(LineRole::boilerplate);
    return publisher_line(LineRole::masthead, {}, Trust::masthead, strip_decoration(s));
  }
  if (auto dateline = read_dateline(s)) return *dateline;
  if (auto labelled = read_label_line(s)) return *labelled;
  if (is_caption(s) || is_credit_line(s) || ends_with_credit(s) || is_media_credit(s)) {
    LineInfo info = line_of(LineRole::caption);
    info.may_be_title = is_labelled_photo_story(s);
    return info;
  }
  if (is_promo(s)) return publisher_line(LineRole::boilerplate, s, Trust::promo);
  if (is_breadcrumb(s) || is_navigation(s))
    return publisher_line(LineRole::boilerplate, s, Trust::navigation, find_publisher(s) ? "" : media_word_in(s));
  if (auto byline = read_byline(s)) {
    LineInfo info = publisher_line(LineRole::byline, s, Trust::byline, byline->publisher);
    info.author = byline->author;
    return info;
  }
  if (auto lead = read_lead(s)) {
    LineInfo info = publisher_line(lead->has_text_after ? LineRole::body : LineRole::dateline, lead->publisher_zone,
                                   Trust::byline, lead->publisher_name);
    info.author = lead->author;
    return info;
  }
  return line_of(LineRole::body);
}

// The publisher a rule named: the gazetteer's canonical name when it lists
// it, else the name as the article writes it.
std::string named_publisher(std::string_view name) {
  name = strip_decoration(name);
  if (is_publisher_name(name)) return std::string(publisher_at(name, 0)->first);
  return std::string(name);
}

}  // namespace kosearch::article_lines
