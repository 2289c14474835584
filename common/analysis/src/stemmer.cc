#include "kosearch/stemmer.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>
#include <vector>

#include "kosearch/hangul_jamo.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// Which stems a suffix may follow, judged on the stem's last syllable.
enum class Gate : std::uint8_t {
  consonant,          // C: stem ends in a 받침 (책+을, 학생+이)
  vowel,              // V: stem ends without 받침 (장비+를, 엔비디아+가)
  vowel_or_rieul,     // VL: no 받침 or ㄹ 받침 (서울+로, 학교+로)
  past,               // P: stem ends in ㅆ 받침, a past-tense verb (지냈+다, 있었+는가)
  any,                // A
};

struct Suffix {
  std::string_view text;
  Gate gate;
};

// Particles (조사), copula forms and verb endings that follow a noun. Longest
// match wins, so stacked forms (에서부터) are single entries. Gate: see above.
constexpr std::string_view kConsonantSuffixes[] = {
    "이", "을", "은", "과", "으로", "이나", "이라고", "이라는", "이란", "이며", "이고",
    "이다", "이었다", "이었으며", "이었고", "이었던", "이던", "으로서", "으로서는",
    "으로써", "으로는", "으로부터", "으로도", "으로의", "과의", "과는", "과도", "이라도",
    "이든", "이나마", "이지만", "이었지만", "이면", "이므로", "이기도", "이자", "이야",
    "이었는가", "이라면", "이라서", "이에요", "이었을", "이라며", "이냐",
};

constexpr std::string_view kVowelSuffixes[] = {
    "가", "를", "는", "와", "나", "라고", "라는", "란", "며", "였다", "였으며", "였고",
    "였던", "와의", "와는", "와도", "라도", "였지만", "므로", "였나", "였는가", "라며",
    "예요",
};

constexpr std::string_view kVowelOrRieulSuffixes[] = {
    "로", "로서", "로서는", "로써", "로는", "로부터", "로도", "로의",
};

// Endings of a verb after its past-tense syllable (었/았/였/했/됐 all end in
// ㅆ, which no noun does): 지냈다, 지냈으며, 지냈는가 all meet at 지냈.
constexpr std::string_view kPastTenseSuffixes[] = {
    "다", "고", "으며", "으나", "는데", "는가", "는지", "던", "을", "기", "지만", "으니",
    "어", "다고", "다는", "다가", "습니다", "습니까", "나", "으므로", "을까", "으면",
    "기도", "기에", "기로", "음", "는", "던데", "다면",
};

