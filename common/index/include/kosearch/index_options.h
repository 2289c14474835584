// What an indexer run is asked to do and what it reports: the options of a
// run (index_writer.h tells how a run goes), its warnings, progress and
// summary. Plain values, so every unit of the index layer that takes a run's
// options (index_db.h, source_registry.h, source_runs.h) includes this, never
// the writer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kosearch/document.h"  // default_max_article_bytes
#include "kosearch/error.h"     // Remedy

namespace kosearch {

struct IndexWarning {
  std::string path;    // file (or file:line for JSONL) the warning is about
  std::string reason;  // one line, e.g. "not valid UTF-8: 3 bytes replaced"; names no flag
  Remedy remedy = Remedy::none;  // what the user can do about it (error.h); subject: `path`
  // What warnings of this kind have in common, for a front end that tells a
  // kind once with its count: a plural phrase ("records have a \"date\" that
  // is not a date"), with `example` the part of `reason` that differs
  // ("'last week'"). Empty: warnings of the same `reason` are of one kind.
  std::string kind = {};
  std::string example = {};
};

struct IndexProgress {
  std::size_t inputs_done = 0;
  std::size_t inputs_total = 0;  // 0 when unknown (JSONL from a stream)
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
};

// What a run does with an article: the planner's verdict for one it reads
// (add, update, unchanged; change_planner.h) and what on_change is told
// (add, update, remove). Front ends name it (result_names.h).
enum class ArticleChange { add, update, unchanged, remove };

struct IndexOptions {
  // The index folder (index_generations.h: its live generation is written).
  std::filesystem::path index_dir = "index";
  // Inside the library: index_dir is a database folder to build as it is (a
  // rebuild's new generation), not an index folder to look into.
  bool index_dir_is_database = false;
  bool rebuild = false;        // drop everything and index from scratch
  bool dry_run = false;        // report what would change; write nothing
  bool wait_for_lock = false;  // wait for another indexer instead of failing
  // Encoding of inputs that are not valid UTF-8 (an ICU name: EUC-KR, CP949,
  // …); empty: detect EUC-KR/CP949 and UTF-16 with a byte order mark
  // (text_encoding.h), else replace ill-formed bytes by U+FFFD.
  std::string encoding;
  // The text indexed of one article (a corpus file's bytes, a JSONL record's
  // "text"): a longer one is read only that far and indexed up to its last
  // whole line within it (its line numbers unchanged), with a warning; 0 = no
  // limit. The content hash is of what is kept, so the file's rest changes nothing.
  std::uint64_t max_article_bytes = default_max_article_bytes;
  unsigned max_wait_seconds = 0;  // with wait_for_lock: give up (index_locked) after this long; 0 = no bound
  std::size_t batch_size = 5000;  // changes per commit (one transaction each)
  // Writers of a bulk build (a first run into an empty index, --rebuild):
  // each analyses a byte-balanced part of the input into its own database;
  // the parts are merged in input order. 0 = one per core.
  unsigned threads = 0;
  // N > 1: N shard databases index_dir/shard0 … listed in the stub file
  // index_dir/XAPIANDB (search --index accepts either); an article's shard is
  // picked by a stable hash of its id. 0: as the existing index is (1 if new).
  unsigned shards = 0;
  // The synonym list to store (SynonymList::stored(), synonyms.h), replacing
  // the index's; unset: keep the index's list (a new index gets the starter list).
  std::optional<std::string> synonyms;
  // A corpus run limited to these paths (relative to the corpus folder, '/'
  // separated; a folder stands for everything below it): only they are read,
  // and only articles at them are removed when their files are gone; the
  // rest of the corpus is neither read nor touched. Never a bulk build.
  // Empty: the whole corpus. indexer --watch passes what a batch of file
  // events touched (source_watch.h).
  std::vector<std::string> only_paths;
  std::function<void(const IndexWarning&)> on_warning;
  // Each article whose text repeats another's ("same text as 'ID'"); when
  // unset they go to on_warning. A corpus can hold thousands: a front end
  // summarises them (indexer: one line, each listed under -v).
  std::function<void(const IndexWarning&)> on_duplicate;
  std::function<void(const IndexProgress&)> on_progress;
  // Each add, update and remove with the id, as written (dry run: as it would be; indexer -v prints them)
  std::function<void(ArticleChange change, const std::string& id)> on_change;
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

}  // namespace kosearch
