#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "basemap_import.hpp"
#include "citysafe/common/json_text.hpp"
#include "citysafe/core/basemap/demo_road_network.hpp"
#include "citysafe/core/demo/demo_district.hpp"
#include "osm_reader.hpp"
#include "runtime.hpp"
#include "verbs.hpp"

namespace citysafe::app {

Result<basemap::BasemapInfo> importOsmBasemap(basemap::BasemapService& basemaps,
                                              const std::string& file) {
  const auto read = CS_TRY(osm::readOsmBasemap(file));
  spdlog::info("{}: {} ways read; keeping {} roads, {} buildings, {} water, {} land use", file,
               read.ways_seen, read.roads, read.buildings, read.water, read.landuse);
  const std::string source = std::filesystem::path(file).filename().string();
  return basemaps.replace(identity::Principal::system(), source, read.features);
}

Result<void> ensureDemoBasemap(basemap::BasemapService& basemaps) {
  const auto system = identity::Principal::system();
  const auto info = CS_TRY(basemaps.info(system));
  if (info.features > 0) return ok();
  CS_TRY(basemaps.replace(system, "demo", basemap::generateDemoRoadNetwork(demo::kDemoCentre)));
  return ok();
}

void addImportVerb(CLI::App& cli, Action& action) {
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto file = std::make_shared<std::string>();
  auto audit_key = std::make_shared<std::string>();
  auto* cmd = cli.add_subcommand("import", "Import data");
  cmd->require_subcommand(1);
  auto* osm_cmd = cmd->add_subcommand(
      "osm", "Replace the basemap with an OpenStreetMap extract (.osm.pbf or .osm)");
  osm_cmd->add_option("FILE", *file, "the extract")->required();
  osm_cmd->add_option("--db", *db, "sqlite:PATH or postgresql://...")->capture_default_str();
  addAuditKeyOption(*osm_cmd, *audit_key);
  osm_cmd->callback([db, file, audit_key, &action] {
    action = [db, file, audit_key] {
      auto rt = openRuntime(*db, *audit_key);
      if (!rt) return report(rt.error());
      auto info = importOsmBasemap((*rt)->services->basemap, *file);
      if (!info) return report(info.error());
      std::cout << JsonObject().add("source", info->source).add("features", info->features).str()
                << "\n";
      return 0;
    };
  });
}

}  // namespace citysafe::app
