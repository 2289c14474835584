#include "kosearch/query_builder.h"
#include "kosearch/spelling_suggester.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/query_explainer.h"
#include "kosearch/query_parser.h"
#include "kosearch/schema.h"

namespace ks = kosearch;

namespace {

struct Doc {
  std::string id;
  std::string body;
  std::optional<std::string> title = std::nullopt;
  std::optional<std::string> date = std::nullopt;
  std::optional<std::string> source = std::nullopt;
  std::optional<std::string> author = std::nullopt;
};

// A small in-memory index filled exactly as the indexer fills a real one.
class Index {
 public:
  explicit Index(std::initializer_list<Doc> docs) {
    for (const Doc& d : docs) {
      ks::Article a;
      a.id = d.id;
      a.path = d.id;
      a.title = d.title;
      a.date = d.date;
      a.source = d.source;
      a.author = d.author;
      a.body = {{1, d.body}};
      db_.add_document(ks::schema::make_document(a, analyzer_, "test", d.id));
    }
  }

  ks::BuiltQuery build(std::string_view query, ks::MatchMode mode = ks::MatchMode::prefer_all,
                       const ks::DateBounds& dates = {}, const ks::RankingParams& params = {}) {
    const ks::IndexStats stats{db_.get_doccount(), [this](const std::string& term) { return db_.get_termfreq(term); },
                               synonyms, {}};
    return ks::build_query(ks::parse_query(query), analyzer_, params, mode, dates, stats);
  }

  // The query with 초성 words expanded from the index's words, as the searcher builds it.
  ks::BuiltQuery build_with_initials(std::string_view query) {
    const ks::Vocabulary vocabulary(db_);
    const ks::IndexStats stats{db_.get_doccount(), [this](const std::string& term) { return db_.get_termfreq(term); },
                               synonyms,
                               [&](std::u32string_view initials) { return vocabulary.with_initials(initials, 100); }};
    return ks::build_query(ks::parse_query(query), analyzer_, {}, ks::MatchMode::prefer_all, {}, stats);
  }

  // Article ids in rank order, ranked the way the searcher ranks.
  std::vector<std::string> search(std::string_view query, ks::MatchMode mode = ks::MatchMode::prefer_all,
                                  const ks::DateBounds& dates = {}, const ks::RankingParams& r = {}) {
    return ranked(build(query, mode, dates, r).query, r);
  }

  std::string explain(std::string_view query) {
    return ks::explain_query(build(query), {});
  }

  std::vector<std::string> ranked(const Xapian::Query& query, const ks::RankingParams& r = {}) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(ks::weighting(r, 0));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<std::string> ids;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(ks::deserialize(it.get_document().get_data()).id);
    return ids;
  }

  const ks::SynonymIndex* synonyms = nullptr;  // the index's synonym list, if any

  std::set<std::string> found(std::string_view query, ks::MatchMode mode = ks::MatchMode::prefer_all,
                              const ks::DateBounds& dates = {}) {
    const auto ids = search(query, mode, dates);
    return {ids.begin(), ids.end()};
  }

 private:
  ks::Analyzer analyzer_;
  Xapian::WritableDatabase db_{"", Xapian::DB_BACKEND_INMEMORY};
};

using Ids = std::set<std::string>;

bool contains(const std::vector<std::string>& terms, const std::string& term) {
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

}  // namespace

TEST(QueryBuilder, PhraseNeedsWordsInOrder) {
  Index index({{"in-order", "새 노광 장비를 들여왔다"}, {"reversed", "장비 노광 순서"}, {"apart", "노광 공정과 장비"}});
  EXPECT_EQ(index.found("\"노광 장비\""), Ids{"in-order"});
  EXPECT_EQ(index.found("“노광 장비”"), Ids{"in-order"});
}

TEST(QueryBuilder, PhraseIsRequiredBesideOptionalWords) {
  Index index({{"phrase", "노광 장비 수출"}, {"word-only", "엔비디아 칩"}});
  EXPECT_EQ(index.found("엔비디아 \"노광 장비\""), Ids{"phrase"});
}

TEST(QueryBuilder, ExclusionRemovesDocuments) {
  Index index({{"with", "노광 장비를 화웨이가 샀다"}, {"without", "노광 장비를 샀다"}});
  EXPECT_EQ(index.found("노광 -화웨이"), Ids{"without"});
  EXPECT_EQ(index.found("노광 -\"화웨이가 샀다\""), Ids{"without"});
}

