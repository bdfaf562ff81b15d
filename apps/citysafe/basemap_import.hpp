#pragma once
#include <string>

#include "citysafe/core/basemap/basemap_service.hpp"

namespace citysafe::app {

// Reads an OSM extract and replaces the basemap with it (one transaction).
[[nodiscard]] Result<basemap::BasemapInfo> importOsmBasemap(basemap::BasemapService& basemaps,
                                                            const std::string& file);
// Installs the generated demo road network when the store has no basemap yet.
[[nodiscard]] Result<void> ensureDemoBasemap(basemap::BasemapService& basemaps);

}  // namespace citysafe::app
