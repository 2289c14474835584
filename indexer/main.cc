// indexer: builds or incrementally updates a kosearch index from a corpus
// directory or a JSONL file. One summary line on stderr; warnings one per
// line; exit codes in the README (0 ok, 1 inputs skipped, 2 error, 3 locked,
// 130/143 interrupted).
//
// Signals: the first SIGINT/SIGTERM asks the run to stop at the next input;
// the work done so far is committed, nothing is removed, the lock is released
// and the exit code is 130/143. The handler is one-shot: a second signal kills
// the process at once (the index then stays at its last commit).
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "kosearch/error.h"
#include "kosearch/exit_codes.h"
#include "kosearch/index_writer.h"

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
  bool rebuild = false, dry_run = false, wait = false;
  std::size_t batch_size = 5000;
  unsigned shards = 0;
  unsigned threads = 0;
};

void register_flags(CLI::App& app, Flags& f) {
  app.add_option("--corpus", f.corpus, "directory of article files to index")->capture_default_str();
  app.add_option("--jsonl", f.jsonl, "index a JSONL file instead ('-' = stdin): {\"id\",\"title\",\"text\",\"source\",\"date\",\"url\"} per line");
  app.add_option("--index", f.index, "index directory to create or update")->capture_default_str();
  app.add_flag("--rebuild", f.rebuild, "index everything from scratch (the old index stays until the new one is complete)");
  app.add_flag("--dry-run,-n", f.dry_run, "list what would be added, updated or removed; write nothing");
  app.add_flag("--wait", f.wait, "wait for another indexer's lock instead of exiting with code 3");
  app.add_option("--batch-size", f.batch_size, "changes per commit (a crash loses at most one batch)")
      ->check(CLI::Range(1, 1000000))->capture_default_str();
  app.add_option("--shards", f.shards, "write N shard databases INDEX/shard0… and the stub INDEX/XAPIANDB (default: as the index is, 1 if new)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--threads", f.threads, "writers for a build into an empty index or --rebuild (default: one per core)")
      ->check(CLI::Range(1, 256));
  app.footer("Exit codes: 0 all inputs indexed, 1 some inputs skipped (see warnings), 2 error,\n"
             "3 index locked by another indexer, 130/143 stopped by SIGINT/SIGTERM (work so far committed).");
}

// Progress on a terminal only: one self-overwriting line, at most 5 per second.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), started_(Clock::now()) {}
  void update(const ks::IndexProgress& p) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - started_).count();
    const double mb = p.bytes_done / 1e6, rate = secs > 0 ? mb / secs : 0;
    std::fprintf(stderr, "\r\x1b[K%zu", p.inputs_done);
    if (p.inputs_total) std::fprintf(stderr, "/%zu", p.inputs_total);
    std::fprintf(stderr, " inputs, %.1f", mb);
    if (p.bytes_total) std::fprintf(stderr, "/%.1f", p.bytes_total / 1e6);
    std::fprintf(stderr, " MB, %.1f MB/s", rate);
    if (p.bytes_total && rate > 0) std::fprintf(stderr, ", ETA %.0f s", (p.bytes_total / 1e6 - mb) / rate);
    shown_ = true;
  }
  void clear() {
    if (shown_) std::fputs("\r\x1b[K", stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_, shown_ = false;
  Clock::time_point started_, last_{};
};

int run(const Flags& f) {
  ProgressLine progress(isatty(STDERR_FILENO));
  ks::IndexOptions options;
  options.index_dir = f.index;
  options.rebuild = f.rebuild;
  options.dry_run = f.dry_run;
  options.wait_for_lock = f.wait;
  options.batch_size = f.batch_size;
  options.shards = f.shards;
  options.threads = f.threads;
  options.on_warning = [&](const ks::IndexWarning& w) {
    progress.clear();
    std::cerr << "warning: " << w.path << ": " << w.reason << '\n';
  };
  options.on_progress = [&](const ks::IndexProgress& p) { progress.update(p); };
  if (f.dry_run) options.on_change = [](const std::string& change, const std::string& id) { std::cout << change << '\t' << id << '\n'; };
  options.should_stop = [] { return stop_signal.load() != 0; };

  const ks::IndexSummary summary = f.jsonl.empty() ? ks::index_corpus(f.corpus, options) : ks::index_jsonl(f.jsonl, options);
  progress.clear();
  std::cerr << (f.dry_run ? "dry run: would have " : "") << ks::format_summary(summary) << '\n';
  if (summary.stopped) return stopped_exit_code();
  return summary.skipped > 0 ? ks::exit_code::skipped : ks::exit_code::ok;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Build or update a kosearch index from Korean article files", "indexer"};
  Flags flags;
  register_flags(app, flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? ks::exit_code::ok : ks::exit_code::error;
  }
  install_stop_handlers();
  std::ios::sync_with_stdio(false);  // JSONL from stdin is read byte by byte through the stream buffer
  try {
    return run(flags);
  } catch (const ks::Error& e) {
    std::cerr << "indexer: " << e.what() << '\n';
    if (e.kind() == ks::ErrorKind::interrupted) return stopped_exit_code();
    return e.kind() == ks::ErrorKind::index_locked ? ks::exit_code::locked : ks::exit_code::error;
  } catch (const std::exception& e) {
    std::cerr << "indexer: " << e.what() << '\n';
    return ks::exit_code::error;
  }
}
