#include "citysafe/core/basemap/demo_road_network.hpp"

#include <gtest/gtest.h>

#include <set>

namespace citysafe::basemap {
namespace {

constexpr org::GeoPoint kCentre{120.155, 30.315};

TEST(DemoRoadNetwork, IsDeterministic) {
  const auto a = generateDemoRoadNetwork(kCentre);
  const auto b = generateDemoRoadNetwork(kCentre);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    ASSERT_EQ(a[i].points.size(), b[i].points.size());
    EXPECT_EQ(a[i].points.front().lon, b[i].points.front().lon);
  }
}

TEST(DemoRoadNetwork, HasNamedRoadsOfSeveralClassesWaterParksAndBuildings) {
  const auto features = generateDemoRoadNetwork(kCentre);
  std::set<std::string> classes;
  std::set<Layer> layers;
  bool parks = false;
  for (const auto& f : features) {
    layers.insert(f.layer);
    if (f.layer == Layer::Road) {
      classes.insert(f.feature_class);
      EXPECT_FALSE(f.name.empty());
    }
    parks = parks || f.feature_class == "park";
  }
  EXPECT_EQ(classes, (std::set<std::string>{"primary", "secondary", "residential"}));
  EXPECT_EQ(layers.size(), 4U);
  EXPECT_TRUE(parks);
}

TEST(DemoRoadNetwork, SitsAroundItsCentreAndClosesItsPolygons) {
  BBox box;
  for (const auto& f : generateDemoRoadNetwork(kCentre)) {
    box.extend(f.bbox());
    if (f.shape == Shape::Polygon) {
      EXPECT_EQ(f.points.front().lon, f.points.back().lon);
      EXPECT_EQ(f.points.front().lat, f.points.back().lat);
    }
  }
  EXPECT_NEAR((box.min_lon + box.max_lon) / 2, kCentre.lon, 0.001);
  EXPECT_NEAR((box.min_lat + box.max_lat) / 2, kCentre.lat, 0.001);
  // 12 blocks of 360 m: about 4.3 km across.
  EXPECT_NEAR((box.max_lat - box.min_lat) * 110540, 4320, 50);
}

}  // namespace
}  // namespace citysafe::basemap
