#include "citysafe/core/identity/user_service.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::http {

namespace {
Result<std::optional<std::vector<identity::Role>>> readRoles(const BodyReader& body) {
  auto names = body.optionalStrings("roles");
  if (!names) return tl::unexpected(names.error());
  if (!*names) return std::optional<std::vector<identity::Role>>{};
  std::vector<identity::Role> roles;
  for (std::size_t i = 0; i < (*names)->size(); ++i) {
    auto role = identity::parseRole((**names)[i]);
    if (!role)
      return invalid("roles[" + std::to_string(i) + "]", "unknown role '" + (**names)[i] + "'");
    roles.push_back(*role);
  }
  return std::optional<std::vector<identity::Role>>{std::move(roles)};
}
}  // namespace

void addUserRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/users", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto p = paging(call.request);
               if (!p) return tl::unexpected(p.error());
               auto users = services.users.list(*call.principal, {p->limit, p->after});
               if (!users) return tl::unexpected(users.error());
               Json items = Json::array();
               for (const auto& u : *users) items.push_back(userJson(u));
               return jsonResponse(
                   page(std::move(items), users->empty() ? 0 : users->back().id.value, p->limit));
             });

  router
      .add("POST", "/api/v1/users", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             auto body = BodyReader::parse(
                 call.request.body, {"username", "display_name", "org_id", "roles", "password"});
             if (!body) return tl::unexpected(body.error());
             auto username = body->requiredString("username", 64);
             if (!username) return tl::unexpected(username.error());
             auto display = body->requiredString("display_name", 100);
             if (!display) return tl::unexpected(display.error());
             auto org_id = body->optionalId("org_id");
             if (!org_id) return tl::unexpected(org_id.error());
             if (!*org_id) return invalid("org_id", "is required");
             auto roles = readRoles(*body);
             if (!roles) return tl::unexpected(roles.error());
             if (!*roles) return invalid("roles", "is required");
             auto password = body->requiredString("password", 256);
             if (!password) return tl::unexpected(password.error());
             identity::UserDraft draft{*username, *display, OrgId{**org_id}, **roles, *password};
             return respond(services.users.create(*call.principal, draft), userJson, 201);
           })
      .runs(Work::Heavy);

  router.add("GET", "/api/v1/users/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.users.get(*call.principal, UserId{*id}), userJson);
             });

  router.add(
      "PATCH", "/api/v1/users/{id}", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto id = pathId(call);
        if (!id) return tl::unexpected(id.error());
        auto body = BodyReader::parse(call.request.body, {"display_name", "roles", "disabled"});
        if (!body) return tl::unexpected(body.error());
        identity::UserPatch patch;
        auto display = body->optionalString("display_name", 100);
        if (!display) return tl::unexpected(display.error());
        patch.display_name = *display;
        auto roles = readRoles(*body);
        if (!roles) return tl::unexpected(roles.error());
        patch.roles = *roles;
        auto disabled = body->optionalBool("disabled");
        if (!disabled) return tl::unexpected(disabled.error());
        patch.disabled = *disabled;
        return respond(services.users.update(*call.principal, UserId{*id}, patch), userJson);
      });

  router
      .add("POST", "/api/v1/users/{id}/password", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             auto id = pathId(call);
             if (!id) return tl::unexpected(id.error());
             auto body = BodyReader::parse(call.request.body, {"password"});
             if (!body) return tl::unexpected(body.error());
             auto password = body->requiredString("password", 256);
             if (!password) return tl::unexpected(password.error());
             if (auto r = services.users.setPassword(*call.principal, UserId{*id}, *password); !r)
               return tl::unexpected(r.error());
             return jsonResponse({{"status", "password changed; the user's sessions were ended"}});
           })
      .runs(Work::Heavy);

  router.add("POST", "/api/v1/users/{id}/revoke-sessions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.users.revokeSessions(*call.principal, UserId{*id}),
                              [](int n) {
                                return Json{{"revoked", n}};
                              });
             });
}

}  // namespace citysafe::http
