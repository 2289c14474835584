// Keeping an index current while its sources change (indexer --watch).
// Every folder of every corpus source is watched with Linux inotify (new
// subfolders too), and so is every JSONL file; file events are folded into
// batches, and each batch goes through the ordinary incremental update
// limited to the paths it touched (IndexOptions::only_paths): one commit per
// batch, so searches see each batch whole and are never blocked (the write
// lock is held only while a batch is written).
//
// Decisions:
// - Watching starts before the first update (SourceWatch's constructor),
//   so what changes while that update runs is applied after it: nothing
//   falls between the update and the watch.
// - A file counts when it is closed after writing (IN_CLOSE_WRITE), renamed
//   in or out, or deleted; a file being written is not read until it is
//   closed. Editors that save through a temporary file and a rename are seen
//   as one change of the final name; temporary and backup names are ignored
//   as the corpus walk ignores them (".name", "name~", "#name#").
// - A batch is applied once no event came for `quiet` (a burst such as an
//   unpacked archive is one batch), and at most `longest` after its first
//   event (a steady stream still gets applied).
// - Events lost to a full inotify queue make the next batch re-read the
//   whole source (the normal incremental run).
// - A watched corpus folder that is moved away or deleted ends the watch
//   with Error(io): its articles are kept, as a run without the folder keeps
//   them. Its pending changes are not applied (they would remove articles).
// - should_stop ends the watch after what is pending is applied; a batch
//   being written is never cut short (a second signal kills the process,
//   and the index stays at its last commit).
// - A JSONL file counts when it is closed after writing or renamed into
//   place (an export is rewritten whole): the batch re-reads it, and the
//   update compares it record by record. A JSONL file deleted or moved away
//   changes nothing (its articles are kept, as a run without it keeps them).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "kosearch/index_options.h"
#include "kosearch/source_registry.h"

namespace kosearch {

// One change below a watched corpus folder.
struct FileEvent {
  enum Kind { written, removed, folder_added, folder_removed };
  Kind kind;
  std::size_t source = 0;  // which watched source
  std::string path;        // relative to the source's folder, '/' separated
};

// What one batch touched in one source. Re-reading these paths (a folder
// whole) brings the index up to date.
struct SourceChanges {
  std::size_t source = 0;
  std::vector<std::string> changed;  // written, renamed here, new folders (sorted)
  std::vector<std::string> removed;  // deleted or renamed away, files and folders (sorted)
  bool rescan = false;               // events were lost: re-read the whole source
};

// Folds events into the last state of each path: a file written then
// deleted is removed, deleted then written again is changed; what happened
// below a folder removed afterwards is dropped with it.
class ChangeCoalescer {
 public:
  void add(const FileEvent& event);
  void rescan(std::size_t source);
  bool empty() const { return paths_.empty() && rescan_.empty(); }
  // The changes so far, by source, and a fresh start.
  std::vector<SourceChanges> take();

 private:
  std::map<std::size_t, std::map<std::string, bool>> paths_;  // source → path → exists now
  std::set<std::size_t> rescan_;
};

// When a batch is due: `quiet` after its last event, at most `longest` after
// its first.
class BatchClock {
 public:
  using Clock = std::chrono::steady_clock;
  BatchClock(Clock::duration quiet, Clock::duration longest) : quiet_(quiet), longest_(longest) {}
  void event(Clock::time_point now);
  bool pending() const { return pending_; }
  bool due(Clock::time_point now) const;
  // Time left until due (zero when due); `idle` when nothing is pending.
  Clock::duration left(Clock::time_point now, Clock::duration idle) const;
  void reset() { pending_ = false; }

 private:
  Clock::duration quiet_, longest_;
  bool pending_ = false;
  Clock::time_point first_{}, last_{};
};

struct WatchOptions {
  std::chrono::milliseconds quiet{200};
  std::chrono::milliseconds longest{1000};
  // After each applied batch: its summary (all sources of the batch added up).
  std::function<void(const IndexSummary&)> on_batch;
  // Polled at least five times a second.
  std::function<bool()> should_stop;
};

// Watches sources (corpus folders and JSONL files) from its construction on,
// so a change made while an update runs before run() (indexer --watch's
// first update) is applied by run(), not missed.
class SourceWatch {
 public:
  // Throws Error(usage) when `sources` is empty, Error(io) when a corpus
  // folder is missing or cannot be watched (the system's limit of inotify
  // watches, named with the setting to raise). `index_dir` is never watched.
  SourceWatch(std::vector<Source> sources, const std::filesystem::path& index_dir);
  ~SourceWatch();
  SourceWatch(SourceWatch&&) noexcept;
  SourceWatch& operator=(SourceWatch&&) noexcept;

  // Applies the changes to options.index_dir in batches (options as for an
  // incremental run; only_paths is set per batch) until watch.should_stop.
  // Throws Error(io) when a watched corpus folder goes away.
  void run(const IndexOptions& options, const WatchOptions& watch);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kosearch
