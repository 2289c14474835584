#include "kosearch/output.h"
#include <ostream>
namespace kosearch {
namespace {
// STUB writer: rank, title, location, snippet.
class PlainWriter : public ResultWriter {
 public:
  explicit PlainWriter(std::ostream& out) : out_(out) {}
  void write(const Results& r) override {
    for (const auto& h : r.hits)
      out_ << h.rank << ". " << h.citation.title.value_or(h.id) << "\n   " << location(h.citation) << "\n   " << h.snippet.text << "\n";
  }
 private:
  std::ostream& out_;
};
}  // namespace
std::unique_ptr<ResultWriter> make_writer(const OutputOptions&, std::ostream& out) { return std::make_unique<PlainWriter>(out); }
bool use_color(const std::string& mode, OutputFormat, bool tty) { return mode == "always" || (mode == "auto" && tty); }
}  // namespace kosearch
