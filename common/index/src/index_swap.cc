#include "index_swap.h"

#include <stdio.h>  // renameat2
#include <fcntl.h>  // AT_FDCWD

#include <cerrno>
#include <system_error>

#include "kosearch/error.h"

namespace fs = std::filesystem;

namespace kosearch::detail {

void swap_in(const fs::path& live, const fs::path& replacement) {
  if (::renameat2(AT_FDCWD, live.c_str(), AT_FDCWD, replacement.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    throw Error(ErrorKind::io, "cannot move the rebuilt index into place: " +
                                   std::error_code(errno, std::generic_category()).message());
  const fs::path old = live.string() + ".old";
  std::error_code ec;
  fs::remove_all(old, ec);
  fs::rename(live, old);
  fs::rename(replacement, live);
  fs::rename(old, replacement);
}

}  // namespace kosearch::detail
