#include "kosearch/version.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include "kosearch/analyzer.h"
#include "kosearch/schema.h"

#ifndef KOSEARCH_VERSION
#error "KOSEARCH_VERSION must be defined by the build (CMake project version)"
#endif

namespace kosearch {

std::string_view release_version() { return KOSEARCH_VERSION; }

std::string version_text(std::string_view program) {
  UVersionInfo icu{};
  u_getVersion(icu);  // the loaded library, which may differ from the headers
  char icu_text[U_MAX_VERSION_STRING_LENGTH] = {};
  u_versionToString(icu, icu_text);
  std::string out;
  out.append(program).append(" ").append(release_version()).append("\n");
  out.append("xapian ").append(Xapian::version_string()).append("\n");
  out.append("icu ").append(icu_text).append("\n");
  out.append("analyzer ").append(Analyzer::version).append("\n");
  out.append("schema ").append(schema::version).append("\n");
  return out;
}

}  // namespace kosearch
