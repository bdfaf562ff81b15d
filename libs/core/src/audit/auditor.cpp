#include "citysafe/core/audit/auditor.hpp"

#include "citysafe/common/sha256.hpp"

namespace citysafe::audit {

std::string chainHash(const AuditRecord& r) {
  // Length-prefixed fields, so no choice of field contents can make two records collide.
  Sha256 h;
  auto field = [&](std::string_view v) {
    h.update(std::to_string(v.size()));
    h.update(":");
    h.update(v);
  };
  field(r.prev_hash);
  field(std::to_string(r.seq));
  field(std::to_string(toEpochMs(r.at)));
  field(std::to_string(r.actor_id));
  field(r.actor);
  field(r.scope_path);
  field(r.entity);
  field(r.entity_id);
  field(r.action);
  field(r.before_json);
  field(r.after_json);
  const auto digest = h.finish();
  return toHex(digest.data(), digest.size());
}

Result<AuditRecord> Auditor::record(store::Tx& tx, const identity::Principal& actor,
                                    const Change& change) const {
  auto last = tx.audit().last();
  if (!last) return tl::unexpected(last.error());
  AuditRecord r;
  r.seq = *last ? (*last)->seq + 1 : 1;
  r.prev_hash = *last ? (*last)->hash : kGenesisHash;
  r.at = clock_.now();
  r.actor_id = actor.user_id.value;
  r.actor = actor.username;
  r.scope_path = change.scope_path;
  r.entity = change.entity;
  r.entity_id = change.entity_id;
  r.action = change.action;
  r.before_json = change.before_json;
  r.after_json = change.after_json;
  r.hash = chainHash(r);
  if (auto done = tx.audit().append(r); !done) return tl::unexpected(done.error());
  return r;
}

Result<VerifyReport> verifyChain(store::Store& store) {
  VerifyReport report;
  auto done = store.read([&](store::Tx& tx) -> Result<void> {
    std::string expected_prev = kGenesisHash;
    std::int64_t expected_seq = 1;
    return tx.audit().scan([&](const AuditRecord& r) {
      ++report.checked;
      std::string reason;
      if (r.seq != expected_seq) {
        reason = "sequence gap: expected record " + std::to_string(expected_seq);
      } else if (r.prev_hash != expected_prev) {
        reason = "link broken: prev_hash does not match the previous record";
      } else if (chainHash(r) != r.hash) {
        reason = "content changed: hash does not match the record";
      }
      if (!reason.empty()) {
        report.ok = false;
        report.first_broken_seq = r.seq;
        report.reason = reason;
        return false;
      }
      expected_prev = r.hash;
      ++expected_seq;
      return true;
    });
  });
  if (!done) return tl::unexpected(done.error());
  return report;
}

}  // namespace citysafe::audit
