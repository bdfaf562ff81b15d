#pragma once
#include <vector>

#include "citysafe/core/basemap/map_feature.hpp"

namespace citysafe::basemap {

// A plausible, deterministic district: a grid of named streets (arterials, secondary roads,
// local streets), a river, parks and building blocks, centred on `centre`. Generated, not copied.
std::vector<MapFeature> generateDemoRoadNetwork(org::GeoPoint centre, int blocks_per_side = 12);

}  // namespace citysafe::basemap
