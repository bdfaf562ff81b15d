// Monitoring over HTTP: the registry, rules, series and bulk ingestion.
#include "citysafe/core/monitoring/ingestor.hpp"
#include "monitoring_json.hpp"
#include "query_params.hpp"
#include "reading_payload.hpp"
#include "routes.hpp"

namespace citysafe::http {
namespace {

Result<std::optional<double>> optionalNumber(const BodyReader& body, const char* key) {
  if (!body.has(key) || body.isNull(key)) return std::optional<double>{};
  const auto& v = body.raw()[key];
  if (!v.is_number()) return invalid(key, "must be a number");
  return std::optional<double>{v.get<double>()};
}

Result<std::optional<org::GeoPoint>> placeOf(const BodyReader& body) {
  auto lon = CS_TRY(optionalNumber(body, "lon"));
  auto lat = CS_TRY(optionalNumber(body, "lat"));
  if (!lon && !lat) return std::optional<org::GeoPoint>{};
  if (!lon || !lat) return invalid(lon ? "lat" : "lon", "lon and lat go together");
  return std::optional<org::GeoPoint>{org::GeoPoint{*lon, *lat}};
}

Result<monitoring::DeviceDraft> readDevice(const std::string& text) {
  auto body = CS_TRY(BodyReader::parse(text, {"code", "name", "model", "org_id", "sector",
                                              "risk_point_id", "lon", "lat", "address", "status"}));
  monitoring::DeviceDraft d;
  d.code = CS_TRY(body.requiredString("code", 64));
  d.name = CS_TRY(body.requiredString("name", 200));
  d.model = CS_TRY(body.optionalString("model", 200)).value_or("");
  auto org = CS_TRY(body.optionalId("org_id"));
  if (!org) return invalid("org_id", "is required: who owns the device");
  d.org_id = OrgId{*org};
  d.sector = CS_TRY(body.optionalString("sector", 40)).value_or("");
  d.risk_point_id = CS_TRY(body.optionalId("risk_point_id"));
  auto place = CS_TRY(placeOf(body));
  if (!place) return invalid("lon", "lon and lat are required: where the device is");
  d.location = *place;
  d.address = CS_TRY(body.optionalString("address", 300)).value_or("");
  d.status =
      CS_TRY(body.optionalEnum<monitoring::Status>("status")).value_or(monitoring::Status::Active);
  return d;
}

Result<monitoring::SensorDraft> readSensor(const std::string& text) {
  auto body = CS_TRY(BodyReader::parse(text, {"code", "device_id", "name", "type", "unit",
                                              "interval_s", "status", "rules", "lon", "lat"}));
  monitoring::SensorDraft d;
  d.code = CS_TRY(body.requiredString("code", 64));
  auto device = CS_TRY(body.optionalId("device_id"));
  if (!device) return invalid("device_id", "is required: the device that carries the sensor");
  d.device_id = DeviceId{*device};
  d.name = CS_TRY(body.requiredString("name", 200));
  d.type = CS_TRY(body.requiredEnum<monitoring::SensorType>("type"));
  d.unit = CS_TRY(body.optionalString("unit", 20)).value_or("");
  if (auto interval = CS_TRY(optionalNumber(body, "interval_s"))) {
    if (!(*interval >= 1 && *interval <= 86400) ||
        *interval != static_cast<double>(static_cast<int>(*interval))) {
      return invalid("interval_s", "must be a whole number of seconds, from 1 to 86400");
    }
    d.interval = std::chrono::seconds(static_cast<int>(*interval));
  }
  d.status =
      CS_TRY(body.optionalEnum<monitoring::Status>("status")).value_or(monitoring::Status::Active);
  d.rules = CS_TRY(body.optionalString("rules", 4000)).value_or("");
  d.location = CS_TRY(placeOf(body));
  return d;
}

Result<store::SensorFilter> sensorFilter(const QueryParams& q) {
  store::SensorFilter f;
  f.type = CS_TRY(q.named<monitoring::SensorType>("type"));
  f.status = CS_TRY(q.named<monitoring::Status>("status"));
  f.device_id = CS_TRY(q.id<DeviceTag>("device_id"));
  f.risk_point_id = CS_TRY(q.integer("risk_point_id", 1, INT64_MAX));
  if (auto b = q.text("bbox")) f.bbox = CS_TRY(parseBBox(*b));
  f.text = q.textOr("q", "").substr(0, 100);
  return f;
}

void addRegistryRoutes(Router& router, Services& services) {
  router.add("GET", "/api/v1/devices", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               const auto paging = CS_TRY(QueryParams(call.request).paging());
               auto list = CS_TRY(services.monitoring.devices(*call.principal, paging.limit,
                                                              DeviceId{paging.after_id}));
               return jsonResponse(page(list, paging.limit));
             });
  router.add("POST", "/api/v1/devices", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto draft = CS_TRY(readDevice(call.request.body));
               return respond(services.monitoring.createDevice(*call.principal, draft), kAsJson,
                              201);
             });
  router.add("GET", "/api/v1/devices/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<DeviceTag>(call));
               return respond(services.monitoring.device(*call.principal, id), kAsJson);
             });
  router.add("PUT", "/api/v1/devices/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<DeviceTag>(call));
               auto draft = CS_TRY(readDevice(call.request.body));
               return respond(services.monitoring.updateDevice(*call.principal, id, draft),
                              kAsJson);
             });

  router.add(
      "GET", "/api/v1/sensors", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        const QueryParams q(call.request);
        auto filter = CS_TRY(sensorFilter(q));
        const auto paging = CS_TRY(q.paging());
        auto list = CS_TRY(services.monitoring.sensorViews(
            *call.principal, filter, paging.limit, SensorId{paging.after_id}, services.ingestor));
        return jsonResponse(page(list, paging.limit));
      });
  router.add("POST", "/api/v1/sensors", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto draft = CS_TRY(readSensor(call.request.body));
               return respond(services.monitoring.createSensor(*call.principal, draft), kAsJson,
                              201);
             });
  router.add("GET", "/api/v1/sensors/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<SensorTag>(call));
               return respond(
                   services.monitoring.sensorView(*call.principal, id, services.ingestor), kAsJson);
             });
  router.add("PUT", "/api/v1/sensors/{id}", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<SensorTag>(call));
               auto draft = CS_TRY(readSensor(call.request.body));
               return respond(services.monitoring.updateSensor(*call.principal, id, draft),
                              kAsJson);
             });
  router.add("GET", "/api/v1/sensors/{id}/rules", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto id = CS_TRY(pathIdOf<SensorTag>(call));
               return respond(services.monitoring.effectiveRules(*call.principal, id), kAsItems);
             });
}

