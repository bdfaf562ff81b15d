// Requests to extend a hazard's deadline, and their decisions.
#include "citysafe/sql/columns.hpp"
#include "hazard_repositories.hpp"

namespace citysafe::sql {
namespace {

constexpr Columns<15> kExtension{{"id", "hazard_id", "org_path", "sectors", "requested_by",
                                  "requested_by_name", "requested_at", "reason",
                                  "previous_deadline", "requested_deadline", "state", "decided_by",
                                  "decided_by_name", "decided_at", "decision_note"}};
// What a decision writes.
constexpr Columns<5> kDecision{
    {"state", "decided_by", "decided_by_name", "decided_at", "decision_note"}};

Result<hazard::Extension> extensionFrom(const Row& r) {
  constexpr const auto& kCol = kExtension;
  hazard::Extension e;
  e.id = r.getInt(kCol.at("id"));
  e.hazard_id = HazardId{r.getInt(kCol.at("hazard_id"))};
  e.hazard_org_path = r.getText(kCol.at("org_path"));
  const auto sectors = splitSectors(r.getText(kCol.at("sectors")));
  e.hazard_sector = sectors.empty() ? "" : sectors.front();
  e.requested_by = UserId{r.getInt(kCol.at("requested_by"))};
  e.requested_by_name = r.getText(kCol.at("requested_by_name"));
  e.requested_at = fromEpochMs(r.getInt(kCol.at("requested_at")));
  e.reason = r.getText(kCol.at("reason"));
  e.previous_deadline = fromEpochMs(r.getInt(kCol.at("previous_deadline")));
  e.requested_deadline = fromEpochMs(r.getInt(kCol.at("requested_deadline")));
  e.state = CS_TRY(
      storedEnum<hazard::ExtensionState>(r.getText(kCol.at("state")), "hazard_extensions.state"));
  if (!r.isNull(kCol.at("decided_by"))) e.decided_by = UserId{r.getInt(kCol.at("decided_by"))};
  e.decided_by_name = r.getText(kCol.at("decided_by_name"));
  e.decided_at = optTime(r, kCol.at("decided_at"));
  e.decision_note = r.getText(kCol.at("decision_note"));
  return e;
}

// kDecision's columns, in its order.
std::vector<Value> decisionValues(const hazard::Extension& e) {
  return {named(e.state), idValue(e.decided_by), e.decided_by_name, timeValue(e.decided_at),
          e.decision_note};
}

}  // namespace

Result<std::int64_t> SqlExtensionRepository::add(const hazard::Extension& e) {
  std::vector<Value> values{e.hazard_id.value,
                            e.hazard_org_path,
                            joinSectors({e.hazard_sector}),
                            e.requested_by.value,
                            e.requested_by_name,
                            toEpochMs(e.requested_at),
                            e.reason,
                            toEpochMs(e.previous_deadline),
                            toEpochMs(e.requested_deadline)};
  for (auto& v : decisionValues(e)) values.push_back(std::move(v));
  return queryInt(conn_, kExtension.insertInto("hazard_extensions") + " RETURNING id", values);
}

Result<void> SqlExtensionRepository::decide(const hazard::Extension& e) {
  auto values = decisionValues(e);
  values.emplace_back(e.id);
  auto rows = CS_TRY(conn_.query("UPDATE hazard_extensions SET " + kDecision.assignments(0) +
                                     " WHERE id = ? AND state = 'pending' RETURNING id",
                                 values));
  if (rows.empty()) return fail(Errc::Conflict, "id", "the request was already decided");
  return ok();
}

Result<hazard::Extension> SqlExtensionRepository::get(std::int64_t id) {
  auto rows = CS_TRY(
      conn_.query("SELECT " + kExtension.list() + " FROM hazard_extensions WHERE id = ?", {id}));
  if (rows.empty()) return fail(Errc::NotFound, "id", "no such extension request");
  return extensionFrom(rows.front());
}

Result<std::vector<hazard::Extension>> SqlExtensionRepository::list(HazardId hazard,
                                                                    const identity::Scope& scope) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kExtension.list() + " FROM hazard_extensions WHERE ";
  if (hazard.valid()) {
    sql += "hazard_id = ? ORDER BY id";
    params.emplace_back(hazard.value);
  } else {
    sql += "state = 'pending' AND " +
           scopeClause(conn_.dialect(), scope, "org_path", "sectors", params) +
           " ORDER BY id LIMIT 500";
  }
  return mapRows(CS_TRY(conn_.query(sql, params)), extensionFrom);
}

}  // namespace citysafe::sql
