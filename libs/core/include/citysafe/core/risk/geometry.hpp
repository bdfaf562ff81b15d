#pragma once
// WGS-84 geometry for risk points: a point, a line (pipelines, mains) or a polygon (sites, areas).
#include <string>
#include <vector>

#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/result.hpp"
#include "citysafe/core/basemap/map_feature.hpp"
#include "citysafe/core/org/organisation.hpp"

namespace citysafe::risk {

enum class GeometryType : std::uint8_t { Point, LineString, Polygon };
inline constexpr EnumNames<GeometryType, 3> kGeometryTypeNames{{"Point", "LineString", "Polygon"}};
constexpr const auto& enumNames(GeometryType /*tag*/) { return kGeometryTypeNames; }
inline const char* toString(GeometryType type) { return nameOf(type); }

struct Geometry {
  GeometryType type = GeometryType::Point;
  std::vector<org::GeoPoint> points;  // a polygon's outer ring, closed (first == last)

  [[nodiscard]] basemap::BBox bbox() const;
  // A point that stands for the geometry in distance and grid calculations: the point itself,
  // the middle vertex of a line, the vertex-average of a polygon's ring.
  [[nodiscard]] org::GeoPoint representative() const;
};

// Invalid naming `field` when coordinates are out of range or not finite, a line has fewer than
// two points, a polygon ring is open, has fewer than four points or crosses itself, or when any
// point lies outside `extent` (if given, e.g. the district).
[[nodiscard]] Result<void> validateGeometry(const Geometry& geometry, const std::string& field,
                                            const basemap::BBox* extent = nullptr);

// Great-circle distance in metres (haversine, mean Earth radius).
double distanceMetres(org::GeoPoint a, org::GeoPoint b);

// China's GCJ-02 offset (used by most Chinese web maps) to and from WGS-84. Outside China the
// two coincide. The inverse is iterative and accurate to about a millimetre.
org::GeoPoint wgs84ToGcj02(org::GeoPoint p);
org::GeoPoint gcj02ToWgs84(org::GeoPoint p);

}  // namespace citysafe::risk
