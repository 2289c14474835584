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
// --dry-run: on_change receives each add, update and remove with the id, in
// the order a real run would write them; nothing is written or locked.
//
// Sharding (--shards N): one database per shard, listed in the shard stub
// (shard_stub.h); an article's shard is picked by a stable hash of its id.
//
// The environment (what a program sets, never the library). Xapian 1.4 takes
// the number of changes a database opened for writing keeps in memory
// between flushes only from XAPIAN_FLUSH_THRESHOLD (default 10,000), read
// each time one is opened. It is a matter of speed, never of what is
// written: every batch of an incremental run is one transaction, which
// Xapian does not commit early whatever the threshold, and a bulk build's
// parts are not live until merged. The part writers of a bulk build are
// fastest at bulk_flush_threshold (1,000: 0.89× the time of 10,000, an
// unbounded buffer 1.4×; ../shared/docs/xapian-speed.md). A program sets it
// once at its start, before any thread runs (setenv is not safe while
// another thread reads the environment), unless the user set it: indexer
// does so in main().
//
// Inside the library: index_writer.cc reads the inputs and drives a run,
// change_planner.h decides (claims, add/update/unchanged, removals,
// duplicates), index_db.h writes one database, jsonl_records.h reads a
// record, input_files.h lists and reads a corpus folder.
#pragma once

#include <filesystem>
#include <string>

#include "kosearch/document.h"  // max_input_bytes, default_max_article_bytes
#include "kosearch/index_options.h"

namespace kosearch {

// What a program puts in XAPIAN_FLUSH_THRESHOLD for fast bulk builds (see
// "The environment" above).
inline constexpr const char* bulk_flush_threshold = "1000";

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
