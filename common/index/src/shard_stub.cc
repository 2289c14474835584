#include "kosearch/shard_stub.h"

#include <fstream>
#include <string_view>

#include "kosearch/error.h"
#include "kosearch/text.h"

namespace fs = std::filesystem;

namespace kosearch::shard_stub {
namespace {

Error entry_error(const fs::path& stub, std::size_t line, const std::string& problem) {
  return Error(ErrorKind::usage, "shard stub '" + stub.string() + "' line " + std::to_string(line) + ": " + problem +
                                     " (expected `auto PATH`, `glass PATH` or `remote HOST:PORT`)");
}

Entry remote_entry(const fs::path& stub, std::size_t line, std::string_view address) {
  const std::size_t colon = address.rfind(':');
  if (address.empty() || address.front() == ':')
    throw entry_error(stub, line, "remote programs are not supported, only HOST:PORT");
  if (colon == std::string_view::npos || colon + 1 == address.size())
    throw entry_error(stub, line, "'" + std::string(address) + "' has no port");
  unsigned long port = 0;
  for (char c : address.substr(colon + 1)) {
    if (c < '0' || c > '9' || port > 65535) throw entry_error(stub, line, "bad port in '" + std::string(address) + "'");
    port = port * 10 + static_cast<unsigned>(c - '0');
  }
  if (port == 0 || port > 65535) throw entry_error(stub, line, "bad port in '" + std::string(address) + "'");
  std::string host(address.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);  // [::1]:port
  Entry entry;
  entry.host = std::move(host);
  entry.port = static_cast<unsigned>(port);
  return entry;
}

// Splits "type   argument" (already trimmed) at its first run of blanks.
std::pair<std::string_view, std::string_view> split_entry(std::string_view entry) {
  const std::size_t space = entry.find_first_of(" \t");
  if (space == std::string_view::npos) return {entry, {}};
  std::string_view arg = entry.substr(space);
  arg.remove_prefix(arg.find_first_not_of(" \t"));
  return {entry.substr(0, space), arg};
}

}  // namespace

std::optional<fs::path> find(const fs::path& index_path) {
  std::error_code ec;
  if (fs::is_directory(index_path, ec)) {
    if (fs::is_regular_file(index_path / file_name, ec)) return index_path / file_name;
    return std::nullopt;
  }
  if (!fs::is_regular_file(index_path, ec)) return std::nullopt;
  std::ifstream in(index_path, std::ios::binary);
  char head[64];
  in.read(head, sizeof head);
  const std::string_view start(head, static_cast<std::size_t>(in.gcount()));
  if (start.find('\0') != std::string_view::npos || start.rfind("\x0f\x0dXapian", 0) == 0) return std::nullopt;
  return index_path;
}

std::vector<Entry> read(const fs::path& stub) {
  std::ifstream in(stub);
  if (!in) throw Error(ErrorKind::io, "cannot read shard stub '" + stub.string() + "'");
  std::vector<Entry> entries;
  std::string text;
  for (std::size_t line = 1; std::getline(in, text); ++line) {
    const std::string_view trimmed = trim_ascii_spaces(text);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    const auto [type, arg] = split_entry(trimmed);
    Entry entry;
    if (type == "remote") {
      entry = remote_entry(stub, line, arg);
    } else if (type == "auto" || type == "glass") {
      if (arg.empty()) throw entry_error(stub, line, "no path");
      const fs::path path(arg);
      entry.path = path.is_absolute() ? path : stub.parent_path() / path;
    } else {
      throw entry_error(stub, line, "unknown shard type '" + std::string(type) + "'");
    }
    entry.line = line;
    entry.description = std::string(trimmed) + " (line " + std::to_string(line) + " of '" + stub.string() + "')";
    entries.push_back(std::move(entry));
  }
  if (entries.empty()) throw Error(ErrorKind::index_missing, "shard stub '" + stub.string() + "' lists no shard");
  return entries;
}

fs::path shard_dir(const fs::path& index_dir, unsigned i) { return index_dir / ("shard" + std::to_string(i)); }

void write(const fs::path& index_dir, unsigned count) {
  const fs::path stub = index_dir / file_name, tmp = index_dir / (std::string(file_name) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (unsigned i = 0; i < count; ++i) out << "auto " << shard_dir({}, i).generic_string() << '\n';
    if (!out.flush()) throw Error(ErrorKind::io, "cannot write shard stub '" + stub.string() + "'");
  }
  fs::rename(tmp, stub);
}

unsigned written_shard_count(const fs::path& index_dir) {
  std::error_code ec;
  const fs::path stub = index_dir / file_name;
  if (!fs::is_regular_file(stub, ec)) return 0;
  const std::vector<Entry> entries = read(stub);
  for (unsigned i = 0; i < entries.size(); ++i) {
    if (entries[i].remote() || entries[i].path.lexically_normal() != shard_dir(index_dir, i).lexically_normal())
      throw Error(ErrorKind::usage, "shard stub '" + stub.string() + "' line " + std::to_string(entries[i].line) +
                                        ": the indexer writes only the shards it created (auto shard0, auto "
                                        "shard1, … in order); index a remote shard on its own host");
  }
  return static_cast<unsigned>(entries.size());
}

}  // namespace kosearch::shard_stub
