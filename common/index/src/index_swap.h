// Putting a rebuilt index in place of the live one in one step, so the index
// path always holds a complete index (searches and crashes never see half of
// one). Used by --rebuild of one input (index_writer.cc) and of all recorded
// sources (source_registry.cc). Private to the library.
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
