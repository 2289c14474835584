#include "kosearch/query_parser.h"


#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

using Kind = QueryNode::Kind;


// Korean IMEs and word processors turn " into curly quotes; all three open
// and close a phrase.
bool is_quote(char32_t c) { return c == U'"' || c == 0x201C || c == 0x201D; }

bool is_delimiter(char32_t c) { return is_space(c) || is_quote(c) || c == U'(' || c == U')'; }

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

std::string two_digits(int n) { return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }

// The first and last day (YYYYMMDD) of a period written YYYY, YYYY-MM or
// YYYY-MM-DD (months and days may have one digit).
struct Period {
  std::string first, last;
};

std::optional<Period> parse_period(std::string_view text) {
  // A day in any spelling the importer reads (document.h: 2024.04.02,
  // 20240402, 24.04.02, 2024-04-02T09:00…), so a filter is written as the data is.
  if (auto day = parse_date(text)) {
    const std::string ymd = day->substr(0, 4) + day->substr(5, 2) + day->substr(8, 2);
    return Period{ymd, ymd};
  }
  std::array<std::string_view, 3> parts;
  std::size_t count = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dash = text.find('-', start);
    if (count == parts.size()) return std::nullopt;
    parts[count++] = text.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (parts[0].size() != 4 || !is_digits(parts[0])) return std::nullopt;
  const int year = to_int(parts[0]);
  if (year == 0) return std::nullopt;
  const std::string y(parts[0]);
  if (count == 1) return Period{y + "0101", y + "1231"};

  if (parts[1].size() > 2 || !is_digits(parts[1])) return std::nullopt;
  const int month = to_int(parts[1]);
  if (month < 1 || month > 12) return std::nullopt;
  const std::string ym = y + two_digits(month);
  if (count == 2) return Period{ym + "01", ym + two_digits(days_in_month(year, month))};

  if (parts[2].size() > 2 || !is_digits(parts[2])) return std::nullopt;
  const int day = to_int(parts[2]);
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  const std::string ymd = ym + two_digits(day);
  return Period{ymd, ymd};
}

bool is_positive(const QueryNode& node) { return node.kind != Kind::exclude; }

class Parser {
 public:
  explicit Parser(std::string_view query) : query_(query) {
    std::size_t i = 0;
    while (i < query.size()) {
      const Utf8Decoded d = decode_utf8_at(query, i);
      chars_.push_back(d.code_point);
      offsets_.push_back(i);
      i += d.length;
    }
    offsets_.push_back(query.size());
  }

  QueryNode parse() {
    skip_space();
    if (at_end()) throw QueryError("empty query", 1);
    QueryNode root = parse_or();
    if (!at_end()) throw QueryError("')' without a matching '('", position());  // parse_or stops only here
    return root;
  }

 private:
  std::string_view query_;
  std::vector<char32_t> chars_;
  std::vector<std::size_t> offsets_;  // byte offset of each character, plus the end
  std::size_t i_ = 0;                 // current character

  bool at_end() const { return i_ >= chars_.size(); }
  char32_t peek(std::size_t ahead = 0) const {
    return i_ + ahead < chars_.size() ? chars_[i_ + ahead] : U'\0';
  }
  std::size_t position() const { return i_ + 1; }
  std::string text(std::size_t from, std::size_t to) const {
    return std::string(query_.substr(offsets_[from], offsets_[to] - offsets_[from]));
  }
  void skip_space() {
    while (!at_end() && is_space(chars_[i_])) ++i_;
  }
  bool at_or() const {
    return peek() == U'O' && peek(1) == U'R' && (i_ + 2 >= chars_.size() || is_delimiter(peek(2)));
  }
  // Where the current and_expr ends: end of input, a ')' or OR.
  bool at_sequence_end() const { return at_end() || peek() == U')' || at_or(); }

