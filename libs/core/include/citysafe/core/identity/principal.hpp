#pragma once
// Who is acting, and the rule that decides which organisations they reach.
#include <string>
#include <vector>

#include "citysafe/common/ids.hpp"
#include "citysafe/common/result.hpp"
#include "citysafe/core/identity/roles.hpp"
#include "citysafe/core/org/organisation.hpp"

namespace citysafe::identity {

struct Principal {
  UserId user_id;
  std::string username;
  OrgId org_id;
  org::OrgKind org_kind = org::OrgKind::City;
  std::string org_path;  // the user's subtree
  std::vector<Role> roles;
  std::vector<std::string> sectors;  // a department's supervised sectors
  std::string district_path;         // a department's district, where its sectors reach

  [[nodiscard]] bool can(Permission permission) const;
  // The whole-platform actor used by the CLI and the demo builder.
  static Principal system();
  [[nodiscard]] bool isSystem() const { return org_path == "/"; }
};

// Where a principal reaches, in a form storage adapters can turn into a WHERE clause for any
// table with an org path and a sector list.
struct Scope {
  std::string subtree_path;          // "/" means everything
  std::string sector_district_path;  // empty when the principal has no sector reach
  std::vector<std::string> sectors;
};

Scope scopeOf(const Principal& principal);

// The scope rule: inside the principal's subtree, or (for a sector department) anything of its
// sectors inside its district.
bool reaches(const Scope& scope, std::string_view org_path,
             const std::vector<std::string>& sectors);
bool reaches(const Principal& principal, const org::Organisation& target);

// Inside the principal's own subtree, ignoring sector reach: for managing accounts and for
// changing what an organisation supervises, where sector reach must not widen itself.
bool reachesSubtree(const Principal& principal, const org::Organisation& target);

// The one answer for "missing" and "outside your scope", so ids beyond a subtree reveal nothing.
[[nodiscard]] tl::unexpected<Error> notInScope(const std::string& field, std::int64_t id,
                                               const char* what = "organisation");

// Forbidden unless the principal holds the permission.
[[nodiscard]] Result<void> require(const Principal& principal, Permission permission);

}  // namespace citysafe::identity
