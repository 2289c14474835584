#include "kosearch/jsonl_citation.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "kosearch/input_files.h"
#include "kosearch/jsonl_records.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// A forward reader over one JSON text, enough to find a top-level string.
class JsonScan {
 public:
  explicit JsonScan(std::string_view text) : text_(text) {}

  bool done() const { return at_ >= text_.size(); }
  std::size_t at() const { return at_; }
  char peek() const { return done() ? '\0' : text_[at_]; }
  bool take(char c) {
    skip_space();
    if (peek() != c) return false;
    ++at_;
    return true;
  }
  void skip_space() {
    while (!done() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\r' || text_[at_] == '\n')) ++at_;
  }

  // A string starting at the current '"': its decoded text; false if malformed.
  bool string(std::string* decoded) {
    if (peek() != '"') return false;
    ++at_;
    while (!done()) {
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return true;
      }
      if (c == '\\') {
        if (at_ + 1 >= text_.size()) return false;
        const char e = text_[at_ + 1];
        at_ += 2;
        if (e == 'u') at_ += 4;
        if (decoded) decoded->push_back(e == 'u' ? '?' : e);  // keys compared are plain ASCII
        continue;
      }
      if (decoded) decoded->push_back(c);
      ++at_;
    }
    return false;
  }

  // Skips one value of any kind; false if malformed.
  bool value() {
    skip_space();
    const char c = peek();
    if (c == '"') return string(nullptr);
    if (c == '{' || c == '[') {
      int depth = 0;
      while (!done()) {
        const char d = text_[at_];
        if (d == '"') {
          if (!string(nullptr)) return false;
          continue;
        }
        if (d == '{' || d == '[') ++depth;
        if ((d == '}' || d == ']') && --depth == 0) {
          ++at_;
          return true;
        }
        ++at_;
      }
      return false;
    }
    const std::size_t start = at_;
    while (!done() && text_[at_] != ',' && text_[at_] != '}' && text_[at_] != ']') ++at_;
    return at_ > start;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// Byte offset of the first character inside the last top-level string value
// of `key`, or npos.
std::size_t value_start(std::string_view line, std::string_view key) {
  JsonScan scan(line);
  std::size_t found = std::string_view::npos;
  if (!scan.take('{')) return found;
  if (scan.take('}')) return found;
  do {
    scan.skip_space();
    std::string name;
    if (!scan.string(&name) || !scan.take(':')) return std::string_view::npos;
    scan.skip_space();
    const bool is_string = scan.peek() == '"';
    const std::size_t start = scan.at() + 1;
    if (!scan.value()) return std::string_view::npos;
    if (name == key) found = is_string ? start : std::string_view::npos;
  } while (scan.take(','));
  return scan.take('}') ? found : std::string_view::npos;
}

unsigned hex_value(std::string_view four) {
  unsigned v = 0;
  for (char c : four) v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  return v;
}

bool hex4(std::string_view line, std::size_t at, unsigned& unit) {
  if (at + 4 > line.size()) return false;
  unit = 0;
  for (const char c : line.substr(at, 4)) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
    if (digit < 0) return false;
    unit = unit * 16 + static_cast<unsigned>(digit);
  }
  return true;
}

// The string that starts at byte `at` of `line` (just inside its opening
// quote), decoded as JSON; nullopt when it is malformed (a lone surrogate, a
// bad escape, no closing quote), as a JSON parser refuses it.
std::optional<std::string> decode_string_at(std::string_view line, std::size_t at) {
  std::string out;
  while (at < line.size()) {
    std::size_t special = at;  // a plain loop: find_first_of calls memchr per character
    while (special < line.size() && line[special] != '"' && line[special] != '\\') ++special;
    if (special == line.size()) return std::nullopt;
    out.append(line, at, special - at);
    at = special;
    if (line[at] == '"') return out;
    if (at + 1 >= line.size()) return std::nullopt;
    const char e = line[at + 1];
    at += 2;
    switch (e) {
      case '"': case '\\': case '/': out += e; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        unsigned unit = 0, low = 0;
        if (!hex4(line, at, unit)) return std::nullopt;
        at += 4;
        char32_t cp = unit;
        if (unit >= 0xDC00 && unit <= 0xDFFF) return std::nullopt;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          if (line.substr(at, 2) != "\\u" || !hex4(line, at + 2, low) || low < 0xDC00 || low > 0xDFFF) return std::nullopt;
          at += 6;
          cp = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        break;
      }
      default: return std::nullopt;
    }
  }
  return std::nullopt;
}

