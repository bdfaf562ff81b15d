#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "citysafe/core/identity/login_throttle.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/identity/user.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::identity {

struct AuthPolicy {
  std::chrono::minutes session_ttl{12 * 60};
  ThrottlePolicy throttle;
};

// Who is logging in, from where, and with which session they hold now (replaced on success).
struct LoginAttempt {
  std::string username;
  std::string password;
  std::string client;   // "browser" or "api": how the session is used
  std::string address;  // the client's network address, for throttling and the audit
  std::string previous_token;
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
  // One answer, after the same work, for an unknown name, a wrong password and a disabled
  // account (Unauthenticated); RateLimited while this address or this account from it waits
  // out its delay. Every failure is audited. A success ends the session the caller held.
  [[nodiscard]] Result<LoginResult> login(const LoginAttempt& attempt);
  // After a RateLimited login: whole seconds until this address (and account) may try again.
  [[nodiscard]] std::int64_t retryAfterSeconds(const LoginAttempt& attempt) const;
  // Addresses and accounts with recent failed logins, for administrators who watch for attacks.
  [[nodiscard]] Result<std::vector<ThrottleEntry>> loginActivity(const Principal& who) const;
  // The principal behind a live token; Unauthenticated when unknown, expired or revoked.
  [[nodiscard]] Result<Principal> authenticate(const std::string& token);
  [[nodiscard]] Result<void> logout(const std::string& token);
  // Builds the principal of a stored user (roles, subtree, sector reach).
  [[nodiscard]] static Result<Principal> principalOf(store::Tx& tx, const User& user);

 private:
  ServiceContext& ctx_;
  const PasswordHasher& hasher_;
  AuthPolicy policy_;
  LoginThrottle throttle_{policy_.throttle};
};

}  // namespace citysafe::identity
