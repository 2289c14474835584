#include "kosearch/citation.h"
namespace kosearch {
std::string location(const Citation& c) { return c.path + ":" + std::to_string(c.line) + ":" + std::to_string(c.column); }
std::string format_citation(const Citation& c) { return location(c); }
}  // namespace kosearch
