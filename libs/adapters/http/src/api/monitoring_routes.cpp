// Monitoring over HTTP: the registry, rules, series and bulk ingestion.
#include <map>

#include "citysafe/core/monitoring/ingestor.hpp"
#include "monitoring_json.hpp"
#include "reading_payload.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

using monitoring::Level;

Result<std::optional<double>> optionalNumber(const BodyReader& body, const char* key) {
  if (!body.has(key) || body.isNull(key)) return std::optional<double>{};
  const auto& v = body.raw()[key];
  if (!v.is_number()) return invalid(key, "must be a number");
  return std::optional<double>{v.get<double>()};
}

Result<std::optional<org::GeoPoint>> placeOf(const BodyReader& body) {
  auto lon = optionalNumber(body, "lon");
  if (!lon) return tl::unexpected(lon.error());
  auto lat = optionalNumber(body, "lat");
  if (!lat) return tl::unexpected(lat.error());
  if (!*lon && !*lat) return std::optional<org::GeoPoint>{};
  if (!*lon || !*lat) return invalid(*lon ? "lat" : "lon", "lon and lat go together");
  return std::optional<org::GeoPoint>{org::GeoPoint{**lon, **lat}};
}

Result<monitoring::Status> statusOf(const BodyReader& body) {
  auto text = body.optionalString("status", 20);
  if (!text) return tl::unexpected(text.error());
  if (!*text) return monitoring::Status::Active;
  auto s = monitoring::parseStatus(**text);
  if (!s) return invalid("status", "must be active, maintenance or retired");
  return *s;
}

Result<monitoring::DeviceDraft> readDevice(const std::string& text) {
  auto body = BodyReader::parse(text, {"code", "name", "model", "org_id", "sector", "risk_point_id",
                                       "lon", "lat", "address", "status"});
  if (!body) return tl::unexpected(body.error());
  monitoring::DeviceDraft d;
  auto code = body->requiredString("code", 64);
  if (!code) return tl::unexpected(code.error());
  d.code = *code;
  auto name = body->requiredString("name", 200);
  if (!name) return tl::unexpected(name.error());
  d.name = *name;
  auto model = body->optionalString("model", 200);
  if (!model) return tl::unexpected(model.error());
  d.model = model->value_or("");
  auto org = body->optionalId("org_id");
  if (!org) return tl::unexpected(org.error());
  if (!*org) return invalid("org_id", "is required: who owns the device");
  d.org_id = OrgId{**org};
  auto sector = body->optionalString("sector", 40);
  if (!sector) return tl::unexpected(sector.error());
  d.sector = sector->value_or("");
  auto risk = body->optionalId("risk_point_id");
  if (!risk) return tl::unexpected(risk.error());
  d.risk_point_id = *risk;
  auto place = placeOf(*body);
  if (!place) return tl::unexpected(place.error());
  if (!*place) return invalid("lon", "lon and lat are required: where the device is");
  d.location = **place;
  auto address = body->optionalString("address", 300);
  if (!address) return tl::unexpected(address.error());
  d.address = address->value_or("");
  auto status = statusOf(*body);
  if (!status) return tl::unexpected(status.error());
  d.status = *status;
  return d;
}

Result<monitoring::SensorDraft> readSensor(const std::string& text) {
  auto body = BodyReader::parse(text, {"code", "device_id", "name", "type", "unit", "interval_s",
                                       "status", "rules", "lon", "lat"});
  if (!body) return tl::unexpected(body.error());
  monitoring::SensorDraft d;
  auto code = body->requiredString("code", 64);
  if (!code) return tl::unexpected(code.error());
  d.code = *code;
  auto device = body->optionalId("device_id");
  if (!device) return tl::unexpected(device.error());
  if (!*device) return invalid("device_id", "is required: the device that carries the sensor");
  d.device_id = **device;
  auto name = body->requiredString("name", 200);
  if (!name) return tl::unexpected(name.error());
  d.name = *name;
  auto type = body->requiredString("type", 40);
  if (!type) return tl::unexpected(type.error());
  auto parsed = monitoring::parseSensorType(*type);
  if (!parsed) return invalid("type", "'" + *type + "' is not a sensor type");
  d.type = *parsed;
  auto unit = body->optionalString("unit", 20);
  if (!unit) return tl::unexpected(unit.error());
  d.unit = unit->value_or("");
  auto interval = optionalNumber(*body, "interval_s");
  if (!interval) return tl::unexpected(interval.error());
  if (*interval) {
    if (!(**interval >= 1 && **interval <= 86400) ||
        **interval != static_cast<double>(static_cast<int>(**interval))) {
      return invalid("interval_s", "must be a whole number of seconds, from 1 to 86400");
    }
    d.interval_s = static_cast<int>(**interval);
  }
  auto status = statusOf(*body);
  if (!status) return tl::unexpected(status.error());
  d.status = *status;
  auto rules = body->optionalString("rules", 4000);
  if (!rules) return tl::unexpected(rules.error());
  d.rules = rules->value_or("");
  auto place = placeOf(*body);
  if (!place) return tl::unexpected(place.error());
  d.location = *place;
  return d;
}

