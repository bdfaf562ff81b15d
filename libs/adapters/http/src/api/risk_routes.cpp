#include <sstream>

#include "citysafe/core/org/sectors.hpp"
#include "citysafe/core/risk/gb18218.hpp"
#include "risk_json.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

Result<Crs> crsOf(const HttpRequest& request) {
  auto it = request.query.find("crs");
  return parseCrs(it == request.query.end() ? "" : it->second, "crs");
}

Result<risk::RiskPointDraft> readDraft(const BodyReader& body) {
  auto name = body.requiredString("name", 200);
  if (!name) return tl::unexpected(name.error());
  auto kind_text = body.requiredString("kind", 40);
  if (!kind_text) return tl::unexpected(kind_text.error());
  auto kind = risk::parseRiskKind(*kind_text);
  if (!kind) return invalid("kind", "'" + *kind_text + "' is not a risk point kind");
  auto sector = body.requiredString("sector", 40);
  if (!sector) return tl::unexpected(sector.error());
  auto org_id = body.optionalId("org_id");
  if (!org_id) return tl::unexpected(org_id.error());
  if (!*org_id) return invalid("org_id", "is required: the responsible organisation");
  auto enterprise = body.optionalId("enterprise_id");
  if (!enterprise) return tl::unexpected(enterprise.error());
  auto crs_text = body.optionalString("crs", 10);
  if (!crs_text) return tl::unexpected(crs_text.error());
  auto crs = parseCrs(crs_text->value_or(""), "crs");
  if (!crs) return tl::unexpected(crs.error());
  if (!body.has("geometry")) return invalid("geometry", "is required");
  auto geometry = parseGeometry(body.raw()["geometry"], "geometry", *crs);
  if (!geometry) return tl::unexpected(geometry.error());
  std::int64_t capacity = 0;
  if (body.has("capacity") && !body.isNull("capacity")) {
    if (!body.raw()["capacity"].is_number_integer())
      return invalid("capacity", "must be a whole number of people");
    capacity = body.raw()["capacity"].get<std::int64_t>();
  }
  risk::RiskPointDraft d{
      *name, *kind, *sector, OrgId{**org_id}, std::nullopt, std::move(*geometry), capacity};
  if (*enterprise) d.enterprise_id = OrgId{**enterprise};
  return d;
}

