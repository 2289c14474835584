// Typed errors raised by the library. Every error carries a message a user can
// act on; the binaries print it as one line on stderr and map the kind to an
// exit code (see exit_codes.h). Library callers can switch on kind().
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace kosearch {

enum class ErrorKind {
  usage,               // bad flag values or arguments
  query_syntax,        // malformed query; QueryError adds the position
  query_too_long,      // over max_query_bytes or max_query_words (query_limits.h)
  invalid_input,       // input text that is not valid UTF-8 and similar
  index_missing,       // no index at the given path
  index_incompatible,  // built by another schema/analyzer version: reindex
  index_locked,        // another indexer holds the write lock
  index_corrupt,       // damaged index files: rebuild (index_health.h names the command)
  permission_denied,   // the process lacks a right on the index folder, its files or its parent
  io,                  // file system errors
  network,             // remote shard unreachable or timed out
  interrupted,         // SIGINT/SIGTERM asked us to stop
  internal,            // a bug: should not happen
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

// A malformed query. position() is the 1-based character (code point) offset
// in the query string where the problem was found.
class QueryError : public Error {
 public:
  QueryError(const std::string& problem, std::size_t position)
      : Error(ErrorKind::query_syntax,
              "query error at character " + std::to_string(position) + ": " + problem),
        problem_(problem),
        position_(position) {}
  const std::string& problem() const noexcept { return problem_; }
  std::size_t position() const noexcept { return position_; }

 private:
  std::string problem_;
  std::size_t position_;
};

}  // namespace kosearch
