#include "kosearch/spelling_suggester.h"

#include <gtest/gtest.h>

#include <map>

#include "kosearch/hangul_jamo.h"
#include "kosearch/query_parser.h"

namespace kosearch {
namespace {

// An in-memory index holding each word in as many documents as given.
Xapian::Database index_of(const std::map<std::string, int>& words) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  int most = 0;
  for (const auto& [word, documents] : words) most = std::max(most, documents);
  for (int d = 0; d < most; ++d) {
    Xapian::Document doc;
    for (const auto& [word, documents] : words)
      if (d < documents) doc.add_term(word);
    doc.add_term("Gprefixed");  // prefixed terms sort before every word
    db.add_document(doc);
  }
  return db;
}

TEST(EditDistance, CountsEditsUpToTheBound) {
  EXPECT_EQ(edit_distance(U"abc", U"abc", 2), 0u);
  EXPECT_EQ(edit_distance(U"abc", U"abd", 2), 1u);
  EXPECT_EQ(edit_distance(U"abc", U"acb", 2), 1u);  // a swap of neighbours is one edit
  EXPECT_EQ(edit_distance(U"abc", U"ab", 2), 1u);
  EXPECT_EQ(edit_distance(U"abcd", U"badc", 2), 2u);
  EXPECT_EQ(edit_distance(U"abcdef", U"uvwxyz", 2), 3u);  // over the bound: bound + 1
  EXPECT_EQ(edit_distance(U"a", U"abcd", 1), 2u);
}

TEST(EditDistance, JamoMakeOneVowelOneEdit) {
  EXPECT_EQ(edit_distance(hangul::jamo_units("엔비디야"), hangul::jamo_units("엔비디아"), 2), 1u);
  EXPECT_EQ(edit_distance(hangul::jamo_units("장비"), hangul::jamo_units("장미"), 2), 1u);
  EXPECT_EQ(edit_distance(hangul::jamo_units("장비"), hangul::jamo_units("정부"), 2), 2u);
}

TEST(AllowedEdits, NoneForShortWordsMoreForLongOnes) {
  EXPECT_EQ(allowed_edits(3), 0u);
  EXPECT_EQ(allowed_edits(5), 1u);
  EXPECT_EQ(allowed_edits(6), 1u);
  EXPECT_EQ(allowed_edits(7), 2u);
}

TEST(Vocabulary, NearestWordOnJamo) {
  const Xapian::Database db = index_of({{"엔비디아", 3}, {"엔터", 5}, {"반도체", 4}});
  const Vocabulary vocabulary(db);
  EXPECT_EQ(vocabulary.nearest("엔비디야"), "엔비디아");
  EXPECT_EQ(vocabulary.nearest("앤비디아"), "엔비디아");  // first syllable one jamo off
  EXPECT_EQ(vocabulary.nearest("에비디아"), "엔비디아");  // its final missing
  EXPECT_EQ(vocabulary.nearest("반도채"), "반도체");
  EXPECT_EQ(vocabulary.nearest("한도체"), "");    // another first 초성: not looked for
  EXPECT_EQ(vocabulary.nearest("앵비디아"), "");  // a first syllable two jamo off: neither
  EXPECT_EQ(vocabulary.nearest("가"), "");      // too short to guess
}

TEST(Vocabulary, FrequentWordsWinTies) {
  const Xapian::Database db = index_of({{"장비", 2}, {"장부", 9}, {"정비", 1}});
  EXPECT_EQ(Vocabulary(db).nearest("장바"), "장부");  // 장비 and 장부 are both one edit away
}

TEST(Vocabulary, NearerWordsWinOverFrequentOnes) {
  const Xapian::Database db = index_of({{"엔비디아", 1}, {"엔비디오스", 50}});
  EXPECT_EQ(Vocabulary(db).nearest("엔비디야"), "엔비디아");
}

TEST(Vocabulary, LatinWordsByLetters) {
  const Xapian::Database db = index_of({{"nvidia", 2}, {"huawei", 1}});
  EXPECT_EQ(Vocabulary(db).nearest("nvidai"), "nvidia");
  EXPECT_EQ(Vocabulary(db).nearest("huawie"), "huawei");
}

TEST(Vocabulary, InitialsExpandToWordsOfThatShapeMostFrequentFirst) {
  const Xapian::Database db = index_of({{"노광", 2}, {"누구", 7}, {"노광장비", 9}, {"노", 3}, {"내각", 1},
                                        {"나비", 8}, {"장비", 4}, {"ab", 1}});
  const Vocabulary vocabulary(db);
  EXPECT_EQ(vocabulary.with_initials(*hangul::initials_query("ㄴㄱ"), 10),
            (std::vector<std::string>{"누구", "노광", "내각"}));
  EXPECT_EQ(vocabulary.with_initials(*hangul::initials_query("ㄴㄱ"), 2), (std::vector<std::string>{"누구", "노광"}));
  EXPECT_EQ(vocabulary.with_initials(*hangul::initials_query("ㄴㄱㅈㅂ"), 10), (std::vector<std::string>{"노광장비"}));
  EXPECT_TRUE(vocabulary.with_initials(*hangul::initials_query("ㅎㅎ"), 10).empty());
}

TEST(Vocabulary, InitialsSkipOverWordsThatDoNotFit) {
  // Every syllable of the ㄴ block before and after the fitting ones.
  const Xapian::Database db = index_of({{"나하", 1}, {"낙가", 1}, {"닣가", 2}, {"닣힣", 1}, {"다가", 1}, {"가가", 1}});
  EXPECT_EQ(Vocabulary(db).with_initials(*hangul::initials_query("ㄴㄱ"), 10),
            (std::vector<std::string>{"닣가", "낙가"}));
}

TEST(Suggest, RespellsWordsTheIndexLacks) {
  const Xapian::Database db = index_of({{"엔비디아", 3}, {"화웨이", 2}});
  Analyzer analyzer;
  const std::string query = "엔비디야 화웨이";
  const auto suggestions = suggest(query, parse_query(query), analyzer, Vocabulary(db));
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].kind, SuggestionKind::spelling);
  EXPECT_EQ(suggestions[0].query, "엔비디아 화웨이");
}