void addSeriesRoutes(Router& router, Services& services) {
  router.add(
      "GET", "/api/v1/sensors/{id}/series", Access::Authenticated,
      [&services](Call& call) -> Result<HttpResponse> {
        auto id = CS_TRY(pathIdOf<SensorTag>(call));
        const QueryParams q(call.request);
        const auto resolution =
            CS_TRY(q.named<store::Resolution>("resolution")).value_or(store::Resolution::Raw);
        const auto from = CS_TRY(q.time("from"));
        const auto to = CS_TRY(q.time("to"));
        const auto limit = CS_TRY(q.integer("limit", 1, 20000)).value_or(5000);
        return respond(services.monitoring.series(*call.principal, id, resolution, from, to,
                                                  static_cast<int>(limit)),
                       kAsJson);
      });

  router.add("GET", "/api/v1/sensor-types", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               return respond(services.monitoring.sensorTypes(*call.principal), kAsItems);
             });
  router.add("PUT", "/api/v1/sensor-types/{type}/rules", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               auto type = CS_TRY(readEnum<monitoring::SensorType>(call.params["type"], "type"));
               auto body = CS_TRY(BodyReader::parse(call.request.body, {"rules"}));
               auto rules = CS_TRY(body.optionalString("rules", 4000)).value_or("");
               CS_TRY(services.monitoring.setTypeRules(*call.principal, type, rules));
               return jsonResponse({{"type", type}, {"rules", rules}});
             });
}

void addIngestRoutes(Router& router, Services& services) {
  router
      .add("POST", "/api/v1/readings", Access::Authenticated,
           [&services](Call& call) -> Result<HttpResponse> {
             ingest::ParsedPayload parsed;
             ingest::parsePayload("", call.request.body, parsed);
             if (parsed.readings.empty() && parsed.malformed > 0) {
               return invalid("body", parsed.first_error);
             }
             return respond(
                 services.ingestor.ingestAs(*call.principal, parsed.readings, parsed.malformed),
                 kAsJson);
           })
      .takesFile()
      .needs(identity::Permission::ReadingIngest);
  router.add("GET", "/api/v1/monitoring/status", Access::Authenticated,
             [&services](Call& call) -> Result<HttpResponse> {
               return respond(services.ingestor.status(*call.principal), kAsJson);
             });
}

}  // namespace

void addMonitoringRoutes(Router& router, Services& services) {
  addRegistryRoutes(router, services);
  addSeriesRoutes(router, services);
  addIngestRoutes(router, services);
}

}  // namespace citysafe::http
