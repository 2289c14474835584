#include "kosearch/index_writer.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "input_files.h"
#include "kosearch/analyzer.h"
#include "kosearch/article_parser.h"
#include "kosearch/error.h"
#include "kosearch/normalizer.h"
#include "kosearch/schema.h"

namespace fs = std::filesystem;

namespace kosearch {
namespace {

using Clock = std::chrono::steady_clock;

// Salt for content hashes: an index built by other rules re-analyses everything.
std::string hash_salt(std::string_view citation_path) {
  std::string salt(schema::version);
  salt.append("|").append(Analyzer::version).append("|").append(citation_path).append("|");
  return salt;
}

std::string lock_message(const fs::path& dir) {
  return "index '" + dir.string() + "' is locked by another indexer (lock file " +
         (dir / "flintlock").string() + "); wait for it or rerun with --wait";
}

// One indexer run against one database (the index, or one of its shards):
// decides added / updated / unchanged, writes, commits in batches and removes
// what is gone.
class ShardRun {
 public:
  ShardRun(const IndexOptions& options, std::string origin)
      : options_(options), origin_(std::move(origin)), started_(Clock::now()) {
    open();
  }

  void warn(const std::string& path, const std::string& reason) {
    ++summary_.warnings;
    if (options_.on_warning) options_.on_warning({path, reason});
  }
  void skip(const std::string& path, const std::string& reason) {
    ++summary_.skipped;
    warn(path, reason);
  }
  bool should_stop() {
    if (options_.should_stop && options_.should_stop()) summary_.stopped = true;
    return summary_.stopped;
  }
  void progress(const IndexProgress& p) {
    if (options_.on_progress) options_.on_progress(p);
  }

  // True when the stored article with this id was built from the same input.
  // Marks an id as present in this run, so remove_unseen keeps it.
  void mark_seen(const std::string& id) { seen_.insert(id); }

  bool unchanged(const std::string& id, const std::string& content_hash) {
    mark_seen(id);
    auto docid = find(schema::boolean_term(schema::unique_id, id));
    if (!docid) return false;
    if (db_->get_document(*docid).get_value(schema::slot_content_hash) != content_hash) return false;
    ++summary_.unchanged;
    return true;
  }

  void store(const Article& article, const std::string& content_hash) {
    const std::string id_term = schema::boolean_term(schema::unique_id, article.id);
    const bool existed = find(id_term).has_value();
    report_duplicate(article);
    if (options_.on_change) options_.on_change(existed ? "update" : "add", article.id);
    existed ? ++summary_.updated : ++summary_.added;
    if (options_.dry_run) return;
    schema::DocumentStats stats;
    Xapian::Document doc = schema::make_document(article, analyzer_, origin_, content_hash, &stats);
    if (stats.truncated_tokens > 0)
      warn(article.path, std::to_string(stats.truncated_tokens) + " word(s) longer than " +
                             std::to_string(max_term_bytes) + " bytes indexed cut short");
    writable().replace_document(id_term, doc);
    if (++pending_ >= options_.batch_size) commit();
  }

  // Deletes this origin's articles that were not seen in this run.
  void remove_unseen() {
    if (summary_.stopped || !db_) return;
    const std::string origin_term = schema::boolean_term(schema::origin, origin_);
    std::vector<std::pair<Xapian::docid, std::string>> gone;
    for (auto p = db_->postlist_begin(origin_term); p != db_->postlist_end(origin_term); ++p) {
      std::string id = stored_id(*p);
      if (!seen_.count(id)) gone.emplace_back(*p, std::move(id));
    }
    for (const auto& [docid, id] : gone) {
      if (options_.on_change) options_.on_change("remove", id);
      ++summary_.removed;
      if (!options_.dry_run) writable().delete_document(docid);
      if (++pending_ >= options_.batch_size) commit();
    }
  }

  IndexSummary finish() {
    if (!options_.dry_run) commit();
    if (rebuild_dir_) swap_in_rebuild();
    summary_.seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    return summary_;
  }

