#pragma once
// Pure analysis over risk markers: exposure rings, aggregation by area and grid, and the area
// safety index (安全应急指数).
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/org/organisation.hpp"
#include "citysafe/core/store/store.hpp"

namespace citysafe::risk {

struct ExposedTarget {
  RiskPointId id;  // none: a place outside the caller's scope
  std::string name;
  RiskKind kind = RiskKind::School;
  std::int64_t capacity = 0;
  double distance_m = 0;
};

struct ExposureRing {
  double radius_m = 0;
  std::int64_t people = 0;
  std::vector<ExposedTarget> targets;  // nearest first
};

// Vulnerable targets among `markers` within each radius of `at` (rings are cumulative).
std::vector<ExposureRing> exposureAround(org::GeoPoint at, RiskPointId self_id,
                                         const std::vector<store::RiskMarker>& markers,
                                         const std::vector<double>& radii_m);

struct AreaSummary {
  OrgId org_id;
  std::string name;
  std::string path;
  store::LevelCounts counts{};
  std::array<std::int64_t, 5> hazard_grades{};  // [1..4] major hazard sources by grade
  double index = 100;                           // safety index, 0..100, higher is safer
  double load = 0;                              // the weighted risk load behind the index
};

// The safety index of an area: index = 100 / (1 + load / scale), where
// load = Σ weight(colour) · count(colour) + Σ weight(grade) · major hazard sources of that grade.
// Later modules add overdue hazards and alarm rates to the load.
struct SafetyIndexWeights {
  double red = 10;
  double orange = 5;
  double yellow = 2;
  double blue = 0.5;
  std::array<double, 5> hazard_grade = {0, 8, 6, 4, 2};  // by grade 1..4
  double scale = 50;
  [[nodiscard]] std::string formula() const;
};

// One summary per area (streets, say), counting the markers inside each area's subtree.
std::vector<AreaSummary> summariseAreas(const std::vector<org::Organisation>& areas,
                                        const std::vector<store::RiskMarker>& markers,
                                        const SafetyIndexWeights& weights = {});

struct GridCell {
  std::int64_t ix = 0;
  std::int64_t iy = 0;
  basemap::BBox box;
  store::LevelCounts counts{};
  std::optional<RiskLevel> worst;
};

// Cells with their colour counts and worst colour, from the store's per-cell counts.
std::vector<GridCell> aggregateGrid(const std::vector<store::CellCount>& counts,
                                    const store::GridFrame& frame);

}  // namespace citysafe::risk
