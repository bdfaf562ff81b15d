#pragma once
#include <optional>
#include <span>
#include <string_view>
#include <vector>

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

std::span<const Role> allRoles();
std::span<const Permission> allPermissions();
const char* toString(Role role);
const char* toString(Permission permission);
std::optional<Role> parseRole(std::string_view text);
bool grants(Role role, Permission permission);

}  // namespace citysafe::identity
