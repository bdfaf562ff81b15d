#include "citysafe/core/identity/roles.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::http {

namespace {
std::string sessionCookie(const std::string& token, long max_age_seconds, bool secure) {
  return "cs_session=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds) +
         (secure ? "; Secure" : "");
}
}  // namespace

void addAuthRoutes(Router& router, Services& services, const AppConfig& config) {
  router
      .add("POST", "/api/v1/auth/login", Access::Public,
           [&services, &config](Call& call) -> Result<HttpResponse> {
             auto body = BodyReader::parse(call.request.body, {"username", "password", "token"});
             if (!body) return tl::unexpected(body.error());
             auto username = body->requiredString("username", 64);
             if (!username) return tl::unexpected(username.error());
             auto password = body->requiredString("password", 256);
             if (!password) return tl::unexpected(password.error());
             auto want_token = body->optionalBool("token");
             if (!want_token) return tl::unexpected(want_token.error());
             const bool api_client = want_token->value_or(false);
             const identity::LoginAttempt attempt{.username = *username,
                                                  .password = *password,
                                                  .client = api_client ? "api" : "browser",
                                                  .address = call.request.remote_address,
                                                  .previous_token = call.token};
             auto login = services.auth.login(attempt);
             if (!login) {
               auto refused = problem(login.error());
               if (login.error().code == Errc::RateLimited) {
                 refused.headers.emplace_back(
                     "Retry-After", std::to_string(services.auth.retryAfterSeconds(attempt)));
               }
               return refused;
             }
             const auto ttl = std::chrono::duration_cast<std::chrono::seconds>(
                 login->session.expires_at - login->session.created_at);
             Json out = {{"user", userJson(login->user)},
                         {"expires_at", isoTime(login->session.expires_at)}};
             if (api_client) out["token"] = login->token;
             auto response = jsonResponse(out);
             response.headers.emplace_back(
                 "Set-Cookie", sessionCookie(login->token, static_cast<long>(ttl.count()),
                                             config.secure_cookies));
             return response;
           })
      .runs(Work::Heavy);

  router.add("POST", "/api/v1/auth/logout", Access::Authenticated,
             [&services, &config](Call& call) -> Result<HttpResponse> {
               if (auto r = services.auth.logout(call.token); !r) return tl::unexpected(r.error());
               auto response = jsonResponse({{"status", "logged out"}});
               response.headers.emplace_back("Set-Cookie",
                                             sessionCookie("", 0, config.secure_cookies));
               return response;
             });

  router.add(
      "GET", "/api/v1/auth/login-activity", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        return respond(services.auth.loginActivity(*call.principal), [](const auto& rows) {
          Json items = Json::array();
          for (const auto& r : rows) {
            items.push_back({{"address", r.address},
                             {"username", r.username.empty() ? Json(nullptr) : Json(r.username)},
                             {"failures", r.failures},
                             {"last_failure", isoTime(r.last_failure)},
                             {"blocked_until",
                              r.blocked_until ? Json(isoTime(*r.blocked_until)) : Json(nullptr)}});
          }
          return Json{{"items", items}};
        });
      });

  router.add("GET", "/api/v1/auth/me", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const auto& who = *call.principal;
               auto user = store::readReturning<identity::User>(
                   services.ctx.store, [&](store::Tx& tx) { return tx.users().get(who.user_id); });
               if (!user) return tl::unexpected(user.error());
               auto org = services.orgs.get(who, who.org_id);
               if (!org) return tl::unexpected(org.error());
               Json out = userJson(*user);
               out["org_name"] = org->name;
               out["org_kind"] = org::toString(org->kind);
               Json permissions = Json::array();
               for (const auto p : identity::allPermissions()) {
                 if (who.can(p)) permissions.push_back(identity::toString(p));
               }
               out["permissions"] = permissions;
               return jsonResponse(out);
             });
}

}  // namespace citysafe::http
