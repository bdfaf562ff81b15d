// POST /api/v1/risk/import: CSV (UTF-8 or GBK) or GeoJSON, WGS-84 or GCJ-02, with a report per
// row; all or nothing unless the caller keeps the good rows.
#include <charconv>
#include <map>

#include "citysafe/common/csv.hpp"
#include "citysafe/common/json_text.hpp"
#include "import_io.hpp"
#include "risk_json.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

constexpr std::size_t kMaxRows = 50000;

// Reads a draft from named values (CSV cells or GeoJSON properties); problems go to `problems`.
struct DraftReader {
  int line;
  Crs crs;
  std::vector<risk::ImportProblem>& problems;

  bool fail(const std::string& field, const std::string& reason) {
    problems.push_back({line, field, reason});
    return false;
  }

  bool integer(const std::string& text, const char* field, std::int64_t& out, bool required) {
    if (text.empty()) return required ? fail(field, "is required") : true;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc{} || ptr != text.data() + text.size())
      return fail(field, "'" + text + "' is not a whole number");
    return true;
  }

  std::optional<risk::RiskPointDraft> read(const std::map<std::string, std::string>& v,
                                           const Json* geometry) {
    auto get = [&](const char* key) {
      auto it = v.find(key);
      return it == v.end() ? std::string() : it->second;
    };
    risk::RiskPointDraft d;
    bool good = true;
    d.name = get("name");
    if (d.name.empty()) good = fail("name", "is required");
    const auto kind = risk::parseRiskKind(get("kind"));
    if (!kind)
      good = fail("kind", "'" + get("kind") + "' is not a risk point kind");
    else
      d.kind = *kind;
    d.sector = get("sector");
    std::int64_t org = 0, enterprise = 0;
    good = integer(get("org_id"), "org_id", org, true) && good;
    good = integer(get("enterprise_id"), "enterprise_id", enterprise, false) && good;
    good = integer(get("capacity"), "capacity", d.capacity, false) && good;
    d.org_id = OrgId{org};
    if (enterprise > 0) d.enterprise_id = OrgId{enterprise};
    Json parsed_geometry;
    if (!geometry && !get("geometry").empty()) {
      if (jsonNestingDepth(get("geometry")) > kMaxJsonDepth)
        return fail("geometry", "nests arrays too deep"), std::nullopt;
      parsed_geometry = Json::parse(get("geometry"), nullptr, false);
      if (parsed_geometry.is_discarded()) return fail("geometry", "is not GeoJSON"), std::nullopt;
      geometry = &parsed_geometry;
    }
    if (geometry) {
      auto g = parseGeometry(*geometry, "geometry", crs);
      if (!g)
        good = fail(g.error().field, g.error().message);
      else
        d.geometry = std::move(*g);
    } else {
      char* end = nullptr;
      const std::string lon = get("lon"), lat = get("lat");
      const double x = std::strtod(lon.c_str(), &end);
      const bool lon_ok = !lon.empty() && *end == '\0';
      const double y = std::strtod(lat.c_str(), &end);
      const bool lat_ok = !lat.empty() && *end == '\0';
      if (!lon_ok) good = fail("lon", "give lon and lat, or a geometry");
      if (!lat_ok) good = fail("lat", "give lon and lat, or a geometry");
      if (lon_ok && lat_ok) {
        org::GeoPoint p{x, y};
        d.geometry = {risk::GeometryType::Point, {crs == Crs::Gcj02 ? risk::gcj02ToWgs84(p) : p}};
      }
    }
    return good ? std::optional(d) : std::nullopt;
  }
};

Result<std::vector<risk::ImportRow>> rowsFromCsv(const std::string& text, Crs crs,
                                                 std::vector<risk::ImportProblem>& problems) {
  std::string error;
  const auto records = parseCsv(text, &error);
  if (!error.empty()) return invalid("body", error);
  if (records.empty()) return invalid("body", "the file is empty");
  const auto& header = records.front().fields;
  for (const char* needed : {"name", "kind", "sector", "org_id"}) {
    if (std::find(header.begin(), header.end(), needed) == header.end()) {
      return invalid("body", std::string("the header row lacks the column '") + needed + "'");
    }
  }
  if (records.size() - 1 > kMaxRows)
    return invalid("body", "at most " + std::to_string(kMaxRows) + " rows at once");
  std::vector<risk::ImportRow> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    if (rec.fields.size() > header.size()) {
      problems.push_back({rec.line, "",
                          "has " + std::to_string(rec.fields.size()) + " fields; the header has " +
                              std::to_string(header.size())});
      continue;
    }
    std::map<std::string, std::string> values;
    for (std::size_t c = 0; c < rec.fields.size(); ++c) values[header[c]] = rec.fields[c];
    DraftReader reader{rec.line, crs, problems};
    if (auto d = reader.read(values, nullptr)) rows.push_back({rec.line, std::move(*d)});
  }
  return rows;
}

Result<std::vector<risk::ImportRow>> rowsFromGeoJson(const std::string& text, Crs crs,
                                                     std::vector<risk::ImportProblem>& problems) {
  if (jsonNestingDepth(text) > kMaxJsonDepth)
    return invalid("body",
                   "nests arrays or objects more than " + std::to_string(kMaxJsonDepth) + " deep");
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded()) return invalid("body", "is not valid JSON");
  if (!doc.is_object() || doc.value("type", "") != "FeatureCollection" ||
      !doc.contains("features") || !doc["features"].is_array()) {
    return invalid("body", "must be a GeoJSON FeatureCollection");
  }
  if (doc["features"].size() > kMaxRows)
    return invalid("body", "at most " + std::to_string(kMaxRows) + " features");
  std::vector<risk::ImportRow> rows;
  int n = 0;
  for (const auto& feature : doc["features"]) {
    ++n;  // "line" is the feature's number in the collection
    if (!feature.is_object() || !feature.contains("geometry") || !feature.contains("properties") ||
        !feature["properties"].is_object()) {
      problems.push_back({n, "", "a Feature needs geometry and properties"});
      continue;
    }
    std::map<std::string, std::string> values;
    for (const auto& [key, value] : feature["properties"].items()) {
      values[key] = value.is_string() ? value.get<std::string>()
                    : value.is_null() ? ""
                                      : value.dump();
    }
    DraftReader reader{n, crs, problems};
    if (auto d = reader.read(values, &feature["geometry"])) rows.push_back({n, std::move(*d)});
  }
  return rows;
}

}  // namespace

void addRiskImportRoutes(Router& router, Services& services) {
  router
      .add("POST", "/api/v1/risk/import", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             // Permission is checked at admission (needs), before the body is read.
             const QueryParams query(call.request);
             const auto format = query.textOr("format", "csv");
             const bool keep = CS_TRY(query.flag("keep_good_rows")).value_or(false);
             const auto crs = CS_TRY(parseCrs(query.textOr("crs", "wgs84"), "crs"));
             if (format != "csv" && format != "geojson")
               return invalid("format", "must be csv or geojson");
             auto text = CS_TRY(importText(call.request.body, query.textOr("encoding", "utf-8")));
             std::vector<risk::ImportProblem> problems;
             auto rows = CS_TRY(format == "csv" ? rowsFromCsv(text, crs, problems)
                                                : rowsFromGeoJson(text, crs, problems));
             auto report = CS_TRY(
                 services.risks.importPoints(*call.principal, rows, std::move(problems), keep));
             return importResponse(report);
           })
      .runs(Work::Heavy)
      .takesFile()
      .needs(identity::Permission::RiskWrite);
}

}  // namespace citysafe::http
