#include "change_planner.h"

#include "kosearch/input_files.h"
#include "kosearch/schema.h"

namespace kosearch {
namespace {

bool is_jsonl(const std::string& origin) { return origin.rfind("jsonl:", 0) == 0; }

}  // namespace

ChangePlanner::ChangePlanner(std::string origin)
    : origin_(std::move(origin)), origin_value_(schema::origin_value(origin_)) {}

bool ChangePlanner::first_sight(const std::string& id, const std::string& where, std::string& refusal) {
  auto [it, fresh] = seen_.emplace(id, where);
  if (!fresh) refusal = "id '" + id + "' repeats the record at " + it->second + "; skipped (the first one is indexed)";
  return fresh;
}

bool ChangePlanner::may_take(const Claim& claim, std::string& refusal) {
  const auto& stored = claim.stored;
  if (!stored || stored->origin == origin_value_ || (is_jsonl(origin_) && is_jsonl(stored->origin_name))) return true;
  seen_.erase(claim.id);
  refusal = "id '" + claim.id + "' belongs to an article from " + stored->origin_name + "; skipped";
  return false;
}

bool ChangePlanner::kept(const std::string& id) const {
  if (seen_.count(id)) return true;
  if (!scope_.empty() && !detail::in_paths(id, scope_)) return true;  // out of this run's scope
  for (const auto& prefix : kept_prefixes_)
    if (id.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

ArticleChange ChangePlanner::change(const Claim& claim, const std::string& content_hash) {
  if (!claim.stored) return ArticleChange::add;
  return claim.stored->content_hash == content_hash ? ArticleChange::unchanged : ArticleChange::update;
}

void ChangePlanner::note_written(std::string id, std::string where, std::string fingerprint) {
  written_ids_.insert(id);
  written_.push_back({std::move(id), std::move(where), std::move(fingerprint)});
}

std::unordered_map<std::string, std::size_t> ChangePlanner::written_fingerprints() const {
  std::unordered_map<std::string, std::size_t> out;
  for (const auto& w : written_) ++out[w.fingerprint];
  return out;
}

std::vector<Duplicate> ChangePlanner::duplicates(const std::unordered_map<std::string, std::string>& untouched) const {
  std::unordered_map<std::string, const Written*> first_with;  // fingerprint → first written article with it
  first_with.reserve(written_.size());
  for (const auto& w : written_) first_with.emplace(w.fingerprint, &w);
  std::vector<Duplicate> out;
  for (const auto& w : written_) {
    const auto other = untouched.find(w.fingerprint);
    if (other != untouched.end()) {
      out.push_back({w.where, other->second});
    } else if (const Written* first = first_with[w.fingerprint]; first->id != w.id) {
      out.push_back({w.where, first->id});
    }
  }
  return out;
}

std::string jsonl_content_hash(std::string_view line, const std::string& path, std::uint32_t line_number,
                               std::uint64_t offset) {
  return schema::content_hash(line, path) + schema::record_location(line_number, offset);
}

bool same_record_content(const std::string& stored, const std::string& hash) {
  return stored.size() >= 8 && hash.size() >= 8 && stored.compare(0, 8, hash, 0, 8) == 0;
}

}  // namespace kosearch