constexpr std::string_view kAnySuffixes[] = {
    // particles
    "의", "에", "에서", "에게", "께서", "도", "만", "까지", "부터", "보다", "처럼", "마다",
    "조차", "마저", "들", "에서부터", "에서는", "에는", "에도", "에서도", "에서의", "에게는",
    "에게서", "에게도", "한테", "한테서", "께", "께는", "에의", "까지는", "까지의", "까지도",
    "부터는", "부터의", "만을", "만이", "만의", "만은", "만큼", "밖에", "뿐", "뿐만", "보다는",
    "같이", "대로", "에게서도", "에서조차", "까지만", "처럼은", "처럼도",
    "에선", "에겐", "엔",  // spoken contractions of 에서는 / 에게는 / 에는
    "씨",                  // the honorific after a name (김을동씨가 → 김을동)
    // time nouns written against their noun (집권때, 서거이후, 대선당시)
    "때", "당시", "이후", "직후", "도중", "무렵",
    // copula forms that attach to any noun
    "인", "인가", "인지", "입니까", "인데", "인데도", "이었나", "인가요", "은가", "는가",
    "입니다", "이었습니다", "였습니다",
    // 하다 / 되다 / 시키다 verbs made from nouns (발표했다 → 발표)
    "했다", "하였다", "한다", "하는", "하고", "하여", "해서", "하기", "하며", "하면", "한",
    "할", "함", "했던", "하던", "하지", "했고", "했으며", "하였으며", "하였고", "하게",
    "하도록", "했다고", "했다는", "한다고", "한다는", "하는데", "했는데", "했지만", "하지만",
    "하였던", "하였지만", "해야", "하여야", "했을", "하자", "합니다", "했습니다", "하기도",
    "했는가", "하였는가", "했나", "하였나", "하는가", "되었는가", "됐는가", "되었나", "됐나",
    "되는가",
    "된", "되는", "되어", "되었다", "됐다", "되고", "되며", "되기", "되면", "될", "됨", "된다",
    "되었던", "되었고", "되었으며", "됐고", "됐으며", "됐던", "되었지만", "됐지만", "되는데",
    "된다고", "된다는", "되었다고", "됐다고", "되어야", "돼야", "되기도", "됩니다", "되지",
    "시킨", "시키는", "시켰다", "시키고", "시켜", "시키기",
    "하면서", "하면서도", "되면서", "하였으나", "했으나", "되었으나", "됐으나", "하였는데",
    "되었는데", "됐는데", "했습니까", "합니까", "됩니까", "하려", "하려고", "하려는",
    "하고자", "하다가", "했다가", "하였다가", "하여서", "되자", "하였을", "되었을", "하기로",
    "하기에", "되기로",
    // requests, as petitions and letters end (도입해주세요, 지원해주십시오 → 도입, 지원)
    "해주세요", "해주십시오", "해주십시요", "해주시기", "해주시길", "해주길", "해주시고", "해주시면",
    "해주셨으면", "해줬으면", "해주었으면", "해달라", "해달라는", "해달라고", "해주는", "해주고",
    "해줄", "해주어야", "해줘야", "해줘", "해주기", "해주시오", "하세요", "하십시오", "하십시요",
    "하시오", "시켜주세요", "시켜주십시오", "시켜달라",
    // passive 받다 after a noun (전달받은, 공격받았다)
    "받은", "받는", "받아", "받고", "받을", "받던", "받았다", "받았던", "받았고", "받았으며",
    "받았는가", "받았나", "받기도",
    // -적 adjectival nouns (경제적인 → 경제)
    "적인", "적으로", "적이다", "적",
};

// Words that look like stem + suffix but are not (화웨이 is not 화웨+이), and
// function words whose "stem" would be a different word (그러나 → 그러).
constexpr std::string_view kNeverStemmed[] = {
    // loanwords and names ending in a particle-like syllable
    "화웨이", "제미나이", "코로나", "바나나", "우크라이나", "아르헨티나", "차이나", "안테나",
    "아레나", "비엔나", "마이크로", "레트로", "매크로", "디자인", "카페인", "코카인",
    "유아인", "베드로", "스페인", "바레인",
    // places ending in 도 (island, province), not the particle 도
    "한반도", "여의도", "제주도", "경기도", "강원도", "울릉도", "강화도", "거제도",
    // adverbs ending in 로 that is not a particle
    "스스로", "저절로", "함부로",
    // nouns ending in 이 after 받침 (이 is part of the word; compounds ending
    // in the longer ones are kNeverStemmedEndings: 길고양이, 미취학어린이)
    "오이", "거미",
    // nouns ending in 씨 that is not the honorific
    "아가씨", "아저씨", "마음씨", "말솜씨", "글솜씨", "맵씨", "옷맵씨",
    // nouns ending in 의
    "회의", "논의", "합의", "협의", "결의", "정의", "동의", "토의", "항의", "건의", "주의",
    // nouns ending in 가 / 부 / 다
    "정부", "국가", "작가", "대가", "평가", "주가", "물가", "바다", "사이다",
    // function words (conjunctions, determiners) that must survive whole
    "하지만", "그러나", "그리고", "그런데", "그러므로", "그러면", "그래서", "따라서",
    "게다가", "그러니까", "또한", "또는", "혹은", "이러한", "그러한", "저러한", "어떠한",
    "최소한", "최대한", "아니라", "때문에",
};