TEST(QueryBuilder, ExclusionIgnoresASharedSyllablePair) {
  // 반도체 shares the bigram 반도 with 반도; only the word itself excludes.
  Index index({{"peninsula", "칩 반도 여행"}, {"chip", "칩 반도체"}});
  EXPECT_EQ(index.found("칩 -반도체"), Ids{"peninsula"});
}

TEST(QueryBuilder, ExcludedGroup) {
  Index index({{"nvidia", "엔비디아 칩"}, {"intel", "인텔 칩"}, {"samsung", "삼성 칩"}});
  EXPECT_EQ(index.found("칩 -(엔비디아 OR 인텔)"), Ids{"samsung"});
}

TEST(QueryBuilder, ExplicitOr) {
  Index index({{"nvidia", "엔비디아 칩"}, {"intel", "인텔 칩"}, {"samsung", "삼성 칩"}});
  EXPECT_EQ(index.found("엔비디아 OR 인텔"), (Ids{"nvidia", "intel"}));
  EXPECT_EQ(index.found("엔비디아 OR 인텔", ks::MatchMode::all), (Ids{"nvidia", "intel"}));
}

TEST(QueryBuilder, TitleFilter) {
  Index index({{"titled", "칩", "노광 장비"}, {"body", "노광 장비 칩", "칩"}});
  EXPECT_EQ(index.found("title:노광"), Ids{"titled"});
  EXPECT_EQ(index.found("칩 title:노광"), Ids{"titled"});
  EXPECT_EQ(index.found("title:\"노광 장비\""), Ids{"titled"});
  EXPECT_EQ(index.found("title:\"장비 노광\""), Ids{});
}

TEST(QueryBuilder, SourceAndAuthorFilters) {
  Index index({{"yonhap", "반도체 칩", std::nullopt, std::nullopt, "연합뉴스", "홍길동"},
               {"hani", "반도체 칩", std::nullopt, std::nullopt, "한겨레", "김철수"},
               {"unknown", "반도체 칩"}});
  EXPECT_EQ(index.found("칩 source:연합뉴스"), Ids{"yonhap"});
  EXPECT_EQ(index.found("칩 -source:연합뉴스"), (Ids{"hani", "unknown"}));
  EXPECT_EQ(index.found("칩 author:김철수"), Ids{"hani"});
  EXPECT_EQ(index.found("source:한겨레"), Ids{"hani"});
}

TEST(QueryBuilder, DateFiltersLeaveOutUndated) {
  Index index({{"2024", "칩", std::nullopt, "2024-03-01"},
               {"2023", "칩", std::nullopt, "2023-12-31"},
               {"undated", "칩"}});
  EXPECT_EQ(index.found("칩 date:2024.."), Ids{"2024"});
  EXPECT_EQ(index.found("칩 date:..2023"), Ids{"2023"});
  EXPECT_EQ(index.found("칩 date:2023-12..2024-03-01"), (Ids{"2023", "2024"}));
  EXPECT_EQ(index.found("칩 date:2024-03-02.."), Ids{});
  EXPECT_EQ(index.found("칩 -date:2024"), (Ids{"2023", "undated"}));
  EXPECT_EQ(index.found("date:2024"), Ids{"2024"});
}

TEST(QueryBuilder, DateBoundsFromFlags) {
  Index index({{"2024", "칩", std::nullopt, "2024-03-01"},
               {"2023", "칩", std::nullopt, "2023-12-31"},
               {"undated", "칩"}});
  EXPECT_EQ(index.found("칩", ks::MatchMode::prefer_all, {.since = "2024-01-01", .until = std::nullopt}), Ids{"2024"});
  EXPECT_EQ(index.found("칩", ks::MatchMode::prefer_all, {.since = std::nullopt, .until = "2023-12-31"}), Ids{"2023"});
  EXPECT_EQ(index.found("칩", ks::MatchMode::prefer_all, {.since = "2023-12-31", .until = "2024-03-01"}),
            (Ids{"2023", "2024"}));
  EXPECT_THROW(index.build("칩", ks::MatchMode::prefer_all, {.since = "2024", .until = std::nullopt}), ks::Error);
}

