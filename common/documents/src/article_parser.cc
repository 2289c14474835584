#include "kosearch/article_parser.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "article_front_matter.h"
#include "article_lines.h"
#include "article_text.h"
#include "article_words.h"
#include "kosearch/error.h"

// How an article is put together from its lines: each line is read on its
// own (article_lines.h), then this file decides between them. The front
// matter (article_front_matter.h) wins; else the most trusted publisher and
// the first date, author and revision the lines name. The title is the front
// matter's, a photo story's headline or the first substantial body line; body
// lines repeated verbatim are kept once.

namespace kosearch {
namespace {

using namespace article_text;
using namespace article_words;
using namespace article_lines;
using namespace article_front_matter;

constexpr std::size_t kMaxTitleChars = 200;      // a longer first line is a paragraph
constexpr std::size_t kMinTitleChars = 4;        // shorter lines (가 가, ▲ 1) are no title
constexpr std::size_t kMinTitleWordChars = 2;    // of letters or digits: ▲ ▲ ▲ 1 is decoration

bool is_substantial(std::string_view folded) {
  std::size_t word_chars = 0;
  for (std::size_t i = 0; i < folded.size();)
    if (is_word_char(decode(folded, i))) ++word_chars;
  return word_chars >= kMinTitleWordChars && longer_than(folded, kMinTitleChars - 1);
}

// Metadata the heuristics found, best candidate per field.
struct Found {
  std::optional<std::string> date, updated, author, source;
  Trust source_trust = Trust::none;

  void add(const LineInfo& info) {
    if (info.date && !date) date = info.date;
    if (info.updated && !updated) updated = info.updated;
    if (info.author && !author) author = info.author;
    if (info.trust < source_trust) {
      std::optional<std::string> name;
      if (!info.publisher_name.empty()) name = named_publisher(info.publisher_name);
      else if (auto listed = find_publisher(info.publisher_zone)) name = std::string(*listed);
      if (name) {
        source = std::move(name);
        source_trust = info.trust;
      }
    }
  }
};

struct DatedLine {
  std::uint32_t number;
  std::string date;
};

// An unlabelled date line counts only where outlets put the article's date:
// directly under the title (before its first paragraph), else above the
// title, nearest to it (a site's date bar sits further up). One in or after
// the body is never the article's date.
std::optional<std::string> date_by_position(const std::vector<DatedLine>& dates, const Article& article) {
  if (article.title_line == 0) return std::nullopt;
  std::uint32_t first_paragraph = UINT32_MAX;  // no paragraph under the title: every later line is under it
  for (const auto& line : article.body)
    if (line.number > article.title_line) {
      first_paragraph = line.number;
      break;
    }
  const DatedLine* above = nullptr;
  for (const auto& line : dates) {
    if (line.number > article.title_line && line.number < first_paragraph) return line.date;
    if (line.number < article.title_line) above = &line;
  }
  if (above) return above->date;
  return std::nullopt;
}

struct KeptLine {
  const SourceLine* source;
  std::string fold;  // the key under which lines are compared
};

// What one pass over the lines finds: metadata, body candidates, and the
// dates and photo-story headline that only their position can confirm.
struct Scan {
  Found found;
  std::vector<DatedLine> unlabelled_dates;
  std::vector<KeptLine> kept;
  std::optional<KeptLine> photo_title;  // [사진] … before any paragraph
};

Scan scan_lines(const std::vector<SourceLine>& lines, std::size_t first, const std::function<bool()>& should_stop) {
  Scan scan;
  std::optional<DateRole> pending_label;  // a bare 입력 line: its date may be on the next line
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (should_stop && should_stop()) throw Error(ErrorKind::interrupted, "stopped while reading an article");
    LineInfo info = analyze_line(lines[i].text);
    if (pending_label && info.unlabelled_date && !info.date && !info.updated) {
      (*pending_label == DateRole::published ? info.date : info.updated) = std::move(info.unlabelled_date);
      info.unlabelled_date.reset();
    }
    if (info.role != LineRole::blank) pending_label = info.bare_label;
    if (info.unlabelled_date) scan.unlabelled_dates.push_back({lines[i].number, *info.unlabelled_date});
    scan.found.add(info);
    if (info.role == LineRole::body) scan.kept.push_back({&lines[i], fold(lines[i].text)});
    if (info.may_be_title && scan.kept.empty() && !scan.photo_title)
      scan.photo_title = KeptLine{&lines[i], fold(lines[i].text)};
  }
  return scan;
}

bool is_title_shaped(const std::string& folded) {
  return is_substantial(folded) && !longer_than(folded, kMaxTitleChars);
}

// Sets the article's title and its line; returns the title as compared with
// body lines ("" when there is none). The front matter's title wins; else a
// photo story's [사진] headline above every paragraph; else the first
// substantial body line, unless that line is too long to be one (then the
// text has no title line).
std::string choose_title(Article& article, const FrontMatter& fm, const Scan& scan) {
  const KeptLine* first = nullptr;
  for (const auto& line : scan.kept) {
    if (!is_substantial(line.fold)) continue;
    if (!longer_than(line.fold, kMaxTitleChars)) first = &line;
    break;
  }
  if (fm.title) {
    article.title = fm.title;
    article.title_line = fm.title_line;
    if (first && first->fold == *fm.title) article.title_line = first->source->number;
    return *fm.title;
  }
  const KeptLine* chosen = scan.photo_title && is_title_shaped(scan.photo_title->fold) ? &*scan.photo_title : first;
  if (!chosen) return {};
  article.title = chosen->fold;
  article.title_line = chosen->source->number;
  return chosen->fold;
}

}  // namespace

LineRole classify_line(std::string_view line) { return analyze_line(line).role; }

Article parse_article(std::string_view text, std::string id, std::string path,
                      const std::function<bool()>& should_stop) {
  Article article;
  article.id = std::move(id);
  article.path = std::move(path);

  const auto lines = split_lines(text);
  const FrontMatter fm = read_front_matter(lines);
  Scan scan = scan_lines(lines, fm.lines_used, should_stop);

  // A line that is nothing but the publisher's name (굿모닝충청 above the title,
  // named so by the footer) is its masthead, not the title.
  if (const auto& source = fm.source ? fm.source : scan.found.source)
    std::erase_if(scan.kept, [&](const KeptLine& line) { return strip_decoration(line.fold) == *source; });

  const std::string title_key = choose_title(article, fm, scan);
  std::unordered_set<std::string_view> seen;  // views of the kept lines' folds: no copy of a big text
  if (!title_key.empty()) seen.insert(title_key);
  for (const auto& line : scan.kept)
    if (seen.insert(line.fold).second) article.body.push_back({line.source->number, std::string(line.source->text)});

  const Found& found = scan.found;
  article.source = fm.source ? fm.source : found.source;
  // A revision date never stands in for the publication date.
  article.date = fm.date ? fm.date : found.date ? found.date : date_by_position(scan.unlabelled_dates, article);
  article.updated = fm.updated ? fm.updated : found.updated;
  if (article.date && article.updated && *article.updated < *article.date) article.updated.reset();
  article.author = fm.author ? fm.author : found.author;
  article.url = fm.url;
  return article;
}

}  // namespace kosearch
