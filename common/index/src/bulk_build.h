// The bulk build of a run into an empty index (a first run, or --rebuild),
// private to index_writer.cc: the input in parts, each written by its own
// thread into its own database, their decisions replayed in input order by
// the run's Session.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "article_analysis.h"
#include "change_planner.h"
#include "index_session.h"
#include "kosearch/analyzer.h"
#include "kosearch/document.h"
#include "kosearch/error.h"
#include "kosearch/index_options.h"
#include "kosearch/schema.h"

namespace kosearch {

// Bulk build. A run into an empty index (a first run, or --rebuild) is split
// into byte-balanced parts of its input (input_split.h), one per writer
// thread, each analysed and written into its own database in a temporary
// folder (no fsync, no crash safety: nothing of it is live), then the parts
// are merged in input order into the sidecar and swapped in
// (IndexDb::finish). One part per writer measured best: more, smaller parts
// cost size (compaction copies each term's per-part posting chunks instead
// of re-chunking them) and no CPU was saved at full scale; an odd number of
// parts on two threads leaves one running alone at the end.
// A crash at any moment leaves the previous index; the next run removes the
// leftovers. Decisions that need the whole input (an id repeating an earlier
// one, duplicates, counts) are taken by the Session when it replays, in
// input order, what each part writer met: warnings and decisions come out as
// a sequential run gives them. A stopped bulk build keeps nothing.

// What a part writer met, in input order.
struct PartEvent {
  enum Kind : std::uint8_t { warning, skip, keep, claim, unclaim, stored } kind;
  bool after_claim = false;  // belongs to the input of the last claim (dropped with it)
  std::string text;          // warning/skip: reason; keep/claim/unclaim: id; stored: fingerprint
  std::string where;         // warning/skip/claim: where it was met
  Xapian::docid docid = 0;   // stored: document in the part database
  Remedy remedy = Remedy::none;  // warning: what the user can do
  std::string group, example;    // warning/skip: IndexWarning's kind and example
};

// Per part: the Session's role for the thread writing that part into its
// database, recording its decisions for the replay.
class PartWriter {
 public:
  PartWriter(const std::string& origin, const std::atomic<bool>& stop) : origin_(origin), stop_(stop) {}

  // The thread that writes this part, while it does.
  void attach(Xapian::WritableDatabase& db, Analyzer& analyzer) {
    db_ = &db;
    analyzer_ = &analyzer;
  }

  void warn(const std::string& where, const std::string& reason, Remedy remedy = Remedy::none, std::string kind = {},
            std::string example = {}) {
    record(PartEvent::warning, reason, where);
    events.back().remedy = remedy;
    events.back().group = std::move(kind);
    events.back().example = std::move(example);
  }
  void skip(const std::string& where, const std::string& reason, std::string kind = {}, std::string example = {}) {
    record(PartEvent::skip, reason, where);
    events.back().group = std::move(kind);
    events.back().example = std::move(example);
  }
  void keep(const std::string& id) { record(PartEvent::keep, id, {}); }
  // The index is empty: every id is new; repeats are found by the replay.
  std::optional<Claim> claim(const std::string& id, const std::string& where) {
    record(PartEvent::claim, id, where);
    in_claim_ = true;
    return Claim{id, std::nullopt};
  }
  bool unchanged(const Claim&, const std::string&) const { return false; }
  void next_input() { in_claim_ = false; }
  static constexpr bool updates_in_place = false;
  bool should_stop() const { return stop_.load(std::memory_order_relaxed); }
  void progress(const IndexProgress& p) {
    inputs_done.store(p.inputs_done, std::memory_order_relaxed);
    bytes_done.store(p.bytes_done, std::memory_order_relaxed);
  }

  void store(const Claim&, Article article, const std::string& content_hash, const std::string& where) {
    auto doc = analysed(*this, *analyzer_, origin_, article, content_hash, where);
    if (!doc) return record(PartEvent::unclaim, article.id, {});
    article = Article();  // as Session::store
    std::string fingerprint = doc->get_value(schema::slot_fingerprint);
    const Xapian::docid docid = db_->add_document(*doc);
    record(PartEvent::stored, std::move(fingerprint), {});
    events.back().docid = docid;
  }

  std::vector<PartEvent> events;
  std::atomic<std::size_t> inputs_done{0};
  std::atomic<std::uint64_t> bytes_done{0};

 private:
  void record(PartEvent::Kind kind, std::string text, std::string where) {
    events.push_back({kind, in_claim_, std::move(text), std::move(where), 0, Remedy::none, {}, {}});
  }

  const std::string& origin_;
  const std::atomic<bool>& stop_;
  Xapian::WritableDatabase* db_ = nullptr;
  Analyzer* analyzer_ = nullptr;
  bool in_claim_ = false;
};

// Runs `work(part index, PartWriter&)` for `parts` parts, in order, on
// `threads` threads, each part into its own database; then replays their
// decisions into `session` and leaves the committed parts for
// IndexDb::finish to merge. `progress` holds the run's totals.
void build_in_parts(Session& session, std::size_t parts, unsigned threads, IndexProgress progress,
                    const std::function<void(std::size_t part, PartWriter& writer)>& work);

// How many part writers: as asked, else one per core.
unsigned writer_count(const IndexOptions& options);

}  // namespace kosearch
