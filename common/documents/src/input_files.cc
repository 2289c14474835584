#include "kosearch/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <istream>
#include <limits>
#include <system_error>

#include "kosearch/error.h"
#include "kosearch/document.h"
#include "kosearch/text.h"
#include "kosearch/text_encoding.h"

namespace fs = std::filesystem;

namespace kosearch::detail {
namespace {


bool inside(const fs::path& child, const fs::path& root) {
  auto [r, c] = std::mismatch(root.begin(), root.end(), child.begin(), child.end());
  return r == root.end();
}

std::string kind_name(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block:
    case fs::file_type::character: return "a device";
    default: return "not a regular file";
  }
}

// What a directory entry is, once symlinks are judged.
enum class EntryKind { file, folder, refused };

EntryKind classify(const fs::directory_entry& entry, const fs::path& root, std::string& reason) {
  std::error_code ec;
  const fs::file_status own = entry.symlink_status(ec);
  if (ec) {
    reason = "cannot stat: " + ec.message();
    return EntryKind::refused;
  }
  if (fs::is_symlink(own)) {
    const fs::path target = fs::canonical(entry.path(), ec);
    if (ec) {
      reason = ec == std::errc::too_many_symbolic_link_levels ? "symlink loop; skipped"
                                                              : "broken symlink (" + ec.message() + "); skipped";
      return EntryKind::refused;
    }
    if (!inside(target, root)) {
      reason = "symlink leads outside the corpus (" + sanitize_utf8(target.string()) + "); skipped";
      return EntryKind::refused;
    }
    const fs::file_status followed = fs::status(target, ec);
    if (fs::is_directory(followed)) {
      reason = "symlink to a folder; not followed";
      return EntryKind::refused;
    }
    if (!fs::is_regular_file(followed)) {
      reason = "symlink to " + kind_name(followed.type()) + "; skipped";
      return EntryKind::refused;
    }
    return EntryKind::file;
  }
  if (fs::is_directory(own)) return EntryKind::folder;
  if (fs::is_regular_file(own)) return EntryKind::file;
  reason = kind_name(own.type()) + "; skipped";
  return EntryKind::refused;
}

std::string errno_message(int err) { return std::error_code(err, std::generic_category()).message(); }

}  // namespace

namespace {

// One corpus walk: the folders still to list and what was found.
class CorpusWalk {
 public:
  CorpusWalk(const fs::path& corpus_dir, const fs::path& root, const std::function<void(const Refusal&)>& refuse)
      : corpus_dir_(corpus_dir), root_(root), refuse_(refuse) {}

  // Lists every folder pushed, and the folders below them.
  void run() {
    while (!pending_.empty()) {
      const fs::path relative = std::move(pending_.back());
      pending_.pop_back();
      list_folder(relative);
    }
  }

  // One entry of the corpus, at `rel` below corpus_dir.
  void visit(const fs::directory_entry& entry, const fs::path& rel) {
    const std::string id = rel.generic_string();
    const std::string shown = (corpus_dir_ / rel).generic_string();
    if (!is_valid_utf8(id)) {
      refuse_({sanitize_utf8(shown), "file name is not valid UTF-8; skipped (rename it to index it)"});
      return;
    }
    std::string reason;
    switch (classify(entry, root_, reason)) {
      case EntryKind::folder:
        pending_.push_back(rel);
        break;
      case EntryKind::refused:
        refuse_({shown, reason});
        break;
      case EntryKind::file: {
        std::error_code size_ec;
        const std::uint64_t size = entry.file_size(size_ec);
        listing_.inputs.push_back({corpus_dir_ / rel, id, shown, size_ec ? 0 : size});
        break;
      }
    }
  }

