#include "kosearch/index_writer.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include <xapian.h>

#include "bulk_build.h"
#include "index_db.h"
#include "index_generations.h"
#include "index_session.h"
#include "kosearch/input_files.h"
#include "kosearch/jsonl_records.h"
#include "kosearch/article_parser.h"
#include "kosearch/error.h"
#include "kosearch/index_health.h"
#include "kosearch/input_split.h"
#include "kosearch/schema.h"
#include "kosearch/source_registry.h"
#include "kosearch/text_encoding.h"
#include "kosearch/text.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

// ---------------------------------------------------------------------------
// Reading inputs: the same steps for a Session (incremental, sequential) and
// for a PartWriter (one part of a bulk build).

// The input as UTF-8: legacy encodings converted, ill-formed bytes replaced
// by U+FFFD (text_encoding.h), warning once for the input.
template <typename Sink>
std::string repaired_text(Sink& sink, const std::string& where, std::string&& bytes, const std::string& encoding) {
  if (is_valid_utf8(bytes)) return std::move(bytes);
  DecodedText decoded = decode_text(bytes, encoding);
  if (!decoded.warning.empty()) sink.warn(where, decoded.warning, decoded.remedy);
  return std::move(decoded.text);
}

// Turns Xapian's exceptions during a run into ours. The open batch is
// cancelled as the database objects go away, so the index stays at its last
// commit.
template <typename Body>
IndexSummary guarded(const IndexOptions& options, Body body) {
  try {
    return body();
  } catch (const Xapian::Error& e) {
    if (is_damage(e)) throw index_error(e, options.index_dir);
    throw Error(ErrorKind::io, "writing index '" + options.index_dir.string() + "' failed: " + e.get_description() +
                                   "; the index is left at its last commit");
  }
}

// "64 MiB", "2.9 MiB", "512 KiB", "100 bytes": a size as the warnings state it.
std::string size_text(std::uint64_t bytes) {
  const auto in = [bytes](std::uint64_t unit, const char* name) {
    if (bytes % unit == 0) return std::to_string(bytes / unit) + " " + name;
    char out[48];
    std::snprintf(out, sizeof out, "%.1f %s", static_cast<double>(bytes) / static_cast<double>(unit), name);
    return std::string(out);
  };
  if (bytes >= 1024 * 1024) return in(1024 * 1024, "MiB");
  if (bytes >= 1024) return in(1024, "KiB");
  return std::to_string(bytes) + " bytes";
}

// An article longer than IndexOptions::max_article_bytes, told as it is (re)indexed.
template <typename Sink>
void warn_cut(Sink& sink, const std::string& where, std::uint64_t size, std::uint64_t limit) {
  const std::string over = "longer than the " + size_text(limit) + " limit";
  sink.warn(where, "article of " + size_text(size) + " is " + over + "; only its first " + size_text(limit) + " is searchable",
            Remedy::raise_article_limit, "articles are " + over, "(" + size_text(size) + ")");
}

template <typename Sink>
void index_input(Sink& sink, const detail::InputFile& input, const IndexOptions& options) {
  const std::string& encoding = options.encoding;
  sink.next_input();
  detail::ReadResult read = detail::read_input(input, options.max_article_bytes);
  if (!read.bytes) {
    sink.skip(input.citation_path, read.reason);
    if (read.transient) sink.keep(input.id);
  } else if (auto claim = sink.claim(input.id, input.citation_path)) {
    // A forced encoding changes the text read from the same (non-UTF-8) bytes.
    // The hash is of the bytes kept: what lies beyond the limit changes nothing indexed.
    const bool decoded = !encoding.empty() && !is_valid_utf8(*read.bytes);
    const std::string name = decoded ? input.citation_path + "|" + encoding : input.citation_path;
    const std::string hash = schema::content_hash(*read.bytes, name);
    if (!sink.unchanged(*claim, hash)) {
      if (read.cut) warn_cut(sink, input.citation_path, read.file_size, options.max_article_bytes);
      Article article;
      {  // the text is let go before the analysis: a 50 MB file would be held twice
        std::string text = repaired_text(sink, input.citation_path, std::move(*read.bytes), encoding);
        try {
          article = parse_article(text, input.id, input.citation_path, [&] { return sink.should_stop(); });
        } catch (const Error& e) {
          if (e.kind() == ErrorKind::interrupted) return;  // left as it was; the next run reads it again
          throw;
        }
      }
      if (sink.should_stop()) return;
      sink.store(*claim, std::move(article), hash, input.citation_path);
    }
  }
}

// Inputs [begin, end) of the listing, with progress counted from `progress`.
template <typename Sink>
void index_inputs(Sink& sink, const std::vector<detail::InputFile>& inputs, std::size_t begin, std::size_t end,
                  IndexProgress progress, const IndexOptions& options) {
  for (std::size_t i = begin; i < end; ++i) {
    if (sink.should_stop()) break;
    index_input(sink, inputs[i], options);
    ++progress.inputs_done;
    progress.bytes_done += inputs[i].size;
    sink.progress(progress);
  }
}

