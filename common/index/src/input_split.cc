#include "kosearch/input_split.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <numeric>

#include "kosearch/error.h"

namespace kosearch {

std::vector<LineRange> split_lines(const std::filesystem::path& file, unsigned parts) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!in) throw Error(ErrorKind::io, "cannot read '" + file.string() + "': " + std::strerror(errno));
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(file, ec);
  if (ec) throw Error(ErrorKind::io, "cannot read '" + file.string() + "': " + ec.message());
  parts = std::max(parts, 1u);

  std::vector<LineRange> ranges;
  LineRange current;
  std::uint32_t line = 1;  // number of the line starting at `offset`
  std::uint64_t offset = 0;
  // Part k ends at the first line end at or after k/parts of the bytes.
  auto target = [&](std::size_t k) { return size / parts * k + size % parts * k / parts; };
  std::vector<char> buffer(1 << 20);
  for (std::size_t got; (got = std::fread(buffer.data(), 1, buffer.size(), in.get())) > 0;) {
    const char* p = buffer.data();
    const char* const stop = p + got;
    while (const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(stop - p))) {
      const char* after = static_cast<const char*>(nl) + 1;
      offset += static_cast<std::uint64_t>(after - p);
      p = after;
      ++line;
      if (ranges.size() + 1 < parts && offset >= target(ranges.size() + 1)) {
        current.end = offset;
        ranges.push_back(current);
        current = {offset, offset, line};
      }
    }
    offset += static_cast<std::uint64_t>(stop - p);
  }
  if (std::ferror(in.get())) throw Error(ErrorKind::io, "cannot read '" + file.string() + "': read error");
  current.end = offset;
  ranges.push_back(current);
  std::erase_if(ranges, [](const LineRange& r) { return r.begin == r.end; });
  return ranges;
}

std::vector<std::size_t> split_by_bytes(const std::vector<std::uint64_t>& sizes, unsigned parts) {
  parts = std::max(parts, 1u);
  const std::uint64_t total = std::accumulate(sizes.begin(), sizes.end(), std::uint64_t{0});
  std::vector<std::size_t> bounds{0};
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    sum += sizes[i];
    const std::size_t k = bounds.size();  // the run being filled ends at or after k/parts of the bytes
    if (k < parts && i + 1 < sizes.size() && sum >= total / parts * k + total % parts * k / parts && sum > 0)
      bounds.push_back(i + 1);
  }
  if (!sizes.empty()) bounds.push_back(sizes.size());
  return bounds;
}

}  // namespace kosearch
