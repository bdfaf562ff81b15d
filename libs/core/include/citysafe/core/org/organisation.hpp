#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/ids.hpp"
#include "citysafe/common/result.hpp"

namespace citysafe::org {

// city → district → street/town → community/village; enterprises under a street, sector
// departments under a district.
enum class OrgKind : std::uint8_t { City, District, Street, Community, Enterprise, Department };
inline constexpr EnumNames<OrgKind, 6> kOrgKindNames{
    {"city", "district", "street", "community", "enterprise", "department"}};
constexpr const auto& enumNames(OrgKind /*tag*/) { return kOrgKindNames; }

const char* toString(OrgKind kind);
// May an organisation of `child` kind sit directly under one of `parent` kind?
bool mayContain(OrgKind parent, OrgKind child);

struct GeoPoint {
  double lon = 0;
  double lat = 0;
};

struct Organisation {
  OrgId id;
  std::optional<OrgId> parent_id;
  OrgKind kind = OrgKind::City;
  std::string name;
  // Materialised ancestry "/1/4/9/": subtree tests are prefix tests, in memory and in SQL.
  std::string path;
  std::string credit_code;           // enterprises only (GB 32100-2015)
  std::vector<std::string> sectors;  // supervised (department) or operated (enterprise)
  std::string address;
  std::optional<GeoPoint> location;
  TimePoint created_at;
  TimePoint updated_at;
};

// Audit before/after form of an organisation.
std::string toAuditJson(const Organisation& org);

}  // namespace citysafe::org
