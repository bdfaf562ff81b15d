#include "citysafe/core/risk/geometry.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace citysafe::risk {
namespace {

Geometry square(double size) {
  return {GeometryType::Polygon,
          {{120, 30}, {120 + size, 30}, {120 + size, 30 + size}, {120, 30 + size}, {120, 30}}};
}

TEST(Geometry, AcceptsPointsLinesAndSimplePolygons) {
  EXPECT_TRUE(validateGeometry({GeometryType::Point, {{120.1, 30.2}}}, "geometry"));
  EXPECT_TRUE(
      validateGeometry({GeometryType::LineString, {{120.1, 30.2}, {120.2, 30.3}}}, "geometry"));
  EXPECT_TRUE(validateGeometry(square(0.01), "geometry"));
}

TEST(Geometry, RefusesASelfIntersectingPolygon) {
  // A bow tie: (0,0) → (1,1) → (1,0) → (0,1) → (0,0) crosses itself in the middle.
  const Geometry bow_tie{GeometryType::Polygon,
                         {{120, 30}, {121, 31}, {121, 30}, {120, 31}, {120, 30}}};
  auto r = validateGeometry(bow_tie, "geometry");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "geometry.coordinates");
  EXPECT_NE(r.error().message.find("crosses itself"), std::string::npos);
}

TEST(Geometry, RefusesAnOpenRingAndTooFewPositions) {
  EXPECT_FALSE(
      validateGeometry({GeometryType::Polygon, {{120, 30}, {121, 30}, {121, 31}, {120, 31}}}, "g"));
  EXPECT_FALSE(validateGeometry({GeometryType::LineString, {{120, 30}}}, "g"));
  EXPECT_FALSE(validateGeometry({GeometryType::Point, {}}, "g"));
}

TEST(Geometry, RefusesCoordinatesOutOfRangeOrOutsideTheDistrict) {
  EXPECT_FALSE(validateGeometry({GeometryType::Point, {{200, 30}}}, "g"));
  EXPECT_FALSE(validateGeometry({GeometryType::Point, {{120, std::nan("")}}}, "g"));
  const basemap::BBox district{120.0, 30.0, 120.1, 30.1};
  EXPECT_TRUE(validateGeometry({GeometryType::Point, {{120.05, 30.05}}}, "g", &district));
  auto outside = validateGeometry({GeometryType::Point, {{121.5, 31.2}}}, "g", &district);
  ASSERT_FALSE(outside);
  EXPECT_NE(outside.error().message.find("outside the district"), std::string::npos);
}

TEST(Geometry, MeasuresDistancesOnTheSphere) {
  // One degree of latitude is about 111.2 km on a sphere of mean radius.
  EXPECT_NEAR(distanceMetres({120, 30}, {120, 31}), 111195, 10);
  // 0.01° of longitude at 30° N: 111195 × cos 30° / 100 ≈ 963 m.
  EXPECT_NEAR(distanceMetres({120, 30}, {120.01, 30}), 963, 1);
}

TEST(Geometry, Gcj02RoundTripsAndOffsetsByHundredsOfMetresInChina) {
  const org::GeoPoint tiananmen{116.3912, 39.9073};
  const auto gcj = wgs84ToGcj02(tiananmen);
  const double offset = distanceMetres(tiananmen, gcj);
  EXPECT_GT(offset, 100);
  EXPECT_LT(offset, 700);
  const auto back = gcj02ToWgs84(gcj);
  EXPECT_LT(distanceMetres(back, tiananmen), 0.01);
  // Outside China the two systems coincide.
  const org::GeoPoint monaco{7.4246, 43.7384};
  EXPECT_DOUBLE_EQ(wgs84ToGcj02(monaco).lon, monaco.lon);
}

TEST(Geometry, RepresentsAPolygonByItsVertexAverage) {
  const auto at = square(0.02).representative();
  EXPECT_DOUBLE_EQ(at.lon, 120.01);
  EXPECT_DOUBLE_EQ(at.lat, 30.01);
}

}  // namespace
}  // namespace citysafe::risk
