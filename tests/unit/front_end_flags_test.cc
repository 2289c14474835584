#include "kosearch/front_end_flags.h"

#include <gtest/gtest.h>

#include <string>

namespace cli = kosearch::cli;

namespace {

TEST(FrontEndFlags, DisplayWidthCountsHangulTwice) {
  EXPECT_EQ(cli::display_width("abc"), 3u);
  EXPECT_EQ(cli::display_width("노광 장비"), 9u);
  EXPECT_EQ(cli::display_width("→ ㄴㄱ"), 6u);  // the arrow is narrow, compatibility jamo wide
}

TEST(FrontEndFlags, WrappedLinesBreakOnlyWhatIsTooWideAndIndentTheRest) {
  EXPECT_EQ(cli::wrapped_lines("short\n  also short\n", 20), "short\n  also short\n");
  EXPECT_EQ(cli::wrapped_lines("  one two three four five", 14), "  one two\n    three four\n    five");
  EXPECT_EQ(cli::wrapped_lines("노광 장비 노광 장비", 11), "노광 장비\n  노광 장비");
  EXPECT_EQ(cli::wrapped_lines("averyveryverylongword x", 5), "averyveryverylongword\n  x");  // a word is never cut
}

TEST(FrontEndFlags, CompletionOffersFixedValuesFoldersAndNothingForNumbers) {
  std::string sort, index;
  std::vector<std::string> facets;
  unsigned n = 0;
  CLI::App app{"test", "prog"};
  app.add_option("--sort", sort)->check(CLI::IsMember({"relevance", "date", "-date"}));
  app.add_option("--facets", facets)->delimiter(',')->check(CLI::IsMember({"source", "month"}));
  app.add_option("--index", index)->type_name("DIR");
  app.add_option("-n", n);
  EXPECT_EQ(cli::fixed_values(*app.get_option("--sort")), (std::vector<std::string>{"relevance", "date", "-date"}));
  EXPECT_TRUE(cli::fixed_values(*app.get_option("--index")).empty());
  const std::string script = cli::bash_completion(app);
  EXPECT_NE(script.find("    --sort) COMPREPLY=( $(compgen -W \"relevance date -date\" -- \"$cur\") ); return ;;\n"),
            std::string::npos) << script;
  EXPECT_NE(script.find("    --facets) _kosearch_list \"source month\" ','; return ;;\n"), std::string::npos) << script;
  EXPECT_NE(script.find("    --index) compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -d"), std::string::npos);
  EXPECT_NE(script.find("    -n) compopt +o default"), std::string::npos) << script;
  EXPECT_NE(script.find("complete -o default -F _kosearch_prog prog\n"), std::string::npos);
}

enum class Shade { light, dark };
constexpr kosearch::NameTable<Shade, 3> shade_names{{{"light", Shade::light}, {"dark", Shade::dark}, {"black", Shade::dark}}};

TEST(FrontEndFlags, AWordFlagIsStoredAsTheValueItNamesAndListsItsWords) {
  Shade shade = Shade::light;
  std::vector<Shade> shades;
  CLI::App app{"test", "prog"};
  auto* one = app.add_option("--shade", shade)->transform(cli::one_of(shade_names))->type_name("TEXT");
  app.add_option("--shades", shades)->delimiter(',')->transform(cli::one_of(shade_names))->type_name("TEXT");
  EXPECT_EQ(one->get_type_name(), "TEXT:{light,dark,black}");  // as IsMember tells its set
  EXPECT_EQ(cli::fixed_values(*one), (std::vector<std::string>{"light", "dark", "black"}));

  app.parse(std::vector<std::string>{"--shades=black,light", "dark", "--shade"});  // CLI11 takes them last first
  EXPECT_EQ(shade, Shade::dark);
  EXPECT_EQ(shades, (std::vector<Shade>{Shade::dark, Shade::light}));

  for (const std::string word : {"grey", "1", "Dark"}) {
    try {
      app.parse(std::vector<std::string>{word, "--shade"});
      FAIL() << word;
    } catch (const CLI::ValidationError& e) {
      EXPECT_EQ(std::string(e.what()), "--shade: " + word + " not in {light,dark,black}");
    }
  }
}

TEST(FrontEndFlags, ManPageNotesKeepTheFooterLayoutWithinTheWidth) {
  CLI::App app{"test", "prog"};
  app.footer("Title:\n  a line that is much too long for the page " + std::string(80, 'x').replace(40, 1, " "));
  const std::string page = cli::man_page(app, "1.0");
  EXPECT_NE(page.find(".SH NOTES\n.nf\n.in 0\nTitle:\n  a line that is much too long for the page\n    xxx"),
            std::string::npos) << page;
}

}  // namespace
