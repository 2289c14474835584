#include "kosearch/output.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace ks = kosearch;
using nlohmann::json;

namespace {

// Highlight byte range of the first occurrence of `word` in `text`.
ks::Highlight highlight_of(const std::string& text, const std::string& word) {
  const std::size_t at = text.find(word);
  EXPECT_NE(at, std::string::npos) << word;
  return {at, at + word.size()};
}

ks::Hit full_hit() {
  ks::Hit hit;
  hit.rank = 1;
  hit.score = 3.25;
  hit.id = "002_4f174f445bf85026.txt";
  hit.citation.path = "corpus/002_4f174f445bf85026.txt";
  hit.citation.line = 31;
  hit.citation.column = 1;
  hit.citation.title = "美의 대중 규제 먹혔나";
  hit.citation.source = "조선일보";
  hit.citation.date = "2024-04-02";
  hit.citation.updated = "2024-04-03";
  hit.citation.author = "오로라";
  hit.citation.url = "https://example.com/a/1";
  hit.snippet.text = "…극자외선(EUV) 노광 장비의 중국 수출을 막고…";
  hit.snippet.highlights = {highlight_of(hit.snippet.text, "노광"), highlight_of(hit.snippet.text, "장비의")};
  hit.snippet.line = 31;
  hit.snippet.column = 1;
  return hit;
}

ks::Hit bare_hit(std::size_t rank, const std::string& path) {
  ks::Hit hit;
  hit.rank = rank;
  hit.score = 1.0;
  hit.id = path;
  hit.citation.path = path;
  hit.citation.line = 3;
  hit.citation.column = 7;
  hit.snippet.text = "본문";
  return hit;
}

ks::Results results_of(std::vector<ks::Hit> hits) {
  ks::Results r;
  r.hits = std::move(hits);
  r.estimated_matches = 42;
  r.elapsed_ms = 1.5;
  return r;
}

std::string render(ks::OutputFormat format, const ks::Results& results, bool color = false,
                   std::optional<std::string> qid = std::nullopt) {
  std::ostringstream out;
  ks::make_writer({format, color, std::move(qid)}, out)->write(results);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Code point slice [begin, end) of UTF-8 text.
std::string char_slice(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t cp = 0, byte_begin = text.size(), byte_end = text.size();
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (cp == begin) byte_begin = std::min(byte_begin, i);
    if (cp == end) byte_end = std::min(byte_end, i);
    ++cp;
  }
  return text.substr(byte_begin, byte_end - byte_begin);
}

// Sets or clears an environment variable for one test and restores it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST(OutputHuman, HeadingLocationAndMarkedSnippet) {
  const auto lines = lines_of(render(ks::OutputFormat::human, results_of({full_hit()})));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "1. 「美의 대중 규제 먹혔나」  조선일보 · 2024-04-02 · 오로라");
  EXPECT_EQ(lines[1], "   corpus/002_4f174f445bf85026.txt:31:1");
  EXPECT_EQ(lines[2], "   …극자외선(EUV) [[노광]] [[장비의]] 중국 수출을 막고…");
}

TEST(OutputHuman, TitleFallsBackToIdAndAbsentMetadataIsLeftOut) {
  ks::Hit hit = bare_hit(2, "corpus/x.txt");
  hit.citation.date = "2024-01-01";
  const auto lines = lines_of(render(ks::OutputFormat::human, results_of({hit})));
  ASSERT_GE(lines.size(), 1u);
  EXPECT_EQ(lines[0], "2. corpus/x.txt  2024-01-01");
}

TEST(OutputHuman, BlankLineBetweenHitsNotAfterLast) {
  const std::string out =
      render(ks::OutputFormat::human, results_of({bare_hit(1, "a.txt"), bare_hit(2, "b.txt")}));
  const auto lines = lines_of(out);
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[3], "");
  EXPECT_EQ(lines[4], "2. b.txt");
  EXPECT_NE(out.substr(out.size() - 2), "\n\n");
}

