// indexer: builds or incrementally updates a kosearch index from a corpus
// directory or a JSONL file. One summary line on stderr; warnings one line
// per kind (warning_groups.h); exit codes in exit_codes.h (shown by --help and docs/scripting.md).
//
// Signals: the first SIGINT/SIGTERM asks the run to stop within a second (the
// analysis of a file checks it at each line); on a terminal it is told at once;
// the work done so far is committed, nothing is removed, the lock is released
// and the exit code is 130/143. The handler is one-shot: a second signal kills
// the process at once (the index then stays at its last commit). Under
// --watch, once the first update is done, the signal ends the watch after the
// pending changes are applied, with exit code 0.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "kosearch/front_end_flags.h"

#include "kosearch/source_watch.h"
#include "kosearch/error.h"
#include "kosearch/error_remedy.h"
#include "kosearch/exit_codes.h"
#include "kosearch/index_health.h"
#include "kosearch/index_writer.h"
#include "kosearch/progress.h"
#include "kosearch/result_names.h"
#include "kosearch/source_registry.h"
#include "kosearch/source_runs.h"
#include "kosearch/synonyms.h"
#include "kosearch/warning_groups.h"

namespace ks = kosearch;

namespace {

std::atomic<int> stop_signal{0};

extern "C" void on_stop_signal(int sig) { stop_signal.store(sig); }

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int stopped_exit_code() {
  return stop_signal.load() == SIGTERM ? ks::exit_code::terminated : ks::exit_code::interrupted;
}

struct Flags {
  std::string corpus = "corpus";
  std::string jsonl;
  std::string index = "index";
  bool rebuild = false, dry_run = false, check = false, quiet = false, verbose = false, watch = false;
  std::optional<std::string> wait;  // --wait: "" waits as long as it takes, "N" at most N seconds
  std::string encoding;
  std::string forget;
  bool source_given = false;  // --corpus or --jsonl on the command line
  std::size_t batch_size = 5000;
  std::uint64_t max_article_size = ks::default_max_article_bytes;  // 0: no limit
  unsigned shards = 0;
  unsigned threads = 0;
  std::string synonyms;          // --synonyms FILE or "none"; empty: keep the index's list
  std::string replace_synonyms;  // --replace-synonyms FILE
};

// Flags about reading articles and writing them have no effect on --check
// (it only reads the index) or --forget (it removes what the index holds),
// nor the writing ones on --dry-run: a usage error, not silently ignored.
void add_conflicts_and_footer(CLI::App& app) {
  const std::vector<std::string> article_flags{"--corpus", "--encoding", "--batch-size", "--shards", "--threads",
                                               "--verbose", "--max-article-size"};
  for (const std::string& flag : article_flags) app.get_option("--check")->excludes(flag);
  for (const std::string& flag : article_flags) app.get_option("--forget")->excludes(flag);
  app.get_option("--check")->excludes("--wait");  // it takes no lock
  app.get_option("--forget")->excludes("--jsonl");
  app.get_option("--dry-run")->excludes("--batch-size")->excludes("--threads");
  app.footer("Without --corpus or --jsonl, an index that records its sources updates them all; --rebuild\n"
             "rebuilds every recorded source (and the one given). --forget PATH drops a source's articles.\n\n"
             "On a terminal, a progress line on stderr (documents, share of the input read, rate, ETA);\n"
             "none when stderr is not a terminal. Warnings: one line per kind at the end, with the count\n"
             "and a first example (20,000 records have a \"date\" that is not a date, e.g. r.jsonl:1\n"
             "'last week'; left out); a kind met once gets its own line; -v lists each as it comes.\n"
             "JSONL dates: YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD, YYYYMMDD, YY.MM.DD (69-99: 19YY,\n"
             "00-68: 20YY), with or without an ISO 8601 time.\n\n" +
             ks::exit_code::help_text(ks::exit_code::indexer_meanings));
}

void register_flags(CLI::App& app, Flags& f) {
  ks::cli::add_program_flags(app);
  ks::cli::add_print_flag(app, "--exit-codes", [] { return ks::exit_code::markdown(ks::exit_code::indexer_meanings); });
  app.add_option("--corpus", f.corpus, "directory of article files to index")->type_name("DIR")->capture_default_str();
  app.add_option("--jsonl", f.jsonl, "index a JSONL file instead ('-' = stdin): {\"id\",\"title\",\"text\",\"source\",\"date\",\"url\"} per line")
      ->excludes("--corpus");
  app.add_option("--index", f.index, "index directory to create or update")->type_name("DIR")->capture_default_str();
  app.add_flag("--rebuild", f.rebuild, "index everything from scratch (the old index stays until the new one is complete)");
  app.add_flag("--dry-run,-n", f.dry_run, "list what would be added, updated or removed; write nothing");
  app.add_option("--wait", f.wait,
                 "wait for another indexer's lock instead of exiting with code 3; --wait=SECONDS gives up after that long")
      ->expected(0, 1);
  app.add_option("--encoding", f.encoding,
                 "decode inputs that are not UTF-8 as NAME (EUC-KR, CP949, UTF-16LE, ISO-8859-1…); default: detect "
                 "EUC-KR/CP949 and UTF-16 with a byte order mark");
  app.add_option("--forget", f.forget,
                 "remove every article of the recorded source PATH (a corpus folder or JSONL file) and its record")
      ->excludes("--rebuild");
  auto* quiet = app.add_flag("-q,--quiet", f.quiet, "print errors only: no warnings, progress or summary");
  app.add_flag("-v,--verbose", f.verbose, "also print one line per added, updated or removed article, and every duplicate")
      ->excludes(quiet);
  app.add_flag("--check", f.check,
               "check the index's consistency (Xapian's check) and print one line: exit 0 sound, 2 damaged "
               "(-q: only the damage)")
      ->excludes("--rebuild")->excludes("--dry-run")->excludes("--jsonl")->excludes("--forget");
  app.add_option("--max-article-size", f.max_article_size,
                 "index at most SIZE of one article's text (a file, a JSONL record's \"text\"; K, M, G: KiB, MiB, "
                 "GiB; default 48M): a longer one is indexed up to its last whole line within it, with a warning, "
                 "and memory stays bounded (about six times SIZE); 0 or none: no limit")
      ->transform(CLI::AsSizeValue(false).description(""))
      ->transform(CLI::Transformer({{"none", "0"}}, CLI::ignore_case).description(""))  // run last added first
      ->type_name("SIZE|none")
      ->check([](const std::string& size) {
        return size.find('-') == std::string::npos ? std::string() : "give a size (64M, 512K, none), not " + size;
      });
  app.add_option("--batch-size", f.batch_size, "changes per commit (a crash loses at most one batch)")
      ->check(CLI::Range(1, 1000000))->capture_default_str();
  app.add_option("--shards", f.shards, "write N shard databases INDEX/shard0… and the stub INDEX/XAPIANDB (default: as the index is, 1 if new)")
      ->check(CLI::Range(1, 1024));
  app.add_flag("--watch", f.watch,
               "after the update, keep watching the recorded corpus folders and JSONL files and apply each change "
               "within about a second (one summary line per batch); SIGINT/SIGTERM stop it, exit 0")
      ->excludes("--dry-run")->excludes("--check")->excludes("--forget");
  app.add_option("--threads", f.threads, "writers for a build into an empty index or --rebuild (default: one per core)")
      ->check(CLI::Range(1, 256));
  auto* synonyms = app.add_option("--synonyms", f.synonyms,
                                  "the index's synonym list becomes the starter list with FILE's groups added (one "
                                  "group per line: a = b = c; a group sharing a word with a starter group replaces "
                                  "it); 'none' empties the list; a new index gets the starter list")
                       ->option_text("FILE|none")
                       ->excludes("--check")
                       ->excludes("--forget");
  app.add_option("--replace-synonyms", f.replace_synonyms,
                 "the index's synonym list becomes FILE's groups alone, without the starter list")
      ->option_text("FILE")
      ->excludes(synonyms)
      ->excludes("--check")
      ->excludes("--forget");
  add_conflicts_and_footer(app);
}

// Progress on a terminal only: one self-overwriting line, at most 5 per second.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), started_(Clock::now()) {}
  void update(const ks::IndexProgress& p) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - started_).count();
    std::fprintf(stderr, "\r\x1b[K%s", ks::progress_text(p, secs).c_str());
    shown_ = true;
  }
  // Before any other line on stderr, and at the end.
  void clear() {
    if (shown_) std::fputs("\r\x1b[K", stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_, shown_ = false;
  Clock::time_point started_, last_{};
};

// --wait (no bound) or --wait=SECONDS.
unsigned wait_seconds(const std::optional<std::string>& wait) {
  if (!wait || wait->empty()) return 0;
  unsigned long seconds = 0;
  for (char c : *wait) {
    if (c < '0' || c > '9' || seconds > 86400 * 365)
      throw ks::Error(ks::ErrorKind::usage, "--wait=" + *wait + ": give a whole number of seconds (or --wait alone)");
    seconds = seconds * 10 + static_cast<unsigned>(c - '0');
  }
  if (seconds == 0) throw ks::Error(ks::ErrorKind::usage, "--wait=0: give at least one second (or --wait alone)");
  return static_cast<unsigned>(seconds);
}

// --check: one line, exit 0 (sound) or 2 (damaged).
int check(const Flags& f) {
  const ks::IndexCheck result = ks::check_index(f.index);
  if (result.ok) {
    if (!f.quiet) std::cout << "index '" << f.index << "' is sound: " << result.documents << " articles\n";
    return ks::exit_code::ok;
  }
  std::cerr << "indexer: "
            << ks::with_remedy("index '" + f.index + "' is damaged (" + result.problem + ")", ks::Remedy::rebuild_index,
                               ks::Program::indexer, f.index)
            << '\n';
  return ks::exit_code::error;
}

// --forget PATH: one line, what was removed.
int forget(const Flags& f, const ks::IndexOptions& options) {
  const std::size_t removed = ks::forget_source(f.index, f.forget, options);
  if (!f.quiet)
    std::cerr << (f.dry_run ? "dry run: would have removed " : "removed ") << removed << " article(s) of '" << f.forget
              << "' and its record\n";
  return ks::exit_code::ok;
}

// The input the command line names: --jsonl FILE, else the corpus folder.
ks::SourceKind input_kind(const Flags& f) { return f.jsonl.empty() ? ks::SourceKind::corpus : ks::SourceKind::jsonl; }
std::filesystem::path input_path(const Flags& f) { return f.jsonl.empty() ? f.corpus : f.jsonl; }

// The sources --watch follows: those the index records and the one given
// (or the default corpus of an index that records none). JSONL from stdin
// cannot be read again, so it is not watched; a corpus folder given that is
// none is left to the update, which says so.
std::vector<ks::Source> sources_to_watch(const Flags& f) {
  std::vector<ks::Source> sources = ks::recorded_sources(f.index);
  if ((!f.source_given && !sources.empty()) || f.jsonl == "-") return sources;
  ks::Source given = ks::source_of(input_kind(f), input_path(f), f.encoding);
  std::error_code ec;
  if (given.kind == ks::SourceKind::corpus && !std::filesystem::is_directory(given.path, ec)) return sources;
  if (!ks::find_source(sources, given.path)) sources.push_back(std::move(given));
  return sources;
}

// --watch, after the first update: until SIGINT/SIGTERM, one summary line per batch.
int watch(const Flags& f, ks::IndexOptions options, std::optional<ks::SourceWatch>& watching) {
  if (!watching) watching.emplace(sources_to_watch(f), f.index);  // still none: the usage error it throws
  ks::WatchOptions watch;
  watch.should_stop = [] { return stop_signal.load() != 0; };
  watch.on_batch = [&](const ks::IndexSummary& summary) {
    if (!f.quiet) std::cerr << ks::format_summary(summary) << '\n';
  };
  if (options.on_warning) {  // batches are small: each warning is told as it comes
    options.on_warning = [&f](const ks::IndexWarning& w) { std::cerr << ks::WarningGroups::single_line(w, f.index); };
    options.on_duplicate = options.on_warning;
  }
  options.on_progress = nullptr;  // batches are small; a progress line would only flicker
  options.wait_for_lock = true;   // another indexer's run delays a batch, it does not end the watch
  options.max_wait_seconds = 0;
  watching->run(options, watch);
  return ks::exit_code::ok;
}

// The run's settings as the flags give them (the callbacks aside).
ks::IndexOptions index_options(const Flags& f) {
  ks::IndexOptions options;
  options.index_dir = f.index;
  options.rebuild = f.rebuild;
  options.dry_run = f.dry_run;
  options.encoding = f.encoding;
  options.wait_for_lock = f.wait.has_value();
  options.max_wait_seconds = wait_seconds(f.wait);
  options.batch_size = f.batch_size;
  options.max_article_bytes = f.max_article_size;
  options.shards = f.shards;
  options.threads = f.threads;
  if (f.synonyms == "none")
    options.synonyms = ks::SynonymList().stored();
  else if (!f.synonyms.empty())
    options.synonyms = ks::SynonymList::merged(ks::SynonymList::starter(), ks::SynonymList::load(f.synonyms)).stored();
  else if (!f.replace_synonyms.empty())
    options.synonyms = ks::SynonymList::load(f.replace_synonyms).stored();
  return options;
}

int run(const Flags& f) {
  if (f.check) return check(f);
  ProgressLine progress(!f.quiet && isatty(STDERR_FILENO));
  // Warnings one line per kind at the end (-v: each as it comes).
  ks::WarningGroups warnings(f.verbose, f.index, [&](const std::string& line) {
    progress.clear();
    std::cerr << line;
  });
  ks::IndexOptions options = index_options(f);
  if (!f.quiet) {
    options.on_warning = [&](const ks::IndexWarning& w) { warnings.add(w); };
    options.on_duplicate = options.on_warning;
  }
  options.on_progress = [&](const ks::IndexProgress& p) { progress.update(p); };
  if (f.dry_run) {
    options.on_change = [](ks::ArticleChange change, const std::string& id) {
      std::cout << ks::change_name(change) << '\t' << id << '\n';
    };
  } else if (f.verbose) {
    options.on_change = [&](ks::ArticleChange change, const std::string& id) {
      progress.clear();
      std::cerr << ks::change_done_name(change) << ' ' << id << '\n';
    };
  }
  // The first signal is told at once on a terminal: a big file's analysis
  // stops within a second, but committing what is done can take longer.
  const bool tell_stop = !f.quiet && isatty(STDERR_FILENO);
  options.should_stop = [&, told = false]() mutable {
    if (stop_signal.load() == 0) return false;
    if (tell_stop && !told) {
      progress.clear();
      std::cerr << "stopping: committing what is done…\n";
    }
    told = true;
    return true;
  };

  if (!f.forget.empty()) {
    const int code = forget(f, options);
    warnings.report();
    return code;
  }
  // Watched from before the first update: a change made while it runs is
  // applied after it instead of being missed.
  std::optional<ks::SourceWatch> watching;
  if (f.watch)
    if (std::vector<ks::Source> sources = sources_to_watch(f); !sources.empty())
      watching.emplace(std::move(sources), f.index);
  ks::IndexSummary summary;
  try {
    summary = ks::index_input(input_kind(f), input_path(f), f.source_given, options);
  } catch (...) {
    progress.clear();
    warnings.report();  // what was met before the error, then the error's line
    throw;
  }
  progress.clear();
  warnings.report();
  if (!f.quiet) std::cerr << (f.dry_run ? "dry run: would have " : "") << ks::format_summary(summary) << '\n';
  if (summary.stopped) return stopped_exit_code();
  if (f.watch) return watch(f, options, watching);
  return summary.skipped > 0 ? ks::exit_code::skipped : ks::exit_code::ok;
}

}  // namespace