TEST(Suggest, KeepsWhatTheStemmerStripped) {
  const Xapian::Database db = index_of({{"엔비디아", 3}});
  Analyzer analyzer;
  const auto suggestions = suggest("엔비디야의", parse_query("엔비디야의"), analyzer, Vocabulary(db));
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].query, "엔비디아의");
}

TEST(Suggest, WrongLayoutBothWays) {
  const Xapian::Database db = index_of({{"노광", 3}, {"장비", 3}, {"asml", 2}});
  Analyzer analyzer;
  auto suggestions = suggest("shrhkd wkdql", parse_query("shrhkd wkdql"), analyzer, Vocabulary(db));
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].kind, SuggestionKind::layout);
  EXPECT_EQ(suggestions[0].query, "노광 장비");
  suggestions = suggest("ㅁㄴㅡㅣ", parse_query("ㅁㄴㅡㅣ"), analyzer, Vocabulary(db));
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].kind, SuggestionKind::layout);
  EXPECT_EQ(suggestions[0].query, "asml");
}

TEST(Suggest, EquallyNearWordsGoWithTheOtherWords) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  for (int d = 0; d < 5; ++d) {
    Xapian::Document doc;
    doc.add_term("노장");  // more frequent, never beside 극자외선
    db.add_document(doc);
  }
  Xapian::Document article;
  for (const char* word : {"극자외선", "노광"}) article.add_term(word);
  db.add_document(article);
  Analyzer analyzer;
  EXPECT_EQ(suggest("노강", parse_query("노강"), analyzer, Vocabulary(db)).front().query, "노장");
  EXPECT_EQ(suggest("극자외선 노강", parse_query("극자외선 노강"), analyzer, Vocabulary(db)).front().query,
            "극자외선 노광");
}

TEST(Suggest, WordsInsideAPhrase) {
  const Xapian::Database db = index_of({{"노광", 3}, {"장비", 3}});
  Analyzer analyzer;
  const std::string query = "중국 \"노광 쟝비\"";
  const auto suggestions = suggest(query, parse_query(query), analyzer, Vocabulary(db));
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].query, "중국 \"노광 장비\"");
}

TEST(Suggest, NoLayoutForOneSyllableOrLooseJamo) {
  const Xapian::Database db = index_of({{"아", 3}, {"장", 3}, {"ㅁ", 1}});
  Analyzer analyzer;
  for (const std::string query : {"dk", "wkd", "wkdz"})  // 아, 장, 장ㅋ
    EXPECT_TRUE(suggest(query, parse_query(query), analyzer, Vocabulary(db)).empty()) << query;
}

TEST(Suggest, NothingForKnownWordsInitialsExclusionsOrFields) {
  const Xapian::Database db = index_of({{"엔비디아", 3}, {"장비", 3}});
  Analyzer analyzer;
  for (const std::string query : {"엔비디아 장비", "ㅇㅂㄷㅇ", "장비 -엔비디야", "title:엔비디야 장비"})
    EXPECT_TRUE(suggest(query, parse_query(query), analyzer, Vocabulary(db)).empty()) << query;
}

TEST(InitialsReading, ReplacesTheInitialsWords) {
  const auto reading = initials_reading("ㄴㄱ  ㅈㅂ 중국", {{"\u1102\u1100", "노광"}, {"\u110C\u1107", "장비"}});
  ASSERT_TRUE(reading);
  EXPECT_EQ(reading->kind, SuggestionKind::initials);
  EXPECT_EQ(reading->query, "노광  장비 중국");
  EXPECT_FALSE(initials_reading("중국", {{"\u1102\u1100", "노광"}}));
}

TEST(PickReadings, NeighboursSideBySideWinOverTheMostFrequent) {
  const auto side_by_side = [](const std::string& a, const std::string& b) { return a == "노광" && b == "장비"; };
  EXPECT_EQ(pick_readings({{"내기", "노광"}, {"정부", "장비"}, {}}, side_by_side),
            (std::vector<std::string>{"노광", "장비", ""}));
  EXPECT_EQ(pick_readings({{"내기"}, {"정부", "장비"}}, side_by_side), (std::vector<std::string>{"내기", "정부"}));
}

TEST(ReplaceWords, ByCharacterPosition) {
  EXPECT_EQ(replace_words("중국 엔비디야", {{4, "엔비디야", "엔비디아"}}), "중국 엔비디아");
  EXPECT_EQ(replace_words("a b a", {{5, "a", "x"}}), "a b x");
  EXPECT_EQ(replace_words("abc", {{9, "zz", "x"}}), "abc");  // not there: unchanged
}

}  // namespace
}  // namespace kosearch
