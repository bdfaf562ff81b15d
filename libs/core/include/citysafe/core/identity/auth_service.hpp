#pragma once
#include <chrono>
#include <string>

#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/identity/user.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::identity {

struct AuthPolicy {
  std::chrono::minutes session_ttl{12 * 60};
  int max_failed_logins = 5;
  std::chrono::minutes lockout{15};
};

struct LoginResult {
  std::string token;  // shown once; only its hash is stored
  Session session;
  User user;
};

class AuthService {
 public:
  AuthService(ServiceContext& ctx, const PasswordHasher& hasher, AuthPolicy policy = {})
      : ctx_(ctx), hasher_(hasher), policy_(policy) {}
  // Unauthenticated for a wrong name or password (same message for both), Forbidden for a
  // disabled or locked account.
  [[nodiscard]] Result<LoginResult> login(const std::string& username, const std::string& password,
                                          const std::string& client);
  // The principal behind a live token; Unauthenticated when unknown, expired or revoked.
  [[nodiscard]] Result<Principal> authenticate(const std::string& token);
  [[nodiscard]] Result<void> logout(const std::string& token);
  // Builds the principal of a stored user (roles, subtree, sector reach).
  [[nodiscard]] static Result<Principal> principalOf(store::Tx& tx, const User& user);

 private:
  ServiceContext& ctx_;
  const PasswordHasher& hasher_;
  AuthPolicy policy_;
};

}  // namespace citysafe::identity
