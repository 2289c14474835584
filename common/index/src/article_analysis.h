// One article checked and analysed into the Xapian document to write, for
// the two writers of a run (index_session.h: incremental; bulk_build.h: the
// parts of a bulk build). A `Sink` is told what was skipped and why.
#pragma once

#include <exception>
#include <optional>
#include <string>

#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/schema.h"
#include "kosearch/text.h"

namespace kosearch {

// Checks and analyses one article: the document to write, or nullopt after a
// skip warning (Xapian would refuse a term, which would cost the whole batch),
// or when the sink is asked to stop meanwhile (checked at each line, so a
// stop takes effect inside a huge file; the article is left as it was).
template <typename Sink>
std::optional<Xapian::Document> analysed(Sink& sink, Analyzer& analyzer, const std::string& origin,
                                         const Article& article, const std::string& content_hash,
                                         const std::string& where) {
  schema::DocumentStats stats;
  Xapian::Document doc;
  try {
    doc = schema::make_document(article, analyzer, origin, content_hash, &stats, [&] { return sink.should_stop(); });
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::interrupted) return std::nullopt;
    sink.skip(where, std::string("cannot be indexed: ") + e.what() + "; skipped");
    return std::nullopt;
  } catch (const Xapian::Error& e) {
    sink.skip(where, "cannot be indexed: " + e.get_description() + "; skipped");
    return std::nullopt;
  } catch (const std::exception& e) {
    sink.skip(where, std::string("cannot be indexed: ") + e.what() + "; skipped");
    return std::nullopt;
  }
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t).size() > xapian_term_limit) {
      sink.skip(where, "a term of " + std::to_string((*t).size()) + " bytes is over Xapian's " +
                           std::to_string(xapian_term_limit) + "-byte limit; skipped",
                "articles have a term over Xapian's " + std::to_string(xapian_term_limit) + "-byte limit",
                "(" + std::to_string((*t).size()) + " bytes)");
      return std::nullopt;
    }
  }
  if (stats.truncated_tokens > 0)
    sink.warn(where,
              std::to_string(stats.truncated_tokens) + " word(s) longer than " + std::to_string(max_term_bytes) +
                  " bytes indexed cut short",
              Remedy::none, "articles have words longer than " + std::to_string(max_term_bytes) + " bytes",
              "(" + std::to_string(stats.truncated_tokens) + ")");
  return doc;
}

}  // namespace kosearch
