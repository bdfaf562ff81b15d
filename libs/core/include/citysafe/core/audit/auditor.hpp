#pragma once
#include <atomic>
#include <string>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/core/audit/checkpoint.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/store/store.hpp"

namespace citysafe::audit {

struct Change {
  std::string entity;
  std::string entity_id;
  std::string action;
  std::string before_json = "null";
  std::string after_json = "null";
  std::string scope_path = "/";
};

// A key shorter than this is refused: it would be guessable.
inline constexpr std::size_t kMinKeyBytes = 32;

struct VerifyReport {
  bool ok = true;
  std::int64_t checked = 0;           // records walked
  std::int64_t first_broken_seq = 0;  // 0 when the chain itself holds
  std::string reason;                 // the chain's break, else the first problem; "" when ok
  // Every problem found, each naming its record, range of records or row.
  std::vector<std::string> problems;
  std::int64_t checkpoints = 0;     // signed checkpoints that held
  std::int64_t rows_checked = 0;    // rows compared with their last audited content
  std::int64_t rows_unchecked = 0;  // rows whose last record predates content hashes
};

// Appends keyed, chained records and checkpoints the head. The key arrives as bytes from the
// composition root; the core never reads it from anywhere.
class Auditor {
 public:
  // `checkpoints` may be null (then nothing is checkpointed and verify says so).
  Auditor(const Clock& clock, std::string key, CheckpointLog* checkpoints);
  // Call inside the same write Tx as the change it describes, after the change.
  [[nodiscard]] Result<AuditRecord> record(store::Tx& tx, const identity::Principal& actor,
                                           const Change& change) const;
  // Signs the store's current head into the checkpoint log (at key creation and shutdown).
  [[nodiscard]] Result<Checkpoint> checkpointHead(store::Store& store) const;
  // Walks the whole chain, oldest first, and checks it against the key, the checkpoints and
  // the audited tables' current rows.
  [[nodiscard]] Result<VerifyReport> verify(store::Store& store) const;

 private:
  void checkpoint(std::int64_t seq, const std::string& head_hash) const;
  const Clock& clock_;
  std::string key_;
  CheckpointLog* checkpoints_;
  mutable std::atomic<std::int64_t> last_checkpointed_{-1};
};

}  // namespace citysafe::audit
