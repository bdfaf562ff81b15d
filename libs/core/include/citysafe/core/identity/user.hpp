#pragma once
#include <optional>
#include <string>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/ids.hpp"
#include "citysafe/core/identity/roles.hpp"

namespace citysafe::identity {

struct User {
  UserId id;
  std::string username;
  std::string display_name;
  OrgId org_id;
  std::vector<Role> roles;
  bool disabled = false;
  std::string password_hash;  // argon2id, PHC string form
  int failed_logins = 0;
  std::optional<TimePoint> locked_until;
  TimePoint created_at;
  TimePoint updated_at;
};

// Audit form: never includes the password hash.
std::string toAuditJson(const User& user);

struct Session {
  std::int64_t id = 0;
  std::string token_hash;  // SHA-256 of the bearer/cookie token; the token itself is never stored
  UserId user_id;
  TimePoint created_at;
  TimePoint expires_at;
  bool revoked = false;
  std::string client;  // "browser" or "api"
};

// Password hashing is a port: the argon2id adapter lives outside the core.
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  [[nodiscard]] virtual std::string hash(const std::string& password) const = 0;
  [[nodiscard]] virtual bool verify(const std::string& encoded,
                                    const std::string& password) const = 0;
};

}  // namespace citysafe::identity
