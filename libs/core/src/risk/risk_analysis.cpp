#include "citysafe/core/risk/risk_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "citysafe/core/risk/geometry.hpp"

namespace citysafe::risk {

std::vector<ExposureRing> exposureAround(org::GeoPoint at, RiskPointId self_id,
                                         const std::vector<store::RiskMarker>& markers,
                                         const std::vector<double>& radii_m) {
  std::vector<ExposedTarget> near;
  const double reach = radii_m.empty() ? 0 : *std::max_element(radii_m.begin(), radii_m.end());
  for (const auto& m : markers) {
    if (m.id == self_id || !isVulnerableTarget(m.kind)) continue;
    const double d = distanceMetres(at, m.at);
    if (d <= reach) near.push_back({m.id, m.name, m.kind, m.capacity, std::round(d)});
  }
  std::sort(near.begin(), near.end(),
            [](const auto& a, const auto& b) { return a.distance_m < b.distance_m; });
  std::vector<ExposureRing> rings;
  for (const double r : radii_m) {
    ExposureRing ring{.radius_m = r};
    for (const auto& t : near) {
      if (t.distance_m > r) break;
      ring.people += t.capacity;
      ring.targets.push_back(t);
    }
    rings.push_back(std::move(ring));
  }
  return rings;
}

std::string SafetyIndexWeights::formula() const {
  std::ostringstream f;
  f << "index = 100 / (1 + load / " << scale << "); load = " << red << "·red + " << orange
    << "·orange + " << yellow << "·yellow + " << blue << "·blue + " << hazard_grade[1] << "·一级 + "
    << hazard_grade[2] << "·二级 + " << hazard_grade[3] << "·三级 + " << hazard_grade[4]
    << "·四级 (major hazard sources)";
  return f.str();
}

std::vector<AreaSummary> summariseAreas(const std::vector<org::Organisation>& areas,
                                        const std::vector<store::RiskMarker>& markers,
                                        const SafetyIndexWeights& w) {
  std::vector<AreaSummary> out;
  out.reserve(areas.size());
  for (const auto& a : areas) out.push_back({.org_id = a.id, .name = a.name, .path = a.path});
  for (const auto& m : markers) {
    for (auto& s : out) {
      if (!m.org_path.starts_with(s.path)) continue;
      ++s.counts[m.level ? static_cast<std::size_t>(*m.level) : 4];
      if (m.hazard_grade >= 1 && m.hazard_grade <= 4)
        ++s.hazard_grades[static_cast<std::size_t>(m.hazard_grade)];
    }
  }
  for (auto& s : out) {
    s.load =
        w.red * static_cast<double>(s.counts[0]) + w.orange * static_cast<double>(s.counts[1]) +
        w.yellow * static_cast<double>(s.counts[2]) + w.blue * static_cast<double>(s.counts[3]);
    for (std::size_t g = 1; g <= 4; ++g)
      s.load += w.hazard_grade[g] * static_cast<double>(s.hazard_grades[g]);
    s.index = std::round(1000.0 / (1 + s.load / w.scale)) / 10;
  }
  return out;
}

std::vector<GridCell> aggregateGrid(const std::vector<store::CellCount>& counts,
                                    const store::GridFrame& frame) {
  std::map<std::pair<std::int64_t, std::int64_t>, GridCell> cells;
  for (const auto& c : counts) {
    auto& cell = cells[{c.ix, c.iy}];
    cell.ix = c.ix;
    cell.iy = c.iy;
    cell.box = {frame.origin.lon + static_cast<double>(c.ix) * frame.cell_lon,
                frame.origin.lat + static_cast<double>(c.iy) * frame.cell_lat,
                frame.origin.lon + static_cast<double>(c.ix + 1) * frame.cell_lon,
                frame.origin.lat + static_cast<double>(c.iy + 1) * frame.cell_lat};
    cell.counts[c.level ? static_cast<std::size_t>(*c.level) : 4] += c.count;
    if (c.level && (!cell.worst || *c.level < *cell.worst)) cell.worst = c.level;
  }
  std::vector<GridCell> out;
  out.reserve(cells.size());
  for (const auto& [key, cell] : cells) out.push_back(cell);
  return out;
}

}  // namespace citysafe::risk
