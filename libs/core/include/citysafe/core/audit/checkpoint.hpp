#pragma once
// Signed checkpoints of the chain's head, kept outside the database, so that records deleted
// from the tail (which leave a perfectly valid, shorter chain) are still noticed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/result.hpp"

namespace citysafe::audit {

struct Checkpoint {
  std::int64_t seq = 0;  // 0 with the genesis hash: the chain was empty
  std::string head_hash;
  TimePoint at;
};

// One line: "cp1 SEQ HEAD_HASH AT_MS MAC", MAC an HMAC-SHA-256 under the audit key.
std::string formatCheckpoint(const Checkpoint& checkpoint, std::string_view key);
// Invalid, naming what is wrong, for a malformed line or one whose MAC does not hold.
[[nodiscard]] Result<Checkpoint> parseCheckpoint(std::string_view line, std::string_view key);

// Port: where checkpoints are kept (an append-only file beside the key, in the app).
class CheckpointLog {
 public:
  virtual ~CheckpointLog() = default;
  // Called after the change committed, so it cannot fail the change: the adapter reports its
  // own failures.
  virtual void append(const std::string& line) = 0;
  // Every line, oldest first; NotFound when the log itself is missing.
  [[nodiscard]] virtual Result<std::vector<std::string>> lines() = 0;
};

}  // namespace citysafe::audit
