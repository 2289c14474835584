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

// indexer --dry-run prints these, one per line with the id (scripts read them).
TEST(ResultNames, WhatARunDidWithAnArticle) {
  EXPECT_EQ(std::string(ks::change_name(ks::ArticleChange::add)), "add");
  EXPECT_EQ(std::string(ks::change_name(ks::ArticleChange::update)), "update");
  EXPECT_EQ(std::string(ks::change_name(ks::ArticleChange::remove)), "remove");
  EXPECT_EQ(std::string(ks::change_done_name(ks::ArticleChange::add)), "added");
  EXPECT_EQ(std::string(ks::change_done_name(ks::ArticleChange::update)), "updated");
  EXPECT_EQ(std::string(ks::change_done_name(ks::ArticleChange::remove)), "removed");
}
