#include "kosearch/source_watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <unordered_map>

#include "index_db.h"
#include "index_swap.h"
#include "kosearch/input_files.h"
#include "kosearch/error.h"
#include "kosearch/source_runs.h"

namespace fs = std::filesystem;

namespace kosearch {

void ChangeCoalescer::add(const FileEvent& event) {
  auto& paths = paths_[event.source];
  if (event.kind == FileEvent::folder_removed) {
    const std::string below = event.path + "/";
    for (auto it = paths.lower_bound(below); it != paths.end() && it->first.compare(0, below.size(), below) == 0;)
      it = paths.erase(it);
  }
  paths[event.path] = event.kind == FileEvent::written || event.kind == FileEvent::folder_added;
}

void ChangeCoalescer::rescan(std::size_t source) { rescan_.insert(source); }

std::vector<SourceChanges> ChangeCoalescer::take() {
  std::set<std::size_t> sources = rescan_;
  for (const auto& [source, paths] : paths_) sources.insert(source);
  std::vector<SourceChanges> out;
  for (std::size_t source : sources) {
    SourceChanges changes;
    changes.source = source;
    changes.rescan = rescan_.count(source) > 0;
    if (!changes.rescan)
      for (const auto& [path, exists] : paths_[source]) (exists ? changes.changed : changes.removed).push_back(path);
    out.push_back(std::move(changes));
  }
  paths_.clear();
  rescan_.clear();
  return out;
}

void BatchClock::event(Clock::time_point now) {
  if (!pending_) first_ = now;
  pending_ = true;
  last_ = now;
}

bool BatchClock::due(Clock::time_point now) const {
  return pending_ && (now - last_ >= quiet_ || now - first_ >= longest_);
}

BatchClock::Clock::duration BatchClock::left(Clock::time_point now, Clock::duration idle) const {
  if (!pending_) return idle;
  const Clock::time_point at = std::min(last_ + quiet_, first_ + longest_);
  return at > now ? at - now : Clock::duration::zero();
}

namespace {

constexpr std::uint32_t folder_mask = IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE |
                                      IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK;

std::string joined(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

// An inotify descriptor, closed with its owner (also when the owner's
// constructor throws).
class InotifyFd {
 public:
  InotifyFd() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0) throw Error(ErrorKind::io, std::string("cannot watch folders (inotify): ") + std::strerror(errno));
  }
  ~InotifyFd() { ::close(fd_); }
  InotifyFd(const InotifyFd&) = delete;
  InotifyFd& operator=(const InotifyFd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Error watch_limit_reached(const std::string& path) {
  return Error(ErrorKind::io, "cannot watch '" + path +
                                  "': the system's limit of inotify watches is reached; raise it with: "
                                  "sysctl fs.inotify.max_user_watches=524288");
}

// Calls handle(event) for every event queued on `fd`; true when any call was.
template <typename Handle>
bool read_events(int fd, Handle handle) {
  alignas(struct inotify_event) char buffer[64 * 1024];
  bool any = false;
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const struct inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(struct inotify_event) + event->len);
      any = handle(*event) || any;
    }
  }
  return any;
}

