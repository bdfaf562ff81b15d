// parseBBox, the map's ?bbox=minlon,minlat,maxlon,maxlat. The NaN case was found while writing
// query_fuzz, whose check that an accepted box lies inside WGS-84 bounds now guards it.
#include <gtest/gtest.h>

#include "json_io.hpp"

namespace citysafe::http {
namespace {

TEST(ParseBBox, ReadsABoxInsideWgs84) {
  auto box = parseBBox("121.40,31.20,121.50,31.25");
  ASSERT_TRUE(box) << box.error().message;
  EXPECT_DOUBLE_EQ(box->min_lon, 121.40);
  EXPECT_DOUBLE_EQ(box->max_lat, 31.25);
}

TEST(ParseBBox, RefusesNotANumberAndInfinity) {
  for (const char* text : {"nan,0,1,1", "0,0,NAN,1", "-inf,0,1,1", "0,0,1,infinity"}) {
    auto box = parseBBox(text);
    ASSERT_FALSE(box) << text;
    EXPECT_EQ(box.error().field, "bbox");
  }
}

TEST(ParseBBox, RefusesBoxesOutsideBoundsOrInsideOut) {
  EXPECT_FALSE(parseBBox("-181,0,1,1"));
  EXPECT_FALSE(parseBBox("2,0,1,1"));
  EXPECT_FALSE(parseBBox("0,0,1"));
}

}  // namespace
}  // namespace citysafe::http
