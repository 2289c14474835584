// Typed errors raised by the library. Every error carries a message that says
// what went wrong and a remedy, what the user can do about it; the messages
// name no command-line flag, the front ends say the remedy in their own flags
// (common/cli: error_remedy.h) and map the kind to an exit code
// (exit_codes.h). Library callers can switch on kind() and remedy().
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

enum class Remedy {
  none,
  build_index,       // there is no index: build one, or point at one
  rebuild_index,     // damaged, or built by other rules: rebuild it from its recorded sources
  wait_for_lock,     // another indexer is writing: wait for it
  replace_synonyms,  // the index's synonym list cannot be read: give it a new one
  shorten_query,     // over the query limits: search less, or only the beginning
  forget_source,     // a recorded source is gone: drop it and its articles (subject: the source)
  force_encoding,    // an input's encoding was guessed: name another to force it
  give_source,       // the index records no input to work on: name one
  raise_article_limit,  // an article was indexed up to the limit on its size: a higher one indexes more
};

// The remedy an error of `kind` has unless it names another.
constexpr Remedy usual_remedy(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::index_missing: return Remedy::build_index;
    case ErrorKind::index_incompatible:
    case ErrorKind::index_corrupt: return Remedy::rebuild_index;
    case ErrorKind::index_locked: return Remedy::wait_for_lock;
    case ErrorKind::query_too_long: return Remedy::shorten_query;
    default: return Remedy::none;
  }
}

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind), remedy_(usual_remedy(kind)) {}
  // `subject`: what the remedy applies to when it is not the index (a source path).
  Error(ErrorKind kind, const std::string& message, Remedy remedy, std::string subject = {})
      : std::runtime_error(message), kind_(kind), remedy_(remedy), subject_(std::move(subject)) {}
  ErrorKind kind() const noexcept { return kind_; }
  Remedy remedy() const noexcept { return remedy_; }
  const std::string& subject() const noexcept { return subject_; }

 private:
  ErrorKind kind_;
  Remedy remedy_;
  std::string subject_;
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
