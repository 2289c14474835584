// Finding and reading the files of a corpus directory safely: what counts as
// an input, and why a file is refused (binary, empty, too large, unreadable,
// a symlink loop or a link leading outside the corpus, a name that is not
// UTF-8). Private to the library.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
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

// Regular files below `corpus_dir`, sorted by id. Entries that cannot be
// inputs are reported through `refuse` and left out. Throws Error(io) when
// the corpus dir itself is missing or not a directory.
std::vector<InputFile> list_corpus(const std::filesystem::path& corpus_dir,
                                   const std::function<void(const Refusal&)>& refuse);

// Reads a file's bytes and checks them. Returns nullopt and fills `reason`
// when the file must be skipped (unreadable, binary, empty).
std::optional<std::string> read_input(const InputFile& input, std::string& reason);

// True when `bytes` look binary: a NUL byte anywhere.
bool looks_binary(std::string_view bytes);

// True when `bytes` hold nothing but white space.
bool is_blank(std::string_view bytes);

}  // namespace kosearch::detail
