// The canonical content of audited rows (AuditRepository::contentOf): what an audit record
// vouches for, so `audit verify` can tell a row edited behind the platform's back.
#include <charconv>

#include "citysafe/sql/sql_store.hpp"
#include "repositories.hpp"

namespace citysafe::sql {
namespace {

struct AuditedTable {
  const char* entity;  // AuditRecord::entity
  const char* table;
  // Every column but the id and those below. A column added by a later migration is not covered
  // until it is listed here (tests/contract/audit_integrity_test.cpp names any in neither list).
  std::vector<const char*> columns;
  // Columns that change without an audit record; covering them would cry wolf.
  std::vector<const char*> excluded;
};

const std::vector<AuditedTable>& auditedTables() {
  static const std::vector<AuditedTable> kTables = {
      {"org",
       "orgs",
       {"parent_id", "kind", "name", "path", "credit_code", "sectors", "address", "lon", "lat",
        "created_at", "updated_at"},
       {}},
      {"user",
       "users",
       {"username", "display_name", "org_id", "roles", "disabled", "password_hash", "created_at",
        "updated_at"},
       // A successful login resets both without a "user" record (its record is the session's).
       {"failed_logins", "locked_until"}},
      {"risk_point",
       "risk_points",
       {"code",     "name",          "kind",          "sector",     "sectors",    "org_id",
        "org_path", "enterprise_id", "geometry_type", "coords",     "lon",        "lat",
        "capacity", "level",         "method",        "basis",      "value",      "assessed_at",
        "due_at",   "hazard_grade",  "created_at",    "updated_at", "row_version"},
       {}},
      {"hazard",
       "hazards",
       {"code",
        "title",
        "description",
        "source",
        "grade",
        "state",
        "sector",
        "sectors",
        "org_id",
        "org_path",
        "responsible_org_id",
        "responsible_org_path",
        "assigned_by_org_id",
        "risk_point_id",
        "lon",
        "lat",
        "address",
        "found_by",
        "found_by_name",
        "found_at",
        "reported_at",
        "assigned_at",
        "deadline_at",
        "original_deadline_at",
        "deadline_basis",
        "due_soon_at",
        "overdue_at",
        "submitted_at",
        "closed_at",
        "closed_on_time",
        "rectifiers",
        "sup_tier",
        "sup_listed_at",
        "sup_reason",
        "sup_delisted_at",
        "reopen_count",
        "external_code",
        "updated_at"},
       // A public tip's tracking keys and the tipster's contact are written just after the
       // tip's "report" record, in the same transaction, and that write bumps the row's
       // optimistic-lock counter.
       {"tip_code_hash", "tip_client", "tip_contact", "row_version"}},
  };
  return kTables;
}

const AuditedTable* tableFor(const std::string& entity) {
  for (const auto& t : auditedTables()) {
    if (entity == t.entity) return &t;
  }
  return nullptr;
}

std::string selectSql(const AuditedTable& t) {
  std::string sql = "SELECT id";
  for (const char* c : t.columns) sql += std::string(", ") + c;
  return sql + " FROM " + t.table;
}

// "column:LENGTH:text" per line, or "column=null": no two rows share a text unless every covered
// column is equal. The same in both dialects' own text, which is all it needs to be: a row is
// only ever compared with itself in the same database.
std::string canonical(const AuditedTable& t, const Row& row) {
  std::string out = std::string(t.entity) + " " + row.getText(0) + "\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    out += t.columns[i];
    if (row.isNull(i + 1)) {
      out += "=null\n";
    } else {
      const std::string& v = row.getText(i + 1);
      out += ":" + std::to_string(v.size()) + ":" + v + "\n";
    }
  }
  return out;
}
}  // namespace

std::vector<AuditedTableColumns> auditedTableColumns() {
  std::vector<AuditedTableColumns> out;
  for (const auto& t : auditedTables()) {
    out.push_back({t.entity,
                   t.table,
                   {t.columns.begin(), t.columns.end()},
                   {t.excluded.begin(), t.excluded.end()}});
  }
  return out;
}

std::vector<std::string> SqlAuditRepository::contentEntities() {
  std::vector<std::string> out;
  for (const auto& t : auditedTables()) out.emplace_back(t.entity);
  return out;
}

Result<std::optional<std::string>> SqlAuditRepository::contentOf(const std::string& entity,
                                                                 const std::string& entity_id) {
  const AuditedTable* t = tableFor(entity);
  if (!t) return std::optional<std::string>{};
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(entity_id.data(), entity_id.data() + entity_id.size(), id);
  if (ec != std::errc() || end != entity_id.data() + entity_id.size()) {
    return std::optional<std::string>{""};  // no row has such an id
  }
  auto rows = CS_TRY(conn_.query(selectSql(*t) + " WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<std::string>{""};
  return std::optional<std::string>{canonical(*t, rows.front())};
}

Result<void> SqlAuditRepository::scanContents(
    const std::string& entity,
    const std::function<void(const std::string&, const std::string&)>& visit) {
  const AuditedTable* t = tableFor(entity);
  if (!t) return fail(Errc::Invalid, "entity", entity + " has no audited table");
  return conn_.forEachRow(selectSql(*t) + " ORDER BY id", {},
                          [&](Row&& row) { visit(row.getText(0), canonical(*t, row)); });
}

}  // namespace citysafe::sql
