#include "kosearch/schema.h"

#include <gtest/gtest.h>

#include "kosearch/ranking.h"

#include <algorithm>
#include <cctype>

namespace ks = kosearch;
namespace schema = kosearch::schema;

namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term;
}

std::vector<Xapian::termpos> positions(const Xapian::Document& doc, const std::string& term) {
  auto t = doc.termlist_begin();
  t.skip_to(term);
  if (t == doc.termlist_end() || *t != term) return {};
  return {t.positionlist_begin(), t.positionlist_end()};
}

ks::Article sample() {
  ks::Article a;
  a.id = "a.txt";
  a.path = "corpus/a.txt";
  a.title = "노광 장비";
  a.source = "글로벌이코노믹";
  a.date = "2024-04-02";
  a.body = {{3, "엔비디아의 칩"}, {5, "ASML이 장비를 만든다"}};
  return a;
}

}  // namespace

TEST(Schema, StableHashIsFnv1a64) {
  EXPECT_EQ(schema::stable_hash(""), "cbf29ce484222325");
  EXPECT_EQ(schema::stable_hash("a"), "af63dc4c8601ec8c");
  EXPECT_NE(schema::stable_hash("a", "salt"), schema::stable_hash("a"));
}

TEST(Schema, HashValueIsTheStableHashAsEightBytesInTheSameOrder) {
  const std::string v = schema::hash_value("a");
  EXPECT_EQ(v, std::string("\xaf\x63\xdc\x4c\x86\x01\xec\x8c", 8));
  EXPECT_EQ(schema::hash_value("a", "salt").size(), 8u);
  EXPECT_NE(schema::hash_value("a", "salt"), v);
  // Raw bytes sort as the hex digits do (the searcher breaks ties on this value).
  for (const char* other : {"", "b", "kosearch", "노광"})
    EXPECT_EQ(schema::hash_value(other) < v, schema::stable_hash(other) < schema::stable_hash("a")) << other;
}

TEST(Schema, BooleanTermHashesValuesTooLongForXapian) {
  EXPECT_EQ(schema::boolean_term("Q", "a.txt"), "Qa.txt");
  const std::string long_id(300, 'x');
  const std::string term = schema::boolean_term("Q", long_id);
  EXPECT_LE(term.size(), 245u);
  EXPECT_EQ(term, "Q#" + schema::stable_hash(long_id));
}

TEST(Schema, DateValueIsSortableDigits) { EXPECT_EQ(schema::date_value("2024-04-02"), "20240402"); }

TEST(Schema, BigramsOnlyForHangulAndHan) {
  ks::Token hangul;
  hangul.surface = hangul.stem = "노광장비";
  hangul.kind = ks::TokenKind::hangul;
  EXPECT_EQ(schema::terms_for(hangul).bigrams, (std::vector<std::string>{"노광", "광장", "장비"}));
  ks::Token latin;
  latin.surface = latin.stem = "asml";
  latin.kind = ks::TokenKind::latin;
  EXPECT_TRUE(schema::terms_for(latin).bigrams.empty());
}

TEST(Schema, DocumentHoldsKeysFieldsAndValues) {
  ks::Analyzer analyzer;
  const ks::Article a = sample();
  const Xapian::Document doc = schema::make_document(a, analyzer, "dir:/corpus", "hash1");
  EXPECT_TRUE(has_term(doc, "Qa.txt"));
  EXPECT_EQ(doc.get_value(schema::slot_origin), schema::origin_value("dir:/corpus"));
  EXPECT_EQ(schema::origin_value("dir:/corpus").size(), 8u);
  EXPECT_EQ(schema::origin_key(std::string("\x01\xab", 2)), "kosearch.origin.01ab");
  EXPECT_EQ(doc.get_value(schema::slot_fingerprint), schema::body_fingerprint(a));
  // Origin and fingerprint are values only: Q, the title, body, sub-word and field terms remain.
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    EXPECT_TRUE((*t)[0] == 'Q' || (*t)[0] == 'S' || (*t)[0] == 'G' || (*t).rfind("XP", 0) == 0 ||
                !std::isupper(static_cast<unsigned char>((*t)[0])))
        << *t;
  EXPECT_TRUE(has_term(doc, "S노광"));       // title field
  EXPECT_TRUE(has_term(doc, "노광"));        // title also searchable as text
  EXPECT_TRUE(has_term(doc, "엔비디아"));    // stem of 엔비디아의
  EXPECT_TRUE(has_term(doc, "G엔비"));       // sub-word layer
  EXPECT_TRUE(has_term(doc, "XP글로벌이코노믹"));
  EXPECT_FALSE(has_term(doc, "S엔비디아"));  // body words are not title words
  EXPECT_EQ(doc.get_value(schema::slot_date), "20240402");
  EXPECT_EQ(doc.get_value(schema::slot_content_hash), "hash1");
  EXPECT_EQ(ks::deserialize(doc.get_data()).body.size(), 2u);
}

TEST(Schema, OriginNamesAreReadFromMetadataOnce) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string value = schema::origin_value("dir:/corpus");
  db.set_metadata(schema::origin_key(value), "dir:/corpus");
  schema::OriginNames names;
  EXPECT_EQ(names.of(db, value), "dir:/corpus");
  db.set_metadata(schema::origin_key(value), "dir:/elsewhere");
  EXPECT_EQ(names.of(db, value), "dir:/corpus");  // the first answer is kept
  EXPECT_EQ(names.of(db, schema::origin_value("jsonl:/x.jsonl")), "");
}

TEST(Schema, PhrasesCannotSpanFields) {
  ks::Analyzer analyzer;
  const Xapian::Document doc = schema::make_document(sample(), analyzer, "o", "h");
  const auto title_end = positions(doc, "장비").front();   // 장비 in the title
  const auto body_start = positions(doc, "엔비디아").front();
  EXPECT_GE(body_start - title_end, schema::field_position_gap);
}

TEST(Schema, NearGroupsAndPhrasesStayWithinALine) {
  const unsigned window = ks::RankingParams{}.near_window;
  ASSERT_GT(schema::field_position_gap, window);
  ks::Analyzer analyzer;
  ks::Article a;
  a.id = a.path = "x";
  a.title = "노광";
  a.body = {{2, "엔비디아"}, {3, "장비"}, {4, "반도체 엔비디아"}};
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(schema::make_document(a, analyzer, "o", "h"));
  auto count = [&](const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    return enquire.get_mset(0, 10).size();
  };
  const std::vector<std::string> across_title{"노광", "엔비디아"}, across_line{"엔비디아", "장비"},
      within_line{"반도체", "엔비디아"};
  for (const auto* terms : {&across_title, &across_line}) {
    EXPECT_EQ(count(Xapian::Query(Xapian::Query::OP_NEAR, terms->begin(), terms->end(), window)), 0u);
    EXPECT_EQ(count(Xapian::Query(Xapian::Query::OP_PHRASE, terms->begin(), terms->end(), 2)), 0u);
  }
  EXPECT_EQ(count(Xapian::Query(Xapian::Query::OP_PHRASE, within_line.begin(), within_line.end(), 2)), 1u);
}

TEST(Schema, FingerprintIgnoresSpacingButNotWords) {
  ks::Article a = sample(), b = sample(), c = sample();
  b.id = "copy.txt";
  b.body[0].text = "엔비디아의   칩";
  c.body[0].text = "엔비디아의 메모리";
  EXPECT_EQ(schema::body_fingerprint(a), schema::body_fingerprint(b));
  EXPECT_NE(schema::body_fingerprint(a), schema::body_fingerprint(c));
}