  // A path of a limited walk: listed when it and the folders above it are
  // what the full walk would enter (not ignored, not links).
  void visit_path(const std::string& path) {
    fs::path rel;
    std::error_code ec;
    for (const fs::path& part : fs::path(path)) {
      if (part.empty() || part == "." || part == ".." || is_ignored_name(part.string())) return;
      if (!rel.empty() && !fs::is_directory(fs::symlink_status(corpus_dir_ / rel, ec))) return;
      rel /= part;
    }
    if (rel.empty()) return;
    fs::directory_entry entry(corpus_dir_ / rel, ec);
    if (!ec && entry.exists(ec)) visit(entry, rel);
  }

  void push(fs::path relative) { pending_.push_back(std::move(relative)); }
  CorpusListing take() { return std::move(listing_); }

 private:
  void list_folder(const fs::path& relative) {
    std::error_code ec;
    const fs::path folder = relative.empty() ? corpus_dir_ : corpus_dir_ / relative;
    fs::directory_iterator it(folder, ec);
    if (ec) {
      if (relative.empty())
        throw Error(ErrorKind::io, "cannot list corpus directory '" + corpus_dir_.string() + "': " + ec.message());
      refuse_({folder.generic_string(), "cannot list folder: " + ec.message() + "; what was indexed from it is kept"});
      listing_.unlisted_folders.push_back(relative.generic_string() + "/");
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec))
      if (!is_ignored_name(it->path().filename().string())) visit(*it, relative / it->path().filename());
    if (ec) {
      refuse_({folder.generic_string(), "listing stopped early: " + ec.message() + "; what was indexed from it is kept"});
      listing_.unlisted_folders.push_back(relative.empty() ? std::string() : relative.generic_string() + "/");
    }
  }

  const fs::path& corpus_dir_;
  const fs::path& root_;
  const std::function<void(const Refusal&)>& refuse_;
  std::vector<fs::path> pending_;  // folders to list, as paths below corpus_dir ("" = corpus_dir itself)
  CorpusListing listing_;
};

}  // namespace

bool is_ignored_name(std::string_view name) {
  if (name.empty()) return false;
  return name.front() == '.' || name.back() == '~' || (name.size() > 1 && name.front() == '#' && name.back() == '#');
}

bool at_or_below(std::string_view path, std::string_view folder) {
  return path.starts_with(folder) && (path.size() == folder.size() || path[folder.size()] == '/');
}

bool in_paths(std::string_view id, const std::vector<std::string>& paths) {
  return std::any_of(paths.begin(), paths.end(), [id](const std::string& p) { return at_or_below(id, p); });
}

