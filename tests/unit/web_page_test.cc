#include "kosearch/web_page.h"

#include <gtest/gtest.h>

#include <string>

namespace ks = kosearch;

namespace {

std::string_view asset(std::string_view path) {
  for (const ks::WebAsset& a : ks::web_assets())
    if (a.path == path) return a.body;
  ADD_FAILURE() << "no asset " << path;
  return {};
}

TEST(WebPage, PageScriptAndStyleAreCompiledIn) {
  EXPECT_NE(asset("/").find("<script src=\"/app.js\""), std::string_view::npos);
  EXPECT_NE(asset("/").find("href=\"/app.css\""), std::string_view::npos);
  EXPECT_NE(asset("/app.js").find("/api/search"), std::string_view::npos);
  EXPECT_NE(asset("/app.css").find("mark"), std::string_view::npos);
}

// The Content-Security-Policy allows no inline script or style and nothing
// from elsewhere; the script never parses text as HTML.
TEST(WebPage, NothingInlineNothingFromElsewhereNoHtmlParsing) {
  for (const ks::WebAsset& a : ks::web_assets()) {
    EXPECT_EQ(a.body.find("http://"), std::string_view::npos) << a.path;
    EXPECT_EQ(a.body.find("https://"), std::string_view::npos) << a.path;
    EXPECT_EQ(a.body.find("innerHTML"), std::string_view::npos) << a.path;
    EXPECT_EQ(a.body.find("outerHTML"), std::string_view::npos) << a.path;
    EXPECT_EQ(a.body.find("insertAdjacentHTML"), std::string_view::npos) << a.path;
    EXPECT_EQ(a.body.find("document.write"), std::string_view::npos) << a.path;
    EXPECT_EQ(a.body.find(" style="), std::string_view::npos) << a.path;
    EXPECT_EQ(a.body.find(" onclick="), std::string_view::npos) << a.path;
  }
  EXPECT_EQ(asset("/").find("<script>"), std::string_view::npos);
  EXPECT_EQ(asset("/").find("<style"), std::string_view::npos);
}

}  // namespace
