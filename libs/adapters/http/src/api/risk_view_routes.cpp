// Views over the registry: the three lists (with export), the map layer, aggregation and the
// area safety index. The core decides what each holds; these routes write it.
#include <cmath>
#include <sstream>

#include "citysafe/common/csv.hpp"
#include "citysafe/core/risk/risk_analysis.hpp"
#include "risk_json.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

Result<risk::StatutoryList> listOf(const std::string& name) {
  if (auto list = parseEnum<risk::StatutoryList>(name)) return *list;
  return fail(Errc::NotFound, "list",
              "no list '" + name + "'; use " + risk::kStatutoryListNames.choices());
}

std::string number(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

HttpResponse attachment(HttpResponse r, const std::string& file) {
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return r;
}

HttpResponse exportCsv(const std::vector<risk::ListedPoint>& rows, Crs crs,
                       const std::string& list) {
  // A BOM so that Excel opens the UTF-8 file with the Chinese intact.
  std::string out = "\xEF\xBB\xBF";
  out +=
      "编号,名称,类型,行业,责任单位ID,风险等级,颜色,评估方法,评估值,重大危险源等级,容纳人数,经度,"
      "纬度,500米内人数,1公里内人数,评估时间\n";
  for (const auto& [p, near500, near1000] : rows) {
    const auto at = crs == Crs::Gcj02 ? risk::wgs84ToGcj02(p.geometry.representative())
                                      : p.geometry.representative();
    std::ostringstream row;
    row << csvCell(p.code) << ',' << csvCell(p.name) << ',' << risk::nameZh(p.kind) << ','
        << csvCell(p.sector) << ',' << p.org_id.value << ','
        << (p.latest ? risk::levelNameZh(p.latest->level) : "") << ','
        << (p.latest ? risk::colourName(p.latest->level) : "") << ','
        << csvCell(p.latest ? p.latest->method : "") << ','
        << (p.latest ? number(p.latest->value) : "") << ','
        << (p.hazard_grade ? risk::gradeLabel(p.hazard_grade) : "") << ',' << p.capacity << ','
        << number(std::round(at.lon * 1e7) / 1e7) << ',' << number(std::round(at.lat * 1e7) / 1e7)
        << ',' << near500 << ',' << near1000 << ','
        << (p.latest ? isoTime(p.latest->assessed_at) : "") << '\n';
    out += row.str();
  }
  return attachment({200, "text/csv; charset=utf-8", std::move(out), {}}, list + ".csv");
}

HttpResponse featureCollection(const std::vector<risk::RiskPoint>& points, Crs crs) {
  Json features = Json::array();
  for (const auto& p : points) {
    Json props = riskPointJson(p, crs);
    Json geometry = props["geometry"];
    props.erase("geometry");
    features.push_back(
        {{"type", "Feature"}, {"id", p.id}, {"geometry", geometry}, {"properties", props}});
  }
  auto r = jsonResponse({{"type", "FeatureCollection"}, {"features", features}});
  r.content_type = "application/geo+json";
  return r;
}

Result<HttpResponse> exportList(Call& call, Services& services, risk::StatutoryList list,
                                const store::RiskFilter& filter, Crs crs,
                                const std::string& format) {
  auto rows = CS_TRY(services.risks.exportList(*call.principal, list, filter));
  if (format == "csv") return exportCsv(rows, crs, nameOf(list));
  std::vector<risk::RiskPoint> points;
  for (auto& row : rows) points.push_back(std::move(row.point));
  return attachment(featureCollection(points, crs), std::string(nameOf(list)) + ".geojson");
}

Json cellJson(const risk::GridCell& c, double cell_m) {
  const auto& b = c.box;
  Json ring = Json::array({Json::array({b.min_lon, b.min_lat}), Json::array({b.max_lon, b.min_lat}),
                           Json::array({b.max_lon, b.max_lat}), Json::array({b.min_lon, b.max_lat}),
                           Json::array({b.min_lon, b.min_lat})});
  Json props = levelCountsJson(c.counts);
  props["worst"] = c.worst ? Json(risk::colourName(*c.worst)) : Json(nullptr);
  props["cell_m"] = cell_m;
  return {{"type", "Feature"},
          {"geometry", {{"type", "Polygon"}, {"coordinates", Json::array({ring})}}},
          {"properties", props}};
}

}  // namespace

