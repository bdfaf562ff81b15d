#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "citysafe/common/clock.hpp"

namespace citysafe::audit {

// One change, chained to the previous record by SHA-256 so that an edit, insert or delete made
// behind the platform's back is detected by verify().
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
};

inline const std::string kGenesisHash(64, '0');

// The hash of a record over every field but `hash` itself.
std::string chainHash(const AuditRecord& record);

}  // namespace citysafe::audit
