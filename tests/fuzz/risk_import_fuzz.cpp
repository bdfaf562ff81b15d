// POST /api/v1/risk/import. Its row readers live inside the route (risk_import_routes.cpp), so
// this target runs what they are made of, in the same order: the body decoded as UTF-8 or GBK
// (import_io), then CSV with GeoJSON geometry cells, or a GeoJSON FeatureCollection whose
// properties are turned into text and whose geometries are read in both datums (risk_json). As
// the route does, JSON nested deeper than kMaxJsonDepth is refused before it is parsed.
#include "citysafe/common/csv.hpp"
#include "citysafe/common/json_text.hpp"
#include "citysafe/core/risk/risk_point.hpp"
#include "fuzz_input.hpp"
#include "import_io.hpp"
#include "risk_json.hpp"

namespace {

using namespace citysafe;
using http::Json;

// Json::parse as the route calls it: the depth measured first (dump() and copies recurse).
Json parseBounded(std::string_view text) {
  if (jsonNestingDepth(text) > kMaxJsonDepth) return Json(Json::value_t::discarded);
  return Json::parse(text, nullptr, false);
}

void readGeometry(const Json& geometry) {
  for (const auto crs : {http::Crs::Wgs84, http::Crs::Gcj02}) {
    (void)http::parseGeometry(geometry, "geometry", crs);
  }
}

void readCsv(const std::string& text) {
  std::string error;
  const auto records = parseCsv(text, &error);
  if (!error.empty() || records.empty()) return;
  const auto& header = records.front().fields;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& fields = records[r].fields;
    for (std::size_t c = 0; c < fields.size() && c < header.size(); ++c) {
      if (header[c] == "kind") (void)risk::parseRiskKind(fields[c]);
      if (header[c] == "geometry") {
        const Json geometry = parseBounded(fields[c]);
        if (!geometry.is_discarded()) readGeometry(geometry);
      }
    }
  }
}

void readGeoJson(const std::string& text) {
  const Json doc = parseBounded(text);
  if (!doc.is_object() || !doc.contains("features") || !doc["features"].is_array()) return;
  for (const auto& feature : doc["features"]) {
    if (!feature.is_object()) continue;
    if (feature.contains("properties") && feature["properties"].is_object()) {
      for (const auto& [key, value] : feature["properties"].items()) {
        // The route keeps non-string properties as their JSON text.
        if (!value.is_string()) (void)value.dump();
      }
    }
    if (feature.contains("geometry")) readGeometry(feature["geometry"]);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(fuzz::textOf(data, size));
  for (const char* encoding : {"utf-8", "gbk"}) {
    auto text = http::importText(body, encoding);
    if (!text) continue;
    readCsv(*text);
    readGeoJson(*text);
  }
  (void)http::parseCrs(body, "crs");
  return 0;
}
