// What a build is made of, for `--version` of both binaries and for bug
// reports: the kosearch release (CMake project version), the Xapian and ICU
// libraries it runs with (as loaded, not as compiled against), and the
// analyzer and schema versions an index records.
#pragma once

#include <string>
#include <string_view>

namespace kosearch {

// The CMake project version, e.g. "0.1.0".
std::string_view release_version();

// Several lines, one `name version` pair each, the first naming `program`:
//   search 0.1.0
//   xapian 1.4.22
//   icu 72.1
//   analyzer ko-light-5
//   schema kosearch-schema-1
std::string version_text(std::string_view program);

}  // namespace kosearch
