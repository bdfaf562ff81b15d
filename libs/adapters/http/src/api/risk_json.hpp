#pragma once
// JSON forms of the risk registry: GeoJSON geometry (WGS-84 or GCJ-02), method inputs, points.
#include <string>

#include "citysafe/core/risk/assessment.hpp"
#include "citysafe/core/risk/risk_point.hpp"
#include "citysafe/core/risk/risk_service.hpp"
#include "citysafe/http/application.hpp"
#include "json_io.hpp"

namespace citysafe::http {

enum class Crs : std::uint8_t { Wgs84, Gcj02 };

[[nodiscard]] Result<Crs> parseCrs(const std::string& text, const std::string& field);
// A GeoJSON Point, LineString or Polygon (outer ring) geometry, converted to WGS-84.
[[nodiscard]] Result<risk::Geometry> parseGeometry(const Json& json, const std::string& field,
                                                   Crs crs);
Json geometryJson(const risk::Geometry& geometry, Crs crs = Crs::Wgs84);

// {"method": "lec"|"ls"|"gb18218", "inputs": {...}} → typed input; errors name "inputs.<field>".
[[nodiscard]] Result<risk::MethodInput> parseMethodInput(const std::string& method,
                                                         const Json& inputs);

// A point with its geometry in `crs` (its to_json writes WGS-84).
Json riskPointJson(const risk::RiskPoint& point, Crs crs);
Json levelCountsJson(const store::LevelCounts& counts);

// Filters shared by lists, the map and aggregation: bbox, sector, org_id, colour, kind.
[[nodiscard]] Result<store::RiskFilter> riskFilterFrom(const HttpRequest& request,
                                                       Services& services,
                                                       const identity::Principal& who);

}  // namespace citysafe::http

namespace citysafe::risk {
void to_json(nlohmann::json& out, const RiskPoint& point);  // geometry in WGS-84
void to_json(nlohmann::json& out, const Assessment& assessment);
void to_json(nlohmann::json& out, const ExposureRing& ring);
}  // namespace citysafe::risk
