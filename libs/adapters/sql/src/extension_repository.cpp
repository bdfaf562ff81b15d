// Requests to extend a hazard's deadline, and their decisions.
#include "hazard_repositories.hpp"

namespace citysafe::sql {
namespace {

using hazard::Extension;

const RowMap<Extension> kExtension{
    "hazard_extensions",
    stored<&Extension::id>("id"),
    columns<&Extension::hazard_id>(),
    column<&Extension::hazard_org_path>("org_path"),
    column<OneSector, &Extension::hazard_sector>("sectors"),
    columns<&Extension::requested_by, &Extension::requested_by_name, &Extension::requested_at,
            &Extension::reason, &Extension::previous_deadline, &Extension::requested_deadline,
            &Extension::state, &Extension::decided_by, &Extension::decided_by_name,
            &Extension::decided_at, &Extension::decision_note>()};
// What a decision writes.
const RowMap<Extension> kDecision =
    kExtension.only({"state", "decided_by", "decided_by_name", "decided_at", "decision_note"});

}  // namespace

Result<std::int64_t> SqlExtensionRepository::add(const Extension& e) {
  return kExtension.add(conn_, e);
}

Result<void> SqlExtensionRepository::decide(const Extension& e) {
  const auto changed =
      CS_TRY(kDecision.set(conn_, e, " WHERE id = ? AND state = 'pending'", {e.id}));
  if (changed == 0) return fail(Errc::Conflict, "id", "the request was already decided");
  return ok();
}

Result<Extension> SqlExtensionRepository::get(std::int64_t id) {
  return kExtension.one(conn_, id, "no such extension request");
}

Result<std::vector<Extension>> SqlExtensionRepository::list(HazardId hazard,
                                                            const identity::Scope& scope) {
  std::vector<Value> params;
  std::string sql = "WHERE ";
  if (hazard.valid()) {
    sql += "hazard_id = ? ORDER BY id";
    params.emplace_back(hazard.value);
  } else {
    sql += "state = 'pending' AND " +
           scopeClause(conn_.dialect(), scope, "org_path", "sectors", params) +
           " ORDER BY id LIMIT 500";
  }
  return kExtension.all(conn_, sql, params);
}

}  // namespace citysafe::sql
