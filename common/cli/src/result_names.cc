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

}  // namespace kosearch
