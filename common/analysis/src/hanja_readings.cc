#include "kosearch/hanja_readings.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "kosearch/hangul_jamo.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// One-character abbreviations of Korean headlines (美 턱밑까지 왔다, 與 "…",
// 檢 압수수색). Only characters that stand for one thing when they stand
// alone in a headline: 西 (서쪽/스페인) or 台 (대/태) do not.
struct Abbreviation {
  std::string_view han;
  std::string_view word;
};
constexpr Abbreviation kAbbreviations[] = {
    // countries and regions
    {"美", "미국"}, {"中", "중국"}, {"日", "일본"}, {"韓", "한국"}, {"北", "북한"},
    {"英", "영국"}, {"獨", "독일"}, {"佛", "프랑스"}, {"露", "러시아"}, {"伊", "이탈리아"},
    {"加", "캐나다"}, {"濠", "호주"}, {"印", "인도"}, {"臺", "대만"}, {"越", "베트남"},
    {"泰", "태국"}, {"比", "필리핀"}, {"墨", "멕시코"}, {"蘇", "소련"}, {"亞", "아시아"},
    {"歐", "유럽"},
    // parties and institutions
    {"與", "여당"}, {"野", "야당"}, {"靑", "청와대"}, {"青", "청와대"}, {"軍", "군"},
    {"檢", "검찰"}, {"警", "경찰"}, {"政", "정부"}, {"法", "법원"},
};

// Longest Han word read as abbreviations character by character (韓美日).
constexpr std::size_t kMaxAbbreviationRun = 4;

// Initial indexes of Unicode's syllable arithmetic (hangul_jamo.h).
constexpr int kInitialRieul = 5, kInitialNieun = 2, kInitialIeung = 11, kInitialDigeut = 3, kInitialJieut = 12;
using hangul::initial_of;
using hangul::medial_of;
using hangul::with_initial;

// 두음법칙: a word does not start with ㄹ, nor with ㄴ before i or y
// (리 → 이, 력 → 역, 로 → 노, 녀 → 여).
char32_t initial_sound_rule(char32_t s) {
  const int medial = medial_of(s);
  // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
  const bool i_or_y = medial == 2 || medial == 3 || medial == 6 || medial == 7 || medial == 12 || medial == 17 ||
                      medial == 20;
  const int initial = initial_of(s);
  if (initial == kInitialRieul) return with_initial(s, i_or_y ? kInitialIeung : kInitialNieun);
  if (initial == kInitialNieun && i_or_y) return with_initial(s, kInitialIeung);
  return s;
}

// The Hangul syllable ICU's Korean collation files a Han character under:
// the syllable that compares equal to it at primary strength. The collation
// orders the syllables as their code points, so a binary search finds it in
// 14 comparisons (no table of 11,172 sort keys to build: that cost 10-20 ms
// on every open of an index whose synonym list holds a Hanja). Lookups are
// cached. ICU does not promise that one Collator may be used by several
// threads at once, so the lookups share a lock (Han words are rare).
class CollationReadings {
 public:
  static CollationReadings& instance() {
    static CollationReadings readings;
    return readings;
  }

  char32_t reading(char32_t han) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!collator_) return 0;
    if (auto cached = cache_.find(han); cached != cache_.end()) return cached->second;
    const char32_t syllable = search(han);
    cache_.emplace(han, syllable);
    return syllable;
  }

 private:
  CollationReadings() {
    UErrorCode status = U_ZERO_ERROR;
    collator_.reset(icu::Collator::createInstance(icu::Locale("ko"), status));
    if (U_FAILURE(status) || !collator_) {
      collator_.reset();  // no readings: Han words keep only their own terms
      return;
    }
    collator_->setStrength(icu::Collator::PRIMARY);
  }

  char32_t search(char32_t han) const {
    const icu::UnicodeString text(static_cast<UChar32>(han));
    // [low, high): every precomposed syllable, initials ㄱ (0) to ㅎ (18).
    char32_t low = hangul::syllables_begin(0), high = hangul::syllables_end(18);
    while (low < high) {
      const char32_t mid = low + (high - low) / 2;
      UErrorCode status = U_ZERO_ERROR;
      const UCollationResult order = collator_->compare(text, icu::UnicodeString(static_cast<UChar32>(mid)), status);
      if (U_FAILURE(status)) return 0;
      if (order == UCOL_EQUAL) return mid;
      if (order == UCOL_LESS)
        high = mid;
      else
        low = mid + 1;
    }
    return 0;
  }

  std::mutex mutex_;
  std::unique_ptr<icu::Collator> collator_;
  std::unordered_map<char32_t, char32_t> cache_;
};

std::vector<std::string_view> code_points(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Decoded d = decode_utf8_at(text, i);
    out.push_back(text.substr(i, d.length));
    i += d.length;
  }
  return out;
}

void add_unique(std::vector<std::string>& readings, std::string reading) {
  if (!reading.empty() && std::find(readings.begin(), readings.end(), reading) == readings.end())
    readings.push_back(std::move(reading));
}

}  // namespace

std::string_view abbreviation_reading(std::string_view han) {
  for (const Abbreviation& a : kAbbreviations)
    if (a.han == han) return a.word;
  return {};
}

std::string hangul_reading(std::string_view han) {
  std::vector<char32_t> chars, syllables;
  for (std::size_t i = 0; i < han.size();) {
    const Utf8Decoded d = decode_utf8_at(han, i);
    const char32_t syllable = d.valid ? CollationReadings::instance().reading(d.code_point) : 0;
    if (syllable == 0) return {};
    chars.push_back(d.code_point);
    syllables.push_back(syllable);
    i += d.length;
  }
  if (syllables.empty()) return {};
  // 不 reads 부 before ㄷ and ㅈ (부동산, 부정), else 불 (불안); ICU files it under 부.
  for (std::size_t k = 0; k < chars.size(); ++k) {
    if (chars[k] != U'不') continue;
    const bool before_d_or_j = k + 1 < syllables.size() && (initial_of(syllables[k + 1]) == kInitialDigeut ||
                                                             initial_of(syllables[k + 1]) == kInitialJieut);
    syllables[k] = before_d_or_j ? U'부' : U'불';
  }
  syllables.front() = initial_sound_rule(syllables.front());
  std::string out;
  for (const char32_t s : syllables) append_utf8(out, s);
  return out;
}

std::vector<std::string> han_readings(std::string_view surface, bool after_number) {
  std::vector<std::string> readings;
  const std::vector<std::string_view> chars = code_points(surface);
  if (after_number) {
    add_unique(readings, hangul_reading(surface));
    return readings;
  }
  if (chars.size() == 1) add_unique(readings, std::string(abbreviation_reading(surface)));
  add_unique(readings, hangul_reading(surface));
  if (chars.size() > 1 && chars.size() <= kMaxAbbreviationRun &&
      std::all_of(chars.begin(), chars.end(), [](std::string_view c) { return !abbreviation_reading(c).empty(); }))
    for (const std::string_view c : chars) add_unique(readings, std::string(abbreviation_reading(c)));
  return readings;
}

bool read_as_hangul(Token& token) {
  if (token.kind != TokenKind::han || token.readings.empty()) return false;
  token.surface = token.readings.front();
  token.stem = token.surface;
  token.readings.clear();
  token.kind = TokenKind::hangul;
  return true;
}

}  // namespace kosearch
