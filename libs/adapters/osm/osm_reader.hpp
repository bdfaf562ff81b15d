#pragma once
#include <string>
#include <vector>

#include "citysafe/common/result.hpp"
#include "citysafe/core/basemap/map_feature.hpp"

namespace citysafe::osm {

struct OsmReadReport {
  std::vector<basemap::MapFeature> features;
  std::size_t ways_seen = 0;
  std::size_t roads = 0;
  std::size_t buildings = 0;
  std::size_t water = 0;
  std::size_t landuse = 0;
};

// Reads an OpenStreetMap extract (.osm.pbf, .osm XML, .osm.bz2) with libosmium and keeps the
// basemap's ways: roads by highway class, buildings, water and land use, with names (Chinese
// `name:zh` preferred over `name`). Invalid naming `file` when it cannot be read or parsed.
[[nodiscard]] Result<OsmReadReport> readOsmBasemap(const std::string& path);

}  // namespace citysafe::osm
