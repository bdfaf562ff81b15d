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
// One row per permission, in enum order, so names cannot drift from values.
constexpr std::array<std::pair<Permission, std::string_view>, 22> kPermissions = {{
    {Permission::OrgRead, "org.read"},           {Permission::OrgWrite, "org.write"},
    {Permission::UserRead, "user.read"},         {Permission::UserWrite, "user.write"},
    {Permission::AuditRead, "audit.read"},       {Permission::AuditVerify, "audit.verify"},
    {Permission::BasemapRead, "basemap.read"},   {Permission::BasemapWrite, "basemap.write"},
    {Permission::EventsRead, "events.read"},     {Permission::RiskRead, "risk.read"},
    {Permission::RiskWrite, "risk.write"},       {Permission::RiskAssess, "risk.assess"},
    {Permission::HazardRead, "hazard.read"},     {Permission::HazardReport, "hazard.report"},
    {Permission::HazardManage, "hazard.manage"}, {Permission::HazardRectify, "hazard.rectify"},
    {Permission::HazardVerify, "hazard.verify"}, {Permission::HazardPolicy, "hazard.policy"},
    {Permission::MonitorRead, "monitor.read"},   {Permission::SensorManage, "sensor.manage"},
    {Permission::AlarmHandle, "alarm.handle"},   {Permission::ReadingIngest, "reading.ingest"},
}};
constexpr std::array<Permission, kPermissions.size()> kPermissionList = [] {
  std::array<Permission, kPermissions.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = kPermissions[i].first;
  return out;
}();
static_assert([] {
  for (std::size_t i = 0; i < kPermissions.size(); ++i) {
    if (static_cast<std::size_t>(kPermissions[i].first) != i) return false;
  }
  return true;
}());

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
const char* toString(Role role) { return kRoleNames[static_cast<std::size_t>(role)].data(); }
const char* toString(Permission p) {
  return kPermissions[static_cast<std::size_t>(p)].second.data();
}

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
