#include "article_publishers.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "article_text.h"
#include "article_word_shapes.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_words;

namespace {

constexpr std::size_t kMinMediaWordChars = 3;       // 뉴스 alone is a section, 테크뉴스 a masthead
constexpr std::size_t kMaxMediaWordChars = 15;      // a longer word ending in 뉴스 is a compound of prose
constexpr std::size_t kMaxPublisherNameChars = 20;  // a publisher named by a footer or wire dateline
constexpr std::size_t kMaxPublisherNameWords = 4;   // 세계일보, The Korea Herald; more is a slogan or sentence
// A listed publisher is looked up in the first 600 bytes (200 syllables, the
// longest footer) of a line; that bounds the gazetteer scan of a long line.
constexpr std::size_t kMaxPublisherScanBytes = 600;

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

}  // namespace

// A line that is nothing but a publisher's name (possibly decorated).
bool is_publisher_name(std::string_view s) {
  s = strip_decoration(s);
  if (s.empty()) return false;
  auto hit = publisher_at(s, 0);
  return hit && hit->second == s.size();
}

// A name a site goes by: a listed publisher or a word named like a media
// outlet (예시일보).
bool names_a_house(std::string_view s) { return is_publisher_name(s) || media_word_kind(s) == MediaWord::masthead; }

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

std::optional<std::string_view> find_publisher(std::string_view s) {
  s = s.substr(0, std::min(s.size(), kMaxPublisherScanBytes));
  for (std::size_t i = 0; i < s.size();) {
    if (auto hit = publisher_at(s, i)) return hit->first;
    decode(s, i);
  }
  return std::nullopt;
}

// The publisher a rule named: the gazetteer's canonical name when it lists
// it, else the name as the article writes it.
std::string named_publisher(std::string_view name) {
  name = strip_decoration(name);
  if (is_publisher_name(name)) return std::string(publisher_at(name, 0)->first);
  return std::string(name);
}

}  // namespace kosearch::article_lines
