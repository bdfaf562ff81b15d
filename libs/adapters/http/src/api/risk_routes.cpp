#include <sstream>

#include "citysafe/core/org/sectors.hpp"
#include "citysafe/core/risk/gb18218.hpp"
#include "risk_json.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

Result<Crs> crsOf(const HttpRequest& request) {
  return parseCrs(QueryParams(request).textOr("crs", ""), "crs");
}

Result<risk::RiskPointDraft> readDraft(const BodyReader& body) {
  auto name = CS_TRY(body.requiredString("name", 200));
  const auto kind = CS_TRY(body.requiredEnum<risk::RiskKind>("kind"));
  auto sector = CS_TRY(body.requiredString("sector", 40));
  auto org_id = CS_TRY(body.optionalId("org_id"));
  if (!org_id) return invalid("org_id", "is required: the responsible organisation");
  auto enterprise = CS_TRY(body.optionalId("enterprise_id"));
  auto crs_text = CS_TRY(body.optionalString("crs", 10));
  auto crs = CS_TRY(parseCrs(crs_text.value_or(""), "crs"));
  if (!body.has("geometry")) return invalid("geometry", "is required");
  auto geometry = CS_TRY(parseGeometry(body.raw()["geometry"], "geometry", crs));
  std::int64_t capacity = 0;
  if (body.has("capacity") && !body.isNull("capacity")) {
    if (!body.raw()["capacity"].is_number_integer())
      return invalid("capacity", "must be a whole number of people");
    capacity = body.raw()["capacity"].get<std::int64_t>();
  }
  risk::RiskPointDraft d{name,    kind, sector, OrgId{*org_id}, std::nullopt, std::move(geometry),
                         capacity};
  if (enterprise) d.enterprise_id = OrgId{*enterprise};
  return d;
}

Result<std::vector<double>> radiiOf(const HttpRequest& request) {
  std::vector<double> radii = {500, 1000};
  const auto text = QueryParams(request).text("radii");
  if (!text) return radii;
  radii.clear();
  std::stringstream in(*text);
  std::string part;
  while (std::getline(in, part, ',')) {
    char* end = nullptr;
    const double v = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0')
      return invalid("radii", "'" + part + "' is not a distance in metres");
    radii.push_back(v);
  }
  if (radii.size() > 5) return invalid("radii", "at most five distances");
  return radii;
}

}  // namespace

void addRiskRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/risk/points", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto p = CS_TRY(QueryParams(call.request).paging());
               auto crs = CS_TRY(crsOf(call.request));
               auto filter = CS_TRY(riskFilterFrom(call.request, services, *call.principal));
               auto points = CS_TRY(services.risks.list(*call.principal, filter, p));
               Json items = Json::array();
               for (const auto& point : points) items.push_back(riskPointJson(point, crs));
               return jsonResponse(
                   page(std::move(items), points.empty() ? 0 : points.back().id.value, p.limit));
             });

  router.add("POST", "/api/v1/risk/points", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto body = CS_TRY(BodyReader::parse(
                   call.request.body, {"name", "kind", "sector", "org_id", "enterprise_id",
                                       "geometry", "capacity", "crs"}));
               auto draft = CS_TRY(readDraft(body));
               return respond(services.risks.create(*call.principal, draft), 201);
             });

  router.add("GET", "/api/v1/risk/points/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<RiskPointTag>(call));
               auto crs = CS_TRY(crsOf(call.request));
               return respond(services.risks.get(*call.principal, id),
                              [&](const risk::RiskPoint& p) { return riskPointJson(p, crs); });
             });

  router.add("PATCH", "/api/v1/risk/points/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<RiskPointTag>(call));
               auto body = CS_TRY(BodyReader::parse(
                   call.request.body, {"name", "sector", "geometry", "capacity", "crs"}));
               risk::RiskPointPatch patch;
               auto name = CS_TRY(body.optionalString("name", 200));
               patch.name = name;
               auto sector = CS_TRY(body.optionalString("sector", 40));
               patch.sector = sector;
               if (body.has("capacity")) {
                 if (!body.raw()["capacity"].is_number_integer())
                   return invalid("capacity", "must be a whole number of people");
                 patch.capacity = body.raw()["capacity"].get<std::int64_t>();
               }
               if (body.has("geometry")) {
                 auto crs_text = CS_TRY(body.optionalString("crs", 10));
                 auto crs = CS_TRY(parseCrs(crs_text.value_or(""), "crs"));
                 auto geometry = CS_TRY(parseGeometry(body.raw()["geometry"], "geometry", crs));
                 patch.geometry = std::move(geometry);
               }
               return respond(services.risks.update(*call.principal, id, patch));
             });

  router.add("GET", "/api/v1/risk/points/{id}/assessments", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<RiskPointTag>(call));
               return respond(services.risks.history(*call.principal, id), [](const auto& list) {
                 return Json{{"items", list}};
               });
             });

  router.add(
      "POST", "/api/v1/risk/points/{id}/assessments", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto id = CS_TRY(pathIdOf<RiskPointTag>(call));
        auto body = CS_TRY(BodyReader::parse(call.request.body, {"method", "basis", "inputs"}));
        auto method = CS_TRY(body.requiredString("method", 20));
        auto basis = CS_TRY(body.optionalString("basis", 20));
        if (!body.has("inputs")) return invalid("inputs", "is required");
        auto input = CS_TRY(parseMethodInput(method, body.raw()["inputs"]));
        const auto& inputs = body.raw()["inputs"];
        const bool people_from_exposure = method == "gb18218" && (!inputs.contains("people_500m") ||
                                                                  inputs["people_500m"].is_null());
        risk::AssessRequest request{std::move(input), basis.value_or("inherent"),
                                    people_from_exposure};
        return respond(services.risks.assess(*call.principal, id, request), 201);
      });

  router.add("POST", "/api/v1/risk/assess", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto body = CS_TRY(BodyReader::parse(call.request.body, {"method", "inputs"}));
               auto method = CS_TRY(body.requiredString("method", 20));
               if (!body.has("inputs")) return invalid("inputs", "is required");
               auto input = CS_TRY(parseMethodInput(method, body.raw()["inputs"]));
               auto evaluation = CS_TRY(services.risks.evaluate(*call.principal, input));
               Json out = Json::parse(evaluation.result_json);
               out["method"] = evaluation.method;
               out["value"] = evaluation.value;
               return jsonResponse(out);
             });

  router.add("GET", "/api/v1/risk/points/{id}/exposure", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<RiskPointTag>(call));
               auto radii = CS_TRY(radiiOf(call.request));
               return respond(services.risks.exposure(*call.principal, id, radii),
                              [](const auto& rings) {
                                return Json{{"radii", rings}};
                              });
             });

  router.add("GET", "/api/v1/risk/gb18218/substances", Access::Authenticated,
             [](Call&) -> Result<HttpResponse> {
               Json chemicals = Json::array();
               for (const auto& c : risk::table1Chemicals()) {
                 chemicals.push_back({{"name", c.name},
                                      {"alias", c.aliases},
                                      {"cas", c.cas},
                                      {"critical_t", c.critical_t}});
               }
               Json categories = Json::array();
               for (const auto& c : risk::table2Categories()) {
                 categories.push_back({{"symbol", c.symbol},
                                       {"category", c.category},
                                       {"description", c.description},
                                       {"critical_t", c.critical_t},
                                       {"beta", c.beta}});
               }
               Json gases = Json::array();
               for (const auto& g : risk::table3ToxicGases())
                 gases.push_back({{"name", g.name}, {"cas", g.cas}, {"beta", g.beta}});
               return jsonResponse(
                   {{"chemicals", chemicals}, {"categories", categories}, {"toxic_gases", gases}});
             });
}

}  // namespace citysafe::http
