// Who publishes: the gazetteer's publishers (article_words.h kPublishers,
// looked up by alias, named canonically), words named like a media outlet
// (예시일보, 테크뉴스) or like an article-list heading (많이본뉴스), and the
// words of site navigation. Media names and navigation words are defined
// together because each refers to the other: 많이본뉴스 is a heading because
// 많이본 is a navigation word, and a site's own name is a word of its menu.
// Private to the library (the article parser's units).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kosearch::article_lines {

// A line that is nothing but a listed publisher's name (possibly decorated).
bool is_publisher_name(std::string_view s);

// A one-word media name (예시일보) or an article-list heading (많이본뉴스).
enum class MediaWord { masthead, list_heading };
std::optional<MediaWord> media_word_kind(std::string_view s);

// A name a site goes by: a listed publisher or a word named like a media
// outlet (예시일보).
bool names_a_house(std::string_view s);

// A word of a menu or share bar (홈, 공유, 바로가기 …), the site's name included.
bool is_navigation_word(std::string_view word);

// A name as a footer or dateline writes it: a few words, no sentence, no
// credit line (로이터=뉴스1), no photo agency, no web address.
bool is_publisher_shaped(std::string_view name);

// The canonical name of the first listed publisher named in `s`, if any.
std::optional<std::string_view> find_publisher(std::string_view s);

// The publisher a rule named: the gazetteer's canonical name when it lists
// it, else the name as the article writes it.
std::string named_publisher(std::string_view name);

}  // namespace kosearch::article_lines