 private:
  void open() {
    const fs::path& dir = options_.index_dir;
    try {
      if (options_.dry_run) {
        if (fs::exists(dir / "iamglass") && !options_.rebuild) db_ = Xapian::Database(dir.string());
        check_schema();
        return;
      }
      const int lock = options_.wait_for_lock ? Xapian::DB_RETRY_LOCK : 0;
      if (options_.rebuild && fs::exists(dir)) {
        // Hold the live index's lock while building beside it, so a crash
        // mid-rebuild leaves the old index intact.
        live_ = Xapian::WritableDatabase(dir.string(), Xapian::DB_OPEN | lock);
        rebuild_dir_ = dir.string() + ".rebuild";
        writable_ = Xapian::WritableDatabase(*rebuild_dir_, Xapian::DB_CREATE_OR_OVERWRITE);
      } else {
        writable_ = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN | lock);
      }
      db_ = *writable_;
      check_schema();
      writable_->set_metadata(std::string(schema::meta_schema), std::string(schema::version));
      writable_->set_metadata(std::string(schema::meta_analyzer), std::string(Analyzer::version));
    } catch (const Xapian::DatabaseLockError&) {
      throw Error(ErrorKind::index_locked, lock_message(dir));
    } catch (const Xapian::DatabaseCorruptError& e) {
      throw Error(ErrorKind::index_corrupt, "index '" + dir.string() + "' is corrupt (" + e.get_msg() +
                                                "); rebuild it with --rebuild");
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw Error(ErrorKind::io, "cannot open index '" + dir.string() + "': " + e.get_msg());
    }
  }

  // Content hashes are salted with the versions, so an index built by other
  // rules is simply re-analysed in full; we only say so.
  void check_schema() {
    if (!db_ || db_->get_doccount() == 0) return;
    if (db_->get_metadata(std::string(schema::meta_schema)) != schema::version ||
        db_->get_metadata(std::string(schema::meta_analyzer)) != Analyzer::version)
      warn(options_.index_dir.string(), "index was built by another schema or analyzer version; every article is re-analysed");
  }

  Xapian::WritableDatabase& writable() { return *writable_; }

  std::optional<Xapian::docid> find(const std::string& term) {
    if (!db_) return std::nullopt;
    auto p = db_->postlist_begin(term);
    if (p == db_->postlist_end(term)) return std::nullopt;
    return *p;
  }

  std::string stored_id(Xapian::docid docid) {
    const std::string prefix(schema::unique_id);
    auto t = db_->termlist_begin(docid);
    t.skip_to(prefix);
    if (t == db_->termlist_end(docid) || (*t).compare(0, prefix.size(), prefix) != 0) return {};
    std::string term = *t;
    if (term.size() > prefix.size() && term[prefix.size()] == '#')  // hashed id: read the stored article
      return deserialize(db_->get_document(docid).get_data()).id;
    return term.substr(prefix.size());
  }

  void report_duplicate(const Article& article) {
    if (!db_) return;
    const std::string term = schema::boolean_term(schema::fingerprint, schema::body_fingerprint(article));
    for (auto p = db_->postlist_begin(term); p != db_->postlist_end(term); ++p) {
      std::string other = stored_id(*p);
      if (other == article.id) continue;
      ++summary_.duplicates;
      warn(article.path, "same text as '" + other + "'; results show it once");
      return;
    }
  }

  void commit() {
    if (!writable_ || pending_ == 0) return;
    writable_->commit();
    pending_ = 0;
  }

  void swap_in_rebuild() {
    writable_->close();
    const fs::path live = options_.index_dir;
    const fs::path old = live.string() + ".old";
    std::error_code ec;
    fs::remove_all(old, ec);
    fs::rename(live, old);
    fs::rename(*rebuild_dir_, live);
    live_->close();
    fs::remove_all(old, ec);
  }

