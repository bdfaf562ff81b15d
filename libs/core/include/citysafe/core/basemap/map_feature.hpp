#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/enum_names.hpp"
#include "citysafe/core/org/organisation.hpp"

namespace citysafe::basemap {

enum class Layer : std::uint8_t { Road, Building, Water, Landuse };
inline constexpr EnumNames<Layer, 4> kLayerNames{{"road", "building", "water", "landuse"}};
constexpr const auto& enumNames(Layer /*tag*/) { return kLayerNames; }
enum class Shape : std::uint8_t { Line, Polygon };
inline constexpr EnumNames<Shape, 2> kShapeNames{{"line", "polygon"}};
constexpr const auto& enumNames(Shape /*tag*/) { return kShapeNames; }

inline const char* toString(Layer layer) { return nameOf(layer); }

struct BBox {
  double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
  [[nodiscard]] bool empty() const { return min_lon > max_lon; }
  void extend(const org::GeoPoint& p);
  void extend(const BBox& other);
};

// One drawable thing of the basemap: a road line, or a building/water/land-use polygon (outer
// ring only). Coordinates are WGS-84.
struct MapFeature {
  std::int64_t id = 0;
  Layer layer = Layer::Road;
  Shape shape = Shape::Line;
  std::string feature_class;  // OSM highway/landuse value, e.g. "primary", "park"
  std::string name;
  std::vector<org::GeoPoint> points;
  [[nodiscard]] BBox bbox() const;
};

struct BasemapInfo {
  std::string source;  // "demo" or the imported file's name
  BBox bbox;
  std::int64_t features = 0;
};

}  // namespace citysafe::basemap
