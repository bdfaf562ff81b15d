// Alarms over HTTP: lists, people's steps, hazards from alarms, and the figures.
#include <sstream>

#include "monitoring_json.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

std::string queryOf(const HttpRequest& r, const char* name) {
  auto it = r.query.find(name);
  return it == r.query.end() ? std::string() : it->second;
}

Result<monitoring::AlarmQuery> alarmQuery(const HttpRequest& r) {
  monitoring::AlarmQuery q;
  std::stringstream states(queryOf(r, "state"));
  std::string part;
  while (std::getline(states, part, ',')) {
    if (part.empty()) continue;
    auto s = monitoring::parseAlarmState(part);
    if (!s)
      return invalid("state", "'" + part + "' is not active, acknowledged, handling or closed");
    q.states.push_back(*s);
  }
  if (auto l = queryOf(r, "min_level"); !l.empty()) {
    q.min_level = monitoring::parseLevel(l);
    if (!q.min_level) return invalid("min_level", "must be blue, yellow, orange or red");
  }
  if (!queryOf(r, "sensor_id").empty()) {
    auto id = positiveQuery(r, "sensor_id");
    if (!id) return tl::unexpected(id.error());
    q.sensor_id = *id;
  }
  if (auto s = queryOf(r, "site"); !s.empty()) q.site = s;
  if (!queryOf(r, "org_id").empty()) {
    auto id = positiveQuery(r, "org_id");
    if (!id) return tl::unexpected(id.error());
    q.org_id = OrgId{*id};
  }
  if (auto s = queryOf(r, "sector"); !s.empty()) q.sector = s;
  auto from = timeQuery(r, "from");
  if (!from) return tl::unexpected(from.error());
  q.from = *from;
  auto to = timeQuery(r, "to");
  if (!to) return tl::unexpected(to.error());
  q.to = *to;
  if (auto c = queryOf(r, "cleared"); !c.empty()) {
    if (c != "true" && c != "false") return invalid("cleared", "must be true or false");
    q.cleared = c == "true";
  }
  return q;
}

}  // namespace

void addAlarmRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/alarms", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto q = alarmQuery(call.request);
               if (!q) return tl::unexpected(q.error());
               int limit = 100;
               if (!queryOf(call.request, "limit").empty()) {
                 auto l = positiveQuery(call.request, "limit");
                 if (!l || *l > 1000) return invalid("limit", "must be between 1 and 1000");
                 limit = static_cast<int>(*l);
               }
               std::int64_t before = 0;
               if (!queryOf(call.request, "before").empty()) {
                 auto b = positiveQuery(call.request, "before");
                 if (!b) return tl::unexpected(b.error());
                 before = *b;
               }
               auto list = services.monitoring.alarms(*call.principal, *q, limit, before);
               if (!list) return tl::unexpected(list.error());
               Json items = Json::array();
               for (const auto& a : *list) items.push_back(alarmJson(a));
               const bool full = static_cast<int>(list->size()) >= limit;
               return jsonResponse({{"items", items},
                                    {"next_before", full ? Json(list->back().id) : Json(nullptr)}});
             });

  router.add("GET", "/api/v1/alarms/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.monitoring.alarm(*call.principal, *id), alarmJson);
             });

  router.add(
      "POST", "/api/v1/alarms/{id}/actions", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto id = pathId(call);
        if (!id) return tl::unexpected(id.error());
        auto body =
            BodyReader::parse(call.request.body, {"action", "disposition", "notes", "row_version"});
        if (!body) return tl::unexpected(body.error());
        auto action = body->requiredString("action", 20);
        if (!action) return tl::unexpected(action.error());
        monitoring::AlarmStep step;
        auto parsed = monitoring::parseAlarmAction(*action);
        if (!parsed) return invalid("action", "must be acknowledge, handle or close");
        step.action = *parsed;
        auto disposition = body->optionalString("disposition", 20);
        if (!disposition) return tl::unexpected(disposition.error());
        if (*disposition) {
          step.disposition = monitoring::parseDisposition(**disposition);
          if (!step.disposition) {
            return invalid("disposition",
                           "must be real_danger, false_alarm, device_fault or maintenance");
          }
        }
        auto notes = body->optionalString("notes", 2000);
        if (!notes) return tl::unexpected(notes.error());
        step.notes = notes->value_or("");
        std::optional<std::int64_t> version;
        if (body->has("row_version") && !body->isNull("row_version")) {
          const auto& v = body->raw()["row_version"];
          if (!v.is_number_integer()) return invalid("row_version", "must be an integer");
          version = v.get<std::int64_t>();
        }
        return respond(services.monitoring.act(*call.principal, *id, step, version), alarmJson);
      });

  router.add("POST", "/api/v1/alarms/{id}/hazard", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto body = BodyReader::parse(call.request.body.empty() ? "{}" : call.request.body,
                                             {"title", "description"});
               if (!body) return tl::unexpected(body.error());
               auto title = body->optionalString("title", 200);
               if (!title) return tl::unexpected(title.error());
               auto description = body->optionalString("description", 4000);
               if (!description) return tl::unexpected(description.error());
               auto h =
                   services.monitoring.openHazard(*call.principal, *id, services.hazards.loop,
                                                  title->value_or(""), description->value_or(""));
               if (!h) return tl::unexpected(h.error());
               return jsonResponse({{"id", h->id}, {"code", h->code}, {"state", "reported"}}, 201);
             });

  router.add("GET", "/api/v1/monitoring/figures", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const auto now = services.ctx.clock.now();
               auto from = timeQuery(call.request, "from");
               if (!from) return tl::unexpected(from.error());
               auto to = timeQuery(call.request, "to");
               if (!to) return tl::unexpected(to.error());
               std::optional<OrgId> org;
               if (!queryOf(call.request, "org_id").empty()) {
                 auto id = positiveQuery(call.request, "org_id");
                 if (!id) return tl::unexpected(id.error());
                 org = OrgId{*id};
               }
               std::optional<std::string> sector;
               if (auto s = queryOf(call.request, "sector"); !s.empty()) sector = s;
               return respond(
                   services.monitoring.figures(*call.principal, org, sector,
                                               from->value_or(now - std::chrono::hours(24 * 30)),
                                               to->value_or(now + std::chrono::minutes(1))),
                   alarmFiguresJson);
             });
}

}  // namespace citysafe::http
