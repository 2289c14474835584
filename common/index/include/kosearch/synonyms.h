// Synonyms the user controls: groups of words a query treats as one word
// (엔비디아 = NVIDIA = 엔비디아社), applied at query time.
//
// The list is stored in the index (metadata kosearch.synonyms, in every
// shard, so remote shards carry it too) and read when a Searcher opens it:
// `search` needs no flag. A new index gets the starter list shipped with
// kosearch (common/index/data/synonyms.txt: the companies, chips and AI models of
// the bundled articles' domain); `indexer --synonyms FILE` replaces the list
// and `--synonyms none` empties it; other runs keep it.
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
  std::vector<std::string> members;  // as written, spaces trimmed
};

class SynonymList {
 public:
  // Throws Error(usage) "synonyms 'NAME' line N: …" for a malformed line.
  static SynonymList parse(std::string_view text, std::string_view name);
  // The file's text, parsed; "none" is the empty list. Throws Error(usage)
  // when it cannot be read or is malformed.
  static SynonymList load(const std::string& file_or_none);
  // The list shipped with kosearch, installed in a new index.
  static SynonymList starter();

  // The form kept in the index: a header line, then one group per line.
  // Never empty, so an emptied list differs from a missing one.
  std::string stored() const;
  // A stored list (stored()); an empty string is no list at all.
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
};

// Query-time lookup of a SynonymList.
class SynonymIndex {
 public:
  SynonymIndex() = default;
  SynonymIndex(const SynonymList& list, Analyzer& analyzer);

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
