// The search page of `search --serve`: one HTML page, its script and its
// style, compiled into the binary from common/serve/data/ (no build step, no
// resource from elsewhere: it works offline). The script talks only to the
// JSON API (serve_api.h) and builds the page with textContent, never with
// innerHTML of what the index or the user wrote.
#pragma once

#include <span>
#include <string_view>

namespace kosearch {

struct WebAsset {
  std::string_view path;          // "/", "/app.js", "/app.css"
  std::string_view content_type;  // with its charset
  std::string_view body;
};

std::span<const WebAsset> web_assets();

}  // namespace kosearch
