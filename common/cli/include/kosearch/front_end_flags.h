// The flags both front ends share, about the program itself: --version, and
// the man page and bash completion, written from the same CLI11 flag
// definitions as --help so they cannot drift from it (the build runs
// `indexer --man` / `search --completion` and installs the output;
// CMakeLists.txt). CLI-side only: the library knows nothing of CLI11.
#pragma once

#include <algorithm>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <CLI/CLI.hpp>

#include "kosearch/flag_names.h"
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

// Columns a terminal gives `text`: two for Hangul and the other East Asian
// wide characters, one for the rest.
inline std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    width += wide ? 2 : 1;
  }
  return width;
}

// `text` with each line wider than `width` columns broken at spaces; the
// lines it is broken into are indented two more than it. The man page's
// NOTES keep the --help layout (no fill), so they must fit as they are.
inline std::string wrapped_lines(std::string_view text, std::size_t width) {
  std::string out;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t newline = std::min(text.find('\n', start), text.size());
    std::string_view rest = text.substr(start, newline - start);
    const std::size_t indent = std::min(rest.find_first_not_of(' '), rest.size());
    std::string prefix;  // none for a line's first piece; then its indent and two
    while (display_width(prefix) + display_width(rest) > width) {
      std::size_t cut = std::string_view::npos;  // the last space that leaves a piece that fits
      const std::size_t words = std::min(rest.find_first_not_of(' '), rest.size());
      for (std::size_t at = rest.find(' ', words); at != std::string_view::npos; at = rest.find(' ', at + 1)) {
        if (display_width(prefix) + display_width(rest.substr(0, at)) > width) break;
        cut = at;
      }
      if (cut == std::string_view::npos) cut = rest.find(' ', words);  // a word wider than the page stands alone
      if (cut == std::string_view::npos) break;
      out.append(prefix).append(rest.substr(0, cut)).append("\n");
      rest.remove_prefix(cut);
      rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
      prefix.assign(indent + 2, ' ');
    }
    out.append(prefix).append(rest);
    if (newline < text.size()) out += '\n';
    start = newline + 1;
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
  // The footer keeps its --help layout: unfilled, from the left margin (a
  // section's usual indent of 7 would push its 78-column lines over 80), and
  // the few longer lines broken to fit.
  if (!footer.empty()) page += ".SH NOTES\n.nf\n.in 0\n" + troff_text(wrapped_lines(footer, 78)) + "\n.fi\n";
  return page;
}

// The values an option takes when CLI11 checks them against a set
// (IsMember): its type name reads "TEXT:{a,b,c}". None otherwise.
inline std::vector<std::string> fixed_values(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  const std::size_t open = type.find(":{"), close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> values;
  for (std::size_t at = open + 2; at <= close;) {
    const std::size_t comma = std::min(type.find(',', at), close);
    values.push_back(type.substr(at, comma - at));
    at = comma + 1;
  }
  return values;
}

// A flag stored as an enum, read from the words of `table` (flag_names.h):
// CLI11 turns the word into the value it names. Told as IsMember tells its
// set ("{a,b,c}"), so --help, the man page and completion (fixed_values)
// list the words, and a usage error names them: "--mode: x not in {…}".
// CLI::CheckedTransformer would do the mapping, but it also takes the
// enum's number (--mode 1) and describes itself as "value in {a->0,…} OR
// {0,…}", which --help and completion would show.
template <class E, std::size_t N>
CLI::Validator one_of(const NameTable<E, N>& table) {
  const std::string set = "{" + names_listed(table, ",") + "}";
  return CLI::Validator(
      [table, set](std::string& word) -> std::string {
        const std::optional<E> value = value_named(table, word);
        if (!value) return word + " not in " + set;
        word = std::to_string(static_cast<std::underlying_type_t<E>>(*value));
        return {};
      },
      set);
}

// "INT", "UINT:INT in [1 - 10]", "FLOAT": a number, which nothing completes.
inline bool is_number_type(std::string_view type) {
  for (const std::string_view number : {"INT", "UINT", "FLOAT", "NUMBER"})
    if (type.substr(0, type.find(':')) == number) return true;
  return false;
}

// A bash completion script: every visible flag after "-", and the value
// after a flag: one of its fixed values (a list of them after its
// delimiter: --facets source,d<TAB>), a folder for a DIR option, nothing
// for a number, else whatever bash completes by default (files).
inline std::string bash_completion(const CLI::App& app) {
  std::string flags, cases;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty() || option->get_positional()) continue;
    std::string names = option->get_name(false, true), pattern = names;
    for (char& c : names)
      if (c == ',') c = ' ';
    for (char& c : pattern)
      if (c == ',') c = '|';
    flags += (flags.empty() ? "" : " ") + names;
    if (option->get_expected_max() == 0) continue;  // takes no value
    std::string values;
    for (const std::string& value : fixed_values(*option)) values += (values.empty() ? "" : " ") + value;
    if (!values.empty() && option->get_delimiter() != '\0')
      cases += "    " + pattern + ") _kosearch_list \"" + values + "\" '" + option->get_delimiter() + "'; return ;;\n";
    else if (!values.empty())
      cases += "    " + pattern + ") COMPREPLY=( $(compgen -W \"" + values + "\" -- \"$cur\") ); return ;;\n";
    else if (option->get_type_name().rfind("DIR", 0) == 0)
      cases += "    " + pattern + ") compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -d -- \"$cur\") ); return ;;\n";
    else if (is_number_type(option->get_type_name()))
      cases += "    " + pattern + ") compopt +o default 2>/dev/null; return ;;\n";  // not a file name either
    else
      cases += "    " + pattern + ") return ;;\n";
  }
  const std::string name = app.get_name(), function = "_kosearch_" + name;
  return "# bash completion for " + name + " (generated from its flags: " + name + " --completion)\n"
         "# values after the last delimiter: _kosearch_list VALUES DELIMITER\n"
         "_kosearch_list() {\n"
         "  local head=\"\" last=\"$cur\"\n"
         "  if [[ \"$cur\" == *\"$2\"* ]]; then head=\"${cur%\"$2\"*}$2\"; last=\"${cur##*\"$2\"}\"; fi\n"
         "  COMPREPLY=( $(compgen -P \"$head\" -W \"$1\" -- \"$last\") )\n"
         "}\n" +
         function + "() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\"\n"
         "  (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
         "  # bash splits --flag=value at the '=': the flag is then one word further back\n"
         "  if [[ \"$cur\" == \"=\" ]]; then cur=\"\"\n"
         "  elif [[ \"$prev\" == \"=\" ]] && (( COMP_CWORD > 1 )); then prev=\"${COMP_WORDS[COMP_CWORD-2]}\"; fi\n"
         "  case \"$prev\" in\n" +
         cases +
         "  esac\n"
         "  if [[ \"$cur\" == -* ]]; then\n    COMPREPLY=( $(compgen -W \"" +
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
// docs/scripting.md holds (--exit-codes, --json-schema), so a test can compare them.
inline void add_print_flag(CLI::App& app, const std::string& flag, std::function<std::string()> text) {
  app.add_flag_callback(flag, [text = std::move(text)] {
       std::cout << text();
       throw CLI::Success();
     })
      ->group("");
}

}  // namespace kosearch::cli
