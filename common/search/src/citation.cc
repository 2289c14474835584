#include "kosearch/citation.h"

#include <string>
#include <vector>

#include "kosearch/text.h"

namespace kosearch {

std::string location(const Citation& c) {
  return neutralize_controls(c.path) + ":" + std::to_string(c.line) + ":" + std::to_string(c.column);
}

std::string format_reference(const Citation& c) {
  // Without a title the other fields do not identify an article on their own:
  // the location alone does.
  if (!c.title || c.title->empty()) return {};
  std::vector<std::string> fields;
  auto add = [&fields](const std::optional<std::string>& field) {
    if (field && !field->empty()) fields.push_back(neutralize_controls(*field));
  };
  add(c.author);
  fields.push_back("「" + neutralize_controls(*c.title) + "」");
  add(c.source);
  add(c.date);
  // Labelled, so that a revision date is never read as the publication date.
  if (c.updated && !c.updated->empty()) fields.push_back("수정 " + neutralize_controls(*c.updated));
  add(c.url);
  std::string line;
  for (const auto& field : fields) line += (line.empty() ? "" : ", ") + field;
  return line;
}

std::string format_citation(const Citation& c) {
  const std::string reference = format_reference(c);
  if (reference.empty()) return location(c);
  return reference + " (" + location(c) + ")";
}

}  // namespace kosearch
