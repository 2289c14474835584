#include "kosearch/web_page.h"

namespace kosearch {
namespace {

// Written by CMake from common/serve/data/ (common/CMakeLists.txt).
constexpr std::string_view page_html =
#include "web_page_html.inc"
    ;
constexpr std::string_view page_js =
#include "web_page_js.inc"
    ;
constexpr std::string_view page_css =
#include "web_page_css.inc"
    ;

constexpr WebAsset assets[] = {
    {"/", "text/html; charset=utf-8", page_html},
    {"/app.js", "text/javascript; charset=utf-8", page_js},
    {"/app.css", "text/css; charset=utf-8", page_css},
};

}  // namespace

std::span<const WebAsset> web_assets() { return assets; }

}  // namespace kosearch
