#include "index_generations.h"

#include <fcntl.h>   // O_DIRECTORY
#include <unistd.h>  // fsync, link, getpid

#include <cerrno>
#include <fstream>
#include <system_error>
#include <vector>

#include <xapian.h>

#include "index_swap.h"
#include "kosearch/error.h"
#include "kosearch/shard_stub.h"

namespace fs = std::filesystem;

namespace kosearch::detail {
namespace {

constexpr std::string_view generation_prefix = "gen-";

// N of a folder name "gen-N"; nullopt for any other name.
std::optional<unsigned long> generation_number(const std::string& name) {
  if (name.size() <= generation_prefix.size() || name.compare(0, generation_prefix.size(), generation_prefix) != 0)
    return std::nullopt;
  unsigned long n = 0;
  for (std::size_t i = generation_prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || n > 100'000'000) return std::nullopt;
    n = n * 10 + static_cast<unsigned long>(name[i] - '0');
  }
  return n;
}

std::string generation_name(unsigned long n) { return std::string(generation_prefix) + std::to_string(n); }

std::string stub_text(const std::string& generation) { return "auto " + generation + "\n"; }

fs::path normal(const fs::path& path) { return path.lexically_normal(); }

[[noreturn]] void io_failure(const std::string& what, int err) {
  throw Error(ErrorKind::io, what + ": " + std::error_code(err, std::generic_category()).message());
}

// Writes `text` to a new file `path` and syncs it.
void write_synced(const fs::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) io_failure("cannot write '" + path.string() + "'", errno);
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      io_failure("cannot write '" + path.string() + "'", err);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) io_failure("cannot write '" + path.string() + "'", errno);
}

fs::path temporary_beside(const fs::path& path) {
  return path.string() + ".tmp" + std::to_string(::getpid());
}

// Writes the stub of a new index unless one is there already (another
// indexer creating the same index at the same moment, or one that has
// published since): link() creates it only where there is none.
void create_stub(const fs::path& index_dir, const std::string& generation) {
  const fs::path stub = index_dir / shard_stub::file_name, tmp = temporary_beside(stub);
  write_synced(tmp, stub_text(generation));
  const int linked = ::link(tmp.c_str(), stub.c_str());
  const int err = errno;
  std::error_code ec;
  fs::remove(tmp, ec);
  if (linked != 0 && err != EEXIST) io_failure("cannot write index stub '" + stub.string() + "'", err);
  sync_directory(index_dir);
}

// The highest N of the gen-N folders in `index_dir` (0 when none).
unsigned long highest_generation(const fs::path& index_dir) {
  unsigned long highest = 0;
  std::error_code ec;
  for (fs::directory_iterator it(index_dir, ec), end; !ec && it != end; it.increment(ec))
    if (auto n = generation_number(it->path().filename().string())) highest = std::max(highest, *n);
  return highest;
}

// Removes the generations older than gen-`keep_from`, with what rebuilds of
// them left (gen-K.rebuild, gen-K.parts).
void remove_generations_before(const fs::path& index_dir, unsigned long keep_from) {
  std::vector<fs::path> old;
  std::error_code ec;
  for (fs::directory_iterator it(index_dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    for (const char* suffix : {".rebuild", ".parts"})
      if (name.size() > std::char_traits<char>::length(suffix) && name.ends_with(suffix))
        name.resize(name.size() - std::char_traits<char>::length(suffix));
    if (auto n = generation_number(name); n && *n < keep_from) old.push_back(it->path());
  }
  for (const fs::path& path : old) fs::remove_all(path, ec);
}

// True when the folder `parent` holds a shard stub that lists `folder`.
bool is_listed_shard(const fs::path& folder) {
  std::error_code ec;
  const fs::path stub = folder.parent_path() / shard_stub::file_name;
  if (!fs::is_regular_file(stub, ec)) return false;
  try {
    for (const shard_stub::Entry& entry : shard_stub::read(stub))
      if (!entry.remote() && normal(entry.path) == normal(folder)) return true;
  } catch (const Error&) {
  }
  return false;
}

// What a killed conversion leaves at DIR.convert: a stub and a generation.
bool is_conversion_leftover(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!generation_number(name) && name.rfind(shard_stub::file_name, 0) != 0) return false;
  }
  return !ec;
}

// An older-layout index folder `live` becomes a generation-layout one whose
// first generation is `built` (see the header).
void convert(const fs::path& live, const fs::path& built) {
  const fs::path staging = live.string() + ".convert";
  std::error_code ec;
  if (fs::exists(staging, ec)) {
    if (!fs::is_directory(staging, ec) || !is_conversion_leftover(staging))
      throw Error(ErrorKind::io, "'" + staging.string() + "' holds files that are not a kosearch index; move them away to rebuild");
    fs::remove_all(staging);
  }
  fs::create_directory(staging);
  fs::rename(built, staging / generation_name(1));
  replace_file(staging / shard_stub::file_name, stub_text(generation_name(1)));
  swap_in(live, staging);
  sync_directory(live.parent_path());
  fs::remove_all(staging, ec);  // now the old tables
}

}  // namespace

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void replace_file(const fs::path& path, const std::string& text) {
  const fs::path tmp = temporary_beside(path);
  write_synced(tmp, text);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::error_code ec;
    fs::remove(tmp, ec);
    io_failure("cannot replace '" + path.string() + "'", err);
  }
  sync_directory(path.parent_path());
}

