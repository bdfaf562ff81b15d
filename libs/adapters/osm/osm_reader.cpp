#include "osm_reader.hpp"

#include <filesystem>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/visitor.hpp>

namespace citysafe::osm {
namespace {

using LocationIndex =
    osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;

bool isRoad(const char* highway) {
  static const std::vector<std::string> kKeep = {
      "motorway",       "trunk",         "primary",     "secondary",
      "tertiary",       "unclassified",  "residential", "service",
      "living_street",  "motorway_link", "trunk_link",  "primary_link",
      "secondary_link", "tertiary_link", "pedestrian",  "road"};
  for (const auto& k : kKeep) {
    if (k == highway) return true;
  }
  return false;
}

class BasemapHandler : public osmium::handler::Handler {
 public:
  explicit BasemapHandler(OsmReadReport& report) : report_(report) {}

  void way(const osmium::Way& way) {
    ++report_.ways_seen;
    const auto& tags = way.tags();
    basemap::MapFeature f;
    if (const char* highway = tags["highway"]; highway && isRoad(highway)) {
      f.layer = basemap::Layer::Road;
      f.shape = basemap::Shape::Line;
      f.feature_class = highway;
      ++report_.roads;
    } else if (!way.is_closed()) {
      if (const char* waterway = tags["waterway"]; waterway && std::string(waterway) == "river") {
        f.layer = basemap::Layer::Water;
        f.shape = basemap::Shape::Line;
        f.feature_class = waterway;
        ++report_.water;
      } else {
        return;
      }
    } else if (const char* building = tags["building"]) {
      f.layer = basemap::Layer::Building;
      f.shape = basemap::Shape::Polygon;
      f.feature_class = building;
      ++report_.buildings;
    } else if (tags.has_tag("natural", "water") || tags["water"] != nullptr) {
      f.layer = basemap::Layer::Water;
      f.shape = basemap::Shape::Polygon;
      f.feature_class = "water";
      ++report_.water;
    } else if (const char* landuse = tags["landuse"]) {
      f.layer = basemap::Layer::Landuse;
      f.shape = basemap::Shape::Polygon;
      f.feature_class = landuse;
      ++report_.landuse;
    } else if (const char* leisure = tags["leisure"];
               leisure && (std::string(leisure) == "park" || std::string(leisure) == "garden")) {
      f.layer = basemap::Layer::Landuse;
      f.shape = basemap::Shape::Polygon;
      f.feature_class = "park";
      ++report_.landuse;
    } else {
      return;
    }
    const char* name = tags["name:zh"];
    if (!name) name = tags["name"];
    if (name) f.name = name;
    for (const auto& node : way.nodes()) {
      if (node.location().valid())
        f.points.push_back({node.location().lon(), node.location().lat()});
    }
    if (f.points.size() >= 2) report_.features.push_back(std::move(f));
  }

 private:
  OsmReadReport& report_;
};

}  // namespace

Result<OsmReadReport> readOsmBasemap(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return invalid("file", "'" + path + "' is not a readable file");
  }
  OsmReadReport report;
  try {
    osmium::io::Reader reader{path, osmium::osm_entity_bits::node | osmium::osm_entity_bits::way};
    LocationIndex index;
    osmium::handler::NodeLocationsForWays<LocationIndex> locations{index};
    locations.ignore_errors();
    BasemapHandler handler{report};
    osmium::apply(reader, locations, handler);
    reader.close();
  } catch (const std::exception& e) {
    return invalid("file", "'" + path + "' is not a readable OSM file: " + e.what());
  }
  if (report.features.empty()) {
    return invalid("file", "'" + path + "' holds no roads, buildings, water or land use");
  }
  return report;
}

}  // namespace citysafe::osm