// The inotify watches of the corpus folders: one per folder, kept in step as
// folders come, go and move.
class FolderWatches {
 public:
  // `index_dir`: never watched, should it lie inside a corpus folder (each
  // commit would otherwise wake the watch again).
  FolderWatches(const std::vector<Source>& corpora, const fs::path& index_dir) {
    std::error_code ec;
    index_dir_ = fs::weakly_canonical(fs::absolute(index_dir, ec), ec).string();
    for (std::size_t i = 0; i < corpora.size(); ++i) {
      roots_.push_back(corpora[i].path);
      struct stat st {};
      if (::stat(corpora[i].path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw Error(ErrorKind::io,
                    "recorded corpus folder '" + roots_[i] + "' no longer exists; cannot watch it (its articles are kept)",
                    Remedy::forget_source, roots_[i]);
      identities_.emplace_back(st.st_dev, st.st_ino);
      add_tree(i, "", nullptr);
    }
  }
  int fd() const { return fd_.get(); }

  // Folds every queued event into `changes`; true when there was any.
  bool read(ChangeCoalescer& changes) {
    return read_events(fd_.get(), [&](const struct inotify_event& event) { return handle(event, changes); });
  }

  // The first watched folder that is gone or was replaced (moved away,
  // deleted, a parent renamed), if any.
  std::optional<std::size_t> gone_root() const {
    for (std::size_t i = 0; i < roots_.size(); ++i) {
      struct stat st {};
      if (root_lost_.count(i) || ::stat(roots_[i].c_str(), &st) != 0 ||
          std::make_pair(st.st_dev, st.st_ino) != identities_[i])
        return i;
    }
    return std::nullopt;
  }

  Error gone(std::size_t source) const {
    return Error(ErrorKind::io,
                 "watched folder '" + roots_[source] + "' was moved away or deleted; stopped watching (its articles are kept)",
                 Remedy::forget_source, roots_[source]);
  }

 private:
  struct Watched {
    std::size_t source;
    std::string folder;  // relative to the source's folder
  };

  // Watches `folder` and every folder below it; with `changes`, each one
  // counts as added (what was written into it before its watch existed is
  // read with it).
  void add_tree(std::size_t source, const std::string& folder, ChangeCoalescer* changes) {
    std::vector<std::string> pending{folder};
    while (!pending.empty()) {
      const std::string rel = std::move(pending.back());
      pending.pop_back();
      const fs::path path = rel.empty() ? fs::path(roots_[source]) : fs::path(roots_[source]) / rel;
      if (!rel.empty() && is_index_folder(path.string())) continue;
      const int wd = ::inotify_add_watch(fd_.get(), path.c_str(), folder_mask);
      if (wd < 0) {
        if (errno == ENOSPC) throw watch_limit_reached(path.string());
        if (rel.empty()) throw gone(source);
        continue;  // gone again, or unreadable: the run reports what it cannot list
      }
      watched_[wd] = {source, rel};
      std::error_code ec;
      for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (detail::is_ignored_name(name) || !it->is_directory(ec) || it->is_symlink(ec)) continue;
        pending.push_back(joined(rel, name));
      }
    }
    if (changes && !folder.empty()) changes->add({FileEvent::folder_added, source, folder});
  }

  // The index folder, or the ones a rebuild writes beside it (INDEX.rebuild, INDEX.parts).
  bool is_index_folder(const std::string& path) const {
    const fs::path index(index_dir_);
    return path == index_dir_ || path == detail::rebuild_dir(index).string() || path == parts_dir_of(index).string();
  }

  void remove_tree(std::size_t source, const std::string& folder) {
    for (auto it = watched_.begin(); it != watched_.end();) {
      if (it->second.source == source && detail::at_or_below(it->second.folder, folder)) {
        ::inotify_rm_watch(fd_.get(), it->first);
        it = watched_.erase(it);
      } else {
        ++it;
      }
    }
  }

  bool handle(const struct inotify_event& event, ChangeCoalescer& changes) {
    if (event.mask & IN_Q_OVERFLOW) {
      for (std::size_t i = 0; i < roots_.size(); ++i) changes.rescan(i);
      return true;
    }
    const auto found = watched_.find(event.wd);
    if (found == watched_.end()) return false;  // a watch removed before its last events
    const Watched where = found->second;
    if (event.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)) {
      if (where.folder.empty()) root_lost_.insert(where.source);
      if (event.mask & IN_IGNORED) watched_.erase(event.wd);
      return false;  // a subfolder's own move or removal is reported by its parent
    }
    if (event.len == 0) return false;
    const std::string name = event.name;
    if (detail::is_ignored_name(name)) return false;
    const std::string path = joined(where.folder, name);
    if (event.mask & IN_ISDIR) {
      // The index inside a corpus folder, made, swapped or replaced by a run
      // (the first update runs watched): no folder of articles.
      if (is_index_folder((fs::path(roots_[where.source]) / path).string())) return false;
      if (event.mask & (IN_CREATE | IN_MOVED_TO)) {
        add_tree(where.source, path, &changes);
      } else if (event.mask & (IN_MOVED_FROM | IN_DELETE)) {
        remove_tree(where.source, path);
        changes.add({FileEvent::folder_removed, where.source, path});
      }
      return true;
    }
    if (event.mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) {
      changes.add({FileEvent::written, where.source, path});
    } else if (event.mask & (IN_MOVED_FROM | IN_DELETE)) {
      changes.add({FileEvent::removed, where.source, path});
    } else if (event.mask & IN_CREATE) {
      // A file being created is read when it is closed; a link is never
      // written, so it counts now.
      struct stat st {};
      const fs::path full = fs::path(roots_[where.source]) / path;
      if (::lstat(full.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return false;
      changes.add({FileEvent::written, where.source, path});
    } else {
      return false;
    }
    return true;
  }

  InotifyFd fd_;
  std::string index_dir_;
  std::vector<std::string> roots_;
  std::vector<std::pair<dev_t, ino_t>> identities_;
  std::set<std::size_t> root_lost_;
  std::unordered_map<int, Watched> watched_;
};

// The JSONL sources: each file's folder is watched for that file being
// closed after writing or renamed into place, and either re-reads the whole
// file (the update compares it record by record). Its own inotify descriptor:
// a JSONL file may lie in a watched corpus folder, and a folder has one watch
// per descriptor.
class ExportWatches {
 public:
  // `exports[i]` is source `first + i` of the batches.
  ExportWatches(const std::vector<Source>& exports, std::size_t first) {
    for (std::size_t i = 0; i < exports.size(); ++i) {
      const fs::path file(exports[i].path);
      const int wd =
          ::inotify_add_watch(fd_.get(), file.parent_path().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR);
      if (wd < 0 && errno == ENOSPC) throw watch_limit_reached(file.parent_path().string());
      if (wd >= 0) files_[wd][file.filename().string()] = first + i;  // else gone: the first update said so
      sources_.push_back(first + i);
    }
  }
  int fd() const { return fd_.get(); }

  bool read(ChangeCoalescer& changes) {
    return read_events(fd_.get(), [&](const struct inotify_event& event) {
      if (event.mask & IN_Q_OVERFLOW) {
        for (const std::size_t source : sources_) changes.rescan(source);
        return true;
      }
      const auto folder = files_.find(event.wd);
      if (folder == files_.end() || event.len == 0) return false;
      const auto file = folder->second.find(event.name);
      if (file == folder->second.end()) return false;
      changes.rescan(file->second);
      return true;
    });
  }

 private:
  InotifyFd fd_;
  std::unordered_map<int, std::map<std::string, std::size_t>> files_;  // folder's watch → file name → source
  std::vector<std::size_t> sources_;
};

// Applies one batch: each source's paths through the incremental update,
// never stopped halfway. Sources listed in `skip` are left out.
void apply(std::vector<SourceChanges> batch, const std::vector<Source>& sources, const IndexOptions& options,
           const WatchOptions& watch, std::optional<std::size_t> skip = std::nullopt) {
  IndexSummary total;
  bool applied = false;
  for (SourceChanges& changes : batch) {
    if (skip && changes.source == *skip) continue;
    IndexOptions run = options;
    run.rebuild = false;
    run.dry_run = false;
    run.should_stop = nullptr;
    run.only_paths.clear();
    if (!changes.rescan) {
      run.only_paths = std::move(changes.changed);
      run.only_paths.insert(run.only_paths.end(), changes.removed.begin(), changes.removed.end());
      if (run.only_paths.empty()) continue;
    }
    const IndexSummary s = index_source(sources[changes.source], run);
    add_summary(total, s);
    // A batch of names that lead to nothing (an editor's probe file written
    // and deleted) is not worth a line.
    applied = applied || s.added || s.updated || s.unchanged || s.removed || s.skipped || s.warnings;
  }
  if (applied && watch.on_batch) watch.on_batch(total);
}

}  // namespace

namespace {

bool is_corpus(const Source& source) { return source.kind == SourceKind::corpus; }

std::vector<Source> corpora_first(std::vector<Source> sources) {
  std::stable_partition(sources.begin(), sources.end(), is_corpus);
  return sources;
}

}  // namespace

struct SourceWatch::Impl {
  Impl(std::vector<Source> sources, const fs::path& index_dir)
      : watched(corpora_first(std::move(sources))),
        corpora(static_cast<std::size_t>(std::count_if(watched.begin(), watched.end(), is_corpus))),
        folders({watched.begin(), watched.begin() + static_cast<std::ptrdiff_t>(corpora)}, index_dir),
        files({watched.begin() + static_cast<std::ptrdiff_t>(corpora), watched.end()}, corpora) {}

