// What a word or a short line looks like before any rule reads it: part of a
// sentence (a predicate ending, sentence punctuation) or an address (e-mail,
// web). The line rules use these to keep prose out of bylines, menus and
// footers. Private to the library (the article parser's units).
#pragma once

#include <string_view>

namespace kosearch::article_lines {

// A Korean predicate among the words (했다, 받는다, 합니다): a sentence.
bool is_sentence_like(std::string_view s);

// . ? ! quotes ~ … ^ anywhere in `word`: it belongs to a sentence, not a menu or byline.
bool has_sentence_punctuation(std::string_view word);

// hong@example.com, decoration around it allowed.
bool is_email(std::string_view word);

// http://…, https://…, www.…
bool is_url(std::string_view word);

}  // namespace kosearch::article_lines