// The column of the passage in `line` once the record's id, title and text
// are known (`text_of`: a top-level string value of the record, nullopt when
// it has none).
template <typename TextOf>
std::optional<std::uint32_t> column_in_record(std::string_view line, const Article& article, int body_line,
                                              std::uint32_t column, TextOf text_of) {
  if (text_of("id") != article.id || column == 0) return std::nullopt;  // another record is there now
  if (body_line < 0) {
    if (text_of("title") != article.title) return std::nullopt;
    return json_value_column(line, "title", column - 1);
  }
  // The body lines are the text's paragraphs that are not blank (as the
  // indexer splits them): find this one's start in the decoded text.
  const std::optional<std::string> text = text_of("text");
  if (!text || static_cast<std::size_t>(body_line) >= article.body.size()) return std::nullopt;
  std::string_view rest = *text;
  std::size_t before = 0;  // characters of the text before the paragraph
  for (int paragraph = 0;;) {
    const std::size_t nl = rest.find('\n');
    const std::string_view para = rest.substr(0, nl);
    if (!detail::is_blank(para) && paragraph++ == body_line) {
      if (para != article.body[static_cast<std::size_t>(body_line)].text) return std::nullopt;
      return json_value_column(line, "text", before + column - 1);
    }
    if (nl == std::string_view::npos) return std::nullopt;
    before += code_point_count(para) + 1;
    rest.remove_prefix(nl + 1);
  }
}

}  // namespace

std::optional<std::uint32_t> json_value_column(std::string_view line, std::string_view key, std::size_t at) {
  std::size_t i = value_start(line, key);
  if (i == std::string_view::npos) return std::nullopt;
  for (std::size_t decoded = 0; i < line.size(); ++decoded) {
    if (decoded == at) return static_cast<std::uint32_t>(code_point_count(line.substr(0, i)) + 1);
    if (line[i] == '"') return std::nullopt;  // `at` is past the end
    if (line[i] != '\\') {
      i += decode_utf8_at(line, i).length;
    } else if (i + 1 < line.size() && line[i + 1] == 'u' && i + 6 <= line.size()) {
      const unsigned unit = hex_value(line.substr(i + 2, 4));
      const bool pair = unit >= 0xD800 && unit <= 0xDBFF && i + 12 <= line.size() && line[i + 6] == '\\' &&
                        line[i + 7] == 'u';
      i += pair ? 12 : 6;  // a surrogate pair is one character
    } else {
      i += 2;
    }
  }
  return std::nullopt;
}

std::optional<std::uint32_t> jsonl_column(const std::string& file, std::uint64_t offset, const Article& article,
                                          int body_line, std::uint32_t column) {
  std::ifstream in(file, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  std::string line;
  if (!in || !std::getline(in, line) || !is_valid_utf8(line)) return std::nullopt;
  // A record is scanned for the three strings a citation checks, not parsed
  // whole: parsing cost 180 ms per hit on a 20 MB record, and a tenth of a
  // query's CPU on the petitions (3.5 KB records, ten hits). A record where
  // one of them is not a string (a numeric id) is parsed after all, to read
  // it as the indexer did.
  bool scanned = true;
  const auto scan = [&](const char* key) -> std::optional<std::string> {
    const std::size_t at = value_start(line, key);
    if (at == std::string_view::npos) {
      scanned = false;
      return std::nullopt;
    }
    auto decoded = decode_string_at(line, at);
    if (!decoded) scanned = false;
    return decoded;
  };
  const auto found = column_in_record(line, article, body_line, column, scan);
  if (scanned) return found;
  const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object()) return std::nullopt;
  return column_in_record(line, article, body_line, column,
                          [&](const char* key) { return record_string(record, key); });
}

}  // namespace kosearch
