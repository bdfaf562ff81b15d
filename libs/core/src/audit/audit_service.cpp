#include "citysafe/core/audit/audit_service.hpp"

namespace citysafe::audit {

using identity::Permission;

Result<std::vector<AuditRecord>> AuditService::list(const identity::Principal& who,
                                                    store::AuditFilter filter) {
  CS_TRY(identity::require(who, Permission::AuditRead));
  filter.scope = identity::scopeOf(who);
  return store::readReturning<std::vector<AuditRecord>>(
      ctx_.store, [&](store::Tx& tx) { return tx.audit().list(filter); });
}

Result<VerifyReport> AuditService::verify(const identity::Principal& who) {
  CS_TRY(identity::require(who, Permission::AuditVerify));
  return ctx_.auditor.verify(ctx_.store);
}

}  // namespace citysafe::audit
