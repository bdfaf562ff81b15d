#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "citysafe/common/clock.hpp"

namespace citysafe::audit {

// How a record's hash was made. Records written before migration 12 are unkeyed; every record
// written since is keyed, and the chain may never go back (docs/security.md).
enum HashVersion : int {
  kUnkeyedSha256 = 1,  // SHA-256 over the fields: anyone with the database can recompute it
  kKeyedHmac = 2,      // HMAC-SHA-256 under the audit key, over the fields and content_hash
};

// One change, chained to the previous record so that an edit, insert or delete made behind the
// platform's back is detected by verify().
struct AuditRecord {
  std::int64_t seq = 0;  // 1, 2, 3 ... without gaps
  TimePoint at;
  std::int64_t actor_id = 0;     // 0 for the system
  std::string actor;             // username at the time
  std::string scope_path = "/";  // org path the change belongs to, for scoped reading
  std::string entity;            // "org", "user", "session", "basemap", ...
  std::string entity_id;
  std::string action;       // "create", "update", "login", ...
  std::string before_json;  // "null" when absent
  std::string after_json;
  std::string prev_hash;  // 64 zeros for the first record
  std::string hash;
  int hash_version = kKeyedHmac;
  // SHA-256 of the audited row's canonical content just after the change; "" when the entity's
  // table is not covered (AuditRepository::contentOf) or the record predates migration 12.
  std::string content_hash;
};

inline const std::string kGenesisHash(64, '0');

// The pre-migration-12 hash of a record over every field it had then.
std::string unkeyedChainHash(const AuditRecord& record);
// The keyed hash over every field but `hash` itself.
std::string keyedChainHash(const AuditRecord& record, std::string_view key);

}  // namespace citysafe::audit
