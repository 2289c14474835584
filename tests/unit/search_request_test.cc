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
  r.mode = ks::MatchMode::all;
  r.sort = ks::SortOrder::date_descending;
  r.suggest = ks::SuggestChoice::never;
  r.facets = {ks::Facet::source, ks::Facet::month};
  r.literal = true;
  r.since = "2024.01.02";
  const ks::SearchOptions o = ks::search_options(r, ks::OutputFormat::files);
  EXPECT_EQ(o.mode, ks::MatchMode::all);
  EXPECT_EQ(o.sort, ks::SortOrder::date_descending);
  EXPECT_EQ(o.suggest, ks::SuggestMode::never);
  EXPECT_EQ(o.facets, (std::vector<ks::Facet>{ks::Facet::source, ks::Facet::month}));
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
  ks::SearchRequest zero;
  zero.limit = 0;
  EXPECT_THROW(ks::search_options(zero, ks::OutputFormat::json, ""), ks::Error);
  ks::SearchRequest reversed;
  reversed.since = "2024-02-01";
  reversed.until = "2024-01-01";
  EXPECT_THROW(ks::search_options(reversed, ks::OutputFormat::json), ks::Error);
}

TEST(SearchRequest, EachWordOfAnOptionNamesItsValue) {
  EXPECT_EQ(ks::parse_named(ks::mode_names, "any", "mode"), ks::MatchMode::any);
  EXPECT_EQ(ks::parse_named(ks::sort_names, "date", "sort"), ks::SortOrder::date_ascending);
  EXPECT_EQ(ks::parse_named(ks::facet_names, "date", "facets"), ks::Facet::month);
  EXPECT_EQ(ks::parse_named(ks::suggest_names, "apply", "suggest"), ks::SuggestChoice::apply);
  EXPECT_EQ(ks::name_of(ks::facet_names, ks::Facet::month), "date");
  EXPECT_EQ(ks::names_listed(ks::sort_names, ","), "relevance,date,-date");
  try {
    ks::parse_named(ks::mode_names, "nonsense", "--mode");
    FAIL();
  } catch (const ks::Error& e) {
    EXPECT_EQ(e.kind(), ks::ErrorKind::usage);
    EXPECT_STREQ(e.what(), "--mode 'nonsense' is not one of prefer-all, all, any");
  }
}

TEST(SearchRequest, SuggestApplySearchesTheCorrectionInEveryFormat) {
  ks::SearchRequest r;
  r.suggest = ks::SuggestChoice::apply;
  const ks::SearchOptions o = ks::search_options(r, ks::OutputFormat::json);
  EXPECT_EQ(o.suggest, ks::SuggestMode::automatic);
  EXPECT_TRUE(o.search_suggestion);
  EXPECT_FALSE(ks::search_options({}, ks::OutputFormat::json).search_suggestion);
}

}  // namespace
