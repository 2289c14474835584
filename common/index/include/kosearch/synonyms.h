// Synonyms the user controls: groups of words a query treats as one word
// (엔비디아 = NVIDIA = 엔비디아社), applied at query time.
//
// The list is stored in the index (metadata kosearch.synonyms, in every
// shard, so remote shards carry it too) and read when a Searcher opens it:
// `search` needs no flag. A new index gets the starter list shipped with
// kosearch (common/index/data/synonyms.txt: the companies, chips and AI models of
// the bundled articles' domain); `indexer --synonyms FILE` gives it the
// starter list with FILE's groups merged in (merged()), `--replace-synonyms
// FILE` FILE's groups alone, `--synonyms none` an empty list; other runs
// keep it. Each group remembers the list it came from, for --explain.
//
// The list is stored analysed (each member's stems, with the analyzer's
// version), so opening an index reads it without analysing a word; a list
// stored by another analyzer version, or by the first format, is analysed
// when read, and stored again analysed by the next indexer run.
//
// File format: one group per line, members separated by `=`, at least two;
// blank lines and lines starting with `#` are ignored; a member may be
// several words (지푸 AI), matched as a phrase. A member is compared as the
// analyzer reads it (엔비디아의 is 엔비디아, ＮＶＩＤＩＡ is nvidia, 美 is 미국), so
// a word may belong to one group only. A malformed line is an error naming
// the file and the line.
//
// A query word that is a member (as one word) is searched as the whole
// group, as one word: its forms are combined with Xapian's OP_SYNONYM, so a
// document holding NVIDIA ranks as one holding 엔비디아 would for the query
// 엔비디아 (query_builder.cc).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kosearch {

class Analyzer;

// Database metadata key of the stored list.
inline constexpr std::string_view meta_synonyms = "kosearch.synonyms";

// A synonym file larger than this is refused (the list is read on every open).
inline constexpr std::size_t max_synonym_bytes = 1 << 20;

struct SynonymGroup {
  std::size_t line = 0;              // where it was written, for messages
  std::vector<std::string> members;  // as written, spaces trimmed (inner runs of space: one space)
  std::vector<std::vector<std::string>> stems;  // each member's words as a query reads them (synonym_stems)
  std::string list;                  // where it comes from: "the starter list", a file's name
};

// The name the starter list's groups carry.
inline constexpr std::string_view starter_list_name = "the starter list";

class SynonymList {
 public:
  // Throws Error(usage) "synonyms 'NAME' line N: …" for a malformed line.
  // Its groups carry `name` as their list.
  static SynonymList parse(std::string_view text, std::string_view name);
  // The file's text, parsed; "none" is the empty list. Throws Error(usage)
  // when it cannot be read or is malformed.
  static SynonymList load(const std::string& file_or_none);
  // The list shipped with kosearch, installed in a new index.
  static SynonymList starter();
  // `base` with `added`'s groups: a group of `added` that shares a word with
  // groups of `base` replaces them (the user's word wins); `added`'s groups
  // come first.
  static SynonymList merged(const SynonymList& base, const SynonymList& added);

  // The form kept in the index: a header line naming the format and the
  // analyzer's version, then per list a line "@ NAME" and one group per line
  // (its members, a tab, their stems). Never empty, so an emptied list
  // differs from a missing one.
  std::string stored() const;
  // A stored list (stored(), or the first format); an empty string is no
  // list at all. Analyses only a list of another analyzer version or format.
  static SynonymList from_stored(std::string_view stored);

  const std::vector<SynonymGroup>& groups() const { return groups_; }
  bool empty() const { return groups_.empty(); }

 private:
  std::vector<SynonymGroup> groups_;
};

// One other member of a query word's group, as the query builder searches it.
struct Synonym {
  std::string written;             // as the list writes it (NVIDIA)
  std::vector<std::string> stems;  // its words as the analyzer reads them, Hanja read (nvidia)
  std::string list;                // the list of its group (SynonymGroup::list)
};

// Query-time lookup of a SynonymList (its members' stems as the list holds them).
class SynonymIndex {
 public:
  SynonymIndex() = default;
  explicit SynonymIndex(const SynonymList& list);

  // The group (every member, the word's own too) of the member that reads
  // as `stems` (one query word's stems), or nullptr.
  const std::vector<Synonym>* group_of(const std::vector<std::string>& stems) const;
  bool empty() const { return groups_.empty(); }

 private:
  std::vector<std::vector<Synonym>> groups_;
  std::map<std::string, std::size_t> group_of_;  // a member's stems, joined by spaces → its group
};

// A member's words as a query reads them: the analyzer's stems, a Hanja
// word read in Hangul. Shared by the list's checks and the lookup.
std::vector<std::string> synonym_stems(std::string_view member, Analyzer& analyzer);

}  // namespace kosearch
