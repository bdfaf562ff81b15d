#include "citysafe/core/basemap/basemap_service.hpp"
#include "citysafe/core/basemap/demo_road_network.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

using BasemapStore = StoreContract;

TEST_P(BasemapStore, ReplacesAndQueriesByBoundingBox) {
  basemap::BasemapService service(*ctx_);
  const auto system = identity::Principal::system();
  const auto features = basemap::generateDemoRoadNetwork({120.155, 30.315});
  auto info = service.replace(system, "demo", features);
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->features, static_cast<std::int64_t>(features.size()));
  EXPECT_EQ(info->source, "demo");
  EXPECT_NEAR(info->bbox.min_lon, 120.1323, 0.001);

  auto all = service.query(system, {-180, -90, 180, 90});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), features.size());
  EXPECT_EQ((*all)[0].name, features[0].name);
  EXPECT_NEAR((*all)[0].points[1].lon, features[0].points[1].lon, 1e-7);

  // A 400 m box near the centre holds a few features, not the whole district.
  auto some = service.query(system, {120.153, 30.313, 120.157, 30.317});
  ASSERT_TRUE(some);
  EXPECT_GT(some->size(), 0U);
  EXPECT_LT(some->size(), features.size() / 4);
}

TEST_P(BasemapStore, ReplacingKeepsOnlyTheNewSet) {
  basemap::BasemapService service(*ctx_);
  const auto system = identity::Principal::system();
  ASSERT_TRUE(service.replace(system, "demo", basemap::generateDemoRoadNetwork({120.155, 30.315})));
  basemap::MapFeature road{.layer = basemap::Layer::Road,
                           .shape = basemap::Shape::Line,
                           .feature_class = "primary",
                           .name = "南京东路",
                           .points = {{121.48, 31.23}, {121.49, 31.24}}};
  auto info = service.replace(system, "shanghai.osm", {road});
  ASSERT_TRUE(info);
  EXPECT_EQ(info->features, 1);
  auto all = service.query(system, {-180, -90, 180, 90});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1U);
  EXPECT_EQ(all->front().name, "南京东路");
}

TEST_P(BasemapStore, AnEmptyBasemapIsRefused) {
  basemap::BasemapService service(*ctx_);
  auto info = service.replace(identity::Principal::system(), "nothing", {});
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().field, "features");
}

CITYSAFE_INSTANTIATE_STORES(BasemapStore);

}  // namespace
}  // namespace citysafe::contract
