// Builds and incrementally updates an index from a corpus directory or a JSONL
// file. Each article has a unique-ID term (Q + id) and a stored content hash:
// a rerun re-analyses only new or changed inputs, replaces them atomically
// (replace_document), and deletes articles of the same origin that are gone.
//
// Commits happen every `batch_size` changes and at the end (see README:
// "Crash safety"), so a crash loses at most the current batch and a rerun
// converges to what a clean rebuild gives. Bad inputs are skipped or repaired
// with a warning, never at the cost of other documents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace kosearch {

struct IndexWarning {
  std::string path;    // file (or file:line for JSONL) the warning is about
  std::string reason;  // one line, e.g. "not valid UTF-8: 3 bytes replaced"
};

struct IndexProgress {
  std::size_t inputs_done = 0;
  std::size_t inputs_total = 0;  // 0 when unknown (JSONL from a stream)
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
};

struct IndexOptions {
  std::filesystem::path index_dir = "index";
  bool rebuild = false;        // drop everything and index from scratch
  bool dry_run = false;        // report what would change; write nothing
  bool wait_for_lock = false;  // wait for another indexer instead of failing
  std::size_t batch_size = 5000;  // changes per commit
  unsigned threads = 0;        // analysis threads; 0 = hardware concurrency
  // N > 1: N shard databases index_dir/shard0 … listed in the stub file
  // index_dir/XAPIANDB (search --index accepts either); an article's shard is
  // picked by a stable hash of its id. 0: as the existing index is (1 if new).
  unsigned shards = 0;
  std::function<void(const IndexWarning&)> on_warning;
  std::function<void(const IndexProgress&)> on_progress;
  std::function<void(const std::string& change, const std::string& id)> on_change;  // dry-run listing
  // Polled between documents; return true to stop at the next safe point.
  std::function<bool()> should_stop;
};

struct IndexSummary {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;
  std::size_t skipped = 0;     // inputs not indexed (binary, empty, unreadable …)
  std::size_t warnings = 0;    // all warnings, including repaired inputs
  std::size_t duplicates = 0;  // articles whose body equals another's
  double seconds = 0;
  bool stopped = false;        // should_stop asked us to stop: work so far committed, removals not done
};

// Indexes every regular file below `corpus_dir` (recursively; hidden files
// and folders are ignored). Article id = path relative to corpus_dir;
// citation path = corpus_dir / id as given. Binary, empty and oversized
// files are skipped with a warning; invalid UTF-8 is replaced by U+FFFD and
// indexed with a warning.
IndexSummary index_corpus(const std::filesystem::path& corpus_dir, const IndexOptions& options);

// Indexes a JSONL file ("-" = stdin): one {"id","title","text", optional
// "source","date","url","author"} object per line. Records of this file that
// are no longer present are removed.
IndexSummary index_jsonl(const std::filesystem::path& jsonl, const IndexOptions& options);

// Inputs at or above this size are skipped (memory stays bounded).
inline constexpr std::uint64_t max_input_bytes = 100ull * 1024 * 1024;

// "added 4, updated 0, unchanged 0, removed 0, skipped 0 in 0.12 s"
std::string format_summary(const IndexSummary& summary);

}  // namespace kosearch