std::optional<fs::path> live_generation(const fs::path& index_dir) {
  std::error_code ec;
  const fs::path stub = index_dir / shard_stub::file_name;
  if (!fs::is_regular_file(stub, ec)) return std::nullopt;
  try {
    const std::vector<shard_stub::Entry> entries = shard_stub::read(stub);
    if (entries.size() != 1 || entries[0].remote()) return std::nullopt;
    const fs::path& path = entries[0].path;
    if (normal(path.parent_path()) != normal(stub.parent_path()) || !generation_number(path.filename().string()))
      return std::nullopt;
    return index_dir / path.filename();
  } catch (const Error&) {
    return std::nullopt;  // the readers report a malformed stub
  }
}

fs::path database_folder(const fs::path& index_dir) { return live_generation(index_dir).value_or(index_dir); }

fs::path writable_folder(const fs::path& index_dir, bool sharded) {
  if (auto live = live_generation(index_dir)) return *live;
  std::error_code ec;
  const bool missing = !fs::exists(index_dir, ec);
  if (!missing && !(fs::is_directory(index_dir, ec) && fs::is_empty(index_dir, ec))) return index_dir;
  // Put together beside it and renamed into place (over an empty folder too),
  // so a search never finds the folder without its stub; where the parent
  // may not be written (an empty folder given), in place.
  const fs::path staging = index_dir.string() + ".new" + std::to_string(::getpid());
  fs::remove_all(staging, ec);
  const bool staged = fs::create_directory(staging, ec);
  const fs::path folder = staged ? staging : index_dir;
  if (!staged) fs::create_directory(index_dir, ec);
  // An empty database before the stub names it, so a search meanwhile finds
  // an empty index, not a folder without one; an indexer creating it at the
  // same moment holds its lock (and creates it).
  // (A sharded one gets its shards and their stub from its first run.)
  const fs::path first = folder / generation_name(1);
  try {
    if (sharded) fs::create_directory(first);
    else Xapian::WritableDatabase(first.string(), Xapian::DB_CREATE_OR_OPEN).close();
  } catch (const Xapian::DatabaseLockError&) {
  } catch (const Xapian::Error& e) {
    if (staged) fs::remove_all(staging, ec);
    throw Error(ErrorKind::io, "cannot create index '" + index_dir.string() + "': " + e.get_description());
  }
  create_stub(folder, generation_name(1));
  if (staged) {
    if (::rename(staging.c_str(), index_dir.c_str()) == 0) sync_directory(index_dir.parent_path());
    fs::remove_all(staging, ec);  // another indexer created the index first: it is used
  }
  return database_folder(index_dir);
}

fs::path current_folder(const fs::path& folder) {
  if (auto live = live_generation(folder)) return *live;  // an older-layout folder, converted meanwhile
  const fs::path parent = folder.parent_path();
  if (generation_number(folder.filename().string())) {
    auto live = live_generation(parent);
    return live ? *live : folder;
  }
  if (generation_number(parent.filename().string()))
    if (auto live = live_generation(parent.parent_path()); live && normal(*live) != normal(parent))
      return *live / folder.filename();
  return folder;
}

fs::path shown_index(const fs::path& folder) {
  std::error_code ec;
  if (generation_number(folder.filename().string()) &&
      fs::is_regular_file(folder.parent_path() / shard_stub::file_name, ec))
    return folder.parent_path();
  return folder;
}

void publish(const fs::path& live, const fs::path& built, OldLayout old_layout) {
  const fs::path index_dir = live.parent_path();
  const auto live_n = generation_number(live.filename().string());
  if (live_n && live_generation(index_dir) && normal(*live_generation(index_dir)) == normal(live)) {
    const std::string next = generation_name(std::max(highest_generation(index_dir), *live_n) + 1);
    fs::rename(built, index_dir / next);
    sync_directory(index_dir);
    replace_file(index_dir / shard_stub::file_name, stub_text(next));
    remove_generations_before(index_dir, *live_n);
    return;
  }
  std::error_code ec;
  if (old_layout == OldLayout::exchange || is_listed_shard(live)) {  // the exchange, as before generations
    swap_in(live, built);
    sync_directory(index_dir);
    fs::remove_all(built, ec);  // now what it replaced
    return;
  }
  convert(live, built);
}

}  // namespace kosearch::detail