  const IndexOptions& options_;
  std::string origin_;
  Clock::time_point started_;
  std::optional<Xapian::WritableDatabase> writable_;
  std::optional<Xapian::WritableDatabase> live_;  // held only for its lock during --rebuild
  std::optional<Xapian::Database> db_;            // what "unchanged" is judged against
  std::optional<std::string> rebuild_dir_;
  Analyzer analyzer_;
  IndexSummary summary_;
  std::unordered_set<std::string> seen_;
  std::size_t pending_ = 0;
};

// Shard layout: DIR/shard0 … DIR/shard<N-1>, listed in the stub file
// DIR/XAPIANDB (which Xapian itself also opens as a sharded database).
constexpr const char* stub_name = "XAPIANDB";

fs::path shard_dir(const fs::path& index_dir, unsigned shard) { return index_dir / ("shard" + std::to_string(shard)); }

// Shards listed in an existing index's stub: 0 when there is no stub.
unsigned stub_shard_count(const fs::path& index_dir) {
  std::ifstream stub(index_dir / stub_name);
  unsigned count = 0;
  for (std::string line; std::getline(stub, line);)
    if (line.rfind("auto shard", 0) == 0) ++count;
  return count;
}

unsigned shard_count(const IndexOptions& options) {
  const fs::path& dir = options.index_dir;
  const unsigned existing = stub_shard_count(dir);
  if (options.shards == 0) return existing ? existing : 1;
  const bool single = fs::exists(dir / "iamglass");
  if ((existing && existing != options.shards) || (single && options.shards > 1))
    throw Error(ErrorKind::usage, "index '" + dir.string() + "' has " + std::to_string(existing ? existing : 1) +
                                      " shard(s), not " + std::to_string(options.shards) +
                                      ": index into a new directory to change the shard count");
  return options.shards;
}

void write_stub(const fs::path& index_dir, unsigned shards) {
  const fs::path stub = index_dir / stub_name, tmp = index_dir / "XAPIANDB.tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (unsigned i = 0; i < shards; ++i) out << "auto " << shard_dir({}, i).generic_string() << '\n';
    if (!out.flush()) throw Error(ErrorKind::io, "cannot write shard stub '" + stub.string() + "'");
  }
  fs::rename(tmp, stub);
}

// The run over all shards of an index: each article goes to the shard a stable
// hash of its id picks, so reindexing finds it where it was. One shard (the
// default) is a plain index in index_dir.
class Run {
 public:
  Run(const IndexOptions& options, std::string origin) : options_(options), started_(Clock::now()) {
    const unsigned n = shard_count(options);
    if (n == 1) {
      shards_.push_back(std::make_unique<ShardRun>(options, origin));
      return;
    }
    if (!options.dry_run) fs::create_directories(options.index_dir);
    for (unsigned i = 0; i < n; ++i) {
      auto& shard_options = *shard_options_.emplace_back(std::make_unique<IndexOptions>(options));
      shard_options.index_dir = shard_dir(options.index_dir, i);
      shards_.push_back(std::make_unique<ShardRun>(shard_options, origin));
    }
    if (!options.dry_run) write_stub(options.index_dir, n);
  }

  void warn(const std::string& path, const std::string& reason) {
    ++summary_.warnings;
    if (options_.on_warning) options_.on_warning({path, reason});
  }
  void skip(const std::string& path, const std::string& reason) {
    ++summary_.skipped;
    warn(path, reason);
  }
  bool should_stop() {
    if (options_.should_stop && options_.should_stop()) summary_.stopped = true;
    return summary_.stopped;
  }
  void progress(const IndexProgress& p) {
    if (options_.on_progress) options_.on_progress(p);
  }
  void mark_seen(const std::string& id) { shard(id).mark_seen(id); }
  bool unchanged(const std::string& id, const std::string& content_hash) { return shard(id).unchanged(id, content_hash); }
  void store(const Article& article, const std::string& content_hash) { shard(article.id).store(article, content_hash); }

  void remove_unseen() {
    if (summary_.stopped) return;
    for (auto& s : shards_) s->remove_unseen();
  }

  IndexSummary finish() {
    for (auto& s : shards_) {
      const IndexSummary part = s->finish();
      summary_.added += part.added;
      summary_.updated += part.updated;
      summary_.unchanged += part.unchanged;
      summary_.removed += part.removed;
      summary_.skipped += part.skipped;
      summary_.warnings += part.warnings;
      summary_.duplicates += part.duplicates;
    }
    summary_.seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    return summary_;
  }

 private:
  ShardRun& shard(const std::string& id) {
    if (shards_.size() == 1) return *shards_.front();
    return *shards_[std::stoull(schema::stable_hash(id), nullptr, 16) % shards_.size()];
  }

  const IndexOptions& options_;
  Clock::time_point started_;
  std::vector<std::unique_ptr<IndexOptions>> shard_options_;  // each ShardRun keeps a reference to its own
  std::vector<std::unique_ptr<ShardRun>> shards_;
  IndexSummary summary_;
};

// Replaces ill-formed UTF-8 with U+FFFD, warning once for the input.
std::string repaired_text(Run& run, const std::string& where, std::string&& bytes) {
  if (is_valid_utf8(bytes)) return std::move(bytes);
  std::string fixed = sanitize_utf8(bytes);
  run.warn(where, "not valid UTF-8; ill-formed bytes replaced by U+FFFD and indexed");
  return fixed;
}

}  // namespace

