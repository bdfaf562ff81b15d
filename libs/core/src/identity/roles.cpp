#include "citysafe/core/identity/roles.hpp"

#include <array>
#include <string_view>

namespace citysafe::identity {
namespace {
constexpr std::array<Role, 7> kRoles = {
    Role::Admin,         Role::Leader,    Role::DutyOfficer,      Role::DepartmentOfficer,
    Role::StreetOfficer, Role::Inspector, Role::EnterpriseManager};
constexpr std::array<std::string_view, 7> kRoleNames = {
    "admin",          "leader",    "duty_officer",      "department_officer",
    "street_officer", "inspector", "enterprise_manager"};
constexpr std::array<Permission, 8> kPermissions = {
    Permission::OrgRead,      Permission::OrgWrite,  Permission::UserRead,
    Permission::UserWrite,    Permission::AuditRead, Permission::BasemapRead,
    Permission::BasemapWrite, Permission::EventsRead};
constexpr std::array<std::string_view, 8> kPermissionNames = {
    "org.read",   "org.write",    "user.read",     "user.write",
    "audit.read", "basemap.read", "basemap.write", "events.read"};

constexpr std::uint32_t bit(Permission p) { return 1U << static_cast<unsigned>(p); }
constexpr std::uint32_t kEveryone =
    bit(Permission::OrgRead) | bit(Permission::BasemapRead) | bit(Permission::EventsRead);

// The role table. Scope (which organisations) is applied on top of it.
constexpr std::uint32_t permissionsOf(Role role) {
  switch (role) {
    case Role::Admin:
      return 0xFFFFFFFFU;
    case Role::Leader:
      return kEveryone | bit(Permission::UserRead) | bit(Permission::AuditRead);
    case Role::DutyOfficer:
      return kEveryone | bit(Permission::AuditRead);
    case Role::StreetOfficer:
      return kEveryone | bit(Permission::OrgWrite);
    case Role::DepartmentOfficer:
    case Role::Inspector:
    case Role::EnterpriseManager:
      return kEveryone;
  }
  return 0;
}
}  // namespace

std::span<const Role> allRoles() { return kRoles; }
std::span<const Permission> allPermissions() { return kPermissions; }
const char* toString(Role role) { return kRoleNames[static_cast<std::size_t>(role)].data(); }
const char* toString(Permission p) { return kPermissionNames[static_cast<std::size_t>(p)].data(); }

std::optional<Role> parseRole(std::string_view text) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == text) return kRoles[i];
  }
  return std::nullopt;
}

bool grants(Role role, Permission permission) {
  return (permissionsOf(role) & bit(permission)) != 0;
}

}  // namespace citysafe::identity