// Endings that mark a word as a whole (놀이 in 불꽃놀이, 라인 in 온라인).
constexpr std::string_view kNeverStemmedEndings[] = {
    "놀이", "잡이", "맞이", "라인", "체인", "둥이", "뱅이",
    "고양이", "어린이", "원숭이", "호랑이", "지렁이", "달팽이", "올챙이", "부엉이", "구렁이",
    // nouns ending in 라, so 라는 after them is 라 + 는, not the copula 라는:
    // 청나라, 우리나라, 카메라, and Japanese names (原 하라/와라/바라, 村 무라, 浦 우라)
    "나라", "카메라", "오페라", "하라", "와라", "바라", "무라", "우라",
    // warships: 함 here is not the 하다 noun form (중요함)
    "천안함", "잠수함", "구축함", "모함", "순양함", "호위함", "전투함", "상륙함",
};

// -주의 nouns of four or more syllables are isms (민주주의, 자본주의); shorter
// ones are usually noun + 의 (군주의, 주주의).
constexpr std::string_view kIsmEnding = "주의";
constexpr int kIsmMinSyllables = 4;

constexpr char32_t kFirstSyllable = hangul::syllables_begin(0);
constexpr std::size_t kSyllableCount = hangul::syllables_end(18) - kFirstSyllable;

// Suffixes indexed by their last syllable (every suffix ends in one).
using SuffixBuckets = std::vector<std::vector<Suffix>>;

char32_t last_code_point(std::string_view s) {
  return decode_utf8_at(s, previous_code_point_start(s, s.size())).code_point;
}

int count_code_points(std::string_view s) { return static_cast<int>(code_point_count(s)); }

// Suffixes grouped by their last syllable and sorted longest first, so a word
// is compared only with suffixes that can match its ending.
const SuffixBuckets& suffix_buckets() {
  static const SuffixBuckets buckets = [] {
    SuffixBuckets b(kSyllableCount);
    const auto add = [&b](const auto& list, Gate gate) {
      for (const std::string_view text : list) {
        b[last_code_point(text) - kFirstSyllable].push_back({text, gate});
      }
    };
    add(kConsonantSuffixes, Gate::consonant);
    add(kVowelSuffixes, Gate::vowel);
    add(kVowelOrRieulSuffixes, Gate::vowel_or_rieul);
    add(kPastTenseSuffixes, Gate::past);
    add(kAnySuffixes, Gate::any);
    for (auto& list : b) {
      std::stable_sort(list.begin(), list.end(),
                       [](const Suffix& x, const Suffix& y) { return x.text.size() > y.text.size(); });
    }
    return b;
  }();
  return buckets;
}

// The suffixes that could end `word`, longest first (empty when the word does
// not end in a Hangul syllable).
const std::vector<Suffix>& suffixes_ending(std::string_view word) {
  static const std::vector<Suffix> none;
  const char32_t last = last_code_point(word);
  return is_hangul_syllable(last) ? suffix_buckets()[last - kFirstSyllable] : none;
}

const std::unordered_set<std::string_view>& never_stemmed() {
  static const std::unordered_set<std::string_view> words(std::begin(kNeverStemmed),
                                                          std::end(kNeverStemmed));
  return words;
}

// Last syllables of every exception, to rule most words out without hashing.
const std::vector<bool>& exception_last_syllables() {
  static const std::vector<bool> seen = [] {
    std::vector<bool> v(kSyllableCount);
    const auto mark = [&v](std::string_view w) { v[last_code_point(w) - kFirstSyllable] = true; };
    for (const std::string_view w : kNeverStemmed) mark(w);
    for (const std::string_view w : kNeverStemmedEndings) mark(w);
    mark(kIsmEnding);
    return v;
  }();
  return seen;
}

bool is_exception(std::string_view word) {
  const char32_t last = last_code_point(word);
  if (!is_hangul_syllable(last) || !exception_last_syllables()[last - kFirstSyllable]) return false;
  if (never_stemmed().contains(word)) return true;
  for (const std::string_view ending : kNeverStemmedEndings) {
    if (word.ends_with(ending)) return true;
  }
  return word.ends_with(kIsmEnding) && count_code_points(word) >= kIsmMinSyllables;
}

