// Embedding kosearch: open an index, search, print path:line and snippet.
//   example INDEX QUERY
#include <iostream>

#include "kosearch/error.h"
#include "kosearch/searcher.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: example INDEX QUERY\n";
    return 2;
  }
  try {
    auto engine = kosearch::Searcher::open(argv[1]);
    const auto results = engine.search(argv[2], {.limit = 5});
    for (const auto& hit : results.hits)
      std::cout << kosearch::location(hit.citation) << '\t' << hit.id << '\t' << hit.snippet.text << '\n';
    return results.hits.empty() ? 1 : 0;
  } catch (const kosearch::Error& e) {
    std::cerr << "example: " << e.what() << '\n';
    return 2;
  }
}
