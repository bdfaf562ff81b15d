#include "citysafe/core/identity/auth_service.hpp"

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/random_token.hpp"
#include "citysafe/common/sha256.hpp"
#include "citysafe/common/time_format.hpp"

namespace citysafe::identity {

namespace {
// A name that matches no account belongs to no organisation: its failures are filed under the
// top of the tree, where the platform's administrators look.
std::string rootPath(store::Tx& tx) {
  auto top = tx.orgs().list({.scope = {.subtree_path = "/"}}, {.limit = 1});
  return top && !top->empty() ? top->front().path : "/";
}
}  // namespace

Result<Principal> AuthService::principalOf(store::Tx& tx, const User& user) {
  auto org = CS_TRY(tx.orgs().get(user.org_id));
  Principal p;
  p.user_id = user.id;
  p.username = user.username;
  p.org_id = org.id;
  p.org_kind = org.kind;
  p.org_path = org.path;
  p.roles = user.roles;
  if (org.kind == org::OrgKind::Department && org.parent_id) {
    auto district = CS_TRY(tx.orgs().get(*org.parent_id));
    p.district_path = district.path;
    p.sectors = org.sectors;
  }
  return p;
}

Result<LoginResult> AuthService::login(const LoginAttempt& attempt) {
  const TimePoint now = ctx_.clock.now();
  // Checked before any hashing: a throttled address costs us nothing, and the answer is the
  // same whether the account exists or not.
  if (auto until = throttle_.blockedUntil(attempt.username, attempt.address, now)) {
    const auto wait = std::chrono::ceil<std::chrono::seconds>(*until - now).count();
    return fail(
        Errc::RateLimited, "username",
        "too many failed logins from this address; try again in " + std::to_string(wait) + " s");
  }
  auto user = CS_TRY(store::readReturning<std::optional<User>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::optional<User>> {
        return store::ifFound(tx.users().getByUsername(attempt.username));
      }));
  // Hash in every case, so an unknown or disabled account costs the same time as a real one.
  const bool good = user ? hasher_.verify((user)->password_hash, attempt.password)
                         : (static_cast<void>(hasher_.hash(attempt.password)), false);
  if (!user || (user)->disabled || !good) {
    throttle_.recordFailure(attempt.username, attempt.address, now);
    const char* reason = !user ? "unknown_user" : (user)->disabled ? "disabled" : "wrong_password";
    auto audited = ctx_.store.write([&](store::Tx& tx) -> Result<void> {
      const auto details = JsonObject().add("address", attempt.address).add("reason", reason).str();
      audit::Change change =
          user ? audit::Change{"user",         std::to_string((user)->id.value),
                               "login_failed", "null",
                               details,        CS_TRY(store::orgPathOf(tx, (user)->org_id))}
               : audit::Change{"login",        attempt.username.substr(0, 64),
                               "login_failed", "null",
                               details,        rootPath(tx)};
      const Principal actor{.user_id = user ? (user)->id : UserId{0},
                            .username = attempt.username.substr(0, 64)};
      CS_TRY(ctx_.auditor.record(tx, actor, change));
      return ok();
    });
    if (!audited) return tl::unexpected(audited.error());
    return fail(Errc::Unauthenticated, "password", "wrong username or password");
  }
  throttle_.recordSuccess(attempt.username, attempt.address);
  const User& found = *user;
  const Principal actor{.user_id = found.id, .username = found.username};
  return store::writeReturning<LoginResult>(ctx_.store, [&](store::Tx& tx) -> Result<LoginResult> {
    // A new session every time; the one the caller held (perhaps planted by another site) ends.
    if (!attempt.previous_token.empty()) {
      const auto previous =
          CS_TRY(store::ifFound(tx.sessions().getByTokenHash(sha256Hex(attempt.previous_token))));
      if (previous && !previous->revoked) {
        CS_TRY(tx.sessions().revoke(previous->id));
      }
    }
    LoginResult result;
    result.token = randomHexToken(32);
    result.session.token_hash = sha256Hex(result.token);
    result.session.user_id = found.id;
    result.session.created_at = now;
    result.session.expires_at = now + policy_.session_ttl;
    result.session.client = attempt.client;
    auto id = CS_TRY(tx.sessions().insert(result.session));
    result.session.id = id;
    result.user = found;
    CS_TRY(ctx_.auditor.record(
        tx, actor,
        {"session", std::to_string(id), "login", "null",
         JsonObject().add("client", attempt.client).add("address", attempt.address).str(),
         CS_TRY(store::orgPathOf(tx, found.org_id))}));
    return result;
  });
}

std::int64_t AuthService::retryAfterSeconds(const LoginAttempt& attempt) const {
  const TimePoint now = ctx_.clock.now();
  const auto until = throttle_.blockedUntil(attempt.username, attempt.address, now);
  return until ? std::max<std::int64_t>(
                     1, std::chrono::ceil<std::chrono::seconds>(*until - now).count())
               : 1;
}

Result<std::vector<ThrottleEntry>> AuthService::loginActivity(const Principal& who) const {
  // Addresses and names from every organisation: platform administrators only.
  if (auto allowed = require(who, Permission::AuditVerify); !allowed) {
    return tl::unexpected(allowed.error());
  }
  return throttle_.recent(ctx_.clock.now());
}

Result<Principal> AuthService::authenticate(const std::string& token) {
  if (token.empty()) return fail(Errc::Unauthenticated, "", "login required");
  const std::string hash = sha256Hex(token);
  const TimePoint now = ctx_.clock.now();
  return store::readReturning<Principal>(ctx_.store, [&](store::Tx& tx) -> Result<Principal> {
    const auto session = CS_TRY(store::ifFound(tx.sessions().getByTokenHash(hash)));
    if (!session || session->revoked || session->expires_at <= now) {
      return fail(Errc::Unauthenticated, "",
                  "the session has expired or was revoked; log in again");
    }
    const auto user = CS_TRY(store::ifFound(tx.users().get(session->user_id)));
    if (!user || user->disabled) return fail(Errc::Unauthenticated, "", "the account is disabled");
    return principalOf(tx, *user);
  });
}

Result<void> AuthService::logout(const std::string& token) {
  const std::string hash = sha256Hex(token);
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    const auto session = CS_TRY(store::ifFound(tx.sessions().getByTokenHash(hash)));
    if (!session) return fail(Errc::Unauthenticated, "", "no such session");
    CS_TRY(tx.sessions().revoke(session->id));
    const auto user = CS_TRY(store::ifFound(tx.users().get(session->user_id)));
    const Principal actor{.user_id = session->user_id, .username = user ? user->username : ""};
    CS_TRY(ctx_.auditor.record(tx, actor,
                               {"session", std::to_string(session->id), "logout", "null", "null",
                                user ? CS_TRY(store::orgPathOf(tx, user->org_id)) : "/"}));
    return ok();
  });
}

}  // namespace citysafe::identity
