#include "citysafe/core/basemap/basemap_service.hpp"

#include "citysafe/common/json_text.hpp"

namespace citysafe::basemap {

std::optional<BBox> districtExtent(store::Tx& tx) {
  auto info = tx.basemap().info();
  if (!info || info->bbox.empty()) return std::nullopt;
  constexpr double kMarginDegrees = 0.02;  // about 2 km
  BBox box = info->bbox;
  box.min_lon -= kMarginDegrees;
  box.min_lat -= kMarginDegrees;
  box.max_lon += kMarginDegrees;
  box.max_lat += kMarginDegrees;
  return box;
}

using identity::Permission;

Result<BasemapInfo> BasemapService::replace(const identity::Principal& who,
                                            const std::string& source,
                                            const std::vector<MapFeature>& features) {
  if (auto r = identity::require(who, Permission::BasemapWrite); !r)
    return tl::unexpected(r.error());
  if (features.empty())
    return invalid("features",
                   "the basemap would be empty: no roads, buildings, water or land use found");
  auto info =
      store::writeReturning<BasemapInfo>(ctx_.store, [&](store::Tx& tx) -> Result<BasemapInfo> {
        auto before = tx.basemap().info();
        if (!before) return tl::unexpected(before.error());
        if (auto r = tx.basemap().replaceAll(source, features); !r)
          return tl::unexpected(r.error());
        auto after = tx.basemap().info();
        if (!after) return after;
        auto summary = [](const BasemapInfo& i) {
          return JsonObject().add("source", i.source).add("features", i.features).str();
        };
        auto audited = ctx_.auditor.record(
            tx, who, {"basemap", "1", "import", summary(*before), summary(*after)});
        if (!audited) return tl::unexpected(audited.error());
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
  if (auto r = identity::require(who, Permission::BasemapRead); !r)
    return tl::unexpected(r.error());
  return store::readReturning<BasemapInfo>(ctx_.store,
                                           [](store::Tx& tx) { return tx.basemap().info(); });
}

Result<std::vector<MapFeature>> BasemapService::query(const identity::Principal& who,
                                                      const BBox& box) {
  if (auto r = identity::require(who, Permission::BasemapRead); !r)
    return tl::unexpected(r.error());
  return store::readReturning<std::vector<MapFeature>>(
      ctx_.store, [&](store::Tx& tx) { return tx.basemap().query(box); });
}

}  // namespace citysafe::basemap
