#include "citysafe/core/identity/user.hpp"

#include "citysafe/common/json_text.hpp"

namespace citysafe::identity {

std::string toAuditJson(const User& user) {
  std::vector<std::string> roles;
  for (const Role r : user.roles) roles.emplace_back(toString(r));
  return JsonObject()
      .add("id", user.id.value)
      .add("username", user.username)
      .add("display_name", user.display_name)
      .add("org_id", user.org_id.value)
      .add("roles", roles)
      .add("disabled", user.disabled)
      .str();
}

}  // namespace citysafe::identity