void addRiskViewRoutes(Router& router, Services& services) {
  router.add(
      "GET", "/api/v1/risk/lists/{list}", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        const auto list = CS_TRY(listOf(call.params.at("list")));
        const QueryParams query(call.request);
        const auto filter = CS_TRY(riskFilterFrom(call.request, services, *call.principal));
        const auto crs = CS_TRY(parseCrs(query.textOr("crs", ""), "crs"));
        const auto format = query.textOr("format", "json");
        if (format == "csv" || format == "geojson") {
          return exportList(call, services, list, filter, crs, format);
        }
        if (format != "json") return invalid("format", "must be json, csv or geojson");
        const auto p = CS_TRY(query.paging());
        const auto listed = CS_TRY(services.risks.statutoryList(*call.principal, list, filter, p));
        Json items = Json::array();
        for (const auto& row : listed.rows) {
          Json j = riskPointJson(row.point, crs);
          if (risk::showsPeopleNear(list)) {
            j["people_500m"] = row.people_500m;
            j["people_1000m"] = row.people_1000m;
          }
          items.push_back(std::move(j));
        }
        Json out = page(std::move(items),
                        listed.rows.empty() ? 0 : listed.rows.back().point.id.value, p.limit);
        out["counts"] = levelCountsJson(listed.counts);
        return jsonResponse(out);
      });

  router.add("GET", "/api/v1/risk/map", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const auto filter = CS_TRY(riskFilterFrom(call.request, services, *call.principal));
               return featureCollection(CS_TRY(services.risks.listAll(*call.principal, filter)),
                                        Crs::Wgs84);
             });

  router.add(
      "GET", "/api/v1/risk/aggregate", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        const QueryParams query(call.request);
        const auto filter = CS_TRY(riskFilterFrom(call.request, services, *call.principal));
        const auto by = query.textOr("by", "area");
        if (by == "area") {
          Json items = Json::array();
          for (const auto& a : CS_TRY(services.risks.areaSummaries(*call.principal, filter))) {
            Json counts = levelCountsJson(a.counts);
            items.push_back({{"org_id", a.org_id.value},
                             {"name", a.name},
                             {"total", counts["total"]},
                             {"counts", std::move(counts)},
                             {"geometry", Json(nullptr)}});
          }
          return jsonResponse({{"by", "area"}, {"items", items}});
        }
        if (by != "grid") return invalid("by", "must be area or grid");
        const auto cell = CS_TRY(query.integer("cell", 1, INT64_MAX)).value_or(500);
        const auto cells =
            CS_TRY(services.risks.districtGrid(*call.principal, filter, static_cast<double>(cell)));
        Json features = Json::array();
        for (const auto& c : cells) features.push_back(cellJson(c, static_cast<double>(cell)));
        return jsonResponse({{"type", "FeatureCollection"}, {"features", features}});
      });

  router.add(
      "GET", "/api/v1/risk/safety-index", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        const risk::SafetyIndexWeights weights;
        Json items = Json::array();
        for (const auto& a : CS_TRY(services.risks.areaSummaries(*call.principal, {}, weights))) {
          items.push_back({{"org_id", a.org_id.value},
                           {"name", a.name},
                           {"index", a.index},
                           {"load", a.load},
                           {"counts", levelCountsJson(a.counts)},
                           {"major_hazard_sources",
                            {{"1", a.hazard_grades[1]},
                             {"2", a.hazard_grades[2]},
                             {"3", a.hazard_grades[3]},
                             {"4", a.hazard_grades[4]}}}});
        }
        return jsonResponse({{"items", items},
                             {"formula", weights.formula()},
                             {"weights",
                              {{"red", weights.red},
                               {"orange", weights.orange},
                               {"yellow", weights.yellow},
                               {"blue", weights.blue},
                               {"grade_1", weights.hazard_grade[1]},
                               {"grade_2", weights.hazard_grade[2]},
                               {"grade_3", weights.hazard_grade[3]},
                               {"grade_4", weights.hazard_grade[4]},
                               {"scale", weights.scale}}}});
      });
}

}  // namespace citysafe::http
