// Exchanging two folders in one step, so the path always holds a complete
// index (a crash never leaves half of one). A reader with some tables open
// in the old folder can still meet the new one's: index_generations.h
// replaces whole indexes by their stub instead, and uses this only to
// convert an older-layout index once, for one shard rebuilt on its own, and
// for a folder built inside the library. Private to the library.
#pragma once

#include <filesystem>

namespace kosearch::detail {

// Where a rebuild of the index `live` is built before it is swapped in.
inline std::filesystem::path rebuild_dir(const std::filesystem::path& live) { return live.string() + ".rebuild"; }

// Swaps the two directories: renameat2(RENAME_EXCHANGE) where the file
// system has it, otherwise three renames. Afterwards `replacement` holds the
// old index. Throws Error(io).
void swap_in(const std::filesystem::path& live, const std::filesystem::path& replacement);

}  // namespace kosearch::detail
