#include "kosearch/synonyms.h"

#include <algorithm>
#include <fstream>
#include <set>
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

// First line of a stored list; later formats get another number. Format 1:
// one group per line, as written. Format 2 adds the analyzer's version (the
// header's last word), the lists ("@ NAME") and each member's stems.
constexpr std::string_view kStoredHeaderV1 = "# kosearch synonyms 1";
constexpr std::string_view kStoredHeader = "# kosearch synonyms 2 ";
constexpr std::string_view kListMark = "@ ";
constexpr std::string_view kMemberSeparator = " = ";
// The list name of groups stored in format 1, which kept none.
constexpr std::string_view kFirstFormatList = "the index's list";

// `text` split at each `separator`.
std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t at = text.find(separator, start);
    parts.emplace_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + separator.size();
  }
}

// Runs of ASCII white space inside a member become one space (a tab would
// break the stored form; the analyzer reads both alike).
std::string single_spaced(std::string_view member) {
  std::string out;
  bool space = false;
  for (char c : member) {
    if (ascii_spaces.find(c) != std::string_view::npos) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

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
    members.push_back(single_spaced(member));
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
    SynonymGroup group{number, members_of(line, name, number), {}, std::string(name)};
    if (group.members.size() < 2) throw line_error(name, number, "a group needs at least two members");
    std::map<std::string, std::string> in_group;
    for (const auto& member : group.members) {
      group.stems.push_back(synonym_stems(member, analyzer));
      const std::string key = joined(group.stems.back());
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

SynonymList SynonymList::starter() {
  SynonymList list = parse(kStarterList, "common/index/data/synonyms.txt");
  for (SynonymGroup& group : list.groups_) group.list = starter_list_name;
  return list;
}

SynonymList SynonymList::merged(const SynonymList& base, const SynonymList& added) {
  std::set<std::string> taken;  // the words of `added`, as read
  for (const SynonymGroup& group : added.groups_)
    for (const auto& stems : group.stems) taken.insert(joined(stems));
  SynonymList out = added;
  for (const SynonymGroup& group : base.groups_) {
    const bool replaced =
        std::any_of(group.stems.begin(), group.stems.end(), [&](const auto& stems) { return taken.count(joined(stems)); });
    if (!replaced) out.groups_.push_back(group);
  }
  return out;
}

std::string SynonymList::stored() const {
  std::string out(kStoredHeader);
  out.append(Analyzer::version).append("\n");
  const std::string* list = nullptr;
  for (const SynonymGroup& group : groups_) {
    if (!list || *list != group.list) out.append(kListMark).append(group.list).append("\n");
    list = &group.list;
    for (std::size_t i = 0; i < group.members.size(); ++i)
      out.append(i ? kMemberSeparator : "").append(group.members[i]);
    out += '\t';
    for (std::size_t i = 0; i < group.stems.size(); ++i) out.append(i ? kMemberSeparator : "").append(joined(group.stems[i]));
    out += '\n';
  }
  return out;
}

SynonymList SynonymList::from_stored(std::string_view stored) {
  if (stored.empty()) return {};
  if (!stored.starts_with(kStoredHeader)) {
    if (!stored.starts_with(kStoredHeaderV1)) throw Error(ErrorKind::usage, "synonyms in the index metadata are in an unknown format");
    SynonymList list = parse(stored, "index metadata");
    for (SynonymGroup& group : list.groups_) group.list = kFirstFormatList;
    return list;
  }
  std::vector<std::string> lines = split(stored, "\n");
  const bool analysed = lines.front().substr(kStoredHeader.size()) == Analyzer::version;
  SynonymList list;
  std::string name;
  std::string written;  // another analyzer's list: the groups as written, to analyse again
  std::vector<std::string> names;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.empty()) continue;
    if (line.starts_with(kListMark)) {
      name = line.substr(kListMark.size());
      continue;
    }
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw Error(ErrorKind::usage, "synonyms in the index metadata: a group without stems");
    if (!analysed) {
      written.append(line.substr(0, tab)).append("\n");
      names.push_back(name);
      continue;
    }
    SynonymGroup group{i + 1, split(line.substr(0, tab), kMemberSeparator), {}, name};
    for (const std::string& stems : split(line.substr(tab + 1), kMemberSeparator)) group.stems.push_back(split(stems, " "));
    if (group.stems.size() != group.members.size())
      throw Error(ErrorKind::usage, "synonyms in the index metadata: members and stems do not match");
    list.groups_.push_back(std::move(group));
  }
  if (analysed) return list;
  list = parse(written, "index metadata");  // checked again: the analyzer may read two members alike now
  for (std::size_t i = 0; i < list.groups_.size(); ++i) list.groups_[i].list = names[i];
  return list;
}

SynonymIndex::SynonymIndex(const SynonymList& list) {
  for (const SynonymGroup& group : list.groups()) {
    std::vector<Synonym> members;
    for (std::size_t i = 0; i < group.members.size(); ++i) {
      members.push_back({group.members[i], group.stems[i], group.list});
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
