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
             auto body =
                 CS_TRY(BodyReader::parse(call.request.body, {"username", "password", "token"}));
             auto username = CS_TRY(body.requiredString("username", 64));
             auto password = CS_TRY(body.requiredString("password", 256));
             auto want_token = CS_TRY(body.optionalBool("token"));
             const bool api_client = want_token.value_or(false);
             const identity::LoginAttempt attempt{.username = username,
                                                  .password = password,
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
             Json out = {{"user", login->user}, {"expires_at", isoTime(login->session.expires_at)}};
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
               CS_TRY(services.auth.logout(call.token));
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
               const auto me = CS_TRY(services.users.profile(*call.principal));
               Json out = me.user;
               out["org_name"] = me.org.name;
               out["org_kind"] = me.org.kind;
               out["permissions"] = me.permissions;
               return jsonResponse(out);
             });
}

}  // namespace citysafe::http