CorpusListing list_corpus(const fs::path& corpus_dir, const std::function<void(const Refusal&)>& refuse,
                          const std::vector<std::string>& only) {
  std::error_code ec;
  if (!fs::is_directory(corpus_dir, ec))
    throw Error(ErrorKind::io, "corpus directory '" + corpus_dir.string() + "' does not exist or is not a directory");
  const fs::path root = fs::canonical(corpus_dir, ec);
  if (ec) throw Error(ErrorKind::io, "cannot resolve corpus directory '" + corpus_dir.string() + "': " + ec.message());

  CorpusWalk walk(corpus_dir, root, refuse);
  if (only.empty()) {
    walk.push(fs::path());
  } else {
    std::vector<std::string> paths = only;
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    for (const std::string& path : paths) {
      const auto slash = path.rfind('/');
      // A path below another one given is listed with it.
      if (slash != std::string::npos && in_paths(std::string_view(path).substr(0, slash), paths)) continue;
      walk.visit_path(path);
    }
  }
  walk.run();
  CorpusListing listing = walk.take();
  std::sort(listing.inputs.begin(), listing.inputs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return listing;
}

bool looks_binary(std::string_view bytes) { return bytes.find('\0') != std::string_view::npos; }

bool is_blank(std::string_view bytes) {
  return bytes.find_first_not_of(ascii_spaces) == std::string_view::npos;
}

namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

ReadResult refused(std::string reason, bool transient = false) {
  ReadResult r;
  r.reason = std::move(reason);
  r.transient = transient;
  return r;
}

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::size_t whole_lines_within(std::string_view bytes, std::size_t limit) {
  if (bytes.size() <= limit) return bytes.size();
  if (has_utf16_bom(bytes)) {
    const bool little = bytes[0] == '\xFF';
    std::size_t end = limit & ~std::size_t{1};
    for (std::size_t unit = end; unit >= 2; unit -= 2)
      if (bytes[unit - 2] == (little ? '\n' : '\0') && bytes[unit - 1] == (little ? '\0' : '\n')) return unit;
    return end;
  }
  const std::size_t newline = bytes.substr(0, limit).rfind('\n');
  if (newline != std::string_view::npos) return newline + 1;
  std::size_t end = limit;
  while (end > 0 && is_utf8_continuation(bytes[end])) --end;
  return end;
}

ReadResult read_input(const InputFile& input, std::uint64_t max_bytes) {
  Fd fd(::open(input.file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) return refused("cannot read: " + errno_message(errno) + "; skipped", true);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return refused("cannot stat: " + errno_message(errno) + "; skipped", true);
  if (!S_ISREG(st.st_mode)) return refused("no longer a regular file; skipped");

  // Read in pieces, each checked for NUL bytes as it comes: a huge binary
  // file is refused after its first piece. Only the pages read are touched
  // (reserve, then resize piece by piece); past what fstat announced (the
  // end, or one byte past the limit to tell whether the file goes on) a small
  // buffer is read, so a file that did not grow costs no reallocation.
  const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  const std::uint64_t keep = max_bytes ? max_bytes + 1 : std::numeric_limits<std::uint64_t>::max();
  constexpr std::size_t piece = 1 << 20;
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(std::min(size, keep)));
  bool utf16 = false;
  for (;;) {
    const std::size_t filled = bytes.size();
    if (filled >= keep) break;
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(piece, keep - filled));
    char beyond[65536];
    const bool in_place = filled < bytes.capacity();
    if (in_place) bytes.resize(std::min(filled + want, bytes.capacity()));
    char* into = in_place ? bytes.data() + filled : beyond;
    const std::size_t room = in_place ? bytes.size() - filled : std::min(want, sizeof beyond);
    const ssize_t n = ::read(fd.get(), into, room);
    if (in_place) bytes.resize(filled + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return refused("read error: " + errno_message(errno) + "; skipped", true);
    if (n == 0) break;
    if (!in_place) bytes.append(beyond, static_cast<std::size_t>(n));  // the file grew since fstat
    if (filled == 0) utf16 = has_utf16_bom(bytes);
    if (!utf16 && looks_binary(std::string_view(bytes).substr(filled)))
      return refused("binary file (contains NUL bytes); skipped");
  }
  ReadResult ok;
  ok.file_size = std::max<std::uint64_t>(size, bytes.size());
  if (max_bytes && bytes.size() > max_bytes) {
    ok.cut = true;
    bytes.resize(whole_lines_within(bytes, static_cast<std::size_t>(max_bytes)));  // no copy: it stays the size read
  }
  if (is_blank(bytes)) return refused("empty file; skipped");
  ok.bytes = std::move(bytes);
  return ok;
}

LineRead read_line_bounded(std::istream& in, std::string& line, std::size_t limit) {
  line.clear();
  LineRead read;
  bool too_long = false;
  std::streambuf* buf = in.rdbuf();
  for (;;) {
    const auto c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      if (read.bytes == 0) return read;
      break;
    }
    ++read.bytes;
    if (c == '\n') break;
    if (line.size() + 1 >= limit) {
      too_long = true;
      std::string().swap(line);
      in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');  // the rest, unbuffered
      read.bytes += static_cast<std::uint64_t>(in.gcount());
      break;
    }
    // One allocation for a long line instead of doubling copies: peak memory
    // stays near `limit` (pages are only resident once written).
    if (line.size() == (1u << 20) && line.capacity() < limit) line.reserve(limit);
    line.push_back(static_cast<char>(c));
  }
  read.status = too_long ? LineRead::too_long : LineRead::ok;
  return read;
}

}  // namespace kosearch::detail
