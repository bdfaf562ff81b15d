#include "citysafe/core/risk/geometry.hpp"

#include <cmath>

#include "citysafe/core/store/store.hpp"

namespace citysafe::risk {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadiusMetres = 6371008.8;

double cross(org::GeoPoint o, org::GeoPoint a, org::GeoPoint b) {
  return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
}

bool onSegment(org::GeoPoint p, org::GeoPoint a, org::GeoPoint b) {
  return std::min(a.lon, b.lon) <= p.lon && p.lon <= std::max(a.lon, b.lon) &&
         std::min(a.lat, b.lat) <= p.lat && p.lat <= std::max(a.lat, b.lat);
}

bool segmentsIntersect(org::GeoPoint a, org::GeoPoint b, org::GeoPoint c, org::GeoPoint d) {
  const double d1 = cross(c, d, a);
  const double d2 = cross(c, d, b);
  const double d3 = cross(a, b, c);
  const double d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return true;
  return (d1 == 0 && onSegment(a, c, d)) || (d2 == 0 && onSegment(b, c, d)) ||
         (d3 == 0 && onSegment(c, a, b)) || (d4 == 0 && onSegment(d, a, b));
}

// Edges i and j of a closed ring cross somewhere other than at a shared vertex.
bool ringSelfIntersects(const std::vector<org::GeoPoint>& ring) {
  const std::size_t edges = ring.size() - 1;
  for (std::size_t i = 0; i < edges; ++i) {
    for (std::size_t j = i + 1; j < edges; ++j) {
      const bool adjacent = j == i + 1 || (i == 0 && j == edges - 1);
      if (adjacent) continue;
      if (segmentsIntersect(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

bool outsideChina(org::GeoPoint p) {
  return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

// The published GCJ-02 obfuscation: a Krasovsky-ellipsoid offset with sinusoidal terms.
org::GeoPoint gcjOffset(org::GeoPoint p) {
  constexpr double kA = 6378245.0;
  constexpr double kEe = 0.00669342162296594323;
  const double x = p.lon - 105.0;
  const double y = p.lat - 35.0;
  double dlat =
      -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  dlat += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  dlat += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  dlat += (160.0 * std::sin(y / 12.0 * kPi) + 320 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  double dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  dlon += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  dlon += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  dlon += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  const double rad_lat = p.lat / 180.0 * kPi;
  double magic = std::sin(rad_lat);
  magic = 1 - kEe * magic * magic;
  const double sqrt_magic = std::sqrt(magic);
  dlat = (dlat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrt_magic) * kPi);
  dlon = (dlon * 180.0) / (kA / sqrt_magic * std::cos(rad_lat) * kPi);
  return {dlon, dlat};
}

}  // namespace

basemap::BBox Geometry::bbox() const {
  basemap::BBox box;
  for (const auto& p : points) box.extend(p);
  return box;
}

org::GeoPoint Geometry::representative() const {
  if (points.empty()) return {};
  if (type == GeometryType::Point) return points.front();
  if (type == GeometryType::LineString) return points[points.size() / 2];
  org::GeoPoint sum{0, 0};
  const std::size_t n = points.size() - 1;  // the closing vertex repeats the first
  for (std::size_t i = 0; i < n; ++i) {
    sum.lon += points[i].lon;
    sum.lat += points[i].lat;
  }
  return {sum.lon / static_cast<double>(n), sum.lat / static_cast<double>(n)};
}

Result<void> validateGeometry(const Geometry& g, const std::string& field,
                              const basemap::BBox* extent) {
  for (std::size_t i = 0; i < g.points.size(); ++i) {
    const auto& p = g.points[i];
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || p.lon < -180 || p.lon > 180 ||
        p.lat < -90 || p.lat > 90) {
      return invalid(field + ".coordinates",
                     "point " + std::to_string(i + 1) + " is not a WGS-84 longitude/latitude");
    }
    if (extent && !extent->empty() &&
        (p.lon < extent->min_lon || p.lon > extent->max_lon || p.lat < extent->min_lat ||
         p.lat > extent->max_lat)) {
      return invalid(field + ".coordinates",
                     "point " + std::to_string(i + 1) + " lies outside the district");
    }
  }
  switch (g.type) {
    case GeometryType::Point:
      if (g.points.size() != 1)
        return invalid(field + ".coordinates", "a Point has exactly one position");
      break;
    case GeometryType::LineString:
      if (g.points.size() < 2)
        return invalid(field + ".coordinates", "a LineString needs at least two positions");
      break;
    case GeometryType::Polygon: {
      if (g.points.size() < 4)
        return invalid(field + ".coordinates", "a Polygon ring needs at least four positions");
      const auto& first = g.points.front();
      const auto& last = g.points.back();
      if (first.lon != last.lon || first.lat != last.lat) {
        return invalid(field + ".coordinates", "a Polygon ring must end where it starts");
      }
      if (ringSelfIntersects(g.points))
        return invalid(field + ".coordinates", "the Polygon ring crosses itself");
      break;
    }
  }
  return ok();
}

double distanceMetres(org::GeoPoint a, org::GeoPoint b) {
  const double to_rad = kPi / 180;
  const double dlat = (b.lat - a.lat) * to_rad;
  const double dlon = (b.lon - a.lon) * to_rad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * to_rad) * std::cos(b.lat * to_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusMetres * std::asin(std::min(1.0, std::sqrt(h)));
}

org::GeoPoint wgs84ToGcj02(org::GeoPoint p) {
  if (outsideChina(p)) return p;
  const auto d = gcjOffset(p);
  return {p.lon + d.lon, p.lat + d.lat};
}

org::GeoPoint gcj02ToWgs84(org::GeoPoint p) {
  if (outsideChina(p)) return p;
  // Fixed-point iteration: find w with wgs84ToGcj02(w) == p.
  org::GeoPoint w = p;
  for (int i = 0; i < 10; ++i) {
    const auto g = wgs84ToGcj02(w);
    w.lon += p.lon - g.lon;
    w.lat += p.lat - g.lat;
    if (std::abs(p.lon - g.lon) < 1e-10 && std::abs(p.lat - g.lat) < 1e-10) break;
  }
  return w;
}

}  // namespace citysafe::risk

namespace citysafe::store {

GridFrame GridFrame::metres(org::GeoPoint origin, double cell_m) {
  constexpr double kMetresPerDegreeLat = 110540;
  const double metres_per_degree_lon = 111320 * std::cos(origin.lat * 3.14159265358979323846 / 180);
  return {origin, cell_m / metres_per_degree_lon, cell_m / kMetresPerDegreeLat};
}

}  // namespace citysafe::store
