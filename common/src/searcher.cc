#include "kosearch/searcher.h"
namespace kosearch {
struct Searcher::Impl {};
Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher Searcher::open(const std::string&) { return Searcher(std::make_unique<Impl>()); }
Results Searcher::search(const std::string&, const SearchOptions&) { return {}; }
std::size_t Searcher::document_count() const { return 0; }
}  // namespace kosearch