IndexSummary index_corpus(const fs::path& corpus_dir, const IndexOptions& options) {
  std::vector<detail::Refusal> refused;
  auto inputs = detail::list_corpus(corpus_dir, [&](const detail::Refusal& r) { refused.push_back(r); });
  std::error_code ec;
  Run run(options, "dir:" + fs::weakly_canonical(corpus_dir, ec).generic_string());
  for (const auto& r : refused) run.skip(r.path, r.reason);

  IndexProgress progress{0, inputs.size(), 0, 0};
  for (const auto& input : inputs) progress.bytes_total += input.size;
  for (const auto& input : inputs) {
    if (run.should_stop()) break;
    std::string reason;
    std::optional<std::string> bytes = detail::read_input(input, reason);
    if (!bytes) {
      run.skip(input.citation_path, reason);
      run.mark_seen(input.id);  // a once-good file that turns bad keeps its indexed version
      continue;
    }
    const std::string hash = schema::stable_hash(*bytes, hash_salt(input.citation_path));
    if (!run.unchanged(input.id, hash)) {
      std::string text = repaired_text(run, input.citation_path, std::move(*bytes));
      run.store(parse_article(text, input.id, input.citation_path), hash);
    }
    ++progress.inputs_done;
    progress.bytes_done += input.size;
    run.progress(progress);
  }
  run.remove_unseen();
  return run.finish();
}

namespace {

std::optional<std::string> string_field(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return std::nullopt;
}

// Builds an Article from one JSONL record, or explains why it cannot.
std::optional<Article> jsonl_article(const nlohmann::json& record, const std::string& path,
                                     std::uint32_t line_number, std::string& reason, Run& run,
                                     const std::string& where) {
  auto refuse = [&reason](const char* why) -> std::optional<Article> {
    reason = why;
    return std::nullopt;
  };
  if (!record.is_object()) return refuse("not a JSON object; skipped");
  auto id = string_field(record, "id");
  auto text = string_field(record, "text");
  if (!id || id->empty()) return refuse("record has no \"id\"; skipped");
  if (!text) return refuse("record has no \"text\"; skipped");
  if (detail::is_blank(*text) && !string_field(record, "title")) return refuse("record has empty \"text\"; skipped");
  Article a;
  a.id = *id;
  a.path = path;
  a.title = string_field(record, "title");
  a.source = string_field(record, "source");
  a.author = string_field(record, "author");
  a.url = string_field(record, "url");
  a.title_line = line_number;
  if (auto date = string_field(record, "date")) {
    a.date = parse_date(*date);
    if (!a.date) run.warn(where, "\"date\" '" + *date + "' is not a date (YYYY-MM-DD); left out");
  }
  std::string_view rest = *text;
  while (!rest.empty()) {
    auto nl = rest.find('\n');
    std::string_view para = rest.substr(0, nl);
    if (!detail::is_blank(para)) a.body.push_back({line_number, std::string(para)});
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return a;
}

}  // namespace

IndexSummary index_jsonl(const fs::path& jsonl, const IndexOptions& options) {
  const bool from_stdin = jsonl == "-";
  std::ifstream file;
  if (!from_stdin) {
    file.open(jsonl, std::ios::binary);
    if (!file) throw Error(ErrorKind::io, "cannot read JSONL file '" + jsonl.string() + "'");
  }
  std::istream& in = from_stdin ? std::cin : file;
  std::error_code ec;
  const std::string path = from_stdin ? "-" : jsonl.generic_string();
  Run run(options, from_stdin ? "jsonl:-" : "jsonl:" + fs::weakly_canonical(jsonl, ec).generic_string());

  IndexProgress progress{0, 0, 0, from_stdin ? 0 : static_cast<std::uint64_t>(fs::file_size(jsonl, ec))};
  std::string line;
  std::uint32_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    progress.bytes_done += line.size() + 1;
    if (run.should_stop()) break;
    if (detail::is_blank(line)) continue;
    const std::string where = path + ":" + std::to_string(line_number);
    line = repaired_text(run, where, std::move(line));
    auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) {
      run.skip(where, "not valid JSON; skipped");
      continue;
    }
    std::string reason;
    auto article = jsonl_article(record, path, line_number, reason, run, where);
    if (!article) {
      run.skip(where, reason);
      if (auto id = string_field(record, "id")) run.mark_seen(*id);
      continue;
    }
    const std::string hash = schema::stable_hash(line, hash_salt(path));
    if (!run.unchanged(article->id, hash)) run.store(*article, hash);
    ++progress.inputs_done;
    run.progress(progress);
  }
  run.remove_unseen();
  return run.finish();
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
