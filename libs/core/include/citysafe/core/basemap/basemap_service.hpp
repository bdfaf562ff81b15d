#pragma once
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/basemap/map_feature.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::basemap {

// The district's extent, from the basemap, with a margin of about 2 km: what is registered on
// the map must lie inside it. Empty when there is no basemap yet.
[[nodiscard]] Result<std::optional<BBox>> readDistrictExtent(store::Tx& tx);

class BasemapService {
 public:
  explicit BasemapService(ServiceContext& ctx) : ctx_(ctx) {}
  // Replaces the whole basemap in one transaction (audited with the feature count).
  [[nodiscard]] Result<BasemapInfo> replace(const identity::Principal& who,
                                            const std::string& source,
                                            const std::vector<MapFeature>& features);
  [[nodiscard]] Result<BasemapInfo> info(const identity::Principal& who);
  [[nodiscard]] Result<std::vector<MapFeature>> query(const identity::Principal& who,
                                                      const BBox& box);

 private:
  ServiceContext& ctx_;
};

}  // namespace citysafe::basemap
