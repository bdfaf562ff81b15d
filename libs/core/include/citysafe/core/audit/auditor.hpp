#pragma once
#include <string>

#include "citysafe/common/clock.hpp"
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

// Appends chained records. Call inside the same write Tx as the change it describes.
class Auditor {
 public:
  explicit Auditor(const Clock& clock) : clock_(clock) {}
  [[nodiscard]] Result<AuditRecord> record(store::Tx& tx, const identity::Principal& actor,
                                           const Change& change) const;

 private:
  const Clock& clock_;
};

struct VerifyReport {
  bool ok = true;
  std::int64_t checked = 0;
  std::int64_t first_broken_seq = 0;  // 0 when ok
  std::string reason;
};

// Walks the whole chain, oldest first; names the first record whose hash, link or sequence
// does not hold.
[[nodiscard]] Result<VerifyReport> verifyChain(store::Store& store);

}  // namespace citysafe::audit
