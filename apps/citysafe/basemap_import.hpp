#pragma once
#include <string>

#include "citysafe/core/basemap/map_feature.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::app {

// Reads an OSM extract and replaces the basemap with it (one transaction).
[[nodiscard]] Result<basemap::BasemapInfo> importOsmBasemap(ServiceContext& ctx,
                                                            const std::string& file);
// Installs the generated demo road network when the store has no basemap yet.
[[nodiscard]] Result<void> ensureDemoBasemap(ServiceContext& ctx);

}  // namespace citysafe::app
