#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "osm_reader.hpp"

namespace citysafe::osm {
namespace {

const std::string kData = CITYSAFE_SHARED_DATA;

TEST(OsmImport, ReadsShanghaisStreetsWithTheirChineseNames) {
  auto read = readOsmBasemap(kData + "/osm/shanghai_huangpu_osmnx.osm");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_GT(read->roads, 700U);
  bool nanjing_west = false;
  for (const auto& f : read->features) {
    EXPECT_EQ(f.layer, basemap::Layer::Road);
    nanjing_west = nanjing_west || f.name == "南京西路";
    for (const auto& p : f.points) {
      ASSERT_GT(p.lon, 121.4);
      ASSERT_LT(p.lon, 121.6);
    }
  }
  EXPECT_TRUE(nanjing_west);
}

TEST(OsmImport, ReadsAPbfExtractWithRoadsAndBuildings) {
  auto read = readOsmBasemap(kData + "/osm/osrm_monaco.osm.pbf");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_GT(read->roads, 1000U);
  EXPECT_GT(read->buildings, 100U);
}

TEST(OsmImport, AMissingFileIsInvalidInput) {
  auto read = readOsmBasemap("/nonexistent/extract.osm.pbf");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, Errc::Invalid);
  EXPECT_EQ(read.error().field, "file");
}

TEST(OsmImport, AnUnreadableFileSaysSo) {
  const auto path = std::filesystem::temp_directory_path() / "citysafe-not-osm.osm";
  std::ofstream(path) << "this is not <osm> at all";
  auto read = readOsmBasemap(path.string());
  std::filesystem::remove(path);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().field, "file");
  EXPECT_NE(read.error().message.find("not"), std::string::npos);
}

}  // namespace
}  // namespace citysafe::osm
