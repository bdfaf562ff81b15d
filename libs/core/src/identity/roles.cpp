#include "citysafe/core/identity/roles.hpp"

#include <array>
#include <string_view>

namespace citysafe::identity {
namespace {
constexpr std::array<Role, 7> kRoles = {
    Role::Admin,         Role::Leader,    Role::DutyOfficer,      Role::DepartmentOfficer,
    Role::StreetOfficer, Role::Inspector, Role::EnterpriseManager};
static_assert(static_cast<std::size_t>(Permission::ReadingIngest) + 1 ==
              kPermissionNames.names.size());
constexpr std::array<Permission, kPermissionNames.names.size()> kPermissionList = [] {
  std::array<Permission, kPermissionNames.names.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<Permission>(i);
  return out;
}();

constexpr std::uint32_t bit(Permission p) { return 1U << static_cast<unsigned>(p); }
constexpr std::uint32_t kEveryone = bit(Permission::OrgRead) | bit(Permission::BasemapRead) |
                                    bit(Permission::EventsRead) | bit(Permission::RiskRead) |
                                    bit(Permission::HazardRead) | bit(Permission::MonitorRead);
// Those who own risks on the ground register and grade them; inspectors grade what they check.
constexpr std::uint32_t kRiskOwner = bit(Permission::RiskWrite) | bit(Permission::RiskAssess);
// Hazards: those who supervise accept, assign and verify; those who own the ground fix.
constexpr std::uint32_t kHazardSupervisor =
    bit(Permission::HazardReport) | bit(Permission::HazardManage) | bit(Permission::HazardVerify);
// Sensors: those who own the ground register them and handle their alarms.
constexpr std::uint32_t kSensorOwner =
    bit(Permission::SensorManage) | bit(Permission::AlarmHandle) | bit(Permission::ReadingIngest);
constexpr std::uint32_t kHazardOwner =
    bit(Permission::HazardReport) | bit(Permission::HazardRectify);

// The role table. Scope (which organisations) is applied on top of it.
constexpr std::uint32_t permissionsOf(Role role) {
  switch (role) {
    case Role::Admin:
      return 0xFFFFFFFFU;
    case Role::Leader:
      return kEveryone | bit(Permission::UserRead) | bit(Permission::AuditRead);
    case Role::DutyOfficer:
      return kEveryone | bit(Permission::AuditRead) | bit(Permission::HazardReport) |
             bit(Permission::AlarmHandle);
    case Role::StreetOfficer:  // streets also fix what lies in public space
      return kEveryone | bit(Permission::OrgWrite) | kRiskOwner | kHazardSupervisor | kHazardOwner |
             kSensorOwner;
    case Role::DepartmentOfficer:
      return kEveryone | kRiskOwner | kHazardSupervisor | kSensorOwner;
    case Role::EnterpriseManager:
      return kEveryone | kRiskOwner | kHazardOwner | kSensorOwner;
    case Role::Inspector:
      return kEveryone | bit(Permission::RiskAssess) | bit(Permission::HazardReport) |
             bit(Permission::HazardVerify);
  }
  return 0;
}
}  // namespace

std::span<const Role> allRoles() { return kRoles; }
std::span<const Permission> allPermissions() { return kPermissionList; }
bool grants(Role role, Permission permission) {
  return (permissionsOf(role) & bit(permission)) != 0;
}

}  // namespace citysafe::identity
