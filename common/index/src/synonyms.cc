#include "kosearch/synonyms.h"

#include <fstream>
#include <sstream>

#include "kosearch/analyzer.h"
#include "kosearch/error.h"
#include "kosearch/hanja_readings.h"
#include "kosearch/text.h"

namespace kosearch {
namespace {

// The text of common/index/data/synonyms.txt, embedded by the build.
constexpr std::string_view kStarterList =
#include "starter_synonyms.inc"
    ;

// First line of a stored list; later formats get another number.
constexpr std::string_view kStoredHeader = "# kosearch synonyms 1";

std::string joined(const std::vector<std::string>& stems) {
  std::string key;
  for (const auto& stem : stems) key.append(key.empty() ? "" : " ").append(stem);
  return key;
}

Error line_error(std::string_view name, std::size_t line, const std::string& problem) {
  return Error(ErrorKind::usage, "synonyms '" + std::string(name) + "' line " + std::to_string(line) + ": " + problem);
}

// The members of one line, or an error naming what is wrong with it.
std::vector<std::string> members_of(std::string_view text, std::string_view name, std::size_t line) {
  if (text.find('=') == std::string_view::npos)
    throw line_error(name, line, "no '=': write a group as `word = other word [= …]`");
  std::vector<std::string> members;
  std::size_t start = 0;
  while (true) {
    const std::size_t eq = text.find('=', start);
    const std::string_view member = trim_ascii_spaces(text.substr(start, eq == std::string_view::npos ? eq : eq - start));
    if (member.empty()) throw line_error(name, line, "empty member (two '=' in a row, or one at an end)");
    members.emplace_back(member);
    if (eq == std::string_view::npos) break;
    start = eq + 1;
  }
  return members;
}

}  // namespace

std::vector<std::string> synonym_stems(std::string_view member, Analyzer& analyzer) {
  std::vector<Token> tokens = analyzer.analyze(member);
  std::vector<std::string> stems;
  for (Token& token : tokens) {
    read_as_hangul(token);
    stems.push_back(token.stem);
  }
  return stems;
}

SynonymList SynonymList::parse(std::string_view text, std::string_view name) {
  if (text.size() > max_synonym_bytes)
    throw Error(ErrorKind::usage, "synonyms '" + std::string(name) + "' is over " +
                                      std::to_string(max_synonym_bytes) + " bytes; split the list or shorten it");
  if (!is_valid_utf8(text)) throw Error(ErrorKind::usage, "synonyms '" + std::string(name) + "' is not valid UTF-8");
  Analyzer analyzer;
  SynonymList list;
  std::map<std::string, std::pair<std::string, std::size_t>> seen;  // stems → member, line
  std::size_t number = 0;
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = trim_ascii_spaces(text.substr(at, end - at));
    at = end + 1;
    ++number;
    if (line.empty() || line.front() == '#') continue;
    SynonymGroup group{number, members_of(line, name, number)};
    if (group.members.size() < 2) throw line_error(name, number, "a group needs at least two members");
    std::map<std::string, std::string> in_group;
    for (const auto& member : group.members) {
      const std::string key = joined(synonym_stems(member, analyzer));
      if (key.empty()) throw line_error(name, number, "'" + member + "' has no word to search for");
      if (auto other = seen.find(key); other != seen.end())
        throw line_error(name, number, "'" + member + "' is already in the group on line " +
                                           std::to_string(other->second.second) + " (as '" + other->second.first +
                                           "'); a word belongs to one group");
      if (auto twin = in_group.find(key); twin != in_group.end())
        throw line_error(name, number, "'" + member + "' reads as '" + twin->second + "' in the same group");
      in_group.emplace(key, member);
    }
    for (const auto& [key, member] : in_group) seen.emplace(key, std::make_pair(member, number));
    list.groups_.push_back(std::move(group));
  }
  return list;
}

SynonymList SynonymList::load(const std::string& file_or_none) {
  if (file_or_none == "none") return {};
  std::ifstream in(file_or_none, std::ios::binary);
  if (!in) throw Error(ErrorKind::usage, "cannot read synonyms file '" + file_or_none + "'");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(ErrorKind::usage, "cannot read synonyms file '" + file_or_none + "'");
  return parse(text.str(), file_or_none);
}

SynonymList SynonymList::starter() { return parse(kStarterList, "common/index/data/synonyms.txt"); }

std::string SynonymList::stored() const {
  std::string out(kStoredHeader);
  out += '\n';
  for (const SynonymGroup& group : groups_) {
    for (std::size_t i = 0; i < group.members.size(); ++i) out.append(i ? " = " : "").append(group.members[i]);
    out += '\n';
  }
  return out;
}

SynonymList SynonymList::from_stored(std::string_view stored) {
  if (stored.empty()) return {};
  return parse(stored, "index metadata");
}

SynonymIndex::SynonymIndex(const SynonymList& list, Analyzer& analyzer) {
  for (const SynonymGroup& group : list.groups()) {
    std::vector<Synonym> members;
    for (const auto& member : group.members) {
      members.push_back({member, synonym_stems(member, analyzer)});
      group_of_.emplace(joined(members.back().stems), groups_.size());
    }
    groups_.push_back(std::move(members));
  }
}

const std::vector<Synonym>* SynonymIndex::group_of(const std::vector<std::string>& stems) const {
  const auto found = group_of_.find(joined(stems));
  if (found == group_of_.end()) return nullptr;
  return &groups_[found->second];
}

}  // namespace kosearch