// No noun ends in 으; a stem that does is the front half of 으로/으며 (있으며).
constexpr std::string_view kDanglingEu = "으";

// Indexes among the 28 final-consonant slots.
constexpr int kRieulFinal = 8;
constexpr int kSsangSiotFinal = 20;

// A verb ending needs its verb: 다 or 기 alone, or after a number (10기), is no ending.
bool ends_in_past_tense(std::string_view stem) {
  if (stem.empty()) return false;
  const char32_t last = last_code_point(stem);
  return hangul::final_of(last) == kSsangSiotFinal;
}

bool passes_gate(std::string_view stem, Gate gate) {
  if (gate == Gate::any) return true;
  if (gate == Gate::past) return ends_in_past_tense(stem);
  if (stem.empty()) return true;
  const char32_t last = last_code_point(stem);
  // Digits and Latin before the suffix (A800과) carry no 받침 information.
  const int final_index = hangul::final_of(last);
  if (final_index < 0) return true;
  switch (gate) {
    case Gate::consonant: return final_index != 0;
    case Gate::vowel: return final_index == 0;
    case Gate::vowel_or_rieul: return final_index == 0 || final_index == kRieulFinal;
    case Gate::past:
    case Gate::any: return true;  // decided above
  }
  return true;
}

// A stem that one of the word's suffixes would leave, when that stem is a word
// that must stay whole: 청나라는 is 청나라 + 는, not 청나 + 라는.
bool usable(const Suffix& suffix, const StemOptions& options) {
  return !options.gated_only || suffix.gate == Gate::consonant || suffix.gate == Gate::vowel ||
         suffix.gate == Gate::vowel_or_rieul;
}

std::optional<std::string_view> protected_stem(std::string_view word, const StemOptions& options) {
  const int min_syllables = options.min_syllables;
  for (const Suffix& suffix : suffixes_ending(word)) {
    if (!word.ends_with(suffix.text) || word.size() == suffix.text.size() || !usable(suffix, options)) continue;
    const std::string_view stem = word.substr(0, word.size() - suffix.text.size());
    if (count_code_points(stem) >= min_syllables && passes_gate(stem, suffix.gate) && is_exception(stem))
      return stem;
  }
  return std::nullopt;
}

// The stem left by the longest suffix that may be stripped, or `word` itself.
std::string_view strip_once(std::string_view word, const StemOptions& options) {
  if (const auto kept = protected_stem(word, options)) return *kept;
  const int min_syllables = options.min_syllables;
  for (const Suffix& suffix : suffixes_ending(word)) {
    if (!word.ends_with(suffix.text) || !usable(suffix, options)) continue;
    const std::string_view stem = word.substr(0, word.size() - suffix.text.size());
    // When the longest suffix would leave too short a stem, a shorter one only
    // leaves a piece of it behind (것이라고 → 것이, not a stem).
    if (count_code_points(stem) < min_syllables) return word;
    if (!passes_gate(stem, suffix.gate) || stem.ends_with(kDanglingEu)) continue;
    return stem;
  }
  return word;
}

}  // namespace

std::string_view light_stem(std::string_view word, StemOptions options) {
  std::string_view stem = word;
  for (int strip = 0; strip < options.max_strips && !stem.empty(); ++strip) {
    if (is_exception(stem)) break;
    const std::string_view shorter = strip_once(stem, options);
    if (shorter.size() == stem.size()) break;
    stem = shorter;
  }
  return stem;
}

bool is_particle(std::string_view word) {
  if (word.empty()) return false;
  const auto& candidates = suffixes_ending(word);
  return std::any_of(candidates.begin(), candidates.end(),
                     [word](const Suffix& s) { return s.text == word && s.gate != Gate::past; });
}

bool has_final_consonant(char32_t syllable) {
  return hangul::final_of(syllable) > 0;
}

}  // namespace kosearch
