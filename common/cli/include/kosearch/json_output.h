// The hit and summary objects of the JSON schema (json_schema.h), built in
// one place for every front end that speaks JSON: `search --json` writes them
// one per line (output.h's JsonWriter), `search --serve` returns them inside
// one object (serve_api.h). Keys in the documented order; text neutralized
// (no control characters, see text.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kosearch/searcher.h"

namespace kosearch {

// Keys in the documented order, "type" first, rather than sorted.
using OrderedJson = nlohmann::ordered_json;

// {"type": "hit", …}; `qid` only in batch mode.
OrderedJson json_hit(const Hit& hit, const std::optional<std::string>& qid = std::nullopt);

// {"type": "summary", …}; `hits` is the number of hit objects written before it.
OrderedJson json_summary(const Results& results, std::size_t hits,
                         const std::optional<std::string>& qid = std::nullopt);

// {"type": "error", …}: a query of a batch that could not run.
OrderedJson json_error(std::string_view message, const std::optional<std::string>& qid = std::nullopt);

// One line of JSON (no newline); invalid UTF-8 replaced, never thrown.
std::string json_text(const OrderedJson& j);

}  // namespace kosearch
