#include "article_bylines.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article_publishers.h"
#include "article_text.h"
#include "article_word_shapes.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_words;

namespace {

constexpr std::size_t kMinNameChars = 2;         // Korean names: 2 to 4 syllables (이산, 홍길동, 남궁민수)
constexpr std::size_t kMaxNameChars = 4;
constexpr std::size_t kMaxPersonNameChars = 3;   // 홍길동; a 4-syllable word is rather a name of a house
constexpr std::size_t kMinDeskChars = 3;         // a field and its suffix (사회부, 편집팀); 2 syllables may be a name

constexpr std::size_t kMaxJournalistBylineWords = 6;   // 서울=홍길동 김철수 이영희 기자
constexpr std::size_t kMaxContributorBylineWords = 4;  // contributor titles are also common nouns
constexpr std::size_t kMaxGluedBylineWords = 2;        // 홍길동기자, with at most one word before it
constexpr std::size_t kMaxWritingCreditWords = 3;      // 글 홍길동, 글·사진 홍길동 김철수

// Marks that join names in one byline word: 홍길동·김철수 (the middle dot is
// also typed as ㆍ, ・ or ‧), 홍길동,김철수, 홍길동/김철수.
bool is_name_joiner(char32_t c) {
  return c == U'·' || c == U'ㆍ' || c == U'・' || c == U'‧' || c == ',' || c == '/';
}

void collect_names(std::string_view word, std::vector<std::string>& names) {
  for (auto piece : name_pieces(word))
    if (is_name(piece)) names.emplace_back(piece);
}

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

}  // namespace

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

// 정다은, 김하늘: a Korean personal name (ⓒ 정다은 under a photo credits the
// photographer), not a media name (예시일보) nor a listed publisher.
bool is_person_name(std::string_view word) {
  word = strip_decoration(word);
  return code_point_count(word) <= kMaxPersonNameChars && is_name(word) && starts_with_one_of(word, kSurnames) &&
         media_word_kind(word) != MediaWord::masthead;
}

}  // namespace kosearch::article_lines
