#include "citysafe/core/org/org_service.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::org {

void to_json(nlohmann::json& out, const GeoPoint& at) { out = {{"lon", at.lon}, {"lat", at.lat}}; }

void to_json(nlohmann::json& out, const Organisation& o) {
  out = {{"id", o.id},
         {"parent_id", o.parent_id},
         {"kind", o.kind},
         {"name", o.name},
         {"path", o.path},
         {"credit_code",
          o.credit_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.credit_code)},
         {"sectors", o.sectors},
         {"address", o.address},
         {"location", o.location},
         {"created_at", o.created_at},
         {"updated_at", o.updated_at}};
}

}  // namespace citysafe::org

namespace citysafe::http {
namespace {

Result<std::optional<org::GeoPoint>> readLocation(const BodyReader& body) {
  if (!body.has("location") || body.isNull("location")) return std::optional<org::GeoPoint>{};
  const Json& loc = body.raw()["location"];
  if (!loc.is_object()) return invalid("location", "must be an object {lon, lat}");
  for (const auto& [key, value] : loc.items()) {
    if (key != "lon" && key != "lat") return invalid("location." + key, "is not a known field");
  }
  for (const char* axis : {"lon", "lat"}) {
    if (!loc.contains(axis) || !loc[axis].is_number())
      return invalid(std::string("location.") + axis, "must be a number");
  }
  return std::optional<org::GeoPoint>{
      org::GeoPoint{loc["lon"].get<double>(), loc["lat"].get<double>()}};
}

}  // namespace

void addOrgRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/orgs", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const QueryParams query(call.request);
               const auto p = CS_TRY(query.paging());
               const auto orgs = CS_TRY(services.orgs.list(
                   *call.principal, {.kind = CS_TRY(query.named<org::OrgKind>("kind")),
                                     .parent_id = CS_TRY(query.id<OrgTag>("parent_id")),
                                     .page = p}));
               return jsonResponse(page(orgs, p.limit));
             });

  router.add("POST", "/api/v1/orgs", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto body = CS_TRY(BodyReader::parse(
                   call.request.body,
                   {"name", "kind", "parent_id", "credit_code", "sectors", "address", "location"}));
               // Read one by one: the first bad field is the one named.
               auto name = CS_TRY(body.requiredString("name", 200));
               const auto kind = CS_TRY(body.requiredEnum<org::OrgKind>("kind"));
               const auto parent = CS_TRY(body.optionalId("parent_id"));
               auto code = CS_TRY(body.optionalString("credit_code", std::size_t{18} * 4));
               auto sectors = CS_TRY(body.optionalStrings("sectors"));
               auto address = CS_TRY(body.optionalString("address", 500));
               const auto location = CS_TRY(readLocation(body));
               org::OrgDraft draft{.name = std::move(name),
                                   .kind = kind,
                                   .parent_id = {},
                                   .credit_code = code.value_or(""),
                                   .sectors = sectors.value_or(std::vector<std::string>{}),
                                   .address = address.value_or(""),
                                   .location = location};
               if (parent) draft.parent_id = OrgId{*parent};
               return respond(services.orgs.create(*call.principal, draft), 201);
             });

  router.add("GET", "/api/v1/orgs/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<OrgTag>(call));
               return respond(services.orgs.get(*call.principal, id));
             });

  router.add("PATCH", "/api/v1/orgs/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<OrgTag>(call));
               auto body = CS_TRY(BodyReader::parse(call.request.body,
                                                    {"name", "address", "sectors", "location"}));
               org::OrgPatch patch;
               patch.name = CS_TRY(body.optionalString("name", 200));
               patch.address = CS_TRY(body.optionalString("address", 500));
               patch.sectors = CS_TRY(body.optionalStrings("sectors"));
               if (body.has("location")) patch.location = CS_TRY(readLocation(body));
               return respond(services.orgs.update(*call.principal, id, patch));
             });
}

}  // namespace citysafe::http
