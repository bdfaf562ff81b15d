#include "citysafe/core/identity/principal.hpp"

#include <algorithm>

namespace citysafe::identity {

bool Principal::can(Permission permission) const {
  return std::any_of(roles.begin(), roles.end(), [&](Role r) { return grants(r, permission); });
}

Principal Principal::system() {
  Principal p;
  p.username = "system";
  p.org_path = "/";
  p.roles = {Role::Admin};
  return p;
}

Scope scopeOf(const Principal& principal) {
  Scope scope{principal.org_path, {}, {}};
  if (principal.org_kind == org::OrgKind::Department && !principal.district_path.empty()) {
    scope.sector_district_path = principal.district_path;
    scope.sectors = principal.sectors;
  }
  return scope;
}

bool reaches(const Scope& scope, std::string_view org_path,
             const std::vector<std::string>& sectors) {
  if (org_path.starts_with(scope.subtree_path)) return true;
  if (scope.sector_district_path.empty() || !org_path.starts_with(scope.sector_district_path)) {
    return false;
  }
  return std::any_of(sectors.begin(), sectors.end(), [&](const std::string& s) {
    return std::find(scope.sectors.begin(), scope.sectors.end(), s) != scope.sectors.end();
  });
}

bool reaches(const Principal& principal, const org::Organisation& target) {
  return reaches(scopeOf(principal), target.path, target.sectors);
}

bool reachesSubtree(const Principal& principal, const org::Organisation& target) {
  return target.path.starts_with(principal.org_path);
}

tl::unexpected<Error> notInScope(const std::string& field, std::int64_t id, const char* what) {
  return fail(Errc::NotFound, field,
              std::string("no ") + what + " " + std::to_string(id) + " in your scope");
}

Result<void> require(const Principal& principal, Permission permission) {
  if (principal.can(permission)) return ok();
  return fail(Errc::Forbidden, "", std::string("your roles do not grant ") + toString(permission));
}

}  // namespace citysafe::identity
