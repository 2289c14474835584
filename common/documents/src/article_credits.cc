#include "article_credits.h"

#include <optional>
#include <string>
#include <string_view>

#include "article_bylines.h"
#include "article_text.h"
#include "article_words.h"

namespace kosearch::article_lines {

using namespace article_text;
using namespace article_words;

namespace {

// `label : value` with an explicit colon.
std::optional<std::string_view> labelled_value(std::string_view s, std::string_view label) {
  if (!s.starts_with(label)) return std::nullopt;
  std::string_view rest = trim(s.substr(label.size()));
  if (rest.starts_with(":")) return trim(rest.substr(1));
  if (rest.starts_with("：")) return trim(rest.substr(std::string_view("：").size()));
  return std::nullopt;
}

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

}  // namespace

// What separates a credit's role from its names: 글 홍길동, 사진: 홍길동,
// 영상=홍길동, 글：홍길동 (a full-width colon).
bool is_credit_separator(char32_t c) { return is_space(c) || c == ':' || c == '=' || c == U'：'; }

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

}  // namespace kosearch::article_lines
