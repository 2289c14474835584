// Indexing by sources (source_registry.h): one recorded source, every one
// of them (updated one after the other, or rebuilt together into a new
// generation that replaces the live one when all are done), and the run an
// indexer command asks for. Above the writer (index_writer.h), which indexes
// one input and records it in the registry.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kosearch/index_options.h"
#include "kosearch/source_registry.h"

namespace kosearch {

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

// One indexer run. `kind` and `path` name the input
// ("-": JSONL from stdin, never recorded). `given` false (no input on the
// command line): every recorded source is updated, or `path` indexed when
// the index records none. With options.rebuild and recorded sources, all of
// them are rebuilt together with the input given; a damaged index whose
// records cannot be read is rebuilt from the input given (with a warning).
IndexSummary index_input(SourceKind kind, const std::filesystem::path& path, bool given,
                         IndexOptions options);

}  // namespace kosearch
