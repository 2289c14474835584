#include "kosearch/result_names.h"

namespace kosearch {

const char* facet_name(Facet facet) { return facet == Facet::source ? "source" : "month"; }

const char* match_name(MatchKind match) {
  switch (match) {
    case MatchKind::all: return "all";
    case MatchKind::some: return "some";
    case MatchKind::partial: return "partial";
  }
  return "all";
}

const char* change_name(ArticleChange change) {
  switch (change) {
    case ArticleChange::add: return "add";
    case ArticleChange::update: return "update";
    case ArticleChange::unchanged: return "unchanged";
    case ArticleChange::remove: return "remove";
  }
  return "add";
}

const char* change_done_name(ArticleChange change) {
  switch (change) {
    case ArticleChange::add: return "added";
    case ArticleChange::update: return "updated";
    case ArticleChange::unchanged: return "unchanged";
    case ArticleChange::remove: return "removed";
  }
  return "added";
}

}  // namespace kosearch
