#include "article_word_shapes.h"

#include <algorithm>
#include <string_view>

#include "article_text.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_words;

// A Korean predicate among the words (했다, 받는다, 합니다): a sentence.
bool is_sentence_like(std::string_view s) {
  for (auto word : split_words(s)) {
    const std::string_view w = strip_decoration(word);
    for (auto ending : kPredicateEndings)
      if (w.size() > ending.size() && w.ends_with(ending)) return true;
  }
  return false;
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

}  // namespace kosearch::article_lines