TEST(QueryBuilder, PrefixFindsLongerWords) {
  Index index({{"chip", "반도체를 만든다"}, {"other", "칩 설계"}, {"latin", "NVIDIA의 발표"}});
  EXPECT_EQ(index.found("반도*"), Ids{"chip"});
  EXPECT_EQ(index.found("Nvid*"), Ids{"latin"});
  EXPECT_EQ(index.found("반도* 설계"), (Ids{"chip", "other"}));
  EXPECT_EQ(index.build("반도*").plan.match_prefixes, std::vector<std::string>{"반도"});
}

TEST(QueryBuilder, PreferAllRanksDocumentsWithEveryWordFirst) {
  // Added first so that, were scores equal, docid order would put them on top.
  Index index({{"nvidia-only", "엔비디아 발표 내용"}, {"chip-only", "삼성 칩 내용"}, {"both", "엔비디아 칩 내용"}});
  const auto ids = index.search("엔비디아 칩");
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids.front(), "both");
}

TEST(QueryBuilder, AllModeRequiresEveryWord) {
  Index index({{"nvidia-only", "엔비디아 발표"}, {"chip-only", "삼성 반도체"}, {"both", "엔비디아의 반도체를"}});
  EXPECT_EQ(index.found("엔비디아 반도체", ks::MatchMode::all), Ids{"both"});
}

TEST(QueryBuilder, AnyModeFindsEachWord) {
  Index index({{"nvidia-only", "엔비디아 발표"}, {"chip-only", "삼성 칩"}, {"none", "인텔 발표"}});
  EXPECT_EQ(index.found("엔비디아 칩", ks::MatchMode::any), (Ids{"nvidia-only", "chip-only"}));
}

TEST(QueryBuilder, AllModeAcceptsSpacingVariants) {
  Index index({{"spaced", "노광 장비를 샀다"}, {"joined", "노광장비 수입"}, {"other", "장비 수입"}});
  EXPECT_EQ(index.found("노광장비", ks::MatchMode::all), (Ids{"spaced", "joined"}));
  EXPECT_EQ(index.found("노광 장비", ks::MatchMode::all), (Ids{"spaced", "joined"}));
}

TEST(QueryBuilder, ParticlesDoNotMatter) {
  Index index({{"doc", "엔비디아의 반도체를 샀다"}});
  EXPECT_EQ(index.found("엔비디아가 반도체는", ks::MatchMode::all), Ids{"doc"});
}

TEST(QueryBuilder, NearBoostRanksAdjacentWordsFirst) {
  Index index({{"apart", "노광 가 나 다 라 마 바 사 장비"}, {"adjacent", "노광 장비 가 나 다 라 마 바 사"}});
  const auto ids = index.search("노광 장비");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids.front(), "adjacent");
}

// Both documents have the two words within the NEAR window; only one has
// them side by side in the query's order.
TEST(QueryBuilder, AdjacentInOrderBeatsMerelyNear) {
  Index index({{"near", "노광 가 나 장비 다 라 마"}, {"adjacent", "노광 장비 가 나 다 라 마"}});
  EXPECT_EQ(index.search("노광 장비").front(), "adjacent");
  ks::RankingParams without;
  without.adjacent_weight = 0;
  const auto ids = index.search("노광 장비", ks::MatchMode::prefer_all, {}, without);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids.front(), "near");  // the tie goes by docid: the boost is what decides above
}

// A compound typed as one word is found as a word where the text spaces it,
// above a text with its pieces scattered about (found only through pairs).
TEST(QueryBuilder, CompoundQueryWordFindsItsSpacedForm) {
  Index index({{"scattered", "노광 가 장비 장비"}, {"spaced", "노광 장비 가 나"}});
  EXPECT_EQ(index.search("노광장비"), (std::vector<std::string>{"spaced", "scattered"}));
  const std::string q = index.build("노광장비").query.get_description();
  EXPECT_NE(q.find("(노광 PHRASE 2 장비)"), std::string::npos) << q;
  // parts of two syllables or more only: a three-syllable word has no split
  EXPECT_EQ(index.build("반도체").query.get_description().find("PHRASE"), std::string::npos);
}

