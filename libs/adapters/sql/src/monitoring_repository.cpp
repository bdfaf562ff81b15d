// The monitoring registry; the time series is in reading_series.cpp, alarms in
// alarm_repository.cpp.
#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using monitoring::Device;
using monitoring::Sensor;

constexpr const char* kDeviceColumns =
    "id, code, name, model, org_id, org_path, sector, risk_point_id, lon, lat, address, status, "
    "created_at, updated_at";
constexpr const char* kSensorColumns =
    "id, code, device_id, name, type, unit, interval_s, status, rules, org_id, org_path, sector, "
    "risk_point_id, lon, lat, created_at, updated_at, last_at, last_value";

Value optId(const std::optional<std::int64_t>& id) { return id ? Value{*id} : Value{nullptr}; }

Device deviceFrom(const Row& r) {
  Device d;
  d.id = r.getInt(0);
  d.code = r.getText(1);
  d.name = r.getText(2);
  d.model = r.getText(3);
  d.org_id = OrgId{r.getInt(4)};
  d.org_path = r.getText(5);
  d.sector = r.getText(6);
  if (!r.isNull(7)) d.risk_point_id = r.getInt(7);
  d.location = {r.getDouble(8), r.getDouble(9)};
  d.address = r.getText(10);
  d.status = monitoring::parseStatus(r.getText(11)).value_or(monitoring::Status::Active);
  d.created_at = fromEpochMs(r.getInt(12));
  d.updated_at = fromEpochMs(r.getInt(13));
  return d;
}

Sensor sensorFrom(const Row& r) {
  Sensor s;
  s.id = r.getInt(0);
  s.code = r.getText(1);
  s.device_id = r.getInt(2);
  s.name = r.getText(3);
  s.type = monitoring::parseSensorType(r.getText(4)).value_or(monitoring::SensorType::Methane);
  s.unit = r.getText(5);
  s.interval_s = static_cast<int>(r.getInt(6));
  s.status = monitoring::parseStatus(r.getText(7)).value_or(monitoring::Status::Active);
  s.rules = r.getText(8);
  s.org_id = OrgId{r.getInt(9)};
  s.org_path = r.getText(10);
  s.sector = r.getText(11);
  if (!r.isNull(12)) s.risk_point_id = r.getInt(12);
  s.location = {r.getDouble(13), r.getDouble(14)};
  s.created_at = fromEpochMs(r.getInt(15));
  s.updated_at = fromEpochMs(r.getInt(16));
  if (!r.isNull(17)) s.last_at_ms = r.getInt(17);
  s.last_value = r.getDouble(18);
  return s;
}

std::vector<Value> deviceValues(const Device& d) {
  return {d.code,
          d.name,
          d.model,
          d.org_id.value,
          d.org_path,
          d.sector,
          joinSectors({d.sector}),
          optId(d.risk_point_id),
          d.location.lon,
          d.location.lat,
          d.address,
          std::string(toString(d.status)),
          toEpochMs(d.created_at),
          toEpochMs(d.updated_at)};
}

std::vector<Value> sensorValues(const Sensor& s) {
  return {s.code,
          s.device_id,
          s.name,
          std::string(toString(s.type)),
          s.unit,
          std::int64_t{s.interval_s},
          std::string(toString(s.status)),
          s.rules,
          s.org_id.value,
          s.org_path,
          s.sector,
          joinSectors({s.sector}),
          optId(s.risk_point_id),
          s.location.lon,
          s.location.lat,
          toEpochMs(s.created_at),
          toEpochMs(s.updated_at)};
}

}  // namespace

Result<std::int64_t> SqlMonitoringRepository::insertDevice(const Device& d) {
  return queryInt(conn_,
                  "INSERT INTO devices (code, name, model, org_id, org_path, sector, sectors, "
                  "risk_point_id, lon, lat, address, status, created_at, updated_at) VALUES (?, ?, "
                  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  deviceValues(d));
}

Result<void> SqlMonitoringRepository::updateDevice(const Device& d) {
  auto params = deviceValues(d);
  params.emplace_back(d.id);
  auto done = conn_.exec(
      "UPDATE devices SET code = ?, name = ?, model = ?, org_id = ?, org_path = ?, sector = ?, "
      "sectors = ?, risk_point_id = ?, lon = ?, lat = ?, address = ?, status = ?, created_at = ?, "
      "updated_at = ? WHERE id = ?",
      params);
  if (!done) return tl::unexpected(done.error());
  // Sensors carry their device's owner, sector and risk point.
  auto sensors = conn_.exec(
      "UPDATE sensors SET org_id = ?, org_path = ?, sector = ?, sectors = ?, risk_point_id = ? "
      "WHERE device_id = ?",
      {d.org_id.value, d.org_path, d.sector, joinSectors({d.sector}), optId(d.risk_point_id),
       d.id});
  if (!sensors) return tl::unexpected(sensors.error());
  return ok();
}

