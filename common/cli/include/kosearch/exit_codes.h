// Exit codes of the `indexer` and `search` binaries and what each means: the
// one place they are written. `--help` shows the tables, `--exit-codes`
// prints them as the Markdown tables docs/scripting.md holds (e2e_docs checks they
// are the same). grep/ripgrep conventions for search: 0 hit, 1 none, 2 error.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace kosearch::exit_code {

inline constexpr int ok = 0;           // search: at least one hit; indexer: all files indexed
inline constexpr int no_match = 1;     // search: no hit
inline constexpr int skipped = 1;      // indexer: finished, but some inputs were skipped (warnings printed)
inline constexpr int error = 2;        // usage error or fatal error; index left at its last commit
inline constexpr int locked = 3;       // indexer: another indexer holds the index lock
inline constexpr int interrupted = 130;  // SIGINT
inline constexpr int terminated = 143;   // SIGTERM

struct Meaning {
  std::string_view codes;  // "0", or "130, 143"
  std::string_view meaning;  // Markdown (`code` in backticks)
};

inline constexpr Meaning search_meanings[] = {
    {"0", "at least one hit"},
    {"1", "no hit (for this page)"},
    {"2", "error: bad flag or value (CLI11 usage errors included), no or incompatible index, no permission to read "
          "the index (`search: cannot read index folder 'idx': permission denied`), damaged index (with the command "
          "that repairs it), malformed query, query not valid UTF-8, query over 1,000 words or 64 KiB (without "
          "`-F`), output that cannot be written (full disk, closed stdout); also when some hits were already "
          "printed, e.g. one bad query in a `--batch`"},
};

inline constexpr Meaning indexer_meanings[] = {
    {"0", "all inputs indexed (`--check`: the index is sound; `--watch`: stopped by SIGINT/SIGTERM, the changes "
          "seen so far applied)"},
    {"1", "finished, but some inputs were skipped (see the warnings)"},
    {"2", "error, the index left at its last commit: bad flag or value, no permission on the index folder or its "
          "parent (named, with the missing right), damaged index (with the command that repairs it), unreadable "
          "input; `--watch`: a watched folder was moved away or deleted"},
    {"3", "the index is locked by another indexer (`--wait` waits instead)"},
    {"130, 143", "stopped by SIGINT / SIGTERM: the work so far is committed, rerun to finish (a bulk build keeps "
                 "nothing: the index stays as it was)"},
};

// A table as Markdown, as docs/scripting.md has it.
std::string markdown(std::span<const Meaning> meanings);

// A table as plain text for --help (backticks dropped), under "Exit codes:".
std::string help_text(std::span<const Meaning> meanings);

}  // namespace kosearch::exit_code