TEST(QueryBuilder, WordOfSeveralTokens) {
  Index index({{"glued", "7나노칩을 만든다"}, {"spaced", "7 나노칩"}, {"other", "칩 설계"}});
  EXPECT_EQ(index.found("7나노칩", ks::MatchMode::all), (Ids{"glued", "spaced"}));
}

// A review that is just "7" holds the bare number piece of 7나노, not the
// word: it earns no tier, so a text on 화웨이 alone ranks above it.
TEST(QueryBuilder, BareNumberPieceEarnsNoTier) {
  Index index({{"seven", "7"}, {"huawei", "화웨이 발표 행사 소식 정리"}, {"both", "화웨이 7나노 공정"}});
  EXPECT_EQ(index.search("화웨이 7나노").front(), "both");
  const std::string q = index.build("화웨이 7나노").query.get_description();
  EXPECT_EQ(q.find("FILTER (7 OR 7나노"), std::string::npos) << q;  // the tier of the piece: its join only
  EXPECT_NE(q.find("FILTER 7나노)"), std::string::npos) << q;
}

TEST(QueryBuilder, MatchTermsArePositiveLeavesOnly) {
  Index index({});
  const auto built = index.build("노광 장비를 -화웨이 \"반도체 칩\" title:엔비디아");
  for (const char* term : {"노광", "장비", "G노광", "G장비", "반도체", "G반도", "G도체", "칩", "엔비디아"})
    EXPECT_TRUE(contains(built.plan.match_terms, term)) << term;
  EXPECT_FALSE(contains(built.plan.match_terms, "화웨이"));
  EXPECT_FALSE(contains(built.plan.match_terms, "G화웨"));
  const std::set<std::string> unique(built.plan.match_terms.begin(), built.plan.match_terms.end());
  EXPECT_EQ(unique.size(), built.plan.match_terms.size());
}

TEST(QueryBuilder, QueryOfOnlyPunctuationHasNothingToSearchFor) {
  Index index({});
  for (const char* query : {"!!!", "!!! -화웨이", "!!! date:2024", "\"?!\""}) {
    try {
      index.build(query);
      ADD_FAILURE() << query << ": no error";
    } catch (const ks::QueryError& e) {
      EXPECT_EQ(e.problem(), "nothing to search for") << query;
      EXPECT_EQ(e.position(), 1u) << query;
    }
  }
  EXPECT_NO_THROW(index.build("!!! 칩"));
}

TEST(QueryBuilder, FilterValueWithoutTermsIsAnError) {
  Index index({});
  try {
    index.build("칩 source:!!!");
    FAIL() << "no error";
  } catch (const ks::QueryError& e) {
    EXPECT_EQ(e.position(), 10u);
  }
}

TEST(QueryBuilder, ExplanationNamesWhatIsSearched) {
  Index index({});
  const std::string text = index.explain("노광 장비를 -화웨이 date:2024..");
  for (const char* part : {"parsed: all(word(노광) word(장비를) -word(화웨이) date:[20240101..])",
                           "장비를 → stem 장비", "bigrams 장비 비를", "date on or after 2024-01-01", "excluded:\n  화웨이 → stem 화웨이\n",
                           "mode: prefer all", "노광 near 장비", "xapian: Query("})
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
}

// A word the index holds as a word never pulls in a text that shares only
// one syllable pair of it (양자점 is not 양자 컴퓨터).
TEST(QueryBuilder, KnownWordDoesNotMatchThroughOnePair) {
  Index index({{"dot", "양자점 디스플레이를 만든다"}, {"computer", "양자 컴퓨터를 만든다"}});
  EXPECT_EQ(index.found("양자점"), (Ids{"dot"}));
}

// A word the index does not know (a typo) still finds texts through its
// syllable pairs, as partial matches.
TEST(QueryBuilder, UnknownWordMatchesThroughPairs) {
  Index index({{"nvidia", "엔비디아 칩을 산다"}, {"other", "반도체 장비"}});
  EXPECT_EQ(index.found("엔비디야"), (Ids{"nvidia"}));
  const ks::BuiltQuery built = index.build("엔비디야");
  ASSERT_EQ(built.words.size(), 1u);
  EXPECT_FALSE(built.words[0].known);
}

