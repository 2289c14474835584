// IndexStats: what planning a query asks of the index (query_planner.h), as a
// plain value the searcher fills from the open database and tests from a
// small one.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "kosearch/synonyms.h"

namespace kosearch {

// What the query planner asks of the index: how many documents there are and how
// many hold a term. It decides which words the index knows as words and how
// informative each is. Empty: every word counts as known and equally rare.
// expand_initials: the index words a 초성 word of two or more consonants
// stands for (spelling_suggester.h's Vocabulary::with_initials); such a word
// matches any of them. Empty: a 초성 word is a word like any other.
struct IndexStats {
  Xapian::doccount documents = 0;
  std::function<Xapian::doccount(const std::string& term)> termfreq;
  const SynonymIndex* synonyms = nullptr;  // the index's synonym list (none: no synonyms)
  std::function<std::vector<std::string>(std::u32string_view initials)> expand_initials;
  double average_length = 0;  // of a document, in terms (0: unknown, the length floor is not applied)
};

}  // namespace kosearch
