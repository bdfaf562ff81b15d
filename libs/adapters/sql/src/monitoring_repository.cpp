// The monitoring registry; the time series is in reading_series.cpp, alarms in
// alarm_repository.cpp.
#include "citysafe/sql/columns.hpp"
#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using monitoring::Device;
using monitoring::Sensor;

// One column list per table: the SELECT list, the INSERT, the UPDATE and the positions read and
// bound all come from it (the values are bound in its order, after the id).
constexpr Columns<15> kDevice{{"id", "code", "name", "model", "org_id", "org_path", "sector",
                               "sectors", "risk_point_id", "lon", "lat", "address", "status",
                               "created_at", "updated_at"}};
constexpr Columns<18> kSensor{{"id", "code", "device_id", "name", "type", "unit", "interval_s",
                               "status", "rules", "org_id", "org_path", "sector", "sectors",
                               "risk_point_id", "lon", "lat", "created_at", "updated_at"}};
// Read after kSensor's columns; written by ingestion (setLast), not by the registry.
constexpr Columns<2> kSensorLast{{"last_at", "last_value"}};

Result<Device> deviceFrom(const Row& r) {
  constexpr auto kCol = kDevice;
  return Device{.id = DeviceId{r.getInt(kCol.at("id"))},
                .code = r.getText(kCol.at("code")),
                .name = r.getText(kCol.at("name")),
                .model = r.getText(kCol.at("model")),
                .org_id = OrgId{r.getInt(kCol.at("org_id"))},
                .org_path = r.getText(kCol.at("org_path")),
                .sector = r.getText(kCol.at("sector")),
                .risk_point_id = optInt(r, kCol.at("risk_point_id")),
                .location = {r.getDouble(kCol.at("lon")), r.getDouble(kCol.at("lat"))},
                .address = r.getText(kCol.at("address")),
                .status = CS_TRY(
                    storedEnum<monitoring::Status>(r.getText(kCol.at("status")), "devices.status")),
                .created_at = fromEpochMs(r.getInt(kCol.at("created_at"))),
                .updated_at = fromEpochMs(r.getInt(kCol.at("updated_at")))};
}

// Every column after the id, in kDevice's order.
std::vector<Value> deviceValues(const Device& d) {
  return {d.code,
          d.name,
          d.model,
          d.org_id.value,
          d.org_path,
          d.sector,
          joinSectors({d.sector}),
          intValue(d.risk_point_id),
          d.location.lon,
          d.location.lat,
          d.address,
          std::string(nameOf(d.status)),
          toEpochMs(d.created_at),
          toEpochMs(d.updated_at)};
}

Result<Sensor> sensorFrom(const Row& r) {
  constexpr auto kCol = kSensor;
  constexpr auto kLastAt = kSensor.size() + kSensorLast.at("last_at");
  constexpr auto kLastValue = kSensor.size() + kSensorLast.at("last_value");
  return Sensor{
      .id = SensorId{r.getInt(kCol.at("id"))},
      .code = r.getText(kCol.at("code")),
      .device_id = DeviceId{r.getInt(kCol.at("device_id"))},
      .name = r.getText(kCol.at("name")),
      .type =
          CS_TRY(storedEnum<monitoring::SensorType>(r.getText(kCol.at("type")), "sensors.type")),
      .unit = r.getText(kCol.at("unit")),
      .interval = std::chrono::seconds(r.getInt(kCol.at("interval_s"))),
      .status =
          CS_TRY(storedEnum<monitoring::Status>(r.getText(kCol.at("status")), "sensors.status")),
      .rules = r.getText(kCol.at("rules")),
      .org_id = OrgId{r.getInt(kCol.at("org_id"))},
      .org_path = r.getText(kCol.at("org_path")),
      .sector = r.getText(kCol.at("sector")),
      .risk_point_id = optInt(r, kCol.at("risk_point_id")),
      .location = {r.getDouble(kCol.at("lon")), r.getDouble(kCol.at("lat"))},
      .created_at = fromEpochMs(r.getInt(kCol.at("created_at"))),
      .updated_at = fromEpochMs(r.getInt(kCol.at("updated_at"))),
      .last_at_ms = optInt(r, kLastAt),
      .last_value = r.getDouble(kLastValue)};
}

// Every column after the id, in kSensor's order.
std::vector<Value> sensorValues(const Sensor& s) {
  return {s.code,
          s.device_id.value,
          s.name,
          std::string(nameOf(s.type)),
          s.unit,
          std::int64_t{s.interval.count()},
          std::string(nameOf(s.status)),
          s.rules,
          s.org_id.value,
          s.org_path,
          s.sector,
          joinSectors({s.sector}),
          intValue(s.risk_point_id),
          s.location.lon,
          s.location.lat,
          toEpochMs(s.created_at),
          toEpochMs(s.updated_at)};
}

// An UPDATE of every column after the id, of the row with this id.
template <std::size_t N>
Result<void> updateById(Connection& conn, const Columns<N>& columns, const std::string& table,
                        std::vector<Value> values, std::int64_t id) {
  values.emplace_back(id);
  CS_TRY(conn.exec("UPDATE " + table + " SET " + columns.assignments() + " WHERE id = ?", values));
  return ok();
}

}  // namespace

Result<DeviceId> SqlMonitoringRepository::insertDevice(const Device& d) {
  return DeviceId{
      CS_TRY(queryInt(conn_, kDevice.insertInto("devices") + " RETURNING id", deviceValues(d)))};
}

