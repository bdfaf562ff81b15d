#include "citysafe/core/risk/risk_point.hpp"

#include <array>

#include "citysafe/common/json_text.hpp"

namespace citysafe::risk {
namespace {
// Chinese names, and whether a kind is a vulnerable target (脆弱性目标), in kRiskKindNames' order.
struct KindInfo {
  const char* zh;
  bool vulnerable;
};
constexpr std::array<KindInfo, 17> kKinds = {{
    {"生产储存单元", false},
    {"人员密集场所", false},
    {"建设工地", false},
    {"燃气管道", false},
    {"供水管网", false},
    {"排水管网", false},
    {"桥梁", false},
    {"隧道", false},
    {"综合管廊", false},
    {"电梯", false},
    {"地质灾害隐患点", false},
    {"内涝点", false},
    {"学校", true},
    {"幼儿园", true},
    {"医院", true},
    {"养老机构", true},
    {"人员密集场所", true},
}};
constexpr std::array<RiskKind, 17> kAll = {
    RiskKind::EnterpriseUnit, RiskKind::PublicPlace,      RiskKind::ConstructionSite,
    RiskKind::GasPipeline,    RiskKind::WaterMain,        RiskKind::Drainage,
    RiskKind::Bridge,         RiskKind::Tunnel,           RiskKind::UtilityTunnel,
    RiskKind::Elevator,       RiskKind::GeologicalHazard, RiskKind::Waterlogging,
    RiskKind::School,         RiskKind::Kindergarten,     RiskKind::Hospital,
    RiskKind::ElderlyHome,    RiskKind::CrowdedPlace};
const KindInfo& info(RiskKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }
}  // namespace

std::span<const RiskKind> allRiskKinds() { return kAll; }
const char* nameZh(RiskKind kind) { return info(kind).zh; }
bool isVulnerableTarget(RiskKind kind) { return info(kind).vulnerable; }

std::string toAuditJson(const RiskPoint& p) {
  JsonObject o;
  o.add("id", p.id.value)
      .add("code", p.code)
      .add("name", p.name)
      .add("kind", toString(p.kind))
      .add("sector", p.sector)
      .add("org_id", p.org_id.value)
      .add("capacity", p.capacity)
      .add("geometry_type", toString(p.geometry.type))
      .add("points", static_cast<std::int64_t>(p.geometry.points.size()));
  if (p.enterprise_id) o.add("enterprise_id", p.enterprise_id->value);
  if (p.latest) o.add("colour", colourName(p.latest->level)).add("method", p.latest->method);
  if (p.hazard_grade > 0) o.add("hazard_grade", std::int64_t{p.hazard_grade});
  return o.str();
}

}  // namespace citysafe::risk
