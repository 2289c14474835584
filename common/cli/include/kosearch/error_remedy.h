// An error as the front ends print it: the library's message (what went
// wrong) and the remedy (error.h) in the binaries' own flags. The one owner
// of every "run indexer --rebuild …" and "rerun with --wait" hint.
#pragma once

#include <filesystem>
#include <string>

#include "kosearch/error.h"

namespace kosearch {

enum class Program { indexer, search };

// The command that rebuilds the index at `index_path` from its recorded
// sources, quoted for the shell.
std::string repair_command(const std::filesystem::path& index_path);

// "…; rebuild it with: indexer --rebuild --index idx" — `message` followed by
// the remedy of `remedy`, as `program` says it; `message` alone when there is
// none. `subject`: what a source's remedy applies to (its path).
std::string with_remedy(const std::string& message, Remedy remedy, Program program,
                        const std::filesystem::path& index_path, const std::string& subject = {});

inline std::string with_remedy(const Error& e, Program program, const std::filesystem::path& index_path) {
  return with_remedy(e.what(), e.remedy(), program, index_path, e.subject());
}

}  // namespace kosearch