Result<std::vector<double>> radiiOf(const HttpRequest& request) {
  std::vector<double> radii = {500, 1000};
  auto it = request.query.find("radii");
  if (it == request.query.end() || it->second.empty()) return radii;
  radii.clear();
  std::stringstream in(it->second);
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
               auto p = paging(call.request);
               if (!p) return tl::unexpected(p.error());
               auto crs = crsOf(call.request);
               if (!crs) return tl::unexpected(crs.error());
               auto filter = riskFilterFrom(call.request, services, *call.principal);
               if (!filter) return tl::unexpected(filter.error());
               auto points = services.risks.list(*call.principal, *filter, {p->limit, p->after});
               if (!points) return tl::unexpected(points.error());
               Json items = Json::array();
               for (const auto& point : *points) items.push_back(riskPointJson(point, *crs));
               return jsonResponse(
                   page(std::move(items), points->empty() ? 0 : points->back().id, p->limit));
             });

  router.add("POST", "/api/v1/risk/points", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto body = BodyReader::parse(call.request.body,
                                             {"name", "kind", "sector", "org_id", "enterprise_id",
                                              "geometry", "capacity", "crs"});
               if (!body) return tl::unexpected(body.error());
               auto draft = readDraft(*body);
               if (!draft) return tl::unexpected(draft.error());
               return respond(
                   services.risks.create(*call.principal, *draft),
                   [](const risk::RiskPoint& p) { return riskPointJson(p); }, 201);
             });

  router.add("GET", "/api/v1/risk/points/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto crs = crsOf(call.request);
               if (!crs) return tl::unexpected(crs.error());
               return respond(services.risks.get(*call.principal, *id),
                              [&](const risk::RiskPoint& p) { return riskPointJson(p, *crs); });
             });

  router.add("PATCH", "/api/v1/risk/points/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto body = BodyReader::parse(call.request.body,
                                             {"name", "sector", "geometry", "capacity", "crs"});
               if (!body) return tl::unexpected(body.error());
               risk::RiskPointPatch patch;
               auto name = body->optionalString("name", 200);
               if (!name) return tl::unexpected(name.error());
               patch.name = *name;
               auto sector = body->optionalString("sector", 40);
               if (!sector) return tl::unexpected(sector.error());
               patch.sector = *sector;
               if (body->has("capacity")) {
                 if (!body->raw()["capacity"].is_number_integer())
                   return invalid("capacity", "must be a whole number of people");
                 patch.capacity = body->raw()["capacity"].get<std::int64_t>();
               }
               if (body->has("geometry")) {
                 auto crs_text = body->optionalString("crs", 10);
                 if (!crs_text) return tl::unexpected(crs_text.error());
                 auto crs = parseCrs(crs_text->value_or(""), "crs");
                 if (!crs) return tl::unexpected(crs.error());
                 auto geometry = parseGeometry(body->raw()["geometry"], "geometry", *crs);
                 if (!geometry) return tl::unexpected(geometry.error());
                 patch.geometry = std::move(*geometry);
               }
               return respond(services.risks.update(*call.principal, *id, patch),
                              [](const risk::RiskPoint& p) { return riskPointJson(p); });
             });

  router.add("GET", "/api/v1/risk/points/{id}/assessments", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.risks.history(*call.principal, *id), [](const auto& list) {
                 Json items = Json::array();
                 for (const auto& a : list) items.push_back(assessmentJson(a));
                 return Json{{"items", items}};
               });
             });

  router.add("POST", "/api/v1/risk/points/{id}/assessments", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto body = BodyReader::parse(call.request.body, {"method", "basis", "inputs"});
               if (!body) return tl::unexpected(body.error());
               auto method = body->requiredString("method", 20);
               if (!method) return tl::unexpected(method.error());
               auto basis = body->optionalString("basis", 20);
               if (!basis) return tl::unexpected(basis.error());
               if (!body->has("inputs")) return invalid("inputs", "is required");
               auto input = parseMethodInput(*method, body->raw()["inputs"]);
               if (!input) return tl::unexpected(input.error());
               const auto& inputs = body->raw()["inputs"];
               const bool people_from_exposure =
                   *method == "gb18218" &&
                   (!inputs.contains("people_500m") || inputs["people_500m"].is_null());
               risk::AssessRequest request{std::move(*input), basis->value_or("inherent"),
                                           people_from_exposure};
               return respond(services.risks.assess(*call.principal, *id, request), assessmentJson,
                              201);
             });

  router.add("POST", "/api/v1/risk/assess", Access::Authenticated,
             [](Call& call) -> Result<HttpResponse> {
               if (auto r = identity::require(*call.principal, identity::Permission::RiskRead); !r)
                 return tl::unexpected(r.error());
               auto body = BodyReader::parse(call.request.body, {"method", "inputs"});
               if (!body) return tl::unexpected(body.error());
               auto method = body->requiredString("method", 20);
               if (!method) return tl::unexpected(method.error());
               if (!body->has("inputs")) return invalid("inputs", "is required");
               auto input = parseMethodInput(*method, body->raw()["inputs"]);
               if (!input) return tl::unexpected(input.error());
               auto evaluation = risk::evaluate(*input);
               if (!evaluation) return tl::unexpected(evaluation.error());
               Json out = Json::parse(evaluation->result_json);
               out["method"] = evaluation->method;
               out["value"] = evaluation->value;
               return jsonResponse(out);
             });

  router.add(
      "GET", "/api/v1/risk/points/{id}/exposure", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto id = pathId(call);
        if (!id) return tl::unexpected(id.error());
        auto radii = radiiOf(call.request);
        if (!radii) return tl::unexpected(radii.error());
        return respond(
            services.risks.exposure(*call.principal, *id, *radii), [](const auto& rings) {
              Json out = Json::array();
              for (const auto& ring : rings) {
                Json targets = Json::array();
                for (const auto& t : ring.targets) {
                  // A place outside the caller's scope comes without id and name.
                  targets.push_back({{"id", t.id ? Json(t.id) : Json(nullptr)},
                                     {"name", t.id ? Json(t.name) : Json(nullptr)},
                                     {"kind", risk::toString(t.kind)},
                                     {"capacity", t.capacity},
                                     {"distance_m", t.distance_m}});
                }
                out.push_back(
                    {{"radius_m", ring.radius_m}, {"people", ring.people}, {"targets", targets}});
              }
              return Json{{"radii", out}};
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
