#include "citysafe/core/basemap/map_feature.hpp"

#include <algorithm>

namespace citysafe::basemap {

void BBox::extend(const org::GeoPoint& p) {
  min_lon = std::min(min_lon, p.lon);
  min_lat = std::min(min_lat, p.lat);
  max_lon = std::max(max_lon, p.lon);
  max_lat = std::max(max_lat, p.lat);
}

void BBox::extend(const BBox& o) {
  if (o.empty()) return;
  extend(org::GeoPoint{o.min_lon, o.min_lat});
  extend(org::GeoPoint{o.max_lon, o.max_lat});
}

BBox MapFeature::bbox() const {
  BBox box;
  for (const auto& p : points) box.extend(p);
  return box;
}

}  // namespace citysafe::basemap
