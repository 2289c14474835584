#include "kosearch/result_names.h"

#include <gtest/gtest.h>

#include <string>

namespace ks = kosearch;

// The names are part of the JSON schema and of --facets: a rename breaks scripts.
TEST(ResultNames, FacetsAsFlagsAndJsonNameThem) {
  EXPECT_EQ(std::string(ks::facet_name(ks::Facet::source)), "source");
  EXPECT_EQ(std::string(ks::facet_name(ks::Facet::month)), "month");
}

TEST(ResultNames, HowAHitMatched) {
  EXPECT_EQ(std::string(ks::match_name(ks::MatchKind::all)), "all");
  EXPECT_EQ(std::string(ks::match_name(ks::MatchKind::some)), "some");
  EXPECT_EQ(std::string(ks::match_name(ks::MatchKind::partial)), "partial");
}
