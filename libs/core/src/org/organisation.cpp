#include "citysafe/core/org/organisation.hpp"

#include <array>

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/time_format.hpp"
#include "citysafe/core/org/sectors.hpp"

namespace citysafe::org {
namespace {
// 十三大重点领域 (seed 000) + 燃气 + 危险废物.
constexpr std::array<Sector, 15> kSectors = {{
    {"construction", "建设施工", "Construction"},
    {"hazchem_mining", "危化矿山", "Hazardous chemicals and mining"},
    {"fire", "消防安全", "Fire safety"},
    {"road_traffic", "道路交通", "Road traffic"},
    {"special_equipment", "特种设备", "Special equipment"},
    {"urban_operation", "城市运行", "Urban operation"},
    {"commerce", "商贸", "Commerce and trade"},
    {"tourism", "旅游", "Tourism"},
    {"flood_typhoon", "防汛防台", "Flood and typhoon control"},
    {"medical_health", "医疗卫计", "Medical and health"},
    {"geological", "地质灾害防治与废弃矿山治理", "Geological hazards and abandoned mines"},
    {"earthquake", "防震减灾", "Earthquake preparedness"},
    {"water_supply_drainage", "供排水", "Water supply and drainage"},
    {"gas", "燃气", "Gas"},
    {"hazardous_waste", "危险废物", "Hazardous waste"},
}};
}  // namespace

const char* toString(OrgKind kind) { return nameOf(kind); }

bool mayContain(OrgKind parent, OrgKind child) {
  switch (child) {
    case OrgKind::City:
      return false;
    case OrgKind::District:
      return parent == OrgKind::City;
    case OrgKind::Street:
      return parent == OrgKind::District;
    case OrgKind::Community:
      return parent == OrgKind::Street;
    case OrgKind::Enterprise:
      return parent == OrgKind::Street || parent == OrgKind::Community;
    case OrgKind::Department:
      return parent == OrgKind::District || parent == OrgKind::City;
  }
  return false;
}

std::span<const Sector> allSectors() { return kSectors; }

bool isKnownSector(std::string_view code) {
  for (const auto& s : kSectors) {
    if (s.code == code) return true;
  }
  return false;
}

std::string toAuditJson(const Organisation& org) {
  JsonObject o;
  o.add("id", org.id.value)
      .add("name", org.name)
      .add("kind", toString(org.kind))
      .add("path", org.path)
      .add("credit_code", org.credit_code)
      .add("sectors", org.sectors)
      .add("address", org.address);
  if (org.parent_id) {
    o.add("parent_id", org.parent_id->value);
  } else {
    o.addNull("parent_id");
  }
  if (org.location) {
    o.addRaw("location",
             JsonObject().add("lon", org.location->lon).add("lat", org.location->lat).str());
  } else {
    o.addNull("location");
  }
  return o.str();
}

}  // namespace citysafe::org