TEST(OutputHuman, ColorUsesAnsiInsteadOfMarkers) {
  const std::string out = render(ks::OutputFormat::human, results_of({full_hit()}), true);
  EXPECT_NE(out.find("\x1b[1;31m노광\x1b[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[1;31m장비의\x1b[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[1m「美의 대중 규제 먹혔나」\x1b[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[2mcorpus/002_4f174f445bf85026.txt:31:1\x1b[0m"), std::string::npos) << out;
  EXPECT_EQ(out.find("[["), std::string::npos);
}

TEST(OutputHuman, NoEscapeWithoutColor) {
  const std::string out = render(ks::OutputFormat::human, results_of({full_hit()}), false);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(OutputHuman, ArticleTextCannotDriveTheTerminal) {
  ks::Hit hit = full_hit();
  hit.citation.title = "제목\x1b[2J";
  hit.citation.source = "신문\xc2\x9b" "2J";
  hit.id = "id\x1b";
  hit.citation.path = "corpus/\x1b]0;pwned\x07";
  hit.snippet.text = "앞\x1b[2J 노광\x1b[31m 뒤\xe2\x80\xae";
  hit.snippet.highlights = {highlight_of(hit.snippet.text, "노광\x1b[31m")};
  for (bool color : {false, true}) {
    std::string out = render(ks::OutputFormat::human, results_of({hit}), color, std::string("q\x1b[1"));
    if (color) {
      // Remove the escapes we put there ourselves; none may remain.
      for (std::string_view ours : {"\x1b[1;31m", "\x1b[1m", "\x1b[2m", "\x1b[0m"})
        for (std::size_t at; (at = out.find(ours)) != std::string::npos;) out.erase(at, ours.size());
    }
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
    EXPECT_EQ(out.find('\x07'), std::string::npos) << out;
    EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos) << out;
    EXPECT_EQ(out.find("\xe2\x80\xae"), std::string::npos) << out;
  }
}

TEST(OutputHuman, BatchHeaderBeforeEachQuery) {
  const std::string out = render(ks::OutputFormat::human, results_of({bare_hit(1, "a.txt")}), false, "q7");
  const auto lines = lines_of(out);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], "# q7");
  EXPECT_EQ(lines[1], "1. a.txt");
  EXPECT_EQ(lines[4], "");
}

TEST(OutputHuman, BadHighlightsAreIgnoredNotFollowed) {
  ks::Hit hit = bare_hit(1, "a.txt");
  hit.snippet.highlights = {{0, 999}, {5, 2}};
  const auto lines = lines_of(render(ks::OutputFormat::human, results_of({hit})));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2], "   본문");
}

TEST(OutputJson, HitLinesThenSummaryAllKeysPresent) {
  const auto lines = lines_of(render(ks::OutputFormat::json, results_of({full_hit(), bare_hit(2, "b.txt")})));
  ASSERT_EQ(lines.size(), 3u);
  const json first = json::parse(lines[0]);
  EXPECT_EQ(first["type"], "hit");
  EXPECT_FALSE(first.contains("qid"));
  EXPECT_EQ(first["rank"], 1);
  EXPECT_DOUBLE_EQ(first["score"].get<double>(), 3.25);
  EXPECT_EQ(first["id"], "002_4f174f445bf85026.txt");
  EXPECT_EQ(first["path"], "corpus/002_4f174f445bf85026.txt");
  EXPECT_EQ(first["line"], 31);
  EXPECT_EQ(first["column"], 1);
  EXPECT_EQ(first["title"], "美의 대중 규제 먹혔나");
  EXPECT_EQ(first["source"], "조선일보");
  EXPECT_EQ(first["date"], "2024-04-02");
  EXPECT_EQ(first["updated"], "2024-04-03");
  EXPECT_EQ(first["author"], "오로라");
  EXPECT_EQ(first["url"], "https://example.com/a/1");
  EXPECT_EQ(first["snippet"], "…극자외선(EUV) 노광 장비의 중국 수출을 막고…");

  const json second = json::parse(lines[1]);
  for (const char* key : {"title", "source", "date", "updated", "author", "url"}) {
    ASSERT_TRUE(second.contains(key)) << key;
    EXPECT_TRUE(second[key].is_null()) << key;
  }
  EXPECT_EQ(second["line"], 3);
  EXPECT_EQ(second["column"], 7);
  EXPECT_TRUE(second["highlights"].is_array());
  EXPECT_TRUE(second["highlights"].empty());

  const json summary = json::parse(lines[2]);
  EXPECT_EQ(summary["type"], "summary");
  EXPECT_EQ(summary["hits"], 2);
  EXPECT_EQ(summary["estimated_matches"], 42);
  EXPECT_DOUBLE_EQ(summary["elapsed_ms"].get<double>(), 1.5);
  EXPECT_TRUE(summary.contains("explanation"));
  EXPECT_TRUE(summary["facets"].is_null());
}

