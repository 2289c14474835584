// How long a query may be, and what happens over the limit. Why a limit:
// Xapian's matcher re-derives the maximum weight of the whole OR tree each
// time one of its sub-queries runs out of documents, so a query's cost grows
// with the square of its terms (a 1 MB query ran for over ten minutes and
// grew to 5.4 GB; 1,000 words take well under a second). Parsing and building
// stay linear; the limit bounds the rest.
//
// Limits: 64 KiB (bytes of UTF-8) and 1,000 words, a word being what the
// analyzer finds (so `a,b,c` is three words, as it is three terms). The
// searcher refuses a longer query with Error(ErrorKind::query_too_long); a
// caller that would rather search the beginning (search -F) cuts it first
// with query_within_limits.
#pragma once

#include <cstddef>
#include <string_view>

#include "kosearch/analyzer.h"

namespace kosearch {

inline constexpr std::size_t max_query_bytes = 64 * 1024;
inline constexpr std::size_t max_query_words = 1000;

// Throws Error(ErrorKind::query_too_long) naming the limit that was passed
// and what to do. Linear in the query; queries of at most max_query_words
// bytes are not even analysed.
void check_query_length(std::string_view query, Analyzer& analyzer);

// The longest beginning of `query` within both limits, cut after a whole
// word (never inside a UTF-8 sequence); `query` itself when it fits.
std::string_view query_within_limits(std::string_view query, Analyzer& analyzer);

}  // namespace kosearch
