#include "kosearch/document.h"

#include <cstdint>
#include <cstdio>

#include "kosearch/error.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

constexpr char format_v1 = 1;

void put_number(std::string& out, std::uint64_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7f) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

void put_text(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out.append(text);
}

// Reads a record written by serialize(); any overrun is a damaged record.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto byte = static_cast<unsigned char>(byte_at());
      n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return n;
    }
    damaged();
  }
  std::string text() {
    const std::uint64_t size = number();
    if (size > data_.size() - pos_) damaged();
    std::string out(data_.substr(pos_, size));
    pos_ += size;
    return out;
  }
  char byte_at() {
    if (pos_ >= data_.size()) damaged();
    return data_[pos_++];
  }
  bool done() const { return pos_ == data_.size(); }
  [[noreturn]] static void damaged() {
    throw Error(ErrorKind::index_corrupt, "a stored article is damaged");
  }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

std::uint64_t zigzag(std::int64_t n) { return (static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63); }
std::int64_t unzigzag(std::uint64_t n) { return static_cast<std::int64_t>(n >> 1) ^ -static_cast<std::int64_t>(n & 1); }

}  // namespace

std::string serialize(const Article& a) {
  std::string out(1, format_v1);
  put_text(out, a.id);
  put_text(out, a.path);
  unsigned char flags = 0;
  const std::optional<std::string>* fields[] = {&a.title, &a.source, &a.date, &a.author, &a.url, &a.updated};
  for (int i = 0; i < 6; ++i)
    if (*fields[i]) flags |= static_cast<unsigned char>(1u << i);
  out += static_cast<char>(flags);
  for (const auto* field : fields)
    if (*field) put_text(out, **field);
  put_number(out, a.title_line);
  put_number(out, a.body.size());
  std::int64_t previous = a.title_line;
  for (const auto& line : a.body) {
    put_number(out, zigzag(static_cast<std::int64_t>(line.number) - previous));
    previous = line.number;
    put_text(out, line.text);
  }
  return out;
}

Article deserialize(std::string_view data) {
  Reader in(data);
  if (in.byte_at() != format_v1) Reader::damaged();
  Article a;
  a.id = in.text();
  a.path = in.text();
  const auto flags = static_cast<unsigned char>(in.byte_at());
  std::optional<std::string>* fields[] = {&a.title, &a.source, &a.date, &a.author, &a.url, &a.updated};
  for (int i = 0; i < 6; ++i)
    if (flags & (1u << i)) *fields[i] = in.text();
  const std::uint64_t title_line = in.number();
  const std::uint64_t lines = in.number();
  if (title_line > UINT32_MAX || lines > data.size()) Reader::damaged();  // each line takes 2 bytes at least
  a.title_line = static_cast<std::uint32_t>(title_line);
  a.body.reserve(lines);
  std::int64_t number = a.title_line;
  for (std::uint64_t i = 0; i < lines; ++i) {
    number += unzigzag(in.number());
    if (number < 0 || number > UINT32_MAX) Reader::damaged();
    a.body.push_back({static_cast<std::uint32_t>(number), in.text()});
  }
  if (!in.done()) Reader::damaged();
  return a;
}

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to `max_digits` ASCII digits at `pos`; advances `pos`. -1 when none.
int read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
  int value = 0;
  std::size_t digits = 0;
  while (pos < s.size() && digits < max_digits && is_digit(s[pos])) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
    ++digits;
  }
  if (digits == 0 || (pos < s.size() && is_digit(s[pos]))) return -1;
  return value;
}

bool skip_spaces(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return true;
}

bool skip_literal(std::string_view s, std::size_t& pos, std::string_view literal) {
  if (s.substr(pos, literal.size()) != literal) return false;
  pos += literal.size();
  return true;
}


// The year of a two-digit `yy`, by POSIX strptime's %y rule: 69–99 are
// 1969–1999, 00–68 are 2000–2068.
int century_year(int yy) { return yy >= 69 ? 1900 + yy : 2000 + yy; }

