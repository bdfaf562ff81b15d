// Views over the registry: the three lists (with export), the map layer, aggregation and the
// area safety index.
#include <cmath>
#include <sstream>

#include "citysafe/common/csv.hpp"
#include "citysafe/core/risk/risk_analysis.hpp"
#include "risk_json.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

enum class ListKind : std::uint8_t { MajorRisks, MajorHazardSources, VulnerableTargets };

Result<ListKind> listKind(const std::string& name) {
  if (name == "major_risks") return ListKind::MajorRisks;
  if (name == "major_hazard_sources") return ListKind::MajorHazardSources;
  if (name == "vulnerable_targets") return ListKind::VulnerableTargets;
  return fail(
      Errc::NotFound, "list",
      "no list '" + name + "'; use major_risks, major_hazard_sources or vulnerable_targets");
}

void narrow(store::RiskFilter& f, ListKind kind) {
  switch (kind) {
    case ListKind::MajorRisks:
      if (f.levels.empty()) f.levels = {risk::RiskLevel::Major, risk::RiskLevel::Large};
      std::erase_if(f.levels, [](risk::RiskLevel l) {
        return l != risk::RiskLevel::Major && l != risk::RiskLevel::Large;
      });
      if (f.levels.empty())
        f.levels = {risk::RiskLevel::Major};  // asked only for lower colours: keep it empty-ish
      break;
    case ListKind::MajorHazardSources:
      f.major_hazard_only = true;
      break;
    case ListKind::VulnerableTargets: {
      std::vector<risk::RiskKind> targets;
      for (const auto k : risk::allRiskKinds()) {
        if (risk::isVulnerableTarget(k) &&
            (f.kinds.empty() || std::count(f.kinds.begin(), f.kinds.end(), k))) {
          targets.push_back(k);
        }
      }
      f.kinds = targets.empty() ? std::vector<risk::RiskKind>{risk::RiskKind::School} : targets;
      break;
    }
  }
}

std::string number(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

// The people within 500 m and 1 km, for the exposure columns of the lists.
std::pair<std::int64_t, std::int64_t> peopleNear(Services& services, const identity::Principal& who,
                                                 std::int64_t id) {
  auto rings = services.risks.exposure(who, id, {500, 1000});
  if (!rings || rings->size() != 2) return {0, 0};
  return {(*rings)[0].people, (*rings)[1].people};
}

HttpResponse exportCsv(const std::vector<risk::RiskPoint>& points, Services& services,
                       const identity::Principal& who, Crs crs, const std::string& list) {
  // A BOM so that Excel opens the UTF-8 file with the Chinese intact.
  std::string out = "\xEF\xBB\xBF";
  out +=
      "编号,名称,类型,行业,责任单位ID,风险等级,颜色,评估方法,评估值,重大危险源等级,容纳人数,经度,"
      "纬度,500米内人数,1公里内人数,评估时间\n";
  for (const auto& p : points) {
    const auto at = crs == Crs::Gcj02 ? risk::wgs84ToGcj02(p.geometry.representative())
                                      : p.geometry.representative();
    const auto [near500, near1000] = peopleNear(services, who, p.id);
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
  HttpResponse r{200, "text/csv; charset=utf-8", std::move(out), {}};
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + list + ".csv\"");
  return r;
}

Result<std::vector<risk::RiskPoint>> everything(Services& services, const identity::Principal& who,
                                                const store::RiskFilter& filter) {
  std::vector<risk::RiskPoint> all;
  store::PageRequest page{500, 0};
  for (;;) {
    auto batch = services.risks.list(who, filter, page);
    if (!batch) return tl::unexpected(batch.error());
    all.insert(all.end(), batch->begin(), batch->end());
    if (static_cast<int>(batch->size()) < page.limit) return all;
    page.after_id = batch->back().id;
  }
}

Json featureCollection(const std::vector<risk::RiskPoint>& points, Crs crs) {
  Json features = Json::array();
  for (const auto& p : points) {
    Json props = riskPointJson(p, crs);
    Json geometry = props["geometry"];
    props.erase("geometry");
    features.push_back(
        {{"type", "Feature"}, {"id", p.id}, {"geometry", geometry}, {"properties", props}});
  }
  return {{"type", "FeatureCollection"}, {"features", features}};
}

// Streets in scope, or the communities when the caller sits below a street.
Result<std::vector<org::Organisation>> areasFor(Services& services,
                                                const identity::Principal& who) {
  for (const auto kind : {org::OrgKind::Street, org::OrgKind::Community}) {
    auto areas = services.orgs.list(who, {.kind = kind, .parent_id = {}, .page = {500, 0}});
    if (!areas) return areas;
    if (!areas->empty()) return areas;
  }
  return std::vector<org::Organisation>{};
}

}  // namespace

void addRiskViewRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/risk/lists/{list}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto kind = listKind(call.params.at("list"));
               if (!kind) return tl::unexpected(kind.error());
               auto filter = riskFilterFrom(call.request, services, *call.principal);
               if (!filter) return tl::unexpected(filter.error());
               narrow(*filter, *kind);
               auto crs_it = call.request.query.find("crs");
               auto crs = parseCrs(crs_it == call.request.query.end() ? "" : crs_it->second, "crs");
               if (!crs) return tl::unexpected(crs.error());
               const auto format_it = call.request.query.find("format");
               const std::string format =
                   format_it == call.request.query.end() ? "json" : format_it->second;
               if (format == "csv" || format == "geojson") {
                 auto all = everything(services, *call.principal, *filter);
                 if (!all) return tl::unexpected(all.error());
                 if (format == "csv")
                   return exportCsv(*all, services, *call.principal, *crs, call.params.at("list"));
                 auto r = jsonResponse(featureCollection(*all, *crs));
                 r.content_type = "application/geo+json";
                 r.headers.emplace_back(
                     "Content-Disposition",
                     "attachment; filename=\"" + call.params.at("list") + ".geojson\"");
                 return r;
               }
               if (format != "json") return invalid("format", "must be json, csv or geojson");
               auto p = paging(call.request);
               if (!p) return tl::unexpected(p.error());
               auto points = services.risks.list(*call.principal, *filter, {p->limit, p->after});
               if (!points) return tl::unexpected(points.error());
               auto counts = services.risks.counts(*call.principal, *filter);
               if (!counts) return tl::unexpected(counts.error());
               Json items = Json::array();
               for (const auto& point : *points) {
                 Json j = riskPointJson(point, *crs);
                 if (*kind != ListKind::VulnerableTargets) {
                   const auto [near500, near1000] = peopleNear(services, *call.principal, point.id);
                   j["people_500m"] = near500;
                   j["people_1000m"] = near1000;
                 }
                 items.push_back(std::move(j));
               }
               Json out = page(std::move(items), points->empty() ? 0 : points->back().id, p->limit);
               out["counts"] = levelCountsJson(*counts);
               return jsonResponse(out);
             });

  router.add("GET", "/api/v1/risk/map", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto filter = riskFilterFrom(call.request, services, *call.principal);
               if (!filter) return tl::unexpected(filter.error());
               auto all = everything(services, *call.principal, *filter);
               if (!all) return tl::unexpected(all.error());
               auto r = jsonResponse(featureCollection(*all, Crs::Wgs84));
               r.content_type = "application/geo+json";
               return r;
             });

  router.add(
      "GET", "/api/v1/risk/aggregate", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto filter = riskFilterFrom(call.request, services, *call.principal);
        if (!filter) return tl::unexpected(filter.error());
        const auto by_it = call.request.query.find("by");
        const std::string by = by_it == call.request.query.end() ? "area" : by_it->second;
        if (by == "area") {
          auto markers = services.risks.markers(*call.principal, *filter);
          if (!markers) return tl::unexpected(markers.error());
          auto areas = areasFor(services, *call.principal);
          if (!areas) return tl::unexpected(areas.error());
          Json items = Json::array();
          for (const auto& a : risk::summariseAreas(*areas, *markers)) {
            items.push_back(
                {{"org_id", a.org_id.value},
                 {"name", a.name},
                 {"counts", levelCountsJson(a.counts)},
                 {"total", a.counts[0] + a.counts[1] + a.counts[2] + a.counts[3] + a.counts[4]},
                 {"geometry", Json(nullptr)}});
          }
          return jsonResponse({{"by", "area"}, {"items", items}});
        }
        if (by != "grid") return invalid("by", "must be area or grid");
        double cell = 500;
        if (auto it = call.request.query.find("cell"); it != call.request.query.end()) {
          auto v = positiveQuery(call.request, "cell");
          if (!v) return tl::unexpected(v.error());
          if (*v < 50 || *v > 10000) return invalid("cell", "must be between 50 and 10000 metres");
          cell = static_cast<double>(*v);
        }
        // Cells anchored on the district's south-west corner, so they stay put between requests.
        org::GeoPoint origin{0, 0};
        if (auto info = services.basemap.info(*call.principal); info && !info->bbox.empty()) {
          origin = {std::floor(info->bbox.min_lon * 100) / 100,
                    std::floor(info->bbox.min_lat * 100) / 100};
        }
        auto cells =
            services.risks.grid(*call.principal, *filter, store::GridFrame::metres(origin, cell));
        if (!cells) return tl::unexpected(cells.error());
        Json features = Json::array();
        for (const auto& c : *cells) {
          const auto& b = c.box;
          Json ring =
              Json::array({Json::array({b.min_lon, b.min_lat}), Json::array({b.max_lon, b.min_lat}),
                           Json::array({b.max_lon, b.max_lat}), Json::array({b.min_lon, b.max_lat}),
                           Json::array({b.min_lon, b.min_lat})});
          Json props = levelCountsJson(c.counts);
          props["worst"] = c.worst ? Json(risk::colourName(*c.worst)) : Json(nullptr);
          props["cell_m"] = cell;
          features.push_back(
              {{"type", "Feature"},
               {"geometry", {{"type", "Polygon"}, {"coordinates", Json::array({ring})}}},
               {"properties", props}});
        }
        return jsonResponse({{"type", "FeatureCollection"}, {"features", features}});
      });

  router.add("GET", "/api/v1/risk/safety-index", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto markers = services.risks.markers(*call.principal, {});
               if (!markers) return tl::unexpected(markers.error());
               auto areas = areasFor(services, *call.principal);
               if (!areas) return tl::unexpected(areas.error());
               const risk::SafetyIndexWeights weights;
               Json items = Json::array();
               for (const auto& a : risk::summariseAreas(*areas, *markers, weights)) {
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
