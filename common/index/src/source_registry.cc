#include "kosearch/source_registry.h"

#include <fstream>
#include <iterator>
#include <optional>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index_generations.h"
#include "lock_wait.h"
#include "kosearch/error.h"
#include "kosearch/index_health.h"
#include "kosearch/schema.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

std::string resolved(const fs::path& path) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(path, ec), ec).generic_string();
}

// The kind a registry entry names, if this version knows it.
std::optional<SourceKind> parse_source_kind(std::string_view name) {
  for (const SourceKind kind : {SourceKind::corpus, SourceKind::jsonl})
    if (name == source_kind_name(kind)) return kind;
  return std::nullopt;
}

// The prefix of the origin names of a kind's articles (before the absolute path).
const char* origin_prefix(SourceKind kind) { return kind == SourceKind::jsonl ? "jsonl:" : "dir:"; }

nlohmann::json entries(std::string_view json) {
  auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  return parsed.is_array() ? parsed : nlohmann::json::array();
}

std::string without_source(std::string_view json, const Source& source) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& entry : entries(json))
    if (entry.value("origin", "") != source.origin) out.push_back(entry);
  return out.dump();
}

std::string listed(const std::vector<Source>& sources) {
  std::string out;
  for (const auto& s : sources) out += (out.empty() ? "" : ", ") + s.path;
  return out.empty() ? "none" : out;
}

// The documents of `db` from `origin` (one pass over the origin values: the
// schema keeps no per-origin term).
std::vector<Xapian::docid> documents_of(const Xapian::Database& db, const std::string& origin) {
  const std::string value = schema::origin_value(origin);
  std::vector<Xapian::docid> docids;
  for (auto v = db.valuestream_begin(schema::slot_origin); v != db.valuestream_end(schema::slot_origin); ++v)
    if (*v == value) docids.push_back(v.get_docid());
  return docids;
}

// The copy of the registry beside the tables (index_generations.h layout):
// INDEX/sources.json, outside every generation, so a rebuild of an index
// whose tables are damaged still knows what it was built from. None for an
// index of the older layout (its folder holds only Xapian's files).
std::optional<fs::path> sources_file(const fs::path& index_dir) {
  if (!detail::live_generation(index_dir)) return std::nullopt;
  return index_dir / sources_file_name;
}

// The sources INDEX/sources.json lists; nullopt when there is no such file.
std::optional<std::vector<Source>> sources_from_file(const fs::path& index_dir) {
  const auto file = sources_file(index_dir);
  if (!file) return std::nullopt;
  std::ifstream in(*file, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string text(std::istreambuf_iterator<char>(in), {});
  return parse_sources(text);
}

}  // namespace

fs::path path_to_read(const Source& source) {
  if (!source.given.empty() && resolved(source.given) == source.path) return source.given;
  return source.path;
}

std::size_t articles_of_source(const fs::path& index_dir, const Source& source) {
  try {
    return documents_of(Xapian::Database(index_dir.string()), source.origin).size();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

void save_sources_file(const fs::path& index_dir) {
  const auto file = sources_file(index_dir);
  if (!file) return;
  std::string registry;
  try {
    registry = Xapian::Database(index_dir.string()).get_metadata(std::string(meta_sources));
  } catch (const Xapian::Error&) {
    return;  // unreadable: the file keeps the last registry read
  }
  std::error_code ec;
  if (registry.empty() && !fs::exists(*file, ec)) return;
  std::string kept;
  if (std::ifstream in(*file, std::ios::binary); in) kept.assign(std::istreambuf_iterator<char>(in), {});
  if (kept != registry) detail::replace_file(*file, registry);
}

std::string_view source_kind_name(SourceKind kind) {
  switch (kind) {
    case SourceKind::corpus: return "corpus";
    case SourceKind::jsonl: return "jsonl";
  }
  return "corpus";
}

Source source_of(SourceKind kind, const fs::path& path, const std::string& encoding) {
  const std::string absolute = resolved(path);
  return {kind, absolute, origin_prefix(kind) + absolute, encoding, path.generic_string()};
}

Source corpus_source(const fs::path& corpus_dir, const std::string& encoding) {
  return source_of(SourceKind::corpus, corpus_dir, encoding);
}

Source jsonl_source(const fs::path& jsonl, const std::string& encoding) {
  return source_of(SourceKind::jsonl, jsonl, encoding);
}

std::string with_source(std::string_view json, const Source& source) {
  nlohmann::json all = entries(json);
  nlohmann::json entry = {{"kind", source_kind_name(source.kind)}, {"path", source.path}, {"origin", source.origin},
                          {"encoding", source.encoding}, {"given", source.given}};
  for (auto& existing : all) {
    if (existing.value("origin", "") == source.origin) {
      existing = entry;
      return all.dump();
    }
  }
  all.push_back(entry);
  return all.dump();
}

std::vector<Source> parse_sources(std::string_view json) {
  std::vector<Source> out;
  for (const auto& e : entries(json)) {
    if (!e.is_object()) continue;
    const std::optional<SourceKind> kind = parse_source_kind(e.value("kind", ""));
    Source s{kind.value_or(SourceKind::corpus), e.value("path", ""), e.value("origin", ""), e.value("encoding", ""),
             e.value("given", "")};
    if (kind && !s.path.empty() && !s.origin.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<Source> recorded_sources(const fs::path& index_dir) {
  std::error_code ec;
  if (!fs::exists(index_dir, ec)) return {};
  try {
    return parse_sources(Xapian::Database(index_dir.string()).get_metadata(std::string(meta_sources)));
  } catch (const Xapian::DatabaseOpeningError&) {
    // Not an index (yet): the writer says what is wrong with it.
    return sources_from_file(index_dir).value_or(std::vector<Source>{});
  } catch (const Xapian::Error& e) {
    // Damaged tables: the copy beside them still names the sources.
    if (auto kept = sources_from_file(index_dir)) return *kept;
    throw index_error(e, index_dir);
  }
}

const Source* find_source(const std::vector<Source>& sources, const fs::path& path) {
  const std::string absolute = resolved(path);
  for (const Source& s : sources)
    if (s.path == path.generic_string() || s.path == absolute) return &s;
  return nullptr;
}

std::size_t forget_source(const fs::path& index_dir, const fs::path& path, const IndexOptions& options) {
  const std::vector<Source> sources = recorded_sources(index_dir);
  const Source* source = find_source(sources, path);
  if (!source)
    throw Error(ErrorKind::usage, "index '" + index_dir.string() + "' records no source '" + path.string() +
                                      "' (recorded: " + listed(sources) + ")");
  if (options.dry_run) return articles_of_source(index_dir, *source);
  std::size_t removed = 0;
  LockWait wait(options);
  for (const fs::path& db_path : index_databases(index_dir)) {
    try {
      Xapian::WritableDatabase db = open_waiting_for_lock(db_path, index_dir, wait);
      const std::vector<Xapian::docid> docids = documents_of(db, source->origin);
      removed += docids.size();
      db.begin_transaction();  // every article of the source, in one transaction with its record
      for (const Xapian::docid docid : docids) db.delete_document(docid);
      db.set_metadata(std::string(meta_sources), without_source(db.get_metadata(std::string(meta_sources)), *source));
      db.commit_transaction();
    } catch (const Xapian::Error& e) {
      throw index_error(e, index_dir);
    }
  }
  save_sources_file(index_dir);
  return removed;
}

}  // namespace kosearch
