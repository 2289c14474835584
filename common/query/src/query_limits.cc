#include "kosearch/query_limits.h"

#include <string>

#include "kosearch/error.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// At most max_query_bytes, ending at a space near the limit when there is one
// (so no word is cut in half) and never inside a UTF-8 sequence.
std::string_view within_byte_limit(std::string_view query) {
  if (query.size() <= max_query_bytes) return query;
  std::size_t end = max_query_bytes;
  while (end > 0 && is_continuation_byte(query[end])) --end;
  const std::size_t space = query.substr(0, end + 1).find_last_of(" \t\r\n");
  constexpr std::size_t longest_word = 256;  // longer than any indexed word (max_term_bytes)
  if (space != std::string_view::npos && space > 0 && end - space < longest_word) end = space;
  return query.substr(0, end);
}

}  // namespace

void check_query_length(std::string_view query, Analyzer& analyzer) {
  if (query.size() > max_query_bytes)
    throw Error(ErrorKind::query_too_long, "query of " + std::to_string(query.size()) + " bytes is over the limit of " +
                                               std::to_string(max_query_bytes) + " bytes (64 KiB); shorten it");
  // Every word takes at least one byte: a short query cannot have too many.
  if (query.size() <= max_query_words) return;
  const std::size_t words = analyzer.analyze(query).size();
  if (words > max_query_words)
    throw Error(ErrorKind::query_too_long, "query of " + std::to_string(words) + " words is over the limit of " +
                                               std::to_string(max_query_words) + " words; shorten it");
}

std::string_view query_within_limits(std::string_view query, Analyzer& analyzer) {
  std::string_view cut = within_byte_limit(query);
  if (cut.size() <= max_query_words || !is_valid_utf8(cut)) return cut;
  const std::vector<Token> tokens = analyzer.analyze(cut);
  if (tokens.size() <= max_query_words) return cut;
  return cut.substr(0, tokens[max_query_words - 1].end);
}

}  // namespace kosearch
