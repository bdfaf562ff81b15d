#pragma once
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "citysafe/common/enum_names.hpp"

namespace citysafe::identity {

enum class Role : std::uint8_t {
  Admin,              // 系统管理员
  Leader,             // 领导 (read-only)
  DutyOfficer,        // 值班员
  DepartmentOfficer,  // 行业部门人员
  StreetOfficer,      // 街道/社区安全员
  Inspector,          // 执法/检查人员
  EnterpriseManager,  // 企业安全管理员
};
inline constexpr EnumNames<Role, 7> kRoleNames{{"admin", "leader", "duty_officer",
                                                "department_officer", "street_officer", "inspector",
                                                "enterprise_manager"}};
constexpr const auto& enumNames(Role /*tag*/) { return kRoleNames; }

// What a role may do; scope (which organisations) is decided separately.
enum class Permission : std::uint8_t {
  OrgRead,
  OrgWrite,
  UserRead,
  UserWrite,
  AuditRead,
  AuditVerify,  // walk the whole chain: platform administrators only
  BasemapRead,
  BasemapWrite,
  EventsRead,
  RiskRead,
  RiskWrite,   // register and change risk points
  RiskAssess,  // grade them
  HazardRead,
  HazardReport,   // record a hazard found
  HazardManage,   // accept, reject, assign, reopen; decide extensions
  HazardRectify,  // fix what the own unit was assigned
  HazardVerify,   // check a fix and close it (never one's own)
  HazardPolicy,   // deadline rules and the working-day calendar
  MonitorRead,    // sensors, readings, alarms
  SensorManage,   // register devices and sensors, set their rules and status
  AlarmHandle,    // acknowledge, handle and close alarms
  ReadingIngest,  // push readings over HTTP (gateways)
};
inline constexpr EnumNames<Permission, 22> kPermissionNames{
    {"org.read",       "org.write",     "user.read",     "user.write",    "audit.read",
     "audit.verify",   "basemap.read",  "basemap.write", "events.read",   "risk.read",
     "risk.write",     "risk.assess",   "hazard.read",   "hazard.report", "hazard.manage",
     "hazard.rectify", "hazard.verify", "hazard.policy", "monitor.read",  "sensor.manage",
     "alarm.handle",   "reading.ingest"}};
constexpr const auto& enumNames(Permission /*tag*/) { return kPermissionNames; }

std::span<const Role> allRoles();
std::span<const Permission> allPermissions();
inline const char* toString(Role role) { return nameOf(role); }
inline const char* toString(Permission permission) { return nameOf(permission); }
inline std::optional<Role> parseRole(std::string_view text) { return parseEnum<Role>(text); }
bool grants(Role role, Permission permission);

}  // namespace citysafe::identity