// Highest open alarm level per sensor, and whether its offline rule holds, within the scope.
struct SensorStates {
  std::map<std::int64_t, Level> level;
  std::map<std::int64_t, bool> offline;
};

Result<SensorStates> openStates(Services& services, const identity::Principal& who,
                                std::optional<std::int64_t> sensor_id = {}) {
  SensorStates out;
  monitoring::AlarmQuery q{
      .states = {monitoring::AlarmState::Active, monitoring::AlarmState::Acknowledged,
                 monitoring::AlarmState::Handling},
      .sensor_id = sensor_id,
      .cleared = false};
  std::int64_t before = 0;
  for (int pages = 0; pages < 20; ++pages) {
    auto list = services.monitoring.alarms(who, q, 1000, before);
    if (!list) return tl::unexpected(list.error());
    for (const auto& a : *list) {
      auto& l = out.level[a.sensor_id];
      l = std::max(l, a.level);
      if (a.rule == "offline") out.offline[a.sensor_id] = true;
      before = a.id;
    }
    if (list->size() < 1000) break;
  }
  return out;
}

// The stored last value lags by up to a minute (it is saved when a minute closes); this node's
// ingestion knows the newest.
void withLatest(Services& services, std::vector<monitoring::Sensor>& sensors) {
  std::vector<std::int64_t> ids;
  ids.reserve(sensors.size());
  for (const auto& s : sensors) ids.push_back(s.id);
  const auto latest = services.ingestor.latest(ids);
  for (std::size_t i = 0; i < sensors.size(); ++i) {
    if (latest[i].at_ms > sensors[i].last_at_ms.value_or(0)) {
      sensors[i].last_at_ms = latest[i].at_ms;
      sensors[i].last_value = latest[i].value;
    }
  }
}

Result<int> limitOf(const HttpRequest& request, int fallback, int most) {
  auto it = request.query.find("limit");
  if (it == request.query.end() || it->second.empty()) return fallback;
  auto v = positiveQuery(request, "limit");
  if (!v || *v > most) return invalid("limit", "must be between 1 and " + std::to_string(most));
  return static_cast<int>(*v);
}

Result<std::int64_t> afterOf(const HttpRequest& request) {
  for (const char* name : {"after", "cursor"}) {
    auto it = request.query.find(name);
    if (it != request.query.end() && !it->second.empty()) return positiveQuery(request, name);
  }
  return 0;
}

Result<store::SensorFilter> sensorFilter(const HttpRequest& r) {
  store::SensorFilter f;
  auto query = [&](const char* name) {
    auto it = r.query.find(name);
    return it == r.query.end() ? std::string() : it->second;
  };
  if (auto t = query("type"); !t.empty()) {
    f.type = monitoring::parseSensorType(t);
    if (!f.type) return invalid("type", "'" + t + "' is not a sensor type");
  }
  if (auto s = query("status"); !s.empty()) {
    f.status = monitoring::parseStatus(s);
    if (!f.status) return invalid("status", "must be active, maintenance or retired");
  }
  if (!query("device_id").empty()) {
    auto id = positiveQuery(r, "device_id");
    if (!id) return tl::unexpected(id.error());
    f.device_id = *id;
  }
  if (!query("risk_point_id").empty()) {
    auto id = positiveQuery(r, "risk_point_id");
    if (!id) return tl::unexpected(id.error());
    f.risk_point_id = *id;
  }
  if (auto b = query("bbox"); !b.empty()) {
    auto box = parseBBox(b);
    if (!box) return tl::unexpected(box.error());
    f.bbox = *box;
  }
  f.text = query("q").substr(0, 100);
  return f;
}

void addRegistryRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/devices", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto limit = limitOf(call.request, 100, 1000);
               if (!limit) return tl::unexpected(limit.error());
               auto after = afterOf(call.request);
               if (!after) return tl::unexpected(after.error());
               auto list = services.monitoring.devices(*call.principal, *limit, *after);
               if (!list) return tl::unexpected(list.error());
               Json items = Json::array();
               for (const auto& d : *list) items.push_back(deviceJson(d));
               return jsonResponse(page(items, list->empty() ? 0 : list->back().id, *limit));
             });
  router.add("POST", "/api/v1/devices", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto draft = readDevice(call.request.body);
               if (!draft) return tl::unexpected(draft.error());
               return respond(services.monitoring.createDevice(*call.principal, *draft), deviceJson,
                              201);
             });
  router.add("GET", "/api/v1/devices/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.monitoring.device(*call.principal, *id), deviceJson);
             });
  router.add("PUT", "/api/v1/devices/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto draft = readDevice(call.request.body);
               if (!draft) return tl::unexpected(draft.error());
               return respond(services.monitoring.updateDevice(*call.principal, *id, *draft),
                              deviceJson);
             });

  router.add(
      "GET", "/api/v1/sensors", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto filter = sensorFilter(call.request);
        if (!filter) return tl::unexpected(filter.error());
        auto limit = limitOf(call.request, 500, 5000);
        if (!limit) return tl::unexpected(limit.error());
        auto after = afterOf(call.request);
        if (!after) return tl::unexpected(after.error());
        auto list = services.monitoring.sensors(*call.principal, *filter, *limit, *after);
        if (!list) return tl::unexpected(list.error());
        withLatest(services, *list);
        auto states = openStates(services, *call.principal);
        if (!states) return tl::unexpected(states.error());
        Json items = Json::array();
        for (const auto& s : *list) {
          auto level = states->level.find(s.id);
          items.push_back(sensorJson(s, level == states->level.end() ? Level::None : level->second,
                                     states->offline.contains(s.id)));
        }
        return jsonResponse(page(items, list->empty() ? 0 : list->back().id, *limit));
      });
  router.add("POST", "/api/v1/sensors", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto draft = readSensor(call.request.body);
               if (!draft) return tl::unexpected(draft.error());
               return respond(
                   services.monitoring.createSensor(*call.principal, *draft),
                   [](const auto& s) { return sensorJson(s); }, 201);
             });
  router.add("GET", "/api/v1/sensors/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto found = services.monitoring.sensor(*call.principal, *id);
               if (!found) return tl::unexpected(found.error());
               std::vector<monitoring::Sensor> one = {*found};
               withLatest(services, one);
               const auto& sensor = one.front();
               auto states = openStates(services, *call.principal, *id);
               if (!states) return tl::unexpected(states.error());
               const auto level = states->level.find(*id);
               return jsonResponse(
                   sensorJson(sensor, level == states->level.end() ? Level::None : level->second,
                              states->offline.contains(*id)));
             });
  router.add("PUT", "/api/v1/sensors/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               auto draft = readSensor(call.request.body);
               if (!draft) return tl::unexpected(draft.error());
               return respond(services.monitoring.updateSensor(*call.principal, *id, *draft),
                              [](const auto& s) { return sensorJson(s); });
             });
  router.add("GET", "/api/v1/sensors/{id}/rules", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = pathId(call);
               if (!id) return tl::unexpected(id.error());
               return respond(services.monitoring.effectiveRules(*call.principal, *id),
                              [](const auto& rules) {
                                Json items = Json::array();
                                for (const auto& r : rules) items.push_back(ruleJson(r));
                                return Json{{"items", items}};
                              });
             });
}