Result<Device> SqlMonitoringRepository::device(std::int64_t id) {
  auto rows =
      conn_.query(std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE id = ?", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return fail(Errc::NotFound, "id", "no such device");
  return deviceFrom(rows->front());
}

Result<std::vector<Device>> SqlMonitoringRepository::devices(const identity::Scope& scope,
                                                             int limit, std::int64_t after_id) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE " +
                    scopeClause(conn_.dialect(), scope, "org_path", "sectors", params);
  sql += " AND id > ? ORDER BY id LIMIT ?";
  params.emplace_back(after_id);
  params.emplace_back(std::int64_t{limit});
  auto rows = conn_.query(sql, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<Device> out;
  for (const auto& r : *rows) out.push_back(deviceFrom(r));
  return out;
}

Result<std::int64_t> SqlMonitoringRepository::insertSensor(const Sensor& s) {
  return queryInt(conn_,
                  "INSERT INTO sensors (code, device_id, name, type, unit, interval_s, status, "
                  "rules, org_id, org_path, sector, sectors, risk_point_id, lon, lat, created_at, "
                  "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  "RETURNING id",
                  sensorValues(s));
}

Result<void> SqlMonitoringRepository::updateSensor(const Sensor& s) {
  auto params = sensorValues(s);
  params.emplace_back(s.id);
  auto done = conn_.exec(
      "UPDATE sensors SET code = ?, device_id = ?, name = ?, type = ?, unit = ?, interval_s = ?, "
      "status = ?, rules = ?, org_id = ?, org_path = ?, sector = ?, sectors = ?, risk_point_id = "
      "?, lon = ?, lat = ?, created_at = ?, updated_at = ? WHERE id = ?",
      params);
  if (!done) return tl::unexpected(done.error());
  return ok();
}

Result<std::vector<Sensor>> SqlMonitoringRepository::sensorsWhere(
    const std::string& where, const std::vector<Value>& params) {
  auto rows =
      conn_.query(std::string("SELECT ") + kSensorColumns + " FROM sensors WHERE " + where, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<Sensor> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(sensorFrom(r));
  return out;
}

Result<Sensor> SqlMonitoringRepository::sensor(std::int64_t id) {
  auto found = sensorsWhere("id = ?", {id});
  if (!found) return tl::unexpected(found.error());
  if (found->empty()) return fail(Errc::NotFound, "id", "no such sensor");
  return found->front();
}

Result<std::optional<Sensor>> SqlMonitoringRepository::sensorByCode(const std::string& code) {
  auto found = sensorsWhere("code = ?", {code});
  if (!found) return tl::unexpected(found.error());
  if (found->empty()) return std::optional<Sensor>{};
  return std::optional<Sensor>{found->front()};
}

Result<std::vector<Sensor>> SqlMonitoringRepository::sensors(const store::SensorFilter& f,
                                                             int limit, std::int64_t after_id) {
  std::vector<Value> params;
  std::string w = scopeClause(conn_.dialect(), f.scope, "org_path", "sectors", params);
  if (f.type) {
    w += " AND type = ?";
    params.emplace_back(std::string(toString(*f.type)));
  }
  if (f.status) {
    w += " AND status = ?";
    params.emplace_back(std::string(toString(*f.status)));
  }
  if (f.device_id) {
    w += " AND device_id = ?";
    params.emplace_back(*f.device_id);
  }
  if (f.risk_point_id) {
    w += " AND risk_point_id = ?";
    params.emplace_back(*f.risk_point_id);
  }
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
  params.emplace_back(after_id);
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
  auto done = conn_.exec("UPDATE monitoring_registry SET version = version + 1 WHERE id = 1", {});
  if (!done) return tl::unexpected(done.error());
  return ok();
}

Result<std::optional<std::string>> SqlMonitoringRepository::typeRules(monitoring::SensorType type) {
  auto rows = conn_.query("SELECT rules FROM sensor_type_rules WHERE type = ?",
                          {std::string(toString(type))});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty() || rows->front().getText(0).empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows->front().getText(0)};
}

Result<void> SqlMonitoringRepository::setTypeRules(monitoring::SensorType type,
                                                   const std::string& rules) {
  auto done = conn_.exec(
      "INSERT INTO sensor_type_rules (type, rules) VALUES (?, ?) ON CONFLICT (type) DO UPDATE "
      "SET rules = excluded.rules",
      {std::string(toString(type)), rules});
  if (!done) return tl::unexpected(done.error());
  return ok();
}

}  // namespace citysafe::sql
