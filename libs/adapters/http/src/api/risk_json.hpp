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

Json riskPointJson(const risk::RiskPoint& point, Crs crs = Crs::Wgs84);
Json assessmentJson(const risk::Assessment& assessment);
Json levelCountsJson(const store::LevelCounts& counts);

// Filters shared by lists, the map and aggregation: bbox, sector, org_id, colour, kind.
[[nodiscard]] Result<store::RiskFilter> riskFilterFrom(const HttpRequest& request,
                                                       Services& services,
                                                       const identity::Principal& who);

}  // namespace citysafe::http