TEST(OutputJson, FacetsInTheSummary) {
  ks::Results results = results_of({full_hit()});
  results.facets.push_back({ks::Facet::month, 4, {{"2024-04", 3}, {"", 1}}});
  const auto lines = lines_of(render(ks::OutputFormat::json, results));
  const json facets = json::parse(lines.back())["facets"];
  EXPECT_EQ(facets["month"], json::parse(R"([{"value":"2024-04","count":3},{"value":null,"count":1}])"));
}

TEST(OutputJson, RewritesInTheSummary) {
  ks::Results results = results_of({full_hit()});
  EXPECT_EQ(json::parse(lines_of(render(ks::OutputFormat::json, results)).back())["rewrites"], json::array());
  results.rewrites = {{"美", "hanja", {"미국"}}, {"엔비디아", "synonym", {"NVIDIA", "엔비디아社"}, "the starter list"}};
  const json rewrites = json::parse(lines_of(render(ks::OutputFormat::json, results)).back())["rewrites"];
  EXPECT_EQ(rewrites, json::parse(R"([{"word":"美","by":"hanja","terms":["미국"]},
                                      {"word":"엔비디아","by":"synonym","terms":["NVIDIA","엔비디아社"]}])"));
  EXPECT_EQ(ks::rewrites_line(results.rewrites), "美 searched as 미국 (Hanja); 엔비디아 also as NVIDIA, 엔비디아社 (synonyms from the starter list)");
  EXPECT_EQ(ks::rewrites_line({}), "");
}

TEST(OutputJson, HighlightsAreCharacterOffsetsIntoSnippet) {
  const auto lines = lines_of(render(ks::OutputFormat::json, results_of({full_hit()})));
  const json hit = json::parse(lines.at(0));
  const std::string snippet = hit["snippet"];
  ASSERT_EQ(hit["highlights"].size(), 2u);
  std::vector<std::string> covered;
  for (const auto& range : hit["highlights"]) covered.push_back(char_slice(snippet, range[0], range[1]));
  EXPECT_EQ(covered, (std::vector<std::string>{"노광", "장비의"}));
  // "…극자외선(EUV) " is 11 characters.
  EXPECT_EQ(hit["highlights"][0][0], 11);
  EXPECT_EQ(hit["highlights"][0][1], 13);
}

TEST(OutputJson, QidOnEveryObjectInBatchMode) {
  const auto lines = lines_of(render(ks::OutputFormat::json, results_of({bare_hit(1, "a.txt")}), false, "q1"));
  ASSERT_EQ(lines.size(), 2u);
  for (const auto& line : lines) EXPECT_EQ(json::parse(line)["qid"], "q1");
}