// Tiers: a long text holding the word beats a short one holding only pairs
// of it, whatever BM25's length normalisation says; and in a keyword query a
// text holding both words beats one holding one word many times.
TEST(QueryBuilder, TiersBeatLengthAndRepetition) {
  const std::string filler = " 가나 다라 마바 사아 자차 카타 파하 거너 더러 머버 서어 저처 커터 퍼허";
  Index index({{"long", "엔비디아 칩" + filler + filler + filler}, {"short", "비디오"}});
  EXPECT_EQ(index.search("엔비디아"), (std::vector<std::string>{"long"}));
  Index pair({{"both", "노광 장비" + filler + filler}, {"one", "장비 장비 장비"}});
  EXPECT_EQ(pair.search("노광 장비").front(), "both");
}

// How a hit matched, from the query terms it holds.
TEST(QueryBuilder, ClassifyMatch) {
  Index index({});
  const auto words = index.build("엔비디아 칩").words;
  ASSERT_EQ(words.size(), 2u);
  using K = ks::MatchKind;
  EXPECT_EQ(ks::classify_match(words, {"엔비디아", "칩"}), K::all);
  EXPECT_EQ(ks::classify_match(words, {"G엔비", "G비디", "G디아", "칩"}), K::all);  // whole inside a longer word
  EXPECT_EQ(ks::classify_match(words, {"엔비디아"}), K::some);
  EXPECT_EQ(ks::classify_match(words, {"G엔비", "G비디"}), K::partial);
  EXPECT_EQ(ks::classify_match(words, {}), K::partial);
}

// In a keyword query the documents holding every word outrank the rest, so
// the query restricted to them ranks its page exactly as the full query does.
TEST(QueryBuilder, EveryWordQueryGivesTheSamePage) {
  Index index({{"a", "노광 장비 수출"}, {"b", "노광 장비를 샀다 장비 장비"}, {"c", "장비 장비 장비"},
               {"d", "노광 기술과 반도체장비"}, {"e", "노광"}});
  const ks::BuiltQuery built = index.build("노광 장비");
  ASSERT_TRUE(built.with_every_word.has_value());
  const auto full = index.search("노광 장비");
  const auto every = index.ranked(*built.with_every_word);
  ASSERT_EQ(every.size(), 3u);  // a, b and d (장비 inside 반도체장비)
  EXPECT_EQ(every, std::vector<std::string>(full.begin(), full.begin() + 3));
  EXPECT_FALSE(index.build("노광 장비 수출 반도체").with_every_word.has_value());  // not a keyword query
}

TEST(QueryBuilder, HanjaAbbreviationAndItsReadingFindEachOther) {
  Index index({{"hanja", "美의 대중 규제"}, {"hangul", "미국의 반도체 규제"}, {"other", "중국 경제"}});
  EXPECT_EQ(index.found("美"), (Ids{"hanja", "hangul"}));
  EXPECT_EQ(index.found("미국"), (Ids{"hanja", "hangul"}));
  EXPECT_EQ(index.found("\"미국 대중 규제\""), Ids{"hanja"});
  const ks::BuiltQuery built = index.build("美");
  ASSERT_EQ(built.plan.rewrites.size(), 1u);
  EXPECT_EQ(built.plan.rewrites[0].by, "hanja");
  EXPECT_EQ(built.plan.rewrites[0].terms, std::vector<std::string>{"미국"});
  EXPECT_TRUE(index.build("미국").plan.rewrites.empty());
  EXPECT_NE(index.explain("美").find("美 → 미국 (Hanja"), std::string::npos);
}

TEST(QueryBuilder, HanjaWordIsSearchedAsItsReading) {
  Index index({{"hanja", "銀行 대출"}, {"hangul", "은행 대출"}, {"other", "보험 대출"}});
  EXPECT_EQ(index.found("銀行"), (Ids{"hanja", "hangul"}));
  EXPECT_EQ(index.found("은행"), (Ids{"hanja", "hangul"}));
}

