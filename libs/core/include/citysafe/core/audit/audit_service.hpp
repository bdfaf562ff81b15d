#pragma once
// What users may read of the audit log: the records within their scope (audit.read) and the
// whole chain's verification (audit.verify, platform administrators).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/services.hpp"

namespace citysafe::audit {

class AuditService {
 public:
  explicit AuditService(ServiceContext& ctx) : ctx_(ctx) {}
  // Newest first, only the records whose scope the caller reaches (whatever `filter.scope` says).
  [[nodiscard]] Result<std::vector<AuditRecord>> list(const identity::Principal& who,
                                                      store::AuditFilter filter);
  [[nodiscard]] Result<VerifyReport> verify(const identity::Principal& who);

 private:
  ServiceContext& ctx_;
};

}  // namespace citysafe::audit
