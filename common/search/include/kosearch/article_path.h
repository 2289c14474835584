// Where a hit's file is, told so that `path:line` opens from any folder.
//
// The index stores each article's path as the indexer was given it (relative
// to the folder the indexer ran in, or absolute), and each source's absolute
// root in the origin its articles carry ("dir:/data/corpus",
// "jsonl:/data/a.jsonl"; source_registry.h). The searcher gives every hit
// its absolute path from that root (absolute_article_path); the front end
// then shows it relative to the current folder when the file is below it,
// else absolute (shown_path). An index built by any earlier version records
// the same absolute origins, so its relative paths resolve the same way; only
// an article without a known origin (JSONL read from stdin) keeps its path as
// stored.
#pragma once

#include <string>
#include <string_view>

#include "kosearch/search_results.h"

namespace kosearch {

// The file of article `id` from origin `origin` (its name, e.g.
// "dir:/data/corpus"): the corpus root joined with the id (the id is the
// path below the root), or the JSONL file. `stored` (the path as indexed) when
// the origin names no file.
std::string absolute_article_path(std::string_view origin, std::string_view id, std::string_view stored);

// Whether origin `origin` is a JSONL file: every article of it has that
// file's path, and a citation's column is found in its record's line.
bool is_jsonl_origin(std::string_view origin);

enum class PathStyle {
  relative,  // relative to the current folder when the file is below it, else absolute
  absolute,
};

// `path` as shown in results from the folder `cwd` (absolute). A path that
// is not absolute is shown as it is.
std::string shown_path(const std::string& path, PathStyle style, std::string_view cwd);

// Every path of `results` (hits and their copies) as shown_path gives it.
void show_paths(Results& results, PathStyle style, std::string_view cwd);

}  // namespace kosearch
