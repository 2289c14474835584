#include "kosearch/warning_groups.h"

#include <algorithm>
#include <utility>

#include "kosearch/error_remedy.h"
#include "kosearch/progress.h"

namespace kosearch {
namespace {

// What happened to the inputs of a reason "what; outcome": its last part.
std::string outcome_of(const std::string& reason) {
  const std::size_t cut = reason.rfind("; ");
  return cut == std::string::npos ? std::string() : reason.substr(cut + 2);
}

}  // namespace

WarningGroups::WarningGroups(bool list_each, std::filesystem::path index, std::function<void(const std::string&)> print)
    : list_each_(list_each), index_(std::move(index)), print_(std::move(print)) {}

std::string WarningGroups::single_line(const IndexWarning& w, const std::filesystem::path& index) {
  return "warning: " + w.path + ": " + with_remedy(w.reason, w.remedy, Program::indexer, index, w.path) + "\n";
}

void WarningGroups::add(const IndexWarning& warning) {
  if (list_each_) return print_(single_line(warning, index_));
  const std::string& key = warning.kind.empty() ? warning.reason : warning.kind;
  auto it = std::find_if(groups_.begin(), groups_.end(), [&](const Group& g) { return g.key == key; });
  if (it == groups_.end()) {
    groups_.push_back({key, warning, 0});
    it = groups_.end() - 1;
  }
  ++it->count;
}

std::string WarningGroups::grouped_line(const Group& g) const {
  const IndexWarning& w = g.first;
  std::string body;
  if (w.kind.empty()) {
    body = grouped_number(g.count) + " inputs: " + w.reason + " (e.g. " + w.path + ")";
  } else {
    body = grouped_number(g.count) + " " + w.kind + ", e.g. " + w.path + (w.example.empty() ? "" : " " + w.example);
    if (std::string outcome = outcome_of(w.reason); !outcome.empty()) body += "; " + outcome;
  }
  return "warning: " + with_remedy(body, w.remedy, Program::indexer, index_, w.path) + "; -v lists each\n";
}

void WarningGroups::report() {
  for (const Group& g : groups_) print_(g.count == 1 ? single_line(g.first, index_) : grouped_line(g));
  groups_.clear();
}

}  // namespace kosearch
