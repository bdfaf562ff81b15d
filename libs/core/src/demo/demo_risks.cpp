#include <array>
#include <cmath>
#include <map>

#include "citysafe/core/demo/demo_district.hpp"
#include "citysafe/core/org/org_service.hpp"
#include "citysafe/core/risk/risk_service.hpp"

namespace citysafe::demo {
namespace {

using risk::GeometryType;
using risk::RiskKind;

struct KindPlan {
  RiskKind kind;
  const char* sector;
  const char* label;
  GeometryType shape;
  std::int64_t capacity;
};

// Every kind the plans name, with a plausible sector, label and shape.
constexpr std::array<KindPlan, 17> kPlans = {{
    {RiskKind::EnterpriseUnit, "hazchem_mining", "储罐区", GeometryType::Polygon, 0},
    {RiskKind::PublicPlace, "commerce", "商场", GeometryType::Point, 2000},
    {RiskKind::ConstructionSite, "construction", "在建工地", GeometryType::Polygon, 0},
    {RiskKind::GasPipeline, "gas", "中压燃气管段", GeometryType::LineString, 0},
    {RiskKind::WaterMain, "water_supply_drainage", "供水主管", GeometryType::LineString, 0},
    {RiskKind::Drainage, "water_supply_drainage", "雨水管渠", GeometryType::LineString, 0},
    {RiskKind::Bridge, "urban_operation", "桥", GeometryType::Point, 0},
    {RiskKind::Tunnel, "road_traffic", "下穿隧道", GeometryType::LineString, 0},
    {RiskKind::UtilityTunnel, "urban_operation", "综合管廊舱段", GeometryType::LineString, 0},
    {RiskKind::Elevator, "special_equipment", "电梯", GeometryType::Point, 0},
    {RiskKind::GeologicalHazard, "geological", "边坡隐患点", GeometryType::Polygon, 0},
    {RiskKind::Waterlogging, "flood_typhoon", "易涝点", GeometryType::Point, 0},
    {RiskKind::School, "urban_operation", "学校", GeometryType::Point, 1200},
    {RiskKind::Kindergarten, "urban_operation", "幼儿园", GeometryType::Point, 240},
    {RiskKind::Hospital, "medical_health", "医院", GeometryType::Point, 800},
    {RiskKind::ElderlyHome, "urban_operation", "养老院", GeometryType::Point, 150},
    {RiskKind::CrowdedPlace, "tourism", "景区", GeometryType::Point, 3000},
}};

// LEC triples from blue to red: D = 18, 90, 180, 400.
constexpr std::array<risk::LecInput, 4> kLec = {{{1, 6, 3}, {3, 6, 7}, {6, 2, 15}, {10, 1, 40}}};

// A deterministic scatter in a disc of ~2 km, avoiding the exact centre.
org::GeoPoint scatter(org::GeoPoint centre, int i) {
  const double angle = i * 2.399963;  // golden angle
  const double radius_km = 0.2 + 1.9 * std::sqrt((i % 97 + 0.5) / 97.0);
  return {centre.lon + radius_km * std::cos(angle) / 96.0,
          centre.lat + radius_km * std::sin(angle) / 110.54};
}

risk::Geometry shapeAt(org::GeoPoint p, GeometryType type) {
  constexpr double kStep = 0.0012;  // ~120 m
  switch (type) {
    case GeometryType::Point:
      return {GeometryType::Point, {p}};
    case GeometryType::LineString:
      return {GeometryType::LineString,
              {p, {p.lon + kStep, p.lat}, {p.lon + kStep, p.lat + kStep / 2}}};
    case GeometryType::Polygon:
      return {
          GeometryType::Polygon,
          {p, {p.lon + kStep, p.lat}, {p.lon + kStep, p.lat + kStep}, {p.lon, p.lat + kStep}, p}};
  }
  return {GeometryType::Point, {p}};
}

// Chlorine and LPG in amounts that give each GB 18218 grade (or none) in turn.
risk::Gb18218Input storage(int variant) {
  switch (variant % 5) {
    case 0:
      return {{{"氯", "", "", 60}, {"液化石油气", "", "W2", 200}}, 150};  // R = 108: grade 1
    case 1:
      return {{{"氯", "", "", 45}}, 60};  // R = 54: grade 2
    case 2:
      return {{{"液化石油气", "", "W2", 400}}, 40};  // R = 14.4: grade 3
    case 3:
      return {{{"甲醇", "", "W5.3", 600}}, 10};  // R = 1.2: grade 4
    default:
      return {{{"甲醇", "", "W5.3", 200}}, 5};  // below S = 1
  }
}

}  // namespace

Result<int> buildDemoRisks(ServiceContext& ctx, org::GeoPoint centre, int count) {
  const auto system = identity::Principal::system();
  risk::RiskService risks(ctx);
  auto existing = CS_TRY(risks.list(system, {}, {1, 0}));
  if (!existing.empty()) return 0;

  org::OrgService orgs(ctx);
  auto all = CS_TRY(orgs.list(system, {.kind = {}, .parent_id = {}, .page = {500, 0}}));
  std::vector<org::Organisation> communities;
  std::vector<org::Organisation> enterprises;
  for (const auto& o : all) {
    if (o.kind == org::OrgKind::Community) communities.push_back(o);
    if (o.kind == org::OrgKind::Enterprise &&
        o.sectors == std::vector<std::string>{"hazchem_mining"})
      enterprises.push_back(o);
  }
  if (communities.empty() || enterprises.empty())
    return invalid("demo", "build the demo district first");

  int added = 0;
  for (int i = 0; i < count; ++i) {
    const KindPlan& plan = kPlans[static_cast<std::size_t>(i) % kPlans.size()];
    const auto at = scatter(centre, i);
    risk::RiskPointDraft draft;
    draft.kind = plan.kind;
    draft.sector = plan.sector;
    draft.geometry = shapeAt(at, plan.shape);
    draft.capacity =
        plan.capacity ? plan.capacity + std::int64_t{i} * 37 % (plan.capacity / 2 + 1) : 0;
    if (plan.kind == RiskKind::EnterpriseUnit) {
      // A storage unit sits at its enterprise, a few dozen metres off its front gate.
      const auto& owner = enterprises[static_cast<std::size_t>(i / 17) % enterprises.size()];
      const auto gate = owner.location.value_or(at);
      const int unit_row = i / 34;
      draft.geometry = shapeAt({gate.lon + 0.0004 * unit_row, gate.lat + 0.0003}, plan.shape);
      draft.org_id = owner.id;
      draft.enterprise_id = owner.id;
      draft.name = owner.name + std::to_string(i / 17 + 1) + "号" + plan.label;
    } else {
      // The community responsible is one of the street that holds the point (streets by quadrant,
      // as the demo district lays them out).
      const std::size_t street = (at.lon < centre.lon ? 0 : 1) + (at.lat < centre.lat ? 2 : 0);
      const auto& owner =
          communities[(street * 3 + static_cast<std::size_t>(i) % 3) % communities.size()];
      draft.org_id = owner.id;
      draft.name = owner.name + plan.label + std::to_string(i / 17 + 1);
    }
    auto point = CS_TRY(risks.create(system, draft));
    ++added;
    // Most points are graded; one in nine waits for its first assessment.
    if (i % 9 == 8) continue;
    risk::AssessRequest request{
        .input = risk::MethodInput{kLec[static_cast<std::size_t>(i + i / 17) % kLec.size()]},
        .basis = i % 2 ? "residual" : "inherent"};
    if (plan.kind == RiskKind::EnterpriseUnit) request.input = storage(i / 17);
    CS_TRY(risks.assess(system, point.id, request));
  }
  return added;
}

}  // namespace citysafe::demo
