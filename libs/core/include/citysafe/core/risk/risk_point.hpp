#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/ids.hpp"
#include "citysafe/core/risk/geometry.hpp"
#include "citysafe/core/risk/risk_level.hpp"

namespace citysafe::risk {

// The kinds of risk point (风险点) the plans name, plus vulnerable targets (脆弱性目标).
enum class RiskKind : std::uint8_t {
  EnterpriseUnit,    // 生产储存单元
  PublicPlace,       // 人员密集场所
  ConstructionSite,  // 建设工地
  GasPipeline,       // 燃气管道
  WaterMain,         // 供水管网
  Drainage,          // 排水管网
  Bridge,            // 桥梁
  Tunnel,            // 隧道
  UtilityTunnel,     // 综合管廊
  Elevator,          // 电梯
  GeologicalHazard,  // 地质灾害隐患点
  Waterlogging,      // 内涝点
  School,            // 学校
  Kindergarten,      // 幼儿园
  Hospital,          // 医院
  ElderlyHome,       // 养老机构
  CrowdedPlace,      // 人员密集场所 (as a vulnerable target)
};
inline constexpr EnumNames<RiskKind, 17> kRiskKindNames{
    {"enterprise_unit", "public_place", "construction_site", "gas_pipeline", "water_main",
     "drainage", "bridge", "tunnel", "utility_tunnel", "elevator", "geological_hazard",
     "waterlogging", "school", "kindergarten", "hospital", "elderly_home", "crowded_place"}};
constexpr const auto& enumNames(RiskKind /*tag*/) { return kRiskKindNames; }

std::span<const RiskKind> allRiskKinds();
inline const char* toString(RiskKind kind) { return nameOf(kind); }
const char* nameZh(RiskKind kind);
inline std::optional<RiskKind> parseRiskKind(std::string_view text) {
  return parseEnum<RiskKind>(text);
}
bool isVulnerableTarget(RiskKind kind);

struct AssessmentSummary {
  std::string method;  // "lec", "ls", "gb18218"
  std::string basis;   // "inherent" (固有) or "residual" (现有)
  double value = 0;    // D, R (LS) or R (GB 18218)
  RiskLevel level = RiskLevel::Low;
  TimePoint assessed_at;
  TimePoint due_at;  // re-assessment due
};

struct RiskPoint {
  RiskPointId id;
  std::string code;  // "RP000042"
  std::string name;
  RiskKind kind = RiskKind::EnterpriseUnit;
  std::string sector;
  OrgId org_id;                        // the responsible organisation
  std::string org_path;                // its subtree path (scope)
  std::optional<OrgId> enterprise_id;  // the owner enterprise, when there is one
  Geometry geometry;
  std::int64_t capacity = 0;  // people (vulnerable targets, public places)
  std::optional<AssessmentSummary> latest;
  int hazard_grade = 0;      // GB 18218 grade 1..4 from the latest GB 18218 assessment, 0 if none
  std::int64_t version = 0;  // the registry version that last wrote it, for in-memory caches
  TimePoint created_at;
  TimePoint updated_at;
};

struct Assessment {
  std::int64_t id = 0;
  RiskPointId risk_point_id;
  std::string method;
  std::string basis;
  std::string inputs_json;
  std::string result_json;
  double value = 0;
  RiskLevel level = RiskLevel::Low;
  int hazard_grade = 0;
  std::int64_t assessor_id = 0;
  std::string assessor;
  TimePoint assessed_at;
  TimePoint due_at;
};

std::string toAuditJson(const RiskPoint& point);

}  // namespace citysafe::risk
