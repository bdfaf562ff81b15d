#include "citysafe/core/risk/risk_point.hpp"

#include <array>

#include "citysafe/common/json_text.hpp"

namespace citysafe::risk {
namespace {
struct KindInfo {
  RiskKind kind;
  const char* code;
  const char* zh;
  bool vulnerable;
};
constexpr std::array<KindInfo, 17> kKinds = {{
    {RiskKind::EnterpriseUnit, "enterprise_unit", "生产储存单元", false},
    {RiskKind::PublicPlace, "public_place", "人员密集场所", false},
    {RiskKind::ConstructionSite, "construction_site", "建设工地", false},
    {RiskKind::GasPipeline, "gas_pipeline", "燃气管道", false},
    {RiskKind::WaterMain, "water_main", "供水管网", false},
    {RiskKind::Drainage, "drainage", "排水管网", false},
    {RiskKind::Bridge, "bridge", "桥梁", false},
    {RiskKind::Tunnel, "tunnel", "隧道", false},
    {RiskKind::UtilityTunnel, "utility_tunnel", "综合管廊", false},
    {RiskKind::Elevator, "elevator", "电梯", false},
    {RiskKind::GeologicalHazard, "geological_hazard", "地质灾害隐患点", false},
    {RiskKind::Waterlogging, "waterlogging", "内涝点", false},
    {RiskKind::School, "school", "学校", true},
    {RiskKind::Kindergarten, "kindergarten", "幼儿园", true},
    {RiskKind::Hospital, "hospital", "医院", true},
    {RiskKind::ElderlyHome, "elderly_home", "养老机构", true},
    {RiskKind::CrowdedPlace, "crowded_place", "人员密集场所", true},
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
const char* toString(RiskKind kind) { return info(kind).code; }
const char* nameZh(RiskKind kind) { return info(kind).zh; }
bool isVulnerableTarget(RiskKind kind) { return info(kind).vulnerable; }

std::optional<RiskKind> parseRiskKind(std::string_view text) {
  for (const auto& k : kKinds) {
    if (text == k.code) return k.kind;
  }
  return std::nullopt;
}

std::string toAuditJson(const RiskPoint& p) {
  JsonObject o;
  o.add("id", p.id)
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