void addSeriesRoutes(Router& router, Services& services) {
  router.add(
      "GET", "/api/v1/sensors/{id}/series", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto id = pathId(call);
        if (!id) return tl::unexpected(id.error());
        auto it = call.request.query.find("resolution");
        const std::string res = it == call.request.query.end() ? "raw" : it->second;
        store::Resolution resolution = store::Resolution::Raw;
        std::chrono::hours window{1};
        if (res == "minute") {
          resolution = store::Resolution::Minute;
          window = std::chrono::hours(24);
        } else if (res == "hour") {
          resolution = store::Resolution::Hour;
          window = std::chrono::hours(24 * 30);
        } else if (res != "raw") {
          return invalid("resolution", "must be raw, minute or hour");
        }
        auto from = timeQuery(call.request, "from");
        if (!from) return tl::unexpected(from.error());
        auto to = timeQuery(call.request, "to");
        if (!to) return tl::unexpected(to.error());
        const TimePoint end = to->value_or(services.ctx.clock.now() + std::chrono::minutes(1));
        const TimePoint start = from->value_or(end - window);
        auto limit = limitOf(call.request, 5000, 20000);
        if (!limit) return tl::unexpected(limit.error());
        auto points =
            services.monitoring.series(*call.principal, *id, resolution, start, end, *limit);
        if (!points) return tl::unexpected(points.error());
        Json items = Json::array();
        for (const auto& p : *points) {
          items.push_back(
              {{"t", p.at_ms}, {"v", p.value}, {"min", p.min}, {"max", p.max}, {"n", p.count}});
        }
        return jsonResponse({{"resolution", res},
                             {"from", isoTime(start)},
                             {"to", isoTime(end)},
                             {"points", items}});
      });

  router.add("GET", "/api/v1/sensor-types", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               Json items = Json::array();
               for (int i = 0; i < monitoring::kSensorTypeCount; ++i) {
                 const auto type = static_cast<monitoring::SensorType>(i);
                 auto set = services.monitoring.typeRules(*call.principal, type);
                 if (!set) return tl::unexpected(set.error());
                 Json units = Json::array();
                 Json defaults = Json::object();
                 for (const auto u : monitoring::unitsOf(type)) {
                   units.push_back(std::string(u));
                   defaults[std::string(u)] = std::string(monitoring::defaultRulesOf(type, u));
                 }
                 items.push_back({{"type", monitoring::toString(type)},
                                  {"units", units},
                                  {"default_rules", defaults},
                                  {"rules", *set}});
               }
               return jsonResponse({{"items", items}});
             });
  router.add(
      "PUT", "/api/v1/sensor-types/{type}/rules", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto type = monitoring::parseSensorType(call.params["type"]);
        if (!type) return invalid("type", "is not a sensor type");
        auto body = BodyReader::parse(call.request.body, {"rules"});
        if (!body) return tl::unexpected(body.error());
        auto rules = body->optionalString("rules", 4000);
        if (!rules) return tl::unexpected(rules.error());
        if (auto r = services.monitoring.setTypeRules(*call.principal, *type, rules->value_or(""));
            !r) {
          return tl::unexpected(r.error());
        }
        return jsonResponse(
            {{"type", monitoring::toString(*type)}, {"rules", rules->value_or("")}});
      });
}

void addIngestRoutes(Router& router, Services& services) {
  router
      .add("POST", "/api/v1/readings", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             const auto& who = *call.principal;
             if (auto r = identity::require(who, identity::Permission::ReadingIngest); !r) {
               return tl::unexpected(r.error());
             }
             ingest::ParsedPayload parsed;
             ingest::parsePayload("", call.request.body, parsed);
             if (parsed.readings.empty() && parsed.malformed > 0) {
               return invalid("body", parsed.first_error);
             }
             auto tally = services.ingestor.ingest(parsed.readings, identity::scopeOf(who));
             if (!tally) return tl::unexpected(tally.error());
             tally->malformed += parsed.malformed;
             services.ingestor.countMalformed(parsed.malformed);
             return jsonResponse(tallyJson(*tally));
           })
      .takesFile()
      .needs(identity::Permission::ReadingIngest);
  router.add("GET", "/api/v1/monitoring/status", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               if (auto r = services.ingestor.mayReadStatus(*call.principal); !r) {
                 return tl::unexpected(r.error());
               }
               return jsonResponse({{"sensors_loaded", services.ingestor.sensorCount()},
                                    {"engine_bytes", services.ingestor.engineBytes()},
                                    {"totals", tallyJson(services.ingestor.totals())}});
             });
}

}  // namespace

void addMonitoringRoutes(Router& router, Services& services) {
  addRegistryRoutes(router, services);
  addSeriesRoutes(router, services);
  addIngestRoutes(router, services);
}

}  // namespace citysafe::http
