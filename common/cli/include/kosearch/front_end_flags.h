// The flags both front ends share, about the program itself: --version, and
// the man page and bash completion, written from the same CLI11 flag
// definitions as --help so they cannot drift from it (the build runs
// `indexer --man` / `search --completion` and installs the output;
// CMakeLists.txt). CLI-side only: the library knows nothing of CLI11.
#pragma once

#include <functional>
#include <iostream>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "kosearch/text.h"
#include "kosearch/version.h"

namespace kosearch::cli {

// Text from queries, batch files, articles or errors on its way to stderr:
// one line, and nothing in it may drive the terminal.
inline std::string one_terminal_line(std::string_view text) {
  std::string line = neutralize_controls(text);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// A usage error as one line on stderr, prefixed with the program's name like
// its other messages (CLI11's own are two lines, "… not expected" / "Run with
// --help …"). `hint`: a sentence more, for the error at hand.
inline std::string usage_error_line(const CLI::App& app, const CLI::Error& error, std::string_view hint = {}) {
  std::string problem = error.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    // CLI11 lists them last first, with the "--" search puts before the
    // query words ("not expected: -- --bogus"): named here as typed.
    std::string unknown;
    for (const std::string& arg : app.remaining())
      if (arg != "--") unknown += (unknown.empty() ? "" : " ") + arg;
    if (!unknown.empty()) problem = "unknown flag or argument: " + unknown;
  }
  std::string line = one_terminal_line(app.get_name() + ": " + problem);
  if (!hint.empty()) line += " (" + std::string(hint) + ")";
  return line + " (see --help)\n";
}

// Text for troff: backslashes, leading dots and quotes made literal.
inline std::string troff_text(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
      out += c;
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// "--corpus", "-n, --limit": the names --help shows for an option.
inline std::string option_names(const CLI::Option& option) {
  std::string names = option.get_name(false, true);
  for (std::size_t at = names.find(','); at != std::string::npos; at = names.find(',', at + 2)) names.insert(at + 1, " ");
  return names;
}

// A man(7) page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS (every visible flag,
// with its argument and help text) and the --help footer as NOTES.
inline std::string man_page(const CLI::App& app, std::string_view version) {
  std::string name = app.get_name(), upper;
  for (const char c : name) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  std::string page = ".TH " + upper + " 1 \"\" \"kosearch " + std::string(version) + "\" \"User Commands\"\n";
  page += ".SH NAME\n" + name + " \\- " + troff_text(app.get_description()) + "\n";
  page += ".SH SYNOPSIS\n.B " + name + "\n[\\fIOPTIONS\\fR]";
  for (const CLI::Option* option : app.get_options())
    if (option->get_positional() && !option->get_group().empty()) page += " [\\fI" + option->get_name(true) + "\\fR...]";
  page += "\n.SH OPTIONS\n";
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty() || option->get_positional()) continue;  // hidden, or the query words
    page += ".TP\n\\fB" + troff_text(option_names(*option)) + "\\fR";
    if (option->get_expected_min() > 0) page += " \\fI" + troff_text(option->get_type_name()) + "\\fR";
    page += "\n" + troff_text(option->get_description()) + "\n";
  }
  const std::string footer = app.get_footer();
  if (!footer.empty()) page += ".SH NOTES\n.nf\n" + troff_text(footer) + "\n.fi\n";
  return page;
}

// A bash completion script offering every visible flag (and files otherwise).
inline std::string bash_completion(const CLI::App& app) {
  std::string flags;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty() || option->get_positional()) continue;
    std::string names = option->get_name(false, true);
    for (char& c : names)
      if (c == ',') c = ' ';
    flags += (flags.empty() ? "" : " ") + names;
  }
  const std::string name = app.get_name(), function = "_kosearch_" + name;
  return "# bash completion for " + name + " (generated from its flags: " + name + " --completion)\n" + function +
         "() {\n  local cur=\"${COMP_WORDS[COMP_CWORD]}\"\n  if [[ \"$cur\" == -* ]]; then\n    COMPREPLY=( $(compgen -W \"" +
         flags + "\" -- \"$cur\") )\n  fi\n}\ncomplete -o default -F " + function + " " + name + "\n";
}

// --version, and hidden --man and --completion flags that print the above;
// each exits 0.
inline void add_program_flags(CLI::App& app) {
  const std::string name = app.get_name();
  app.set_version_flag("--version", [name] {
    std::string text = version_text(name);
    text.pop_back();  // CLI11 ends the line itself
    return text;
  }, "print the versions of " + name + ", Xapian, ICU, the analyzer and the index schema, and exit");
  app.add_flag_callback("--man", [&app] {
       std::cout << man_page(app, release_version());
       throw CLI::Success();
     })
      ->group("");
  app.add_flag_callback("--completion", [&app] {
       std::cout << bash_completion(app);
       throw CLI::Success();
     })
      ->group("");
}

// A hidden flag that prints `text()` and exits: the documentation tables
// the README holds (--exit-codes, --json-schema), so a test can compare them.
inline void add_print_flag(CLI::App& app, const std::string& flag, std::function<std::string()> text) {
  app.add_flag_callback(flag, [text = std::move(text)] {
       std::cout << text();
       throw CLI::Success();
     })
      ->group("");
}

}  // namespace kosearch::cli