TEST(OutputJson, ControlsAndBadUtf8StillGiveValidJsonWithoutEscapes) {
  ks::Hit hit = full_hit();
  hit.citation.title = std::string("bad\xff utf8 \x1b[2J");
  hit.snippet.text = "노광\x1b[2J 장비";
  hit.snippet.highlights = {highlight_of(hit.snippet.text, "장비")};
  const auto lines = lines_of(render(ks::OutputFormat::json, results_of({hit}), true));
  ASSERT_EQ(lines.size(), 2u);
  const json parsed = json::parse(lines[0]);
  const std::string snippet = parsed["snippet"];
  EXPECT_EQ(snippet.find('\x1b'), std::string::npos);
  EXPECT_EQ(std::string(parsed["title"]).find('\x1b'), std::string::npos);
  EXPECT_EQ(char_slice(snippet, parsed["highlights"][0][0], parsed["highlights"][0][1]), "장비");
  EXPECT_EQ(lines[0].find("\\u001b"), std::string::npos);
}

TEST(OutputJson, TypeIsTheFirstKey) {
  const auto lines = lines_of(render(ks::OutputFormat::json, results_of({full_hit()}), false, "q1"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].rfind(R"({"type":"hit","qid":"q1","rank":1,)", 0) == 0) << lines[0];
  EXPECT_TRUE(lines[1].rfind(R"({"type":"summary","qid":"q1","hits":1,)", 0) == 0) << lines[1];
}

TEST(OutputJson, NonAsciiWrittenAsIs) {
  const std::string out = render(ks::OutputFormat::json, results_of({full_hit()}));
  EXPECT_NE(out.find("조선일보"), std::string::npos);
}

TEST(OutputJson, SummaryEvenWithoutHits) {
  const auto lines = lines_of(render(ks::OutputFormat::json, results_of({})));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(json::parse(lines[0])["hits"], 0);
}

TEST(OutputFiles, EachPathOnceInRankOrder) {
  const std::string out = render(ks::OutputFormat::files,
                                 results_of({bare_hit(1, "b.txt"), bare_hit(2, "a.txt"), bare_hit(3, "b.txt")}));
  EXPECT_EQ(out, "b.txt\na.txt\n");
}

TEST(OutputFiles, QidPrefixInBatchMode) {
  EXPECT_EQ(render(ks::OutputFormat::files, results_of({bare_hit(1, "a.txt")}), false, "q2"), "q2\ta.txt\n");
}

TEST(OutputCount, NumberOfHits) {
  EXPECT_EQ(render(ks::OutputFormat::count, results_of({bare_hit(1, "a"), bare_hit(2, "b")})), "2\n");
  EXPECT_EQ(render(ks::OutputFormat::count, results_of({})), "0\n");
  EXPECT_EQ(render(ks::OutputFormat::count, results_of({bare_hit(1, "a")}), false, "q9"), "q9\t1\n");
}

TEST(OutputCite, OneCitationPerHit) {
  ks::Hit second = bare_hit(2, "corpus/b.txt");
  const std::string out = render(ks::OutputFormat::cite, results_of({full_hit(), second}));
  EXPECT_EQ(out,
            "오로라, 「美의 대중 규제 먹혔나」, 조선일보, 2024-04-02, 수정 2024-04-03, https://example.com/a/1 "
            "(corpus/002_4f174f445bf85026.txt:31:1)\n"
            "corpus/b.txt:3:7\n");
}

TEST(OutputCite, ColorDimsOnlyTheLocation) {
  const std::string out = render(ks::OutputFormat::cite, results_of({full_hit()}), true);
  EXPECT_NE(out.find("(\x1b[2mcorpus/002_4f174f445bf85026.txt:31:1\x1b[0m)"), std::string::npos) << out;
}

TEST(OutputStream, StopsQuietlyOnAFailedStream) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  auto writer = ks::make_writer({ks::OutputFormat::json, false, std::nullopt}, out);
  EXPECT_NO_THROW(writer->write(results_of({full_hit(), bare_hit(2, "b")})));
  EXPECT_TRUE(out.str().empty());
}