  std::vector<Source> watched;  // corpus folders first, then JSONL files: a batch's source numbers index it
  std::size_t corpora;
  FolderWatches folders;
  ExportWatches files;
};

SourceWatch::SourceWatch(std::vector<Source> sources, const fs::path& index_dir) {
  if (sources.empty())
    throw Error(ErrorKind::usage, "index '" + index_dir.string() + "' records no source to watch", Remedy::give_source);
  impl_ = std::make_unique<Impl>(std::move(sources), index_dir);
}

SourceWatch::~SourceWatch() = default;
SourceWatch::SourceWatch(SourceWatch&&) noexcept = default;
SourceWatch& SourceWatch::operator=(SourceWatch&&) noexcept = default;

void SourceWatch::run(const IndexOptions& options, const WatchOptions& watch) {
  Impl& w = *impl_;
  ChangeCoalescer changes;
  BatchClock clock(watch.quiet, watch.longest);
  constexpr auto idle = std::chrono::milliseconds(200);  // how often should_stop and the folders are looked at
  for (;;) {
    const bool stopping = watch.should_stop && watch.should_stop();
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::min<BatchClock::Clock::duration>(clock.left(BatchClock::Clock::now(), idle), idle));
    struct pollfd ready[] = {{w.folders.fd(), POLLIN, 0}, {w.files.fd(), POLLIN, 0}};
    if (::poll(ready, 2, stopping ? 0 : static_cast<int>(wait.count()) + 1) > 0) {
      const bool in_folders = (ready[0].revents & POLLIN) && w.folders.read(changes);
      const bool in_files = (ready[1].revents & POLLIN) && w.files.read(changes);
      if (in_folders || in_files) clock.event(BatchClock::Clock::now());
    }
    if (const auto gone = w.folders.gone_root()) {
      apply(changes.take(), w.watched, options, watch, gone);
      throw w.folders.gone(*gone);
    }
    if (stopping || clock.due(BatchClock::Clock::now())) {
      if (!changes.empty()) apply(changes.take(), w.watched, options, watch);
      clock.reset();
    }
    if (stopping) return;
  }
}

}  // namespace kosearch
