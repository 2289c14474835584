// The JSON Lines schema of `search --json`: every key of the hit, summary
// and error objects, in output order, with its type and meaning. The one place it is
// written: `search --help` shows it, `search --json-schema` prints it as the
// Markdown tables docs/scripting.md holds (e2e_docs checks they are the same), and
// the e2e tests check that the output has exactly these keys in this order.
// Cells are Markdown (`code` in backticks).
#pragma once

#include <string>
#include <string_view>

namespace kosearch {

struct JsonKeyDoc {
  std::string_view keys;  // one key, or several sharing a type ("`title`, `source`")
  std::string_view type;
  std::string_view meaning;
};

inline constexpr JsonKeyDoc hit_keys[] = {
    {R"x(`type`)x", R"x(`"hit"`)x", R"x()x"},
    {R"x(`qid`)x", R"x(string)x", R"x(the query's id (`--batch` only))x"},
    {R"x(`rank`)x", R"x(integer)x", R"x(1-based, counting from `--offset` (`--offset 10` starts at 11))x"},
    {R"x(`score`)x", R"x(number)x", R"x(BM25-based relevance; comparable only within one query)x"},
    {R"x(`id`)x", R"x(string)x", R"x(article id (file name, or the JSONL `id`))x"},
    {R"x(`match`)x", R"x(`"all"`, `"some"` or `"partial"`)x", R"x(every query word found in the article (as a word, or whole inside a longer word), some of them, or only syllable pairs of them)x"},
    {R"x(`path`)x", R"x(string)x", R"x(file the citation points at: relative to the current folder when the file is below it (`corpus/…` from the repository's root), else absolute; `--path-style absolute`: always absolute)x"},
    {R"x(`line`)x", R"x(integer)x", R"x(1-based line in that file where the snippet's first passage is)x"},
    {R"x(`column`)x", R"x(integer)x", R"x(1-based column of that passage in its line, in **characters** (code points); in a JSONL file, of the line as written (escapes included), or within the article's own text when the file has changed since it was indexed)x"},
    {R"x(`title`, `source`, `date`, `updated`, `author`, `url`)x", R"x(string or null)x", R"x(`source` is the publisher; `date` is the first-publication date and `updated` the last revision (`수정`/`업데이트`), both `YYYY-MM-DD`; a revision date never stands in for a missing `date`)x"},
    {R"x(`snippet`)x", R"x(string)x", R"x(passage text; `…` where a passage was cut, ` … ` between fragments; never null (`""` if nothing could be shown))x"},
    {R"x(`highlights`)x", R"x(array of `[start, end]`)x", R"x(matched words in `snippet`, half-open offsets in **characters** (code points, as Python's `str` and JavaScript's `Array.from` count them), in order)x"},
    {R"x(`copies`)x", R"x(array of `{"id", "path", "source", "date"}`)x", R"x(other articles with the same text (a wire story carried by several outlets), collapsed into this hit, at most 5, in index order; `[]` when none, and also when the hit's text is made only of words more than 2,000 articles hold (a one-line review; looking for its copies would cost more than the search). Human output shows them as `also in: path (publisher, date); …`)x"},
};

inline constexpr JsonKeyDoc summary_keys[] = {
    {R"x(`type`)x", R"x(`"summary"`)x", R"x(after each query's hits, also when there are none)x"},
    {R"x(`qid`)x", R"x(string)x", R"x(`--batch` only)x"},
    {R"x(`hits`)x", R"x(integer)x", R"x(hit lines printed for this query)x"},
    {R"x(`estimated_matches`)x", R"x(integer)x", R"x(Xapian's estimate of all matching articles (exact only when small; use `--count` for an exact number))x"},
    {R"x(`elapsed_ms`)x", R"x(number)x", R"x(time spent in the search, milliseconds)x"},
    {R"x(`explanation`)x", R"x(string or null)x", R"x(with `--explain`: its text on one line; `null` without it (the description is then not even built))x"},
    {R"x(`facets`)x", R"x(object or null)x", R"x(with `--facets`: `{"source": [...], "month": [...]}`, each entry `{"value": string or null, "count": integer}`, most articles first; `null` value: the articles without a publisher or date; `null` without `--facets`)x"},
    {R"x(`rewrites`)x", R"x(array of `{"word", "by", "terms"}`)x", R"x(query words searched as more than they say: `"by": "hanja"` (`美` → `["미국"]`) or `"synonym"` (`엔비디아` → `["NVIDIA", "엔비디아社"]`, the other members as the list writes them); `[]` when none)x"},
    {R"x(`suggestions`)x", R"x(array of `{"kind", "query"}`)x", R"x(rewrites of the query offered (typing help, `--suggest`), best first; `[]` when none. `kind`: `"spelling"` (a word the index lacks → its nearest index word), `"layout"` (typed in the other keyboard layout), `"initials"` (초성 words read as the words the first hit holds); `query`: the whole query rewritten)x"},
    {R"x(`showing_results_for`)x", R"x(string or null)x", R"x(with `--suggest apply`, when nothing typed matched: the suggestion the hits are for (the first of `suggestions`); `null`: the hits are for the query as typed (always without `--suggest apply`))x"},
};

inline constexpr JsonKeyDoc error_keys[] = {
    {R"x(`type`)x", R"x(`"error"`)x", R"x(`--batch`: in place of the hits and summary of a query that cannot run (malformed, not UTF-8, too long); the next query still runs, and the exit code is 2)x"},
    {R"x(`qid`)x", R"x(string)x", R"x(the query's id)x"},
    {R"x(`message`)x", R"x(string)x", R"x(what is wrong, as the `search: query QID: …` line on stderr says it)x"},
};

// The tables in Markdown, as docs/scripting.md has them.
std::string json_schema_markdown();

// The tables as plain text for --help (backticks dropped).
std::string json_schema_help();

}  // namespace kosearch