TEST(OutputColor, AlwaysAndNever) {
  ScopedEnv no_color("NO_COLOR", "1");
  EXPECT_TRUE(ks::use_color(ks::ColorMode::always, ks::OutputFormat::human, false));
  EXPECT_TRUE(ks::use_color(ks::ColorMode::always, ks::OutputFormat::cite, false));
  EXPECT_FALSE(ks::use_color(ks::ColorMode::never, ks::OutputFormat::human, true));
}

TEST(OutputColor, MachineFormatsNeverColored) {
  for (auto format : {ks::OutputFormat::json, ks::OutputFormat::files, ks::OutputFormat::count}) {
    EXPECT_FALSE(ks::use_color(ks::ColorMode::always, format, true));
    EXPECT_FALSE(ks::use_color(ks::ColorMode::automatic, format, true));
  }
}

TEST(OutputColor, AutoNeedsTerminal) {
  ScopedEnv no_color("NO_COLOR", nullptr);
  ScopedEnv term("TERM", "xterm-256color");
  EXPECT_TRUE(ks::use_color(ks::ColorMode::automatic, ks::OutputFormat::human, true));
  EXPECT_FALSE(ks::use_color(ks::ColorMode::automatic, ks::OutputFormat::human, false));
}

TEST(OutputColor, AutoHonoursNoColor) {
  ScopedEnv term("TERM", "xterm");
  {
    ScopedEnv no_color("NO_COLOR", "1");
    EXPECT_FALSE(ks::use_color(ks::ColorMode::automatic, ks::OutputFormat::human, true));
  }
  {
    ScopedEnv no_color("NO_COLOR", "");  // empty counts as unset (no-color.org)
    EXPECT_TRUE(ks::use_color(ks::ColorMode::automatic, ks::OutputFormat::human, true));
  }
}

TEST(OutputColor, AutoOffOnDumbTerminal) {
  ScopedEnv no_color("NO_COLOR", nullptr);
  ScopedEnv term("TERM", "dumb");
  EXPECT_FALSE(ks::use_color(ks::ColorMode::automatic, ks::OutputFormat::human, true));
  EXPECT_FALSE(ks::use_color(ks::ColorMode::automatic, ks::OutputFormat::cite, true));
}

