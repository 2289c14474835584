// The indexer's progress line, as text: documents so far (of how many, when
// known), how fast, how much of the input has been read and when the run
// should end. The binary shows it on a terminal only, rewritten in place a
// few times a second.
#pragma once

#include <cstdint>
#include <string>

#include "kosearch/index_options.h"

namespace kosearch {

// "1,234/5,000 documents, 41% of 12.3 MB read, 230 documents/s, ETA 1 min 12 s"
// Parts that cannot be known yet (total, percent, ETA) are left out.
std::string progress_text(const IndexProgress& progress, double seconds);

// "20,000": a count with its thousands grouped, as the indexer's lines write counts.
std::string grouped_number(std::uint64_t n);

}  // namespace kosearch
