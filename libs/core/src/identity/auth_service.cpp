#include "citysafe/core/identity/auth_service.hpp"

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/random_token.hpp"
#include "citysafe/common/sha256.hpp"
#include "citysafe/common/time_format.hpp"

namespace citysafe::identity {

Result<Principal> AuthService::principalOf(store::Tx& tx, const User& user) {
  auto org = tx.orgs().get(user.org_id);
  if (!org) return tl::unexpected(org.error());
  Principal p;
  p.user_id = user.id;
  p.username = user.username;
  p.org_id = org->id;
  p.org_kind = org->kind;
  p.org_path = org->path;
  p.roles = user.roles;
  if (org->kind == org::OrgKind::Department && org->parent_id) {
    auto district = tx.orgs().get(*org->parent_id);
    if (!district) return tl::unexpected(district.error());
    p.district_path = district->path;
    p.sectors = org->sectors;
  }
  return p;
}

Result<LoginResult> AuthService::login(const std::string& username, const std::string& password,
                                       const std::string& client) {
  const auto wrong = fail(Errc::Unauthenticated, "password", "wrong username or password");
  auto user = store::readReturning<User>(
      ctx_.store, [&](store::Tx& tx) { return tx.users().getByUsername(username); });
  if (!user) {
    (void)hasher_.hash(password);  // same cost as a real check, so timing does not reveal names
    return wrong;
  }
  // Hash before any early answer, so a disabled or locked account costs the same time as any.
  const bool good = hasher_.verify(user->password_hash, password);
  const TimePoint now = ctx_.clock.now();
  if (user->disabled) return fail(Errc::Forbidden, "username", "this account is disabled");
  if (user->locked_until && *user->locked_until > now) {
    return fail(Errc::Forbidden, "username",
                "too many failed logins; locked until " + formatIso8601(*user->locked_until));
  }
  const Principal actor{.user_id = user->id, .username = user->username};
  return store::writeReturning<LoginResult>(
             ctx_.store,
             [&](store::Tx& tx) -> Result<LoginResult> {
               auto fresh = tx.users().get(user->id);
               if (!fresh) return tl::unexpected(fresh.error());
               if (!good) {
                 fresh->failed_logins += 1;
                 std::string action = "login_failed";
                 if (fresh->failed_logins >= policy_.max_failed_logins) {
                   fresh->locked_until = now + policy_.lockout;
                   fresh->failed_logins = 0;
                   action = "locked";
                 }
                 if (auto r = tx.users().update(*fresh); !r) return tl::unexpected(r.error());
                 auto audited =
                     ctx_.auditor.record(tx, actor,
                                         {"user", std::to_string(fresh->id.value), action, "null",
                                          "null", store::orgPathOf(tx, fresh->org_id)});
                 if (!audited) return tl::unexpected(audited.error());
                 // Commit the counter, then report the failure: a Tx only commits on success, so
                 // carry the failure out through the result instead.
                 return LoginResult{};
               }
               fresh->failed_logins = 0;
               fresh->locked_until.reset();
               if (auto r = tx.users().update(*fresh); !r) return tl::unexpected(r.error());
               LoginResult result;
               result.token = randomHexToken(32);
               result.session.token_hash = sha256Hex(result.token);
               result.session.user_id = fresh->id;
               result.session.created_at = now;
               result.session.expires_at = now + policy_.session_ttl;
               result.session.client = client;
               auto id = tx.sessions().insert(result.session);
               if (!id) return tl::unexpected(id.error());
               result.session.id = *id;
               result.user = *fresh;
               auto audited = ctx_.auditor.record(
                   tx, actor,
                   {"session", std::to_string(*id), "login", "null",
                    JsonObject().add("client", client).str(), store::orgPathOf(tx, fresh->org_id)});
               if (!audited) return tl::unexpected(audited.error());
               return result;
             })
      .and_then([&](LoginResult r) -> Result<LoginResult> {
        if (r.token.empty()) return wrong;
        return r;
      });
}

Result<Principal> AuthService::authenticate(const std::string& token) {
  if (token.empty()) return fail(Errc::Unauthenticated, "", "login required");
  const std::string hash = sha256Hex(token);
  const TimePoint now = ctx_.clock.now();
  return store::readReturning<Principal>(ctx_.store, [&](store::Tx& tx) -> Result<Principal> {
    auto session = tx.sessions().getByTokenHash(hash);
    if (!session || session->revoked || session->expires_at <= now) {
      return fail(Errc::Unauthenticated, "",
                  "the session has expired or was revoked; log in again");
    }
    auto user = tx.users().get(session->user_id);
    if (!user || user->disabled) return fail(Errc::Unauthenticated, "", "the account is disabled");
    return principalOf(tx, *user);
  });
}

Result<void> AuthService::logout(const std::string& token) {
  const std::string hash = sha256Hex(token);
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto session = tx.sessions().getByTokenHash(hash);
    if (!session) return fail(Errc::Unauthenticated, "", "no such session");
    if (auto r = tx.sessions().revoke(session->id); !r) return r;
    auto user = tx.users().get(session->user_id);
    const Principal actor{.user_id = session->user_id, .username = user ? user->username : ""};
    auto audited = ctx_.auditor.record(tx, actor,
                                       {"session", std::to_string(session->id), "logout", "null",
                                        "null", user ? store::orgPathOf(tx, user->org_id) : "/"});
    if (!audited) return tl::unexpected(audited.error());
    return ok();
  });
}

}  // namespace citysafe::identity