namespace {

TEST(OutputJson, SuggestionsInTheSummary) {
  ks::Results results = results_of({full_hit()});
  auto summary = json::parse(lines_of(render(ks::OutputFormat::json, results)).back());
  EXPECT_EQ(summary["suggestions"], json::array());
  EXPECT_TRUE(summary["showing_results_for"].is_null());
  results.suggestions = {{ks::SuggestionKind::layout, "노광 장비"}, {ks::SuggestionKind::spelling, "노광 장미"}};
  results.showing_results_for = "노광 장비";
  summary = json::parse(lines_of(render(ks::OutputFormat::json, results)).back());
  EXPECT_EQ(summary["suggestions"], json::parse(R"([{"kind":"layout","query":"노광 장비"},
                                                      {"kind":"spelling","query":"노광 장미"}])"));
  EXPECT_EQ(summary["showing_results_for"], "노광 장비");
}

TEST(TypingHelp, SaysWhatHappenedToTheQuery) {
  ks::Results none = results_of({});
  EXPECT_EQ(ks::typing_help(none, "xyzzy"), "no match for 'xyzzy'");
  none.suggestions = {{ks::SuggestionKind::spelling, "엔비디아"}};
  EXPECT_EQ(ks::typing_help(none, "엔비디야"), "no match for '엔비디야'; did you mean '엔비디아' (spelling)?");

  ks::Results rewritten = results_of({full_hit()});
  rewritten.suggestions = {{ks::SuggestionKind::layout, "노광"}, {ks::SuggestionKind::spelling, "shrhkf"}};
  rewritten.showing_results_for = "노광";
  EXPECT_EQ(ks::typing_help(rewritten, "shrhkd"),
            "no match for 'shrhkd'; showing results for '노광' (layout); also 'shrhkf' (spelling)");

  ks::Results some = results_of({full_hit()});
  EXPECT_EQ(ks::typing_help(some, "노광"), "");
  some.suggestions = {{ks::SuggestionKind::spelling, "엔비디아 화웨이"}};
  EXPECT_EQ(ks::typing_help(some, "엔비디야 화웨이"), "did you mean '엔비디아 화웨이' (spelling)?");
  some.suggestions = {{ks::SuggestionKind::initials, "노광 장비"}};
  EXPECT_EQ(ks::typing_help(some, "ㄴㄱ ㅈㅂ"),
            "'ㄴㄱ ㅈㅂ' taken as initial consonants; the first hit reads '노광 장비'");

  // Syllable pairs only, the correction offered but not searched (a script's default).
  ks::Results pairs = results_of({full_hit()});
  pairs.hits[0].match = ks::MatchKind::partial;
  pairs.suggestions = {{ks::SuggestionKind::spelling, "엔비디아"}};
  EXPECT_EQ(ks::typing_help(pairs, "엔비디야"),
            "only parts of the words of '엔비디야' match; did you mean '엔비디아' (spelling)?");
}

TEST(TypingHelp, CorrectionNotSearchedIsToldOnlyWhenNothingTypedMatched) {
  ks::Results none = results_of({});
  EXPECT_FALSE(ks::correction_not_searched(none));  // nothing offered
  none.suggestions = {{ks::SuggestionKind::spelling, "엔비디아"}};
  EXPECT_TRUE(ks::correction_not_searched(none));
  none.showing_results_for = "엔비디아";
  EXPECT_FALSE(ks::correction_not_searched(none));  // searched, and said so elsewhere

  ks::Results some = results_of({full_hit()});
  some.suggestions = {{ks::SuggestionKind::spelling, "엔비디아 화웨이"}};
  EXPECT_FALSE(ks::correction_not_searched(some));  // the typed words found something
  some.hits[0].match = ks::MatchKind::partial;
  EXPECT_TRUE(ks::correction_not_searched(some));
  some.suggestions = {{ks::SuggestionKind::initials, "노광 장비"}};
  EXPECT_FALSE(ks::correction_not_searched(some));  // a reading of 초성, not a correction
}

TEST(OutputHuman, HitsOfACorrectionStartWithAHeader) {
  ks::Results results = results_of({full_hit()});
  EXPECT_EQ(lines_of(render(ks::OutputFormat::human, results))[0].rfind("1. ", 0), 0u);
  results.suggestions = {{ks::SuggestionKind::spelling, "엔비디아"}};
  results.showing_results_for = "엔비디아";
  const auto lines = lines_of(render(ks::OutputFormat::human, results, false, "q1"));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "# q1");
  EXPECT_EQ(lines[1], "showing results for '엔비디아' (spelling): the query as typed matched nothing");
  EXPECT_EQ(lines[2].rfind("1. ", 0), 0u);
}

TEST(OutputJson, ErrorObjectForAQueryThatCannotRun) {
  std::ostringstream out;
  ks::make_writer({ks::OutputFormat::json, false, "q3"}, out)->write_error("query error at character 1");
  EXPECT_EQ(out.str(), R"({"type":"error","qid":"q3","message":"query error at character 1"})" "\n");
  for (const auto format : {ks::OutputFormat::human, ks::OutputFormat::files, ks::OutputFormat::count}) {
    std::ostringstream other;
    ks::make_writer({format, false, "q3"}, other)->write_error("x");
    EXPECT_EQ(other.str(), "");  // the stderr line says it
  }
}

}  // namespace
