// search_loop: runs searches through one long-lived kosearch::Searcher, as a
// service would, while an indexer commits underneath it. A long-lived reader
// is what meets Xapian's DatabaseModifiedError; the Searcher must reopen and
// retry. Used by tests/e2e/test_concurrency.py.
//
//   search_loop INDEX COUNT QUERY...
//
// Every search must succeed with at least one hit (pick queries that always
// match). Prints one JSON object: searches, failures, the first few error
// messages, and how many distinct document counts the Searcher saw (more than
// one means it reopened onto newer revisions). Exit 0 when nothing failed.
// A Xapian exception escaping the Searcher (its contract is kosearch::Error)
// is counted as a failure and named, rather than terminating the loop.
#include <cstdlib>
#include <exception>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "kosearch/searcher.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: search_loop INDEX COUNT QUERY...\n";
    return 2;
  }
  const std::string index = argv[1];
  const long count = std::strtol(argv[2], nullptr, 10);
  const std::vector<std::string> queries(argv + 3, argv + argc);

  std::size_t failures = 0;
  std::vector<std::string> errors;
  std::set<std::size_t> counts_seen;
  try {
    auto searcher = kosearch::Searcher::open(index);
    kosearch::SearchOptions options;
    options.limit = 5;
    for (long i = 0; i < count; ++i) {
      try {
        const auto results = searcher.search(queries[static_cast<std::size_t>(i) % queries.size()], options);
        if (results.hits.empty()) throw std::runtime_error("no hit for '" + queries[i % queries.size()] + "'");
        counts_seen.insert(searcher.document_count());
      } catch (const std::exception& e) {
        ++failures;
        if (errors.size() < 5) errors.push_back(e.what());
      } catch (const Xapian::Error& e) {  // the Searcher promises kosearch::Error only
        ++failures;
        if (errors.size() < 5) errors.push_back("Xapian error escaped the Searcher: " + e.get_description());
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "search_loop: " << e.what() << '\n';
    return 2;
  }
  nlohmann::json report = {{"searches", count},
                           {"failures", failures},
                           {"errors", errors},
                           {"document_counts_seen", counts_seen.size()}};
  std::cout << report.dump() << '\n';
  return failures == 0 ? 0 : 1;
}