// The run writes (or, --dry-run, reads) the index's live generation
// (index_generations.h); a new index is created in that layout.
IndexOptions at_database_folder(const IndexOptions& options) {
  if (options.index_dir_is_database) return options;
  // The folder the user named is checked first, so a missing right names it.
  if (!options.dry_run) check_index_access(options.index_dir, options.rebuild ? IndexAccess::rebuild : IndexAccess::write);
  IndexOptions at = options;
  at.index_dir = options.dry_run ? detail::database_folder(options.index_dir)
                                 : detail::writable_folder(options.index_dir, options.shards > 1);
  return at;
}

IndexSummary run_corpus(const fs::path& corpus_dir, const IndexOptions& given) {
  std::vector<detail::Refusal> refused;
  auto listing = detail::list_corpus(
      corpus_dir, [&](const detail::Refusal& r) { refused.push_back(r); }, given.only_paths);
  // Only now: a new index inside the corpus folder is not part of its listing.
  const IndexOptions options = at_database_folder(given);
  const Source source = corpus_source(corpus_dir, options.encoding);
  Session session(options, source.origin, options.only_paths.empty());
  session.record_source(source);
  for (const auto& r : refused) session.skip(r.path, r.reason);
  for (auto& prefix : listing.unlisted_folders) session.keep_prefix(std::move(prefix));

  const auto& inputs = listing.inputs;
  IndexProgress progress{0, inputs.size(), 0, 0};
  for (const auto& input : inputs) progress.bytes_total += input.size;
  if (!session.bulk()) {
    index_inputs(session, inputs, 0, inputs.size(), progress, options);
    return session.finish();
  }
  std::vector<std::uint64_t> sizes;
  for (const auto& input : inputs) sizes.push_back(input.size);
  const unsigned writers = writer_count(options);
  const std::vector<std::size_t> bounds = split_by_bytes(sizes, writers);
  build_in_parts(session, bounds.size() - 1, writers, progress, [&](std::size_t part, PartWriter& writer) {
    index_inputs(writer, inputs, bounds[part], bounds[part + 1], IndexProgress{}, options);
  });
  return session.finish();
}

template <typename Sink>
void index_record(Sink& sink, const std::string& line, const std::string& path, std::uint32_t line_number,
                  std::uint64_t offset, const std::string& where, std::uint64_t max_article_bytes) {
  JsonlRecord record = parse_jsonl_record(line, path, line_number, max_article_bytes);
  if (!record.article) return sink.skip(where, record.refusal);
  Article& article = *record.article;
  auto claim = sink.claim(article.id, where);
  if (!claim) return;
  // A cut text is another input than the whole one: another limit re-analyses it.
  const std::string name = record.cut ? path + "|first " + std::to_string(max_article_bytes) : path;
  const std::string hash = jsonl_content_hash(line, name, line_number, offset);
  if (sink.unchanged(*claim, hash)) return;
  if constexpr (Sink::updates_in_place) {
    if (claim->stored && same_record_content(claim->stored->content_hash, hash)) {
      return sink.restore_data(*claim, hash, [&](Article& stored) {
        stored.title_line = line_number;
        for (auto& l : stored.body) l.number = line_number;
      });
    }
  }
  // What was left out of the record is told when it is (re)indexed, as for
  // the repairs of a corpus file: not again on every rerun.
  if (record.cut) warn_cut(sink, where, record.text_bytes, max_article_bytes);
  for (const auto& warning : record.warnings) sink.warn(where, warning.reason, Remedy::none, warning.kind, warning.example);
  sink.store(*claim, std::move(article), hash, where);
}

// Indexes the lines of `in` up to `length` bytes (all of it when 0), the
// first being line `line_number` + 1 at byte `begin` of the file; `progress`
// counts from where it is.
template <typename Sink>
void index_lines(Sink& sink, std::istream& in, std::uint64_t begin, std::uint64_t length, const std::string& path,
                 std::uint32_t line_number, IndexProgress progress, const IndexOptions& options) {
  std::string line;
  std::uint64_t consumed = 0;
  for (;;) {
    if (sink.should_stop()) break;
    if (length && consumed >= length) break;
    const detail::LineRead read = detail::read_line_bounded(in, line, max_input_bytes);
    if (read.status == detail::LineRead::end) break;
    ++line_number;
    const std::uint64_t offset = begin + consumed;
    consumed += read.bytes;
    progress.bytes_done += read.bytes;
    sink.next_input();
    const std::string where = path + ":" + std::to_string(line_number);
    if (read.status == detail::LineRead::too_long) {
      sink.skip(where,
                "record of " + std::to_string(read.bytes / (1024 * 1024)) + " MiB is at or over the " +
                    std::to_string(max_input_bytes / (1024 * 1024)) + " MiB limit; skipped",
                "records are at or over the " + std::to_string(max_input_bytes / (1024 * 1024)) + " MiB limit",
                "(" + std::to_string(read.bytes / (1024 * 1024)) + " MiB)");
      continue;
    }
    if (detail::is_blank(line)) continue;
    index_record(sink, repaired_text(sink, where, std::move(line), options.encoding), path, line_number, offset, where,
                 options.max_article_bytes);
    ++progress.inputs_done;
    sink.progress(progress);
  }
  if (in.bad()) throw Error(ErrorKind::io, "reading '" + path + "' failed; nothing removed");
}

