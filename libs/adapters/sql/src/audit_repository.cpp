#include "repositories.hpp"

namespace citysafe::sql {
namespace {
constexpr const char* kColumns =
    "seq, at, actor_id, actor, scope_path, entity, entity_id, action, before_json, after_json, "
    "prev_hash, hash, hash_version, content_hash";
// Any constant will do; it only has to be the same for every appender.
constexpr std::int64_t kAuditLockKey = 0x417564697443;

audit::AuditRecord fromRow(const Row& r) {
  return audit::AuditRecord{.seq = r.getInt(0),
                            .at = fromEpochMs(r.getInt(1)),
                            .actor_id = r.getInt(2),
                            .actor = r.getText(3),
                            .scope_path = r.getText(4),
                            .entity = r.getText(5),
                            .entity_id = r.getText(6),
                            .action = r.getText(7),
                            .before_json = r.getText(8),
                            .after_json = r.getText(9),
                            .prev_hash = r.getText(10),
                            .hash = r.getText(11),
                            .hash_version = static_cast<int>(r.getInt(12)),
                            .content_hash = r.getText(13)};
}
}  // namespace

Result<std::optional<audit::AuditRecord>> SqlAuditRepository::last() {
  // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs a lock held to commit.
  if (conn_.dialect() == Dialect::Postgres) {
    if (auto locked = conn_.query("SELECT pg_advisory_xact_lock(?)", {kAuditLockKey}); !locked) {
      return tl::unexpected(locked.error());
    }
  }
  auto rows = conn_.query(
      std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq DESC LIMIT 1", {});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return std::optional<audit::AuditRecord>{};
  return std::optional<audit::AuditRecord>{fromRow(rows->front())};
}

Result<void> SqlAuditRepository::append(const audit::AuditRecord& r) {
  auto rows = conn_.query(std::string("INSERT INTO audit_log (") + kColumns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          {r.seq, toEpochMs(r.at), r.actor_id, r.actor, r.scope_path, r.entity,
                           r.entity_id, r.action, r.before_json, r.after_json, r.prev_hash, r.hash,
                           std::int64_t{r.hash_version}, r.content_hash});
  if (!rows) return tl::unexpected(rows.error());
  return ok();
}

Result<std::vector<audit::AuditRecord>> SqlAuditRepository::list(const store::AuditFilter& f) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE " +
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
  auto rows = conn_.query(sql, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<audit::AuditRecord> out;
  for (const auto& r : *rows) out.push_back(fromRow(r));
  return out;
}

Result<void> SqlAuditRepository::scan(const std::function<bool(const audit::AuditRecord&)>& visit) {
  constexpr std::int64_t kBatch = 1000;
  std::int64_t after = 0;
  for (;;) {
    auto rows = conn_.query(
        std::string("SELECT ") + kColumns + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
        {after, kBatch});
    if (!rows) return tl::unexpected(rows.error());
    for (const auto& row : *rows) {
      const auto record = fromRow(row);
      after = record.seq;
      if (!visit(record)) return ok();
    }
    if (static_cast<std::int64_t>(rows->size()) < kBatch) return ok();
  }
}

}  // namespace citysafe::sql
