#include "citysafe/core/basemap/basemap_service.hpp"

#include "citysafe/common/json_text.hpp"

namespace citysafe::basemap {

Result<std::optional<BBox>> readDistrictExtent(store::Tx& tx) {
  const auto info = CS_TRY(tx.basemap().info());
  if (info.bbox.empty()) return std::optional<BBox>{};
  constexpr double kMarginDegrees = 0.02;  // about 2 km
  BBox box = info.bbox;
  box.min_lon -= kMarginDegrees;
  box.min_lat -= kMarginDegrees;
  box.max_lon += kMarginDegrees;
  box.max_lat += kMarginDegrees;
  return std::optional<BBox>{box};
}

using identity::Permission;

Result<BasemapInfo> BasemapService::replace(const identity::Principal& who,
                                            const std::string& source,
                                            const std::vector<MapFeature>& features) {
  CS_TRY(identity::require(who, Permission::BasemapWrite));
  if (features.empty())
    return invalid("features",
                   "the basemap would be empty: no roads, buildings, water or land use found");
  auto info =
      store::writeReturning<BasemapInfo>(ctx_.store, [&](store::Tx& tx) -> Result<BasemapInfo> {
        auto before = CS_TRY(tx.basemap().info());
        CS_TRY(tx.basemap().replaceAll(source, features));
        auto after = CS_TRY(tx.basemap().info());
        auto summary = [](const BasemapInfo& i) {
          return JsonObject().add("source", i.source).add("features", i.features).str();
        };
        CS_TRY(ctx_.auditor.record(tx, who,
                                   {"basemap", "1", "import", summary(before), summary(after)}));
        return after;
      });
  if (info) {
    ctx_.bus.publish(events::DomainEvent{.type = "basemap.replaced",
                                         .entity = "basemap",
                                         .entity_id = "1",
                                         .action = "replaced",
                                         .org_path = "/",
                                         .sectors = {},
                                         .at = ctx_.clock.now(),
                                         .data_json = "null"});
  }
  return info;
}

Result<BasemapInfo> BasemapService::info(const identity::Principal& who) {
  CS_TRY(identity::require(who, Permission::BasemapRead));
  return store::readReturning<BasemapInfo>(ctx_.store,
                                           [](store::Tx& tx) { return tx.basemap().info(); });
}

Result<std::vector<MapFeature>> BasemapService::query(const identity::Principal& who,
                                                      const BBox& box) {
  CS_TRY(identity::require(who, Permission::BasemapRead));
  return store::readReturning<std::vector<MapFeature>>(
      ctx_.store, [&](store::Tx& tx) { return tx.basemap().query(box); });
}

}  // namespace citysafe::basemap