TEST(QueryBuilder, SynonymIsTheSameQueryWord) {
  const ks::SynonymList list = ks::SynonymList::parse("엔비디아 = NVIDIA\n", "test");
  const ks::SynonymIndex synonyms(list);
  Index index({{"both-words", "NVIDIA 칩 공급"}, {"one-word-twice", "NVIDIA 엔비디아 공급"}, {"chip", "인텔 칩 공급"}});
  EXPECT_EQ(index.found("엔비디아"), Ids{"one-word-twice"});  // without the list
  index.synonyms = &synonyms;
  EXPECT_EQ(index.found("엔비디아"), (Ids{"both-words", "one-word-twice"}));
  EXPECT_EQ(index.found("nvidia"), (Ids{"both-words", "one-word-twice"}));
  // The synonym counts as the word, not as another word: the text with both
  // query words ranks above the one holding one word in two spellings.
  EXPECT_EQ(index.search("엔비디아 칩").front(), "both-words");
  EXPECT_NE(index.build("엔비디아").query.get_description().find("SYNONYM"), std::string::npos);
  EXPECT_EQ(index.found("공급 -엔비디아"), Ids{"chip"});  // excluded with its synonyms
  EXPECT_EQ(index.found("엔비디아", ks::MatchMode::all), (Ids{"both-words", "one-word-twice"}));
  const ks::BuiltQuery built = index.build("엔비디아의");
  ASSERT_EQ(built.plan.rewrites.size(), 1u);
  EXPECT_EQ(built.plan.rewrites[0].by, "synonym");
  EXPECT_EQ(built.plan.rewrites[0].terms, std::vector<std::string>{"NVIDIA"});
  EXPECT_EQ(built.plan.rewrites[0].list, "test");  // the list the group comes from, for --explain
  EXPECT_TRUE(contains(built.plan.match_terms, "nvidia"));  // highlighted where it matched
}

TEST(QueryBuilder, SynonymOfSeveralWordsIsAPhrase) {
  const ks::SynonymList list = ks::SynonymList::parse("LLM = 거대 언어 모델\n", "test");
  const ks::SynonymIndex synonyms(list);
  Index index({{"phrase", "거대 언어 모델 경쟁"}, {"apart", "언어 모델은 거대하다"}, {"latin", "LLM 경쟁"}});
  index.synonyms = &synonyms;
  EXPECT_EQ(index.found("LLM"), (Ids{"phrase", "latin"}));
}
namespace {

TEST(QueryBuilder, InitialsWordsMatchIndexWordsWithThoseInitials) {
  Index index({{"a", "누구 말로는 그 정부가 그랬다"}, {"b", "극자외선 노광 장비를 막았다"}, {"c", "반도체 수출"}});
  const ks::BuiltQuery built = index.build_with_initials("ㄴㄱ ㅈㅂ");
  ASSERT_EQ(built.plan.expansions.size(), 2u);
  EXPECT_EQ(built.plan.expansions[0].words, (std::vector<std::string>{"노광", "누구"}));
  EXPECT_EQ(built.plan.expansions[1].words, (std::vector<std::string>{"장비", "정부"}));
  EXPECT_TRUE(contains(built.plan.match_terms, "노광"));  // highlighted like the words typed
  // Readings side by side (노광 장비) come before readings apart (누구 … 정부).
  EXPECT_EQ(index.ranked(built.query), (std::vector<std::string>{"b", "a"}));
  // Without the index's words a 초성 word is a word like any other: found nowhere.
  EXPECT_TRUE(index.search("ㄴㄱ ㅈㅂ").empty());
}

TEST(QueryBuilder, InitialsTypedWithoutTheSpaceReadAsTwoWordsSideBySide) {
  Index index({{"a", "누구 말로는 그 정부가 그랬다"}, {"b", "극자외선 노광 장비를 막았다"}, {"c", "반도체 수출"}});
  const ks::BuiltQuery built = index.build_with_initials("ㄴㄱㅈㅂ");
  ASSERT_EQ(built.plan.expansions.size(), 2u);  // no word has all four initials
  EXPECT_EQ(built.plan.expansions[0].typed, built.plan.expansions[1].typed);
  EXPECT_EQ(built.plan.expansions[1].words, (std::vector<std::string>{"장비", "정부"}));
  EXPECT_EQ(index.ranked(built.query), (std::vector<std::string>{"b"}));  // only readings side by side
}

TEST(QueryBuilder, InitialsWordWithoutReadingsMatchesNothing) {
  Index index({{"a", "반도체 수출"}});
  const ks::BuiltQuery built = index.build_with_initials("ㅋㅋ");
  ASSERT_EQ(built.plan.expansions.size(), 1u);
  EXPECT_TRUE(built.plan.expansions[0].words.empty());
  EXPECT_TRUE(index.ranked(built.query).empty());
}

}  // namespace
