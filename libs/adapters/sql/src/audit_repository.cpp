#include "citysafe/sql/columns.hpp"
#include "repositories.hpp"

namespace citysafe::sql {
namespace {
constexpr Columns<14> kAudit{{"seq", "at", "actor_id", "actor", "scope_path", "entity", "entity_id",
                              "action", "before_json", "after_json", "prev_hash", "hash",
                              "hash_version", "content_hash"}};
// Any constant will do; it only has to be the same for every appender.
constexpr std::int64_t kAuditLockKey = 0x417564697443;

audit::AuditRecord fromRow(const Row& r) {
  return audit::AuditRecord{.seq = r.getInt(kAudit.at("seq")),
                            .at = fromEpochMs(r.getInt(kAudit.at("at"))),
                            .actor_id = r.getInt(kAudit.at("actor_id")),
                            .actor = r.getText(kAudit.at("actor")),
                            .scope_path = r.getText(kAudit.at("scope_path")),
                            .entity = r.getText(kAudit.at("entity")),
                            .entity_id = r.getText(kAudit.at("entity_id")),
                            .action = r.getText(kAudit.at("action")),
                            .before_json = r.getText(kAudit.at("before_json")),
                            .after_json = r.getText(kAudit.at("after_json")),
                            .prev_hash = r.getText(kAudit.at("prev_hash")),
                            .hash = r.getText(kAudit.at("hash")),
                            .hash_version = static_cast<int>(r.getInt(kAudit.at("hash_version"))),
                            .content_hash = r.getText(kAudit.at("content_hash"))};
}
}  // namespace

Result<std::optional<audit::AuditRecord>> SqlAuditRepository::last() {
  // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs a lock held to commit.
  if (conn_.dialect() == Dialect::Postgres) {
    CS_TRY(conn_.query("SELECT pg_advisory_xact_lock(?)", {kAuditLockKey}));
  }
  auto rows = CS_TRY(
      conn_.query("SELECT " + kAudit.list() + " FROM audit_log ORDER BY seq DESC LIMIT 1", {}));
  if (rows.empty()) return std::optional<audit::AuditRecord>{};
  return std::optional<audit::AuditRecord>{fromRow(rows.front())};
}

Result<void> SqlAuditRepository::append(const audit::AuditRecord& r) {
  // seq is the chain's own number, not a generated id: every column is written.
  CS_TRY(conn_.exec(kAudit.insertInto("audit_log", 0),
                    {r.seq, toEpochMs(r.at), r.actor_id, r.actor, r.scope_path, r.entity,
                     r.entity_id, r.action, r.before_json, r.after_json, r.prev_hash, r.hash,
                     std::int64_t{r.hash_version}, r.content_hash}));
  return ok();
}

Result<std::vector<audit::AuditRecord>> SqlAuditRepository::list(const store::AuditFilter& f) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kAudit.list() + " FROM audit_log WHERE " +
                    scopeClause(conn_.dialect(), f.scope, "scope_path", "','", params);
  if (f.entity) {
    sql += " AND entity = ?";
    params.emplace_back(*f.entity);
  }
  if (f.entity_id) {
    sql += " AND entity_id = ?";
    params.emplace_back(*f.entity_id);
  }
  if (f.before_seq > 0) {
    sql += " AND seq < ?";
    params.emplace_back(f.before_seq);
  }
  sql += " ORDER BY seq DESC LIMIT ?";
  params.emplace_back(std::int64_t{f.limit});
  auto rows = CS_TRY(conn_.query(sql, params));
  std::vector<audit::AuditRecord> out;
  for (const auto& r : rows) out.push_back(fromRow(r));
  return out;
}

Result<void> SqlAuditRepository::scan(const std::function<bool(const audit::AuditRecord&)>& visit) {
  constexpr std::int64_t kBatch = 1000;
  std::int64_t after = 0;
  for (;;) {
    auto rows = CS_TRY(conn_.query(
        "SELECT " + kAudit.list() + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
        {after, kBatch}));
    for (const auto& row : rows) {
      const auto record = fromRow(row);
      after = record.seq;
      if (!visit(record)) return ok();
    }
    if (static_cast<std::int64_t>(rows.size()) < kBatch) return ok();
  }
}

}  // namespace citysafe::sql