  // Called at a non-space character that is not the end or ')'.
  QueryNode parse_or() {
    if (at_or()) throw QueryError("OR needs something before it", position());
    QueryNode any;
    any.kind = Kind::any;
    any.position = position();
    while (true) {
      any.children.push_back(parse_and());
      if (!at_or()) break;
      const std::size_t or_position = position();
      i_ += 2;
      skip_space();
      if (at_end() || peek() == U')') throw QueryError("OR needs something after it", or_position);
      if (at_or()) throw QueryError("OR twice in a row", position());
    }
    return any.children.size() == 1 ? std::move(any.children.front()) : any;
  }

  QueryNode parse_and() {
    QueryNode all;
    all.kind = Kind::all;
    all.position = position();
    while (true) {
      skip_space();
      if (at_sequence_end()) break;
      all.children.push_back(parse_unary());
    }
    // Reached at once only by a ')' that closes nothing (the query's first character).
    if (all.children.empty()) throw QueryError("')' without a matching '('", position());
    bool positive = false;
    for (const auto& child : all.children) positive = positive || is_positive(child);
    if (!positive)
      throw QueryError("only exclusions: add something to search for", all.children.front().position);
    return all.children.size() == 1 ? std::move(all.children.front()) : all;
  }

  QueryNode parse_unary() {
    if (peek() != U'-') return parse_primary();
    const std::size_t minus = position();
    ++i_;
    if (at_end() || is_space(peek()) || peek() == U')' || peek() == U'-' || at_or())
      throw QueryError("'-' needs a word, \"phrase\" or (group) right after it", minus);
    QueryNode exclude;
    exclude.kind = Kind::exclude;
    exclude.position = minus;
    exclude.children.push_back(parse_primary());
    return exclude;
  }

  QueryNode parse_primary() {
    if (peek() == U'(') return parse_group();
    if (is_quote(peek())) return parse_phrase();
    return parse_word_or_field();
  }

  QueryNode parse_group() {
    const std::size_t open = position();
    ++i_;
    skip_space();
    if (at_end()) throw QueryError("'(' without a matching ')'", open);
    if (peek() == U')') throw QueryError("empty parentheses", open);
    QueryNode inner = parse_or();
    if (at_end()) throw QueryError("'(' without a matching ')'", open);
    ++i_;  // the ')'
    return inner;
  }

  QueryNode parse_phrase() {
    const std::size_t open = position();
    ++i_;
    const std::size_t start = i_;
    while (!at_end() && !is_quote(peek())) ++i_;
    if (at_end()) throw QueryError("quote without a closing quote", open);
    std::string inside;
    bool pending_space = false;
    for (std::size_t k = start; k < i_; ++k) {
      if (is_space(chars_[k])) {
        pending_space = !inside.empty();
        continue;
      }
      if (pending_space) inside += ' ';
      pending_space = false;
      inside += text(k, k + 1);
    }
    ++i_;  // the closing quote
    if (inside.empty()) throw QueryError("empty phrase", open);
    QueryNode phrase;
    phrase.kind = Kind::phrase;
    phrase.text = std::move(inside);
    phrase.position = open;
    return phrase;
  }

  QueryNode parse_word_or_field() {
    const std::size_t start = i_;
    while (!at_end() && !is_delimiter(peek())) ++i_;
    const std::size_t end = i_;
    const std::string chunk = text(start, end);
    const std::size_t colon = chunk.find(':');
    if (colon != std::string::npos) {
      const std::string name = ascii_lower(chunk.substr(0, colon));
      const std::size_t value_start = start + code_point_count(chunk.substr(0, colon)) + 1;
      if (name == "date") return parse_date(start, value_start, end);
      if (const auto field = field_named(name)) return parse_field_value(*field, start, value_start, end);
    }
    return make_word(start, end);
  }

  // A word, or a prefix when it ends in '*'.
  QueryNode make_word(std::size_t start, std::size_t end) const {
    QueryNode word;
    word.position = start + 1;
    std::size_t stem_end = end;
    while (stem_end > start && chars_[stem_end - 1] == U'*') --stem_end;
    if (stem_end == end) {
      word.text = text(start, end);
      return word;
    }
    if (stem_end == start) throw QueryError("'*' needs at least one character before it", start + 1);
    word.kind = Kind::prefix;
    word.text = text(start, stem_end);
    return word;
  }

