// Exit codes shared by the `indexer` and `search` binaries, documented in the
// README. grep/ripgrep conventions for search: 0 hit, 1 none, 2 error.
#pragma once

namespace kosearch::exit_code {

inline constexpr int ok = 0;           // search: at least one hit; indexer: all files indexed
inline constexpr int no_match = 1;     // search: no hit
inline constexpr int skipped = 1;      // indexer: finished, but some inputs were skipped (warnings printed)
inline constexpr int error = 2;        // usage error or fatal error; index left at its last commit
inline constexpr int locked = 3;       // indexer: another indexer holds the index lock
inline constexpr int interrupted = 130;  // SIGINT
inline constexpr int terminated = 143;   // SIGTERM

}  // namespace kosearch::exit_code
