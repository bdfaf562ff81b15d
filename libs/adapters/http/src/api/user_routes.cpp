#include "citysafe/core/identity/user_service.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::http {

namespace {
Result<std::optional<std::vector<identity::Role>>> readRoles(const BodyReader& body) {
  auto names = CS_TRY(body.optionalStrings("roles"));
  if (!names) return std::optional<std::vector<identity::Role>>{};
  std::vector<identity::Role> roles;
  for (std::size_t i = 0; i < names->size(); ++i) {
    const auto field = "roles[" + std::to_string(i) + "]";
    roles.push_back(CS_TRY(readEnum<identity::Role>((*names)[i], field.c_str())));
  }
  return std::optional<std::vector<identity::Role>>{std::move(roles)};
}
}  // namespace

void addUserRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/users", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto p = CS_TRY(QueryParams(call.request).paging());
               auto users = CS_TRY(services.users.list(*call.principal, p));
               return jsonResponse(page(users, p.limit));
             });

  router
      .add("POST", "/api/v1/users", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             auto body = CS_TRY(BodyReader::parse(
                 call.request.body, {"username", "display_name", "org_id", "roles", "password"}));
             auto username = CS_TRY(body.requiredString("username", 64));
             auto display = CS_TRY(body.requiredString("display_name", 100));
             auto org_id = CS_TRY(body.optionalId("org_id"));
             if (!org_id) return invalid("org_id", "is required");
             auto roles = CS_TRY(readRoles(body));
             if (!roles) return invalid("roles", "is required");
             auto password = CS_TRY(body.requiredString("password", 256));
             identity::UserDraft draft{username, display, OrgId{*org_id}, *roles, password};
             return respond(services.users.create(*call.principal, draft), 201);
           })
      .runs(Work::Heavy);

  router.add("GET", "/api/v1/users/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<UserTag>(call));
               return respond(services.users.get(*call.principal, id));
             });

  router.add("PATCH", "/api/v1/users/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<UserTag>(call));
               auto body = CS_TRY(
                   BodyReader::parse(call.request.body, {"display_name", "roles", "disabled"}));
               identity::UserPatch patch;
               auto display = CS_TRY(body.optionalString("display_name", 100));
               patch.display_name = display;
               auto roles = CS_TRY(readRoles(body));
               patch.roles = roles;
               auto disabled = CS_TRY(body.optionalBool("disabled"));
               patch.disabled = disabled;
               return respond(services.users.update(*call.principal, id, patch));
             });

  router
      .add("POST", "/api/v1/users/{id}/password", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             auto id = CS_TRY(pathIdOf<UserTag>(call));
             auto body = CS_TRY(BodyReader::parse(call.request.body, {"password"}));
             auto password = CS_TRY(body.requiredString("password", 256));
             CS_TRY(services.users.setPassword(*call.principal, id, password));
             return jsonResponse({{"status", "password changed; the user's sessions were ended"}});
           })
      .runs(Work::Heavy);

  router.add("POST", "/api/v1/users/{id}/revoke-sessions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<UserTag>(call));
               return respond(services.users.revokeSessions(*call.principal, id), [](int n) {
                 return Json{{"revoked", n}};
               });
             });
}

}  // namespace citysafe::http
