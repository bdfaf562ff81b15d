// Alarms over HTTP: lists, people's steps, hazards from alarms, and the figures.
#include <sstream>

#include "monitoring_json.hpp"
#include "query_params.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

Result<monitoring::AlarmQuery> alarmQuery(const QueryParams& q) {
  monitoring::AlarmQuery out;
  std::stringstream states(q.textOr("state", ""));
  for (std::string part; std::getline(states, part, ',');) {
    if (!part.empty())
      out.states.push_back(CS_TRY(readEnum<monitoring::AlarmState>(part, "state")));
  }
  out.min_level = CS_TRY(q.named<monitoring::Level>("min_level"));
  out.sensor_id = CS_TRY(q.id<SensorTag>("sensor_id"));
  out.site = q.text("site");
  out.org_id = CS_TRY(q.id<OrgTag>("org_id"));
  out.sector = q.text("sector");
  out.from = CS_TRY(q.time("from"));
  out.to = CS_TRY(q.time("to"));
  out.cleared = CS_TRY(q.flag("cleared"));
  return out;
}

}  // namespace

void addAlarmRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/alarms", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const QueryParams q(call.request);
               auto query = CS_TRY(alarmQuery(q));
               const auto paging = CS_TRY(q.paging());
               // Newest first: the cursor is the last id seen, and the next page lies before it.
               auto list = CS_TRY(services.monitoring.alarms(*call.principal, query, paging.limit,
                                                             AlarmId{paging.after_id}));
               return jsonResponse(page(list, paging.limit));
             });

  router.add("GET", "/api/v1/alarms/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<AlarmTag>(call));
               return respond(services.monitoring.alarm(*call.principal, id), kAsJson);
             });

  router.add("POST", "/api/v1/alarms/{id}/actions", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<AlarmTag>(call));
               auto body = CS_TRY(BodyReader::parse(
                   call.request.body, {"action", "disposition", "notes", "row_version"}));
               monitoring::AlarmStep step;
               step.action = CS_TRY(body.requiredEnum<monitoring::AlarmAction>("action"));
               step.disposition = CS_TRY(body.optionalEnum<monitoring::Disposition>("disposition"));
               step.notes = CS_TRY(body.optionalString("notes", 2000)).value_or("");
               std::optional<std::int64_t> version;
               if (body.has("row_version") && !body.isNull("row_version")) {
                 const auto& v = body.raw()["row_version"];
                 if (!v.is_number_integer()) return invalid("row_version", "must be an integer");
                 version = v.get<std::int64_t>();
               }
               return respond(services.monitoring.act(*call.principal, id, step, version), kAsJson);
             });

  router.add("POST", "/api/v1/alarms/{id}/hazard", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<AlarmTag>(call));
               auto body = CS_TRY(BodyReader::parse(
                   call.request.body.empty() ? "{}" : call.request.body, {"title", "description"}));
               auto title = CS_TRY(body.optionalString("title", 200)).value_or("");
               auto description = CS_TRY(body.optionalString("description", 4000)).value_or("");
               auto h = CS_TRY(services.monitoring.openHazard(
                   *call.principal, id, services.hazards.loop, title, description));
               return jsonResponse({{"id", h.id}, {"code", h.code}, {"state", "reported"}}, 201);
             });

  router.add("GET", "/api/v1/monitoring/figures", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const QueryParams q(call.request);
               auto org = CS_TRY(q.id<OrgTag>("org_id"));
               auto from = CS_TRY(q.time("from"));
               auto to = CS_TRY(q.time("to"));
               return respond(
                   services.monitoring.figures(*call.principal, org, q.text("sector"), from, to),
                   kAsJson);
             });
}

}  // namespace citysafe::http
