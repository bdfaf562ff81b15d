// The monitoring registry; the time series is in reading_series.cpp, alarms in
// alarm_repository.cpp.
#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using monitoring::Device;
using monitoring::Sensor;

const RowMap<Device> kDevice{
    "devices",
    stored<&Device::id>("id"),
    columns<&Device::code, &Device::name, &Device::model, &Device::org_id, &Device::org_path,
            &Device::sector>(),
    written<OneSector, &Device::sector>("sectors"),
    columns<&Device::risk_point_id>(),
    lonLat<&Device::location>(),
    columns<&Device::address, &Device::status, &Device::created_at, &Device::updated_at>()};
// What sensors carry of their device: its owner, sector and risk point.
const RowMap<Device> kCarried =
    kDevice.only({"org_id", "org_path", "sector", "sectors", "risk_point_id"}).in("sensors");

const RowMap<Sensor> kSensor{
    "sensors", stored<&Sensor::id>("id"),
    columns<&Sensor::code, &Sensor::device_id, &Sensor::name, &Sensor::type, &Sensor::unit>(),
    column<&Sensor::interval>("interval_s"),
    columns<&Sensor::status, &Sensor::rules, &Sensor::org_id, &Sensor::org_path, &Sensor::sector>(),
    written<OneSector, &Sensor::sector>("sectors"), columns<&Sensor::risk_point_id>(),
    lonLat<&Sensor::location>(), columns<&Sensor::created_at, &Sensor::updated_at>(),
    // Written by ingestion (setLast), not by the registry.
    stored<&Sensor::last_at_ms>("last_at"), stored<&Sensor::last_value>("last_value")};

}  // namespace

Result<DeviceId> SqlMonitoringRepository::insertDevice(const Device& d) {
  return DeviceId{CS_TRY(kDevice.add(conn_, d))};
}

Result<void> SqlMonitoringRepository::updateDevice(const Device& d) {
  CS_TRY(kDevice.set(conn_, d, " WHERE id = ?", {d.id.value}));
  CS_TRY(kCarried.set(conn_, d, " WHERE device_id = ?", {d.id.value}));
  return ok();
}

Result<Device> SqlMonitoringRepository::device(DeviceId id) {
  return kDevice.one(conn_, id.value, "no such device");
}

Result<std::vector<Device>> SqlMonitoringRepository::devices(const identity::Scope& scope,
                                                             int limit, DeviceId after) {
  std::vector<Value> params;
  std::string sql = "WHERE " + scopeClause(conn_.dialect(), scope, "org_path", "sectors", params);
  sql += " AND id > ? ORDER BY id LIMIT ?";
  params.emplace_back(after.value);
  params.emplace_back(std::int64_t{limit});
  return kDevice.all(conn_, sql, params);
}

Result<SensorId> SqlMonitoringRepository::insertSensor(const Sensor& s) {
  return SensorId{CS_TRY(kSensor.add(conn_, s))};
}

Result<void> SqlMonitoringRepository::updateSensor(const Sensor& s) {
  CS_TRY(kSensor.set(conn_, s, " WHERE id = ?", {s.id.value}));
  return ok();
}

Result<Sensor> SqlMonitoringRepository::sensor(SensorId id) {
  return kSensor.one(conn_, id.value, "no such sensor");
}

Result<std::optional<Sensor>> SqlMonitoringRepository::sensorByCode(const std::string& code) {
  return kSensor.first(conn_, "WHERE code = ?", {code});
}

Result<std::vector<Sensor>> SqlMonitoringRepository::sensors(const store::SensorFilter& f,
                                                             int limit, SensorId after) {
  std::vector<Value> params;
  std::string w = scopeClause(conn_.dialect(), f.scope, "org_path", "sectors", params);
  andWhere(w, params, "type = ?", f.type);
  andWhere(w, params, "status = ?", f.status);
  andWhere(w, params, "device_id = ?", f.device_id);
  andWhere(w, params, "risk_point_id = ?", f.risk_point_id);
  andInBox(w, params, f.bbox);
  andContains(w, params, {"code", "name"}, f.text);
  w += " AND id > ? ORDER BY id LIMIT ?";
  params.emplace_back(after.value);
  params.emplace_back(std::int64_t{limit});
  return kSensor.all(conn_, "WHERE " + w, params);
}

Result<std::vector<Sensor>> SqlMonitoringRepository::liveSensors() {
  return kSensor.all(conn_, "WHERE status <> 'retired' ORDER BY id", {});
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
                                 {Codec<monitoring::SensorType>::put(type)}));
  if (rows.empty() || rows.front().getText(0).empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows.front().getText(0)};
}

Result<void> SqlMonitoringRepository::setTypeRules(monitoring::SensorType type,
                                                   const std::string& rules) {
  CS_TRY(conn_.exec(
      "INSERT INTO sensor_type_rules (type, rules) VALUES (?, ?) ON CONFLICT (type) DO UPDATE "
      "SET rules = excluded.rules",
      {Codec<monitoring::SensorType>::put(type), rules}));
  return ok();
}

}  // namespace citysafe::sql
