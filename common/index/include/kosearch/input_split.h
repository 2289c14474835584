// Splitting one run's input into contiguous parts of about equal bytes, for
// the bulk build: each of N writers analyses one part into its own database
// and the part databases, merged in order, hold the documents in input
// order. Parts are balanced by bytes, not by lines or files: analysis and
// writing cost follows the text, and later NSMC reviews are longer than early
// ones (a split by lines left one writer 5 s behind the other).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace kosearch {

// Bytes [begin, end) of a file holding whole lines; the first of them is line
// `first_line` (1-based) of the file.
struct LineRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint32_t first_line = 1;
};

// Cuts `file` into at most `parts` ranges of about equal bytes, each ending
// just after a '\n' (the last one at the end of the file), so no line is cut.
// Empty ranges are left out: a small file gives fewer parts, an empty file
// none. Reads the file once (line numbers are counted). Throws Error(io)
// when it cannot be read.
std::vector<LineRange> split_lines(const std::filesystem::path& file, unsigned parts);

// Cuts a list of items with these byte sizes into at most `parts` contiguous
// runs of about equal total bytes. Returns the boundaries: run i is items
// [bounds[i], bounds[i+1]). Never an empty run; no items gives {0}.
std::vector<std::size_t> split_by_bytes(const std::vector<std::uint64_t>& sizes, unsigned parts);

}  // namespace kosearch
