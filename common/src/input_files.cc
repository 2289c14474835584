#include "input_files.h"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "kosearch/error.h"
#include "kosearch/index_writer.h"
#include "kosearch/normalizer.h"

namespace fs = std::filesystem;

namespace kosearch::detail {
namespace {

bool is_hidden(const fs::path& name) {
  const std::string s = name.filename().string();
  return !s.empty() && s[0] == '.';
}

bool inside(const fs::path& child, const fs::path& root) {
  auto [r, c] = std::mismatch(root.begin(), root.end(), child.begin(), child.end());
  return r == root.end();
}

// Why a directory entry cannot be an input, or empty when it can.
std::string refusal_reason(const fs::directory_entry& entry, const fs::path& root) {
  std::error_code ec;
  if (entry.is_symlink(ec)) {
    fs::path target = fs::canonical(entry.path(), ec);
    if (ec) {
      return ec == std::errc::too_many_symbolic_link_levels ? "symlink loop"
                                                            : "broken symlink: " + ec.message();
    }
    if (!inside(target, root)) return "symlink leads outside the corpus (" + target.string() + ")";
  }
  return {};
}

}  // namespace

std::vector<InputFile> list_corpus(const fs::path& corpus_dir,
                                   const std::function<void(const Refusal&)>& refuse) {
  std::error_code ec;
  if (!fs::is_directory(corpus_dir, ec))
    throw Error(ErrorKind::io, "corpus directory '" + corpus_dir.string() + "' does not exist or is not a directory");
  const fs::path root = fs::canonical(corpus_dir);

  std::vector<InputFile> inputs;
  fs::recursive_directory_iterator it(corpus_dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) throw Error(ErrorKind::io, "cannot read corpus directory '" + corpus_dir.string() + "': " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      refuse({corpus_dir.string(), "cannot list: " + ec.message()});
      ec.clear();
      continue;
    }
    const auto& entry = *it;
    if (is_hidden(entry.path())) {
      if (entry.is_directory(ec) && !entry.is_symlink(ec)) it.disable_recursion_pending();
      continue;
    }
    const std::string shown = entry.path().generic_string();
    if (std::string why = refusal_reason(entry, root); !why.empty()) {
      refuse({shown, why});
      continue;
    }
    if (entry.is_directory(ec) || !entry.is_regular_file(ec)) continue;
    const std::string id = entry.path().lexically_relative(corpus_dir).generic_string();
    if (!is_valid_utf8(id)) {
      refuse({sanitize_utf8(shown), "file name is not valid UTF-8; rename it to index it"});
      continue;
    }
    InputFile input{entry.path(), id, (corpus_dir / id).generic_string(), entry.file_size(ec)};
    if (ec) input.size = 0;
    inputs.push_back(std::move(input));
  }
  std::sort(inputs.begin(), inputs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return inputs;
}

bool looks_binary(std::string_view bytes) { return bytes.find('\0') != std::string_view::npos; }

bool is_blank(std::string_view bytes) {
  return bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

std::optional<std::string> read_input(const InputFile& input, std::string& reason) {
  if (input.size >= max_input_bytes) {
    reason = "file of " + std::to_string(input.size / (1024 * 1024)) + " MiB is over the " +
             std::to_string(max_input_bytes / (1024 * 1024)) + " MiB limit; skipped";
    return std::nullopt;
  }
  std::ifstream in(input.file, std::ios::binary);
  if (!in) {
    std::error_code ec(errno, std::generic_category());
    reason = "cannot read: " + ec.message();
    return std::nullopt;
  }
  std::string bytes;
  bytes.resize(input.size);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  // The file may have grown since it was listed; read the rest, within the limit.
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() >= max_input_bytes) {
      reason = "file grew over the size limit while being read; skipped";
      return std::nullopt;
    }
  }
  if (in.bad()) {
    reason = "read error";
    return std::nullopt;
  }
  if (looks_binary(bytes)) {
    reason = "binary file (contains NUL bytes); skipped";
    return std::nullopt;
  }
  if (is_blank(bytes)) {
    reason = "empty file; skipped";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace kosearch::detail
