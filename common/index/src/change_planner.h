// The decisions of one indexer run over one input, apart from any database:
// which ids this run may write, whether a claimed article is added, updated
// or unchanged, which of the input's articles the run removes, and which
// written articles repeat another's text. index_writer.cc asks, looks up and
// writes; this unit decides, so every rule is testable without Xapian.
// Private to the library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kosearch/index_options.h"  // ArticleChange

namespace kosearch {

// What the index holds under an id, as far as the decisions need it.
struct StoredArticle {
  std::string content_hash;  // schema::slot_content_hash
  std::string origin;        // schema::origin_value of its input
  std::string origin_name;   // the input's name, for messages ("jsonl:/data/x.jsonl")
  unsigned docid = 0;        // the database's handle, to rewrite it in place
};

// An id this run may write, with what the index held under it.
struct Claim {
  std::string id;
  std::optional<StoredArticle> stored;
};

// One written article whose text another article present after the run has.
struct Duplicate {
  std::string where;     // of the written article
  std::string other_id;  // the copy named in the warning
};

// A record's stored hash: its content hash (8 bytes) and where it is
// (schema::record_location: its line number and the byte offset of that line
// in the file). Both are part of the stored citation, so a record that only
// moved is rewritten (without re-analysis) to match what a rebuild would
// store.
std::string jsonl_content_hash(std::string_view line, const std::string& path, std::uint32_t line_number,
                               std::uint64_t offset);

// True when two such hashes differ at most in where the record is (a hash
// stored before the offset was kept, 12 bytes, counts as the same content).
bool same_record_content(const std::string& stored, const std::string& hash);

class ChangePlanner {
 public:
  // `origin`: the name of the run's input ("corpus:/data/news", "jsonl:…").
  explicit ChangePlanner(std::string origin);

  const std::string& origin() const { return origin_; }
  const std::string& origin_value() const { return origin_value_; }
  // True when `id` was claimed in this run (a refused repeat leaves the first claim).
  bool met(const std::string& id) const { return seen_.count(id) > 0; }

  // Claims `id`, met at `where`, for this run. Refused, with the reason for a
  // skip warning, when the input repeats an id met earlier in the run (the
  // first wins) or when the id belongs to an article of another input.
  // Records are keyed by id between JSONL files, so a renamed or moved export
  // takes its articles over. `lookup` is asked only for a new id.
  template <typename Lookup>
  std::optional<Claim> claim(const std::string& id, const std::string& where, Lookup lookup, std::string& refusal) {
    if (!first_sight(id, where, refusal)) return std::nullopt;
    Claim claim{id, lookup()};
    if (!may_take(claim, refusal)) return std::nullopt;
    return claim;
  }

  // A claimed article that could not be written: a rebuild would not have it
  // either, so it is removed like any other unseen article.
  void release(const std::string& id) { seen_.erase(id); }

  // An article whose input cannot be read now keeps its indexed version, and
  // so do all articles below an id prefix (a folder that cannot be listed).
  void keep(const std::string& id) { seen_.emplace(id, std::string()); }
  void keep_prefix(std::string prefix) { kept_prefixes_.push_back(std::move(prefix)); }
  // A run limited to these paths (IndexOptions::only_paths): every article
  // outside them is kept.
  void limit_to(std::vector<std::string> paths) { scope_ = std::move(paths); }

  // Whether the run leaves the article with this id of its input in place.
  bool kept(const std::string& id) const;

  static ArticleChange change(const Claim& claim, const std::string& content_hash);

  // A written (or, in a dry run, to-be-written) article and its body's fingerprint.
  void note_written(std::string id, std::string where, std::string fingerprint);
  // The fingerprints of the articles written so far, each with how many have it.
  std::unordered_map<std::string, std::size_t> written_fingerprints() const;
  bool was_written(const std::string& id) const { return written_ids_.count(id) > 0; }

  // The written articles whose text another article has after the run: one
  // per extra copy, so a clean build of n copies gives n-1 and adding a copy
  // gives one. `untouched` maps a fingerprint to the smallest id of an
  // indexed article with that text which this run neither wrote nor removes.
  std::vector<Duplicate> duplicates(const std::unordered_map<std::string, std::string>& untouched) const;

 private:
  bool first_sight(const std::string& id, const std::string& where, std::string& refusal);
  bool may_take(const Claim& claim, std::string& refusal);

  struct Written {
    std::string id, where, fingerprint;
  };

  std::string origin_;
  std::string origin_value_;
  std::unordered_map<std::string, std::string> seen_;  // id → where it was met
  std::vector<std::string> kept_prefixes_;
  std::vector<std::string> scope_;
  std::vector<Written> written_;
  std::unordered_set<std::string> written_ids_;
};

}  // namespace kosearch