  // `value_start` .. `end` is what followed the colon in the same chunk.
  QueryNode parse_field_value(Field which, std::size_t start, std::size_t value_start, std::size_t end) {
    const std::string name(field_name(which));
    QueryNode field;
    field.kind = Kind::field;
    field.field = which;
    field.position = start + 1;
    if (value_start < end) {
      field.children.push_back(make_word(value_start, end));
    } else if (is_quote(peek())) {
      field.children.push_back(parse_phrase());
    } else if (peek() == U'(') {
      throw QueryError(name + ": takes a word, a \"phrase\" or a prefix*, not a (group)", value_start + 1);
    } else {
      throw QueryError(name + ": needs a value right after the colon", value_start + 1);
    }
    return field;
  }

  QueryNode parse_date(std::size_t start, std::size_t value_start, std::size_t end) {
    if (value_start == end) {
      if (is_quote(peek()) || peek() == U'(')
        throw QueryError("date: takes FROM..TO, FROM.. or ..TO (YYYY, YYYY-MM or YYYY-MM-DD)", value_start + 1);
      throw QueryError("date: needs a value right after the colon", value_start + 1);
    }
    const std::string value = text(value_start, end);
    QueryNode range;
    range.kind = Kind::date_range;
    range.position = start + 1;
    const std::size_t dots = value.find("..");
    auto period = [&](std::string_view part, std::size_t part_position) {
      const auto p = parse_period(part);
      if (!p)
        throw QueryError("bad date '" + std::string(part) + "': use YYYY, YYYY-MM or YYYY-MM-DD", part_position);
      return *p;
    };
    if (dots == std::string::npos) {
      const Period p = period(value, value_start + 1);
      range.date_from = p.first;
      range.date_to = p.last;
      return range;
    }
    const std::string_view from = std::string_view(value).substr(0, dots);
    const std::string_view to = std::string_view(value).substr(dots + 2);
    if (from.empty() && to.empty())
      throw QueryError("date range needs a start, an end or both (FROM..TO)", value_start + 1);
    if (!from.empty()) range.date_from = period(from, value_start + 1).first;
    if (!to.empty()) range.date_to = period(to, value_start + 1 + code_point_count(from) + 2).last;
    if (!from.empty() && !to.empty() && range.date_from > range.date_to)
      throw QueryError("date range ends before it starts", value_start + 1);
    return range;
  }
};

}  // namespace

QueryNode parse_query(std::string_view query) { return Parser(query).parse(); }

std::string describe(const QueryNode& node) {
  auto list = [](std::string name, const std::vector<QueryNode>& children) {
    name += '(';
    for (std::size_t k = 0; k < children.size(); ++k) {
      if (k > 0) name += ' ';
      name += describe(children[k]);
    }
    return name + ')';
  };
  switch (node.kind) {
    case Kind::word: return "word(" + node.text + ")";
    case Kind::prefix: return "prefix(" + node.text + "*)";
    case Kind::phrase: return "phrase(\"" + node.text + "\")";
    case Kind::all: return list("all", node.children);
    case Kind::any: return list("any", node.children);
    case Kind::exclude: return "-" + (node.children.empty() ? std::string("?") : describe(node.children.front()));
    case Kind::field:
      return std::string(field_name(node.field)) + ":" + (node.children.empty() ? std::string("?") : describe(node.children.front()));
    case Kind::date_range: return "date:[" + node.date_from + ".." + node.date_to + "]";
  }
  return "?";
}

std::string_view field_name(Field field) {
  switch (field) {
    case Field::title: return "title";
    case Field::source: return "source";
    case Field::author: return "author";
  }
  return "title";
}

std::optional<Field> field_named(std::string_view name) {
  for (const Field field : {Field::title, Field::source, Field::author})
    if (field_name(field) == name) return field;
  return std::nullopt;
}

}  // namespace kosearch
