#include "citysafe/core/audit/auditor.hpp"

#include "citysafe/common/hmac_sha256.hpp"
#include "citysafe/common/sha256.hpp"

namespace citysafe::audit {

namespace {
// Length-prefixed fields, so no choice of field contents can make two records collide.
template <class Hasher>
void hashFields(Hasher& h, const AuditRecord& r, bool keyed) {
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
  if (keyed) {
    field(std::to_string(r.hash_version));
    field(r.content_hash);
  }
}
}  // namespace

std::string unkeyedChainHash(const AuditRecord& r) {
  Sha256 h;
  hashFields(h, r, false);
  const auto digest = h.finish();
  return toHex(digest.data(), digest.size());
}

std::string keyedChainHash(const AuditRecord& r, std::string_view key) {
  HmacSha256 h(key);
  hashFields(h, r, true);
  const auto digest = h.finish();
  return toHex(digest.data(), digest.size());
}

Auditor::Auditor(const Clock& clock, std::string key, CheckpointLog* checkpoints)
    : clock_(clock), key_(std::move(key)), checkpoints_(checkpoints) {}

Result<AuditRecord> Auditor::record(store::Tx& tx, const identity::Principal& actor,
                                    const Change& change) const {
  if (key_.size() < kMinKeyBytes) {
    return fail(Errc::Internal, "audit-key", "no audit key was given to the auditor");
  }
  auto last = CS_TRY(tx.audit().last());
  auto content = CS_TRY(tx.audit().contentOf(change.entity, change.entity_id));
  AuditRecord r;
  r.seq = last ? (last)->seq + 1 : 1;
  r.prev_hash = last ? (last)->hash : kGenesisHash;
  r.at = clock_.now();
  r.actor_id = actor.user_id.value;
  r.actor = actor.username;
  r.scope_path = change.scope_path;
  r.entity = change.entity;
  r.entity_id = change.entity_id;
  r.action = change.action;
  r.before_json = change.before_json;
  r.after_json = change.after_json;
  r.hash_version = kKeyedHmac;
  r.content_hash = content ? sha256Hex(*content) : "";
  r.hash = keyedChainHash(r, key_);
  CS_TRY(tx.audit().append(r));
  // Only the transaction's last record is checkpointed: it vouches for every one before it.
  tx.afterCommit("audit.checkpoint", [this, seq = r.seq, hash = r.hash] { checkpoint(seq, hash); });
  return r;
}

void Auditor::checkpoint(std::int64_t seq, const std::string& head_hash) const {
  if (!checkpoints_) return;
  // Transactions on other threads may commit out of order; an older head adds nothing.
  auto seen = last_checkpointed_.load();
  do {
    if (seq <= seen) return;
  } while (!last_checkpointed_.compare_exchange_weak(seen, seq));
  checkpoints_->append(formatCheckpoint({seq, head_hash, clock_.now()}, key_));
}

Result<Checkpoint> Auditor::checkpointHead(store::Store& store) const {
  if (!checkpoints_) return fail(Errc::Internal, "audit", "no checkpoint log");
  Checkpoint head{0, kGenesisHash, clock_.now()};
  CS_TRY(store.write([&](store::Tx& tx) -> Result<void> {
    auto last = tx.audit().last();
    if (!last) return tl::unexpected(last.error());
    if (*last) head = {(*last)->seq, (*last)->hash, head.at};
    return ok();
  }));
  checkpoints_->append(formatCheckpoint(head, key_));
  auto seen = last_checkpointed_.load();
  while (head.seq > seen && !last_checkpointed_.compare_exchange_weak(seen, head.seq)) {
  }
  return head;
}

}  // namespace citysafe::audit