// Copies standard input into `dir`/stdin.jsonl, for a bulk build to split.
fs::path spool_stdin(const fs::path& dir) {
  fs::create_directories(dir);
  const fs::path spool = dir / spooled_stdin_name;
  std::ofstream out(spool, std::ios::binary | std::ios::trunc);
  std::vector<char> buffer(1 << 20);
  while (std::cin.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || std::cin.gcount() > 0)
    out.write(buffer.data(), std::cin.gcount());
  if (std::cin.bad()) throw Error(ErrorKind::io, "reading '-' failed; nothing removed");
  if (!out.flush()) throw Error(ErrorKind::io, "cannot write '" + spool.string() + "'");
  return spool;
}

IndexSummary run_jsonl(const fs::path& jsonl, const IndexOptions& options) {
  const bool from_stdin = jsonl == "-";
  std::ifstream file;
  if (!from_stdin) {
    file.open(jsonl, std::ios::binary);
    if (!file) throw Error(ErrorKind::io, "cannot read JSONL file '" + jsonl.string() + "'");
  }
  std::istream& in = from_stdin ? std::cin : file;
  std::error_code ec;
  const std::string path = from_stdin ? "-" : jsonl.generic_string();
  const Source source = jsonl_source(jsonl, options.encoding);
  Session session(options, from_stdin ? "jsonl:-" : source.origin, true);
  if (!from_stdin) session.record_source(source);
  IndexProgress progress{0, 0, 0, from_stdin ? 0 : static_cast<std::uint64_t>(fs::file_size(jsonl, ec))};
  if (!session.bulk()) {
    index_lines(session, in, 0, 0, path, 0, progress, options);
    return session.finish();
  }
  // The file is cut into one part per writer; a stream is first copied to a
  // file beside the parts (for several writers; costs about a second per GB).
  const unsigned writers = writer_count(options);
  const fs::path input = from_stdin && writers > 1 ? spool_stdin(session.bulk_db().parts_dir()) : jsonl;
  const std::vector<LineRange> ranges =
      from_stdin && writers == 1 ? std::vector<LineRange>{{}} : split_lines(input, writers);
  build_in_parts(session, ranges.size(), writers, progress, [&](std::size_t part, PartWriter& writer) {
    if (input == "-") return index_lines(writer, in, 0, 0, path, 0, IndexProgress{}, options);
    std::ifstream range_in(input, std::ios::binary);
    range_in.seekg(static_cast<std::streamoff>(ranges[part].begin));
    if (!range_in) throw Error(ErrorKind::io, "cannot read JSONL file '" + input.string() + "'");
    index_lines(writer, range_in, ranges[part].begin, ranges[part].end - ranges[part].begin, path,
                ranges[part].first_line - 1,
                IndexProgress{}, options);
  });
  return session.finish();
}

}  // namespace

IndexSummary index_corpus(const fs::path& corpus_dir, const IndexOptions& options) {
  if (!options.encoding.empty()) check_encoding_name(options.encoding);
  return guarded(options, [&] { return run_corpus(corpus_dir, options); });
}

IndexSummary index_jsonl(const fs::path& jsonl, const IndexOptions& options) {
  if (!options.encoding.empty()) check_encoding_name(options.encoding);
  return guarded(options, [&] { return run_jsonl(jsonl, at_database_folder(options)); });
}

std::string format_summary(const IndexSummary& s) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", s.seconds);
  std::string out = "added " + std::to_string(s.added) + ", updated " + std::to_string(s.updated) +
                    ", unchanged " + std::to_string(s.unchanged) + ", removed " + std::to_string(s.removed) +
                    ", skipped " + std::to_string(s.skipped);
  if (s.duplicates) out += ", duplicates " + std::to_string(s.duplicates);
  if (s.warnings) out += ", warnings " + std::to_string(s.warnings);
  out += std::string(" in ") + seconds + " s";
  if (s.stopped) out += " (stopped early; rerun to finish)";
  return out;
}

}  // namespace kosearch