// `YYYYMMDD`: eight digits, no separator.
bool read_compact_date(std::string_view s, std::size_t& pos, int& y, int& m, int& d) {
  std::size_t end = pos;
  const int value = read_number(s, end, 8);
  if (value < 0 || end - pos != 8) return false;
  pos = end;
  y = value / 10000;
  m = value / 100 % 100;
  d = value % 100;
  return true;
}

// `YY.MM.DD` (Korean sites' short form: 21.11.03 is 2021-11-03); only with
// dots, as YY/MM/DD and YY-MM-DD are as often month or day first.
bool read_short_year_date(std::string_view s, std::size_t& pos, int& y, int& m, int& d) {
  std::size_t p = pos;
  const int yy = read_number(s, p, 2);
  if (yy < 0 || p - pos != 2 || p >= s.size() || s[p] != '.') return false;
  ++p;
  m = read_number(s, p, 2);
  if (m < 0 || p >= s.size() || s[p] != '.') return false;
  ++p;
  d = read_number(s, p, 2);
  if (d < 0) return false;
  y = century_year(yy);
  pos = p;
  return true;
}

// `YYYY<sep>M<sep>D` with one separator from -./ used twice, `YYYY년 M월 D일`,
// `YYYYMMDD` or `YY.MM.DD`.
bool read_date(std::string_view s, std::size_t& pos, int& y, int& m, int& d) {
  if (read_compact_date(s, pos, y, m, d) || read_short_year_date(s, pos, y, m, d)) return true;
  if (s.size() - pos < 4) return false;
  std::size_t year_end = pos;
  y = read_number(s, year_end, 4);
  if (y < 0 || year_end - pos != 4) return false;
  pos = year_end;
  if (pos < s.size() && (s[pos] == '-' || s[pos] == '.' || s[pos] == '/')) {
    const char sep = s[pos++];
    m = read_number(s, pos, 2);
    if (m < 0 || pos >= s.size() || s[pos] != sep) return false;
    ++pos;
    d = read_number(s, pos, 2);
    return d >= 0;
  }
  skip_spaces(s, pos);
  if (!skip_literal(s, pos, "년")) return false;
  skip_spaces(s, pos);
  m = read_number(s, pos, 2);
  if (m < 0) return false;
  skip_spaces(s, pos);
  if (!skip_literal(s, pos, "월")) return false;
  skip_spaces(s, pos);
  d = read_number(s, pos, 2);
  if (d < 0) return false;
  skip_spaces(s, pos);
  return skip_literal(s, pos, "일");
}

// A trailing time of day (`14:30`, `T14:30:00+09:00`) is tolerated so that
// timestamps in headers still give their date.
bool is_time_suffix(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest == ".") return true;
  std::size_t pos = 0;
  if (rest[0] != 'T' && rest[0] != ' ') return false;
  ++pos;
  skip_spaces(rest, pos);
  if (read_number(rest, pos, 2) < 0 || !skip_literal(rest, pos, ":") || read_number(rest, pos, 2) < 0) return false;
  if (skip_literal(rest, pos, ":")) {
    if (read_number(rest, pos, 2) < 0) return false;
    if (skip_literal(rest, pos, ".") && read_number(rest, pos, 9) < 0) return false;
  }
  if (pos == rest.size() || skip_literal(rest, pos, "Z")) return pos == rest.size();
  if (rest[pos] != '+' && rest[pos] != '-') return false;
  ++pos;
  if (read_number(rest, pos, 2) < 0) return false;
  skip_literal(rest, pos, ":");
  if (pos < rest.size() && read_number(rest, pos, 2) < 0) return false;
  return pos == rest.size();
}
}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  std::size_t pos = 0;
  int y = 0, m = 0, d = 0;
  if (!read_date(text, pos, y, m, d) || !is_time_suffix(text.substr(pos))) return std::nullopt;
  return calendar_date(y, m, d);
}

std::optional<std::string> calendar_date(int year, int month, int day) {
  if (year > 9999 || !is_calendar_date(year, month, day)) return std::nullopt;
  char out[32];  // room for any int, though the year has four digits
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return std::string(out, 10);
}
}  // namespace kosearch
