#include "repositories.hpp"

namespace citysafe::sql {
namespace {
using audit::AuditRecord;

// seq is the chain's own number, not a generated id: every column is written.
const RowMap<AuditRecord> kAudit{
    "audit_log", columns<&AuditRecord::seq, &AuditRecord::at, &AuditRecord::actor_id,
                         &AuditRecord::actor, &AuditRecord::scope_path, &AuditRecord::entity,
                         &AuditRecord::entity_id, &AuditRecord::action, &AuditRecord::before_json,
                         &AuditRecord::after_json, &AuditRecord::prev_hash, &AuditRecord::hash,
                         &AuditRecord::hash_version, &AuditRecord::content_hash>()};
// Any constant will do; it only has to be the same for every appender.
constexpr std::int64_t kAuditLockKey = 0x417564697443;

}  // namespace

Result<std::optional<audit::AuditRecord>> SqlAuditRepository::last() {
  // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs a lock held to commit.
  if (conn_.dialect() == Dialect::Postgres) {
    CS_TRY(conn_.query("SELECT pg_advisory_xact_lock(?)", {kAuditLockKey}));
  }
  return kAudit.first(conn_, "ORDER BY seq DESC LIMIT 1", {});
}

Result<void> SqlAuditRepository::append(const audit::AuditRecord& r) {
  CS_TRY(conn_.exec(kAudit.insert(), kAudit.values(r)));
  return ok();
}

Result<std::vector<audit::AuditRecord>> SqlAuditRepository::list(const store::AuditFilter& f) {
  std::vector<Value> params;
  std::string sql = "WHERE " + scopeClause(conn_.dialect(), f.scope, "scope_path", "','", params);
  andWhere(sql, params, "entity = ?", f.entity);
  andWhere(sql, params, "entity_id = ?", f.entity_id);
  if (f.before_seq > 0) andWhere(sql, params, "seq < ?", f.before_seq);
  sql += " ORDER BY seq DESC LIMIT ?";
  params.emplace_back(std::int64_t{f.limit});
  return kAudit.all(conn_, sql, params);
}

Result<void> SqlAuditRepository::scan(const std::function<bool(const audit::AuditRecord&)>& visit) {
  constexpr std::int64_t kBatch = 1000;
  std::int64_t after = 0;
  for (;;) {
    auto rows = CS_TRY(
        conn_.query(kAudit.select() + " WHERE seq > ? ORDER BY seq LIMIT ?", {after, kBatch}));
    for (const auto& row : rows) {
      const auto record = CS_TRY(kAudit.read(row));
      after = record.seq;
      if (!visit(record)) return ok();
    }
    if (static_cast<std::int64_t>(rows.size()) < kBatch) return ok();
  }
}

}  // namespace citysafe::sql
