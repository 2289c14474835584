#include "bulk_build.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <memory>
#include <thread>

#include "index_db.h"

namespace kosearch {
namespace {

namespace fs = std::filesystem;

// Opens part database `i` for writing: no fsync, no crash safety (nothing
// of it is live), small flushes.
Xapian::WritableDatabase open_part(IndexDb& db, std::size_t i, int mode) {
  return Xapian::WritableDatabase(db.part_dir(i).string(), mode | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS);
}

// Replays part `i`'s events into the session in the order they happened, as
// if the part had been written there: warnings, skips, claims and stored
// articles. A later record's copy of an id loses to the first one: it is
// deleted from the part.
void replay_part(Session& session, IndexDb& db, std::size_t i, PartWriter& writer) {
  std::string id, where;
  bool claimed = true;
  std::vector<Xapian::docid> dropped;
  for (auto& event : writer.events) {
    if (event.after_claim && !claimed) {
      if (event.kind == PartEvent::stored) dropped.push_back(event.docid);
      continue;
    }
    switch (event.kind) {
      case PartEvent::warning:
        session.warn(event.where, event.text, event.remedy, std::move(event.group), std::move(event.example));
        break;
      case PartEvent::skip: session.skip(event.where, event.text, std::move(event.group), std::move(event.example)); break;
      case PartEvent::keep: session.keep(event.text); break;
      case PartEvent::claim:
        id = std::move(event.text);
        where = std::move(event.where);
        claimed = session.replay_claim(id, where);
        break;
      case PartEvent::unclaim: session.replay_unclaim(event.text); break;
      case PartEvent::stored: session.replay_stored(id, where, std::move(event.text)); break;
    }
  }
  if (dropped.empty()) return;
  Xapian::WritableDatabase part = open_part(db, i, Xapian::DB_OPEN);
  for (Xapian::docid docid : dropped) part.delete_document(docid);
  part.commit();
}

// Sums the parts' progress for the session until every thread is done;
// a stop the session asks for reaches the threads through `stop`.
void report_until_done(Session& session, IndexProgress progress, const std::vector<std::unique_ptr<PartWriter>>& writers,
                       const std::atomic<std::size_t>& running, std::atomic<bool>& stop) {
  while (running > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (session.should_stop()) stop = true;
    progress.inputs_done = progress.bytes_done = 0;
    for (const auto& w : writers) {
      progress.inputs_done += w->inputs_done;
      progress.bytes_done += w->bytes_done;
    }
    session.progress(progress);
  }
}

}  // namespace

void build_in_parts(Session& session, std::size_t parts, unsigned threads, IndexProgress progress,
                    const std::function<void(std::size_t part, PartWriter& writer)>& work) {
  IndexDb& db = session.bulk_db();
  fs::create_directories(db.parts_dir());
  db.set_part_count(parts);
  std::atomic<bool> stop{false};
  std::atomic<std::size_t> next{0}, running{0};
  std::vector<std::unique_ptr<PartWriter>> writers;
  for (std::size_t i = 0; i < parts; ++i) writers.push_back(std::make_unique<PartWriter>(session.origin(), stop));
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, parts));
  running = threads;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      try {
        Analyzer analyzer;
        for (std::size_t i; !stop && (i = next++) < parts;) {
          Xapian::WritableDatabase part = open_part(db, i, Xapian::DB_CREATE_OR_OVERWRITE);
          writers[i]->attach(part, analyzer);
          work(i, *writers[i]);
          if (stop) break;
          schema::stamp_versions(part);
          part.set_metadata(schema::origin_key(schema::origin_value(session.origin())), session.origin());
          part.commit();
        }
      } catch (...) {
        errors[t] = std::current_exception();
        stop = true;
      }
      --running;
    });
  }
  report_until_done(session, progress, writers, running, stop);
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  if (session.should_stop()) return;  // nothing of it is kept
  for (std::size_t i = 0; i < parts; ++i) {
    replay_part(session, db, i, *writers[i]);
    writers[i].reset();
  }
}

unsigned writer_count(const IndexOptions& options) {
  if (options.threads) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace kosearch
