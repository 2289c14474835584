#include "kosearch/index_health.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <sstream>
#include <system_error>
#include <vector>

#include "index_generations.h"
#include "index_swap.h"
#include "kosearch/shard_stub.h"
#include "kosearch/text.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

// "Permission denied" → "permission denied", to read as part of a sentence.
std::string reason_text(int err) {
  std::string text = std::error_code(err, std::generic_category()).message();
  if (!text.empty()) text[0] = ascii_lower(text[0]);
  return text;
}

bool is_permission(int err) { return err == EACCES || err == EPERM; }

[[noreturn]] void refuse(const std::string& what, int err) {
  throw Error(is_permission(err) ? ErrorKind::permission_denied : ErrorKind::io, what + ": " + reason_text(err));
}

// Checks `mode` (R_OK, W_OK, X_OK) on `path`; throws naming `what` otherwise.
// access() judges by the real user, which is who runs the binaries. A file
// that vanished meanwhile (a writer's v.tmp) is no problem.
void require(const fs::path& path, int mode, const std::string& what) {
  if (::access(path.c_str(), mode) != 0 && errno != ENOENT) refuse(what, errno);
}

std::string in_quotes(const fs::path& path) { return "'" + path.string() + "'"; }

fs::path parent_of(const fs::path& path) {
  const fs::path parent = path.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

// The folder, and for writing the files in it. Reading checks only the
// folder: every search pays for this, and a file Xapian may not open is
// reported by index_error as a permission problem anyway.
void check_folder(const fs::path& dir, bool write) {
  if (!write) return require(dir, R_OK | X_OK, "cannot read index folder " + in_quotes(dir));
  require(dir, R_OK | W_OK | X_OK, "cannot write index folder " + in_quotes(dir));
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) require(it->path(), R_OK | W_OK, "cannot write index file " + in_quotes(it->path()));
}

// Where a new folder `path` would be created.
void check_creatable(const fs::path& path, const std::string& what) {
  const fs::path parent = parent_of(path);
  std::error_code ec;
  if (!fs::is_directory(parent, ec))
    throw Error(ErrorKind::io, what + ": folder " + in_quotes(parent) + " does not exist");
  require(parent, W_OK | X_OK, what + " in " + in_quotes(parent));
}

bool is_glass_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "iamglass", ec);
}

}  // namespace

std::vector<fs::path> index_databases(const fs::path& index_path) {
  const std::optional<fs::path> stub = shard_stub::find(index_path);
  std::vector<fs::path> dbs;
  if (stub)
    for (const shard_stub::Entry& entry : shard_stub::read(*stub)) {
      if (entry.remote()) continue;
      // The live generation (index_generations.h), sharded or not.
      const bool nested = entry.path != index_path && !is_glass_folder(entry.path) && shard_stub::find(entry.path);
      if (!nested) {
        dbs.push_back(entry.path);
        continue;
      }
      for (fs::path& db : index_databases(entry.path)) dbs.push_back(std::move(db));
    }
  return dbs.empty() ? std::vector<fs::path>{index_path} : dbs;
}

namespace {

// The first line of Xapian's check report that tells of a problem (the
// report also names each table and says which checked out fine).
std::string problem_line(const std::string& report) {
  std::istringstream lines(report);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.back() == ':' || line.rfind("blocksize=", 0) == 0) continue;
    if (line.find("checked okay") != std::string::npos || line.find("checked OK") != std::string::npos) continue;
    return line;
  }
  return "the consistency check found errors";
}

// "shard1: " before a problem in one shard of several.
std::string where(const fs::path& db, const fs::path& index_path) {
  return db == index_path ? std::string() : db.string() + ": ";
}

}  // namespace

void check_index_access(const fs::path& index_path, IndexAccess access) {
  std::error_code ec;
  const bool exists = fs::exists(index_path, ec);
  if (access == IndexAccess::read) {
    if (!exists) return;
    if (fs::is_directory(index_path, ec)) return check_folder(index_path, false);
    return require(index_path, R_OK, "cannot read index " + in_quotes(index_path));
  }
  if (!exists) return check_creatable(index_path, "cannot create index folder " + in_quotes(index_path));
  if (!fs::is_directory(index_path, ec)) return;  // the writer refuses it with its own message
  check_folder(index_path, true);
  if (access == IndexAccess::rebuild && !detail::live_generation(index_path))  // a generation is built inside
    check_creatable(detail::rebuild_dir(index_path),
                    "cannot create " + in_quotes(detail::rebuild_dir(index_path)) + " to rebuild the index beside it");
}

bool is_damage(const Xapian::Error& e) {
  const std::string type = e.get_type();  // Xapian::Error has no virtual functions: no dynamic_cast
  if (type == "DatabaseCorruptError") return true;
  // A plain DatabaseError without a system error: a block that is not where
  // the version file says ("EOF reading block 2") or not in order.
  const char* cause = e.get_error_string();
  return type == "DatabaseError" && (cause == nullptr || *cause == '\0');
}

bool is_permission_problem(const Xapian::Error& e) {
  const char* cause = e.get_error_string();
  return cause && (std::strcmp(cause, std::strerror(EACCES)) == 0 || std::strcmp(cause, std::strerror(EPERM)) == 0);
}

bool is_lock_held(const Xapian::Error& e) {
  // Xapian says "already locked" only when another process holds the lock;
  // a lock file it may not open or create is another DatabaseLockError.
  return std::string(e.get_type()) == "DatabaseLockError" && e.get_msg().find("already locked") != std::string::npos;
}

Error index_error(const Xapian::Error& e, const fs::path& index_path) {
  if (is_damage(e))
    return Error(ErrorKind::index_corrupt, "index " + in_quotes(index_path) + " is damaged (" + e.get_msg() + ")");
  if (is_permission_problem(e))
    return Error(ErrorKind::permission_denied,
                 "cannot access index " + in_quotes(index_path) + ": permission denied (" + e.get_msg() + ")");
  if (is_lock_held(e))
    return Error(ErrorKind::index_locked, "index " + in_quotes(index_path) + " is locked by another indexer");
  return Error(ErrorKind::io, "cannot open index " + in_quotes(index_path) + ": " + e.get_description());
}

IndexCheck check_index(const fs::path& index_path) {
  std::error_code ec;
  if (!fs::exists(index_path, ec)) throw Error(ErrorKind::index_missing, "no index at " + in_quotes(index_path));
  check_index_access(index_path, IndexAccess::read);
  IndexCheck result;
  for (const fs::path& db : index_databases(index_path)) {
    std::ostringstream details;
    try {
      if (Xapian::Database::check(db.string(), Xapian::DBCHECK_SHORT_TREE, &details) == 0) continue;
      result.problem = where(db, index_path) + problem_line(details.str());
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw Error(ErrorKind::index_missing, in_quotes(db) + " is not an index (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
      result.problem = where(db, index_path) + e.get_msg();
    }
    return result;
  }
  try {
    result.documents = Xapian::Database(index_path.string()).get_doccount();
  } catch (const Xapian::Error& e) {
    result.problem = e.get_msg();
    return result;
  }
  result.ok = true;
  return result;
}

}  // namespace kosearch
