#include "citysafe/core/org/org_service.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

Json orgJson(const org::Organisation& o) {
  Json j = {{"id", o.id.value},
            {"parent_id", o.parent_id ? Json(o.parent_id->value) : Json(nullptr)},
            {"kind", org::toString(o.kind)},
            {"name", o.name},
            {"path", o.path},
            {"sectors", o.sectors},
            {"address", o.address},
            {"created_at", isoTime(o.created_at)},
            {"updated_at", isoTime(o.updated_at)}};
  j["credit_code"] = o.credit_code.empty() ? Json(nullptr) : Json(o.credit_code);
  j["location"] =
      o.location ? Json{{"lon", o.location->lon}, {"lat", o.location->lat}} : Json(nullptr);
  return j;
}

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

Result<org::OrgKind> readKind(const std::string& text) {
  auto kind = org::parseOrgKind(text);
  if (!kind)
    return invalid("kind",
                   "must be one of city, district, street, community, enterprise, department");
  return *kind;
}

}  // namespace

void addOrgRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/orgs", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto p = paging(call.request);
               if (!p) return tl::unexpected(p.error());
               org::OrgListQuery query{.kind = {}, .parent_id = {}, .page = {p->limit, p->after}};
               if (auto it = call.request.query.find("kind"); it != call.request.query.end()) {
                 auto kind = readKind(it->second);
                 if (!kind) return tl::unexpected(kind.error());
                 query.kind = *kind;
               }
               if (auto it = call.request.query.find("parent_id"); it != call.request.query.end()) {
                 auto id = positiveQuery(call.request, "parent_id");
                 if (!id) return tl::unexpected(id.error());
                 query.parent_id = OrgId{*id};
               }
               auto orgs = services.orgs.list(*call.principal, query);
               if (!orgs) return tl::unexpected(orgs.error());
               Json items = Json::array();
               for (const auto& o : *orgs) items.push_back(orgJson(o));
               return jsonResponse(
                   page(std::move(items), orgs->empty() ? 0 : orgs->back().id.value, p->limit));
             });

  router.add("POST", "/api/v1/orgs", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto body = BodyReader::parse(
                   call.request.body,
                   {"name", "kind", "parent_id", "credit_code", "sectors", "address", "location"});
               if (!body) return tl::unexpected(body.error());
               auto name = body->requiredString("name", 200);
               auto kind_text = body->requiredString("kind", 20);
               auto parent = body->optionalId("parent_id");
               auto code = body->optionalString("credit_code", 18 * 4);
               auto sectors = body->optionalStrings("sectors");
               auto address = body->optionalString("address", 500);
               auto location = readLocation(*body);
               for (const Error* e :
                    {name ? nullptr : &name.error(), kind_text ? nullptr : &kind_text.error(),
                     parent ? nullptr : &parent.error(), code ? nullptr : &code.error(),
                     sectors ? nullptr : &sectors.error(), address ? nullptr : &address.error(),
                     location ? nullptr : &location.error()}) {
                 if (e) return tl::unexpected(*e);
               }
               auto kind = readKind(*kind_text);
               if (!kind) return tl::unexpected(kind.error());
               org::OrgDraft draft{.name = *name,
                                   .kind = *kind,
                                   .parent_id = {},
                                   .credit_code = code->value_or(""),
                                   .sectors = sectors->value_or(std::vector<std::string>{}),
                                   .address = address->value_or(""),
                                   .location = *location};
               if (*parent) draft.parent_id = OrgId{**parent};
               return respond(services.orgs.create(*call.principal, draft), orgJson, 201);
             });

  router.add("GET", "/api/v1/orgs/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.orgs.get(*call.principal, OrgId{*id}), orgJson);
             });

  router.add("PATCH", "/api/v1/orgs/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto body =
                   BodyReader::parse(call.request.body, {"name", "address", "sectors", "location"});
               if (!body) return tl::unexpected(body.error());
               org::OrgPatch patch;
               auto name = body->optionalString("name", 200);
               if (!name) return tl::unexpected(name.error());
               patch.name = *name;
               auto address = body->optionalString("address", 500);
               if (!address) return tl::unexpected(address.error());
               patch.address = *address;
               auto sectors = body->optionalStrings("sectors");
               if (!sectors) return tl::unexpected(sectors.error());
               patch.sectors = *sectors;
               if (body->has("location")) {
                 auto location = readLocation(*body);
                 if (!location) return tl::unexpected(location.error());
                 patch.location = *location;
               }
               return respond(services.orgs.update(*call.principal, OrgId{*id}, patch), orgJson);
             });
}

}  // namespace citysafe::http
