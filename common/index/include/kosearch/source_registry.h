// What an index was built from. Every corpus folder and JSONL file indexed
// into an index is recorded in its metadata (key "kosearch.sources", JSON):
// kind, absolute path, the origin its articles carry and the options that
// shape what is read (the encoding). With that the index can be updated or
// rebuilt from all its sources at once:
//
// - `indexer --index DIR` without a source updates every recorded source;
// - `--rebuild` rebuilds from every recorded source (plus one given), beside
//   the live index, swapped in when complete: nothing imported earlier from
//   another source is dropped;
// - a recorded source that no longer exists is reported, its articles kept;
//   forget_source (indexer --forget PATH) removes them and the record.
//
// JSONL from stdin ("-") is not recorded: it cannot be read again.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kosearch/index_writer.h"

namespace kosearch {

inline constexpr std::string_view meta_sources = "kosearch.sources";
// A copy of the registry beside the tables, INDEX/sources.json (an index of
// the generation layout, index_generations.h), replaced atomically after each
// run that changes it: when the tables are damaged, recorded_sources() reads
// it, so `indexer --rebuild --index INDEX` rebuilds from every source.
inline constexpr const char* sources_file_name = "sources.json";

struct Source {
  std::string kind;      // "corpus" or "jsonl"
  std::string path;      // absolute, as resolved when it was indexed
  std::string origin;    // the origin term value its articles carry ("dir:/…", "jsonl:/…")
  std::string encoding;  // --encoding it was read with; empty: detected
  std::string given;     // the path as given (relative paths kept), used while it still leads to `path`
};

// The source record of a corpus folder or JSONL file: absolute path and the
// origin its articles carry (the one place that format is made).
Source corpus_source(const std::filesystem::path& corpus_dir, const std::string& encoding = {});
Source jsonl_source(const std::filesystem::path& jsonl, const std::string& encoding = {});

// The registry `json` (empty: none yet) with `source` added, or replacing the
// entry of the same origin; entries stay in the order they were first added.
std::string with_source(std::string_view json, const Source& source);

// The sources a registry lists (none for empty or unreadable text).
std::vector<Source> parse_sources(std::string_view json);

// The sources recorded in the index at `index_dir` (none when there is no
// index or nothing is recorded); from INDEX/sources.json when the tables
// cannot be read. Throws Error(index_corrupt) for damaged tables without it.
std::vector<Source> recorded_sources(const std::filesystem::path& index_dir);

// The recorded source `path` names (as given or resolved); nullptr if none.
const Source* find_source(const std::vector<Source>& sources, const std::filesystem::path& path);

// Removes every article of the recorded source `path` and its record, one
// commit per database. Returns how many articles were removed. Throws
// Error(usage) when the index records no such source.
std::size_t forget_source(const std::filesystem::path& index_dir, const std::filesystem::path& path,
                          const IndexOptions& options);

// `total` with the counts and time of `s` added (several sources, one summary line).
void add_summary(IndexSummary& total, const IndexSummary& s);

// Indexes one recorded source incrementally (with its recorded encoding
// unless options.encoding names one), read by the path it was given as while
// that still leads to it, so citations keep their form.
IndexSummary index_source(const Source& source, IndexOptions options);

// Indexes every source in `sources` into options.index_dir, one after the
// other, and returns their summaries added up. A source that no longer exists
// is reported through options.on_warning (counted as skipped) and its
// articles are kept. With options.rebuild, all of them are built into a new
// index beside the live one (whose lock is held meanwhile) that replaces it
// when every source is done; a missing source then stops the rebuild with
// Error(usage) before anything is replaced, since its articles would be lost.
IndexSummary index_sources(const std::vector<Source>& sources, const IndexOptions& options);

// One indexer run. `kind` "corpus" or "jsonl" and `path` name the input
// ("-": JSONL from stdin, never recorded). `given` false (no input on the
// command line): every recorded source is updated, or `path` indexed when
// the index records none. With options.rebuild and recorded sources, all of
// them are rebuilt together with the input given; a damaged index whose
// records cannot be read is rebuilt from the input given (with a warning).
IndexSummary index_input(const std::string& kind, const std::filesystem::path& path, bool given,
                         IndexOptions options);

}  // namespace kosearch