Result<void> SqlMonitoringRepository::updateDevice(const Device& d) {
  CS_TRY(updateById(conn_, kDevice, "devices", deviceValues(d), d.id.value));
  // Sensors carry their device's owner, sector and risk point.
  CS_TRY(conn_.exec(
      "UPDATE sensors SET org_id = ?, org_path = ?, sector = ?, sectors = ?, risk_point_id = ? "
      "WHERE device_id = ?",
      {d.org_id.value, d.org_path, d.sector, joinSectors({d.sector}), intValue(d.risk_point_id),
       d.id.value}));
  return ok();
}

Result<Device> SqlMonitoringRepository::device(DeviceId id) {
  auto rows =
      CS_TRY(conn_.query("SELECT " + kDevice.list() + " FROM devices WHERE id = ?", {id.value}));
  if (rows.empty()) return fail(Errc::NotFound, "id", "no such device");
  return deviceFrom(rows.front());
}

Result<std::vector<Device>> SqlMonitoringRepository::devices(const identity::Scope& scope,
                                                             int limit, DeviceId after) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kDevice.list() + " FROM devices WHERE " +
                    scopeClause(conn_.dialect(), scope, "org_path", "sectors", params);
  sql += " AND id > ? ORDER BY id LIMIT ?";
  params.emplace_back(after.value);
  params.emplace_back(std::int64_t{limit});
  auto rows = CS_TRY(conn_.query(sql, params));
  std::vector<Device> out;
  for (const auto& r : rows) out.push_back(CS_TRY(deviceFrom(r)));
  return out;
}

Result<SensorId> SqlMonitoringRepository::insertSensor(const Sensor& s) {
  return SensorId{
      CS_TRY(queryInt(conn_, kSensor.insertInto("sensors") + " RETURNING id", sensorValues(s)))};
}

Result<void> SqlMonitoringRepository::updateSensor(const Sensor& s) {
  return updateById(conn_, kSensor, "sensors", sensorValues(s), s.id.value);
}

Result<std::vector<Sensor>> SqlMonitoringRepository::sensorsWhere(
    const std::string& where, const std::vector<Value>& params) {
  auto rows = CS_TRY(conn_.query(
      "SELECT " + kSensor.list() + ", " + kSensorLast.list() + " FROM sensors WHERE " + where,
      params));
  std::vector<Sensor> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(CS_TRY(sensorFrom(r)));
  return out;
}

Result<Sensor> SqlMonitoringRepository::sensor(SensorId id) {
  auto found = CS_TRY(sensorsWhere("id = ?", {id.value}));
  if (found.empty()) return fail(Errc::NotFound, "id", "no such sensor");
  return found.front();
}

Result<std::optional<Sensor>> SqlMonitoringRepository::sensorByCode(const std::string& code) {
  auto found = CS_TRY(sensorsWhere("code = ?", {code}));
  if (found.empty()) return std::optional<Sensor>{};
  return std::optional<Sensor>{found.front()};
}

Result<std::vector<Sensor>> SqlMonitoringRepository::sensors(const store::SensorFilter& f,
                                                             int limit, SensorId after) {
  std::vector<Value> params;
  std::string w = scopeClause(conn_.dialect(), f.scope, "org_path", "sectors", params);
  if (f.type) andEquals(w, params, "type", std::string(nameOf(*f.type)));
  if (f.status) andEquals(w, params, "status", std::string(nameOf(*f.status)));
  if (f.device_id) andEquals(w, params, "device_id", f.device_id->value);
  if (f.risk_point_id) andEquals(w, params, "risk_point_id", *f.risk_point_id);
  if (f.bbox) {
    w += " AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?";
    params.insert(params.end(),
                  {f.bbox->min_lon, f.bbox->max_lon, f.bbox->min_lat, f.bbox->max_lat});
  }
  if (!f.text.empty()) {
    w += " AND (code LIKE ? OR name LIKE ?)";
    const std::string like = "%" + f.text + "%";
    params.insert(params.end(), {like, like});
  }
  w += " AND id > ? ORDER BY id LIMIT ?";
  params.emplace_back(after.value);
  params.emplace_back(std::int64_t{limit});
  return sensorsWhere(w, params);
}

Result<std::vector<Sensor>> SqlMonitoringRepository::liveSensors() {
  return sensorsWhere("status <> 'retired' ORDER BY id", {});
}

Result<std::int64_t> SqlMonitoringRepository::registryVersion() {
  return queryInt(conn_, "SELECT version FROM monitoring_registry WHERE id = 1", {});
}

Result<void> SqlMonitoringRepository::bumpRegistryVersion() {
  CS_TRY(conn_.exec("UPDATE monitoring_registry SET version = version + 1 WHERE id = 1", {}));
  return ok();
}

Result<std::optional<std::string>> SqlMonitoringRepository::typeRules(monitoring::SensorType type) {
  auto rows = CS_TRY(conn_.query("SELECT rules FROM sensor_type_rules WHERE type = ?",
                                 {std::string(nameOf(type))}));
  if (rows.empty() || rows.front().getText(0).empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows.front().getText(0)};
}

Result<void> SqlMonitoringRepository::setTypeRules(monitoring::SensorType type,
                                                   const std::string& rules) {
  CS_TRY(conn_.exec(
      "INSERT INTO sensor_type_rules (type, rules) VALUES (?, ?) ON CONFLICT (type) DO UPDATE "
      "SET rules = excluded.rules",
      {std::string(nameOf(type)), rules}));
  return ok();
}

}  // namespace citysafe::sql
