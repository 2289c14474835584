// What an index was built from. Every corpus folder and JSONL file indexed
// into an index is recorded in its metadata (key "kosearch.sources", JSON):
// kind, absolute path, the origin its articles carry and the options that
// shape what is read (the encoding). With that the index can be updated or
// rebuilt from all its sources at once (source_runs.h runs them):
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

#include "kosearch/index_options.h"

namespace kosearch {

inline constexpr std::string_view meta_sources = "kosearch.sources";
// A copy of the registry beside the tables, INDEX/sources.json (an index of
// the generation layout, index_generations.h), replaced atomically after each
// run that changes it: when the tables are damaged, recorded_sources() reads
// it, so `indexer --rebuild --index INDEX` rebuilds from every source.
inline constexpr const char* sources_file_name = "sources.json";

// What a source is: a corpus folder or a JSONL file. Stored by its name
// (source_kind_name), read back once (parse_sources).
enum class SourceKind { corpus, jsonl };

// "corpus" or "jsonl": the kind as the registry stores it (and the one place
// that names it).
std::string_view source_kind_name(SourceKind kind);

struct Source {
  SourceKind kind = SourceKind::corpus;
  std::string path;      // absolute, as resolved when it was indexed
  std::string origin;    // the origin term value its articles carry ("dir:/…", "jsonl:/…")
  std::string encoding;  // --encoding it was read with; empty: detected
  std::string given;     // the path as given (relative paths kept), used while it still leads to `path`
};

// The source record of a corpus folder or JSONL file: absolute path and the
// origin its articles carry (the one place that format is made).
Source source_of(SourceKind kind, const std::filesystem::path& path, const std::string& encoding = {});
Source corpus_source(const std::filesystem::path& corpus_dir, const std::string& encoding = {});
Source jsonl_source(const std::filesystem::path& jsonl, const std::string& encoding = {});

// The registry `json` (empty: none yet) with `source` added, or replacing the
// entry of the same origin; entries stay in the order they were first added.
std::string with_source(std::string_view json, const Source& source);

// The sources a registry lists (none for empty or unreadable text); an entry
// of a kind this version does not know is left out.
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

// The path to read a source by: as it was given when that still leads to it
// (citations keep the form they were indexed with), else the absolute one.
std::filesystem::path path_to_read(const Source& source);

// How many articles of `source` the index at `index_dir` holds (0 when it
// cannot be read).
std::size_t articles_of_source(const std::filesystem::path& index_dir, const Source& source);

// Writes the registry the index holds now to INDEX/sources.json (atomically,
// durably), after a run that may have changed it.
void save_sources_file(const std::filesystem::path& index_dir);

}  // namespace kosearch