int main(int argc, char** argv) {
  // Xapian reads its flush threshold only from the environment
  // (index_writer.h): set here, before any thread starts, unless the user did.
  ::setenv("XAPIAN_FLUSH_THRESHOLD", ks::bulk_flush_threshold, /*overwrite=*/0);
  CLI::App app{"Build or update a kosearch index from Korean article files", "indexer"};
  Flags flags;
  register_flags(app, flags);
  app.failure_message([](const CLI::App* self, const CLI::Error& e) { return ks::cli::usage_error_line(*self, e); });
  try {
    app.parse(argc, argv);
    flags.source_given = app.count("--corpus") > 0 || app.count("--jsonl") > 0;
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? ks::exit_code::ok : ks::exit_code::error;
  }
  install_stop_handlers();
  std::ios::sync_with_stdio(false);  // JSONL from stdin is read byte by byte through the stream buffer
  try {
    return run(flags);
  } catch (const ks::Error& e) {
    std::cerr << "indexer: " << ks::with_remedy(e, ks::Program::indexer, flags.index) << '\n';
    if (e.kind() == ks::ErrorKind::interrupted) return stopped_exit_code();
    return e.kind() == ks::ErrorKind::index_locked ? ks::exit_code::locked : ks::exit_code::error;
  } catch (const std::exception& e) {
    std::cerr << "indexer: " << e.what() << '\n';
    return ks::exit_code::error;
  }
}
