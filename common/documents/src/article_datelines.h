// Datelines: `입력 2025.01.15 09:30 | 수정 2025.01.15 10:00 | 홍길동 기자`,
// `2025-01-15 09:30 송고`, `Published Jan 15, 2025`, an unlabelled
// `2025.01.15 (수)`, a byline or site name before the dates, and a bare `입력`
// whose date may follow on the next line. Dates are read by article_dates.h.
// Private to the library (the article parser's units).
#pragma once

#include <optional>
#include <string_view>

#include "article_line_info.h"

namespace kosearch::article_lines {

// The line as a dateline (role dateline, its dates and author), a bare date
// label (boilerplate with `bare_label`), or none: a line that goes on as a
// sentence (입력 2025.01.15 이후 받는다) is no dateline.
std::optional<LineInfo> read_dateline(std::string_view line);

}  // namespace kosearch::article_lines
