#include "kosearch/index_writer.h"
namespace kosearch {
IndexSummary index_corpus(const std::filesystem::path&, const IndexOptions&) { return {}; }
IndexSummary index_jsonl(const std::filesystem::path&, const IndexOptions&) { return {}; }
std::string format_summary(const IndexSummary&) { return {}; }
}  // namespace kosearch
