// A small in-memory index filled exactly as the indexer fills a real one,
// and the IndexStats the searcher would give the query planner over it.
#pragma once

#include <initializer_list>
#include <string>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/index_stats.h"
#include "kosearch/schema.h"

namespace kosearch_test {

class SmallIndex {
 public:
  // One article per body, ids d0, d1, …
  explicit SmallIndex(std::initializer_list<const char*> bodies) {
    int n = 0;
    for (const char* body : bodies) {
      kosearch::Article a;
      a.id = a.path = "d" + std::to_string(n++);
      a.body = {{1, body}};
      db_.add_document(kosearch::schema::make_document(a, analyzer_, "test", a.id));
    }
  }

  kosearch::IndexStats stats() {
    return {db_.get_doccount(), [this](const std::string& t) { return db_.get_termfreq(t); }, nullptr, {}};
  }
  kosearch::Analyzer& analyzer() { return analyzer_; }

 private:
  kosearch::Analyzer analyzer_;
  Xapian::WritableDatabase db_{"", Xapian::DB_BACKEND_INMEMORY};
};

}  // namespace kosearch_test
