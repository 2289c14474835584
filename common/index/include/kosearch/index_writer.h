// Builds and incrementally updates an index from a corpus directory or a JSONL
// file. Each article has a unique-ID term (Q + id) and a stored content hash:
// a rerun re-analyses only new or changed inputs, replaces them atomically
// (replace_document), and deletes articles of the same origin that are gone.
// Any sequence of incremental runs gives the index a clean rebuild of the same
// input gives (same documents, terms, positions, values and stored data).
//
// Batches and crashes (incremental runs). Changes (adds, updates, removals) are written in
// batches of `batch_size`, each one Xapian transaction, committed when full
// and at the end; the schema/analyzer metadata goes into the first batch. So
// a run that commits k batches moves the database revision by exactly k (a
// run with nothing to change writes nothing), Xapian's own auto-commit never
// splits a batch, and a crash or kill -9 leaves the index at its last
// committed batch; rerunning converges. should_stop ends the run at the next
// input: the open batch is committed, removals are not done (summary.stopped).
// A fatal error cancels the open batch. Nothing is removed after a failed read
// of a JSONL stream.
//
// Bulk build. A run into a new or empty index, and --rebuild, build a new
// index beside the live one while holding the live index's lock (a new index
// is created empty first, for the lock): `threads` writers each analyse a
// byte-balanced part of the input into their own database under
// <live>.parts (no fsync: nothing of it is live), the parts are merged in
// input order by one full compaction into <live>.rebuild, which is published
// as the index's next generation by replacing its stub in one rename
// (index_generations.h; <live> is the live generation INDEX/gen-N), so
// searches and crashes always see a complete index; whatever a killed run left is removed by the next run. The
// output (documents, docid order, warnings, counts) is that of a sequential
// run. A bulk build is all or nothing: stopped (should_stop), it keeps
// nothing. --rebuild replaces the whole index with this input: articles of
// other inputs are dropped; it also replaces an index that cannot be opened
// (corrupt). Sharded indexes (--shards) and --dry-run take the sequential
// path. The indexer refuses to write into, or replace, a directory holding
// anything but Xapian's files.
// Every run records its input in the index (source_registry.h), written with
// its first batch.
//
// Inputs. Unchanged articles are not re-analysed (not even read back). A
// corpus file that cannot be read (permissions, I/O error), or a folder that
// cannot be listed, keeps what was indexed from it; a file whose content is
// refused (binary, empty) loses its indexed version, as a rebuild
// would. A JSONL record whose id repeats an earlier record of the same run is
// skipped (the first wins); an id that belongs to an article of another
// input (origin) is skipped too, except between JSONL files: records are
// keyed by id, so a renamed export takes its articles over (updated). A
// JSONL record that only moved (another line, or another byte offset) gets its
// stored place rewritten without re-analysis (counted as updated). Warnings about repaired input are given when it is (re)indexed.
//
// Duplicates. An article written in this run whose body has the fingerprint
// of another article present after the run (schema::body_fingerprint: same
// letters and digits, so spacing, line breaks, punctuation, width and case do
// not matter) is reported once per extra copy: adding a copy warns once, a
// clean build of n copies warns n-1 times. Search shows one per group.
//
// --dry-run: on_change receives "add", "update" and "remove" with the id, in
// the order a real run would write them; nothing is written or locked.
//
// Sharding (--shards N): one database per shard, listed in the shard stub
// (shard_stub.h); an article's shard is picked by a stable hash of its id.
//
// Inside the library: index_writer.cc reads the inputs and drives a run,
// change_planner.h decides (claims, add/update/unchanged, removals,
// duplicates), index_db.h writes one database, jsonl_records.h reads a
// record, input_files.h lists and reads a corpus folder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kosearch/document.h"  // max_input_bytes, default_max_article_bytes
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
  // "add", "update", "remove" with the id, as written (dry run: as it would be; indexer -v prints them)
  std::function<void(const std::string& change, const std::string& id)> on_change;
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
// citation path = corpus_dir / id as given. Binary and empty files are
// skipped with a warning; invalid UTF-8 is replaced by U+FFFD and indexed
// with a warning, as is a file longer than max_article_bytes (its first part).
IndexSummary index_corpus(const std::filesystem::path& corpus_dir, const IndexOptions& options);

// Indexes a JSONL file ("-" = stdin): one {"id","title","text", optional
// "source","date","url","author"} object per line. Records of this file that
// are no longer present are removed.
IndexSummary index_jsonl(const std::filesystem::path& jsonl, const IndexOptions& options);

// "added 4, updated 0, unchanged 0, removed 0, skipped 0 in 0.12 s"
std::string format_summary(const IndexSummary& summary);

}  // namespace kosearch
