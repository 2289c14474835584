#include "kosearch/search_request.h"

#include <gtest/gtest.h>

#include "kosearch/error.h"

namespace ks = kosearch;

namespace {

TEST(SearchRequest, DefaultsAreTheFlagsDefaults) {
  const ks::SearchOptions o = ks::search_options({}, ks::OutputFormat::human);
  EXPECT_EQ(o.limit, 10u);
  EXPECT_EQ(o.mode, ks::MatchMode::prefer_all);
  EXPECT_EQ(o.sort, ks::SortOrder::relevance);
  EXPECT_EQ(o.suggest, ks::SuggestMode::automatic);
  EXPECT_EQ(o.syntax, ks::QuerySyntax::full);
  EXPECT_TRUE(o.snippets);
  EXPECT_FALSE(o.explain);
  EXPECT_TRUE(o.facets.empty());
}

TEST(SearchRequest, NamesMapToOptions) {
  ks::SearchRequest r;
  r.mode = "all";
  r.sort = "-date";
  r.suggest = "never";
  r.facets = {"source", "date", "month"};
  r.literal = true;
  r.since = "2024.01.02";
  const ks::SearchOptions o = ks::search_options(r, ks::OutputFormat::files);
  EXPECT_EQ(o.mode, ks::MatchMode::all);
  EXPECT_EQ(o.sort, ks::SortOrder::date_descending);
  EXPECT_EQ(o.suggest, ks::SuggestMode::never);
  EXPECT_EQ(o.facets, (std::vector<ks::Facet>{ks::Facet::source, ks::Facet::month, ks::Facet::month}));
  EXPECT_EQ(o.syntax, ks::QuerySyntax::plain);
  EXPECT_EQ(o.dates.since, "2024-01-02");
  EXPECT_FALSE(o.snippets);  // paths only
}

TEST(SearchRequest, BadValuesNameTheOptionInTheCallersWords) {
  ks::SearchRequest r;
  r.since = "yesterday";
  try {
    ks::search_options(r, ks::OutputFormat::json);
    FAIL();
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::usage);
    EXPECT_STREQ(e.what(), "--since 'yesterday' is not a date (YYYY-MM-DD)");
  }
  try {
    ks::search_options(r, ks::OutputFormat::json, "");
    FAIL();
  } catch (const ks::Error& e) {
    EXPECT_STREQ(e.what(), "since 'yesterday' is not a date (YYYY-MM-DD)");
  }
  for (auto bad : {&ks::SearchRequest::mode, &ks::SearchRequest::sort, &ks::SearchRequest::suggest}) {
    ks::SearchRequest b;
    b.*bad = "nonsense";
    EXPECT_THROW(ks::search_options(b, ks::OutputFormat::json, ""), ks::Error);
  }
  ks::SearchRequest zero;
  zero.limit = 0;
  EXPECT_THROW(ks::search_options(zero, ks::OutputFormat::json, ""), ks::Error);
  ks::SearchRequest reversed;
  reversed.since = "2024-02-01";
  reversed.until = "2024-01-01";
  EXPECT_THROW(ks::search_options(reversed, ks::OutputFormat::json), ks::Error);
}

}  // namespace
