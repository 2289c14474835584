// Finding and reading the files of a corpus directory safely: what counts as
// an input, and why a file is refused (binary, empty, unreadable,
// a symlink loop or a link leading outside the corpus, a name that is not
// UTF-8, a FIFO or device). Private to the library.
//
// Decisions:
// - Hidden files and folders (".name") and editors' backup and autosave files
//   ("name~", "#name#") are ignored silently: they are copies of an article
//   being edited, not articles (is_ignored_name; indexer --watch uses it too).
// - A symlink to a file inside the corpus is an input of its own (id = the
//   link's path; its text duplicates the target's and is reported as such).
//   Symlinks to folders are never followed (that is how loops are avoided);
//   they are refused with a warning, like loops, broken links and links
//   leading outside the corpus.
// - Files are opened with O_NONBLOCK and checked with fstat, so a FIFO that
//   replaced a file after listing never blocks the indexer.
// - A file longer than the article limit (indexer --max-article-size) is
//   read only up to it and kept up to its last whole line within it, so
//   memory stays bounded whatever the file's size; what lies beyond is never
//   read. A NUL byte refuses a file as soon as it is read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosearch::detail {

struct InputFile {
  std::filesystem::path file;  // path to open
  std::string id;              // path relative to the corpus dir, '/' separated
  std::string citation_path;   // corpus dir as given / id
  std::uint64_t size = 0;
};

struct Refusal {
  std::string path;
  std::string reason;
};

struct CorpusListing {
  std::vector<InputFile> inputs;  // sorted by id
  // Ids prefixes ("sub/dir/") of folders that could not be listed: what was
  // indexed from them is kept, as for a file that cannot be read.
  std::vector<std::string> unlisted_folders;
};

// True for a file or folder name the corpus walk leaves out (see above).
bool is_ignored_name(std::string_view name);

// Regular files below `corpus_dir`. Entries that cannot be inputs are reported
// through `refuse` and left out. Throws Error(io) when the corpus dir itself
// is missing, not a directory or cannot be listed. A non-empty `only` limits
// the walk to those paths (relative to corpus_dir; a folder stands for
// everything below it); a path that is gone, ignored or below an ignored or
// linked folder lists nothing.
CorpusListing list_corpus(const std::filesystem::path& corpus_dir,
                          const std::function<void(const Refusal&)>& refuse,
                          const std::vector<std::string>& only = {});

// True when the '/'-separated relative path `path` is `folder` or below it
// ("a/b" is below "a", not below "ab").
bool at_or_below(std::string_view path, std::string_view folder);

// True when article id `id` is one of `paths` or below one of them (the
// scope of a run limited to `paths`, as list_corpus reads it).
bool in_paths(std::string_view id, const std::vector<std::string>& paths);

struct ReadResult {
  // The file's bytes (its first whole lines within the limit when `cut`), or
  // nullopt when skipped.
  std::optional<std::string> bytes;
  std::string reason;                // why it was skipped
  // The file could not be read (permissions, I/O error): a once-indexed
  // version is kept. Otherwise the content itself is refused (binary, empty)
  // and a once-indexed version is removed, as a rebuild would.
  bool transient = false;
  bool cut = false;               // the file is longer than the limit
  std::uint64_t file_size = 0;    // the whole file's size (fstat)
};

// Reads a file's bytes and checks them; `max_bytes` > 0 reads at most that
// many and keeps whole lines of them (whole_lines_within).
ReadResult read_input(const InputFile& input, std::uint64_t max_bytes = 0);

// How many bytes of `bytes` the whole lines within its first `limit` bytes
// take ('\n' ends a line; UTF-16 with a byte order mark: the code unit of
// '\n'). A first line longer than `limit` is cut at the last character
// boundary within it (UTF-8; UTF-16: an even count).
std::size_t whole_lines_within(std::string_view bytes, std::size_t limit);

// True when `bytes` look binary: a NUL byte anywhere.
bool looks_binary(std::string_view bytes);

// True when `bytes` hold nothing but white space.
bool is_blank(std::string_view bytes);

// Reads one '\n'-terminated line into `line` (without the '\n'), keeping at
// most `limit` bytes in memory: a line of `limit` bytes or more is consumed to
// its end and reported as too_long with `line` emptied. `bytes` counts what was consumed,
// the '\n' included.
struct LineRead {
  enum Status { ok, too_long, end } status = end;
  std::uint64_t bytes = 0;
};
LineRead read_line_bounded(std::istream& in, std::string& line, std::size_t limit);

}  // namespace kosearch::detail
