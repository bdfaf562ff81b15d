// Alarms, the other half of SqlMonitoringRepository.
#include <cstdio>

#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using monitoring::Alarm;

// The store sets the id and row_version; levels are stored as their rank (repositories.hpp).
const RowMap<Alarm> kAlarm{
    "alarms",
    stored<&Alarm::id>("id"),
    columns<&Alarm::code, &Alarm::sensor_id, &Alarm::sensor_code, &Alarm::rule, &Alarm::site,
            &Alarm::org_id, &Alarm::org_path, &Alarm::sector>(),
    written<OneSector, &Alarm::sector>("sectors"),
    columns<&Alarm::risk_point_id>(),
    lonLat<&Alarm::location>(),
    columns<&Alarm::level, &Alarm::peak, &Alarm::state, &Alarm::value, &Alarm::raised_at,
            &Alarm::changed_at, &Alarm::cleared_at, &Alarm::acknowledged_at,
            &Alarm::acknowledged_by, &Alarm::handling_at, &Alarm::closed_at, &Alarm::closed_by,
            &Alarm::disposition, &Alarm::notes, &Alarm::hazard_id>(),
    stored<&Alarm::row_version>("row_version")};

}  // namespace

Result<std::optional<Alarm>> SqlMonitoringRepository::openAlarm(SensorId sensor_id,
                                                                const std::string& rule) {
  return kAlarm.first(conn_, "WHERE sensor_id = ? AND rule = ? AND state <> 'closed'",
                      {sensor_id.value, rule});
}

Result<std::vector<Alarm>> SqlMonitoringRepository::openAlarms() {
  return kAlarm.all(conn_, "WHERE state <> 'closed'", {});
}

Result<AlarmId> SqlMonitoringRepository::insertAlarm(const Alarm& alarm) {
  const auto id = CS_TRY(kAlarm.add(conn_, alarm));
  char code[24];
  std::snprintf(code, sizeof code, "BJ%08lld", static_cast<long long>(id));
  CS_TRY(conn_.exec("UPDATE alarms SET code = ? WHERE id = ?", {std::string(code), id}));
  return AlarmId{id};
}

Result<void> SqlMonitoringRepository::updateAlarm(Alarm& alarm) {
  const auto done = CS_TRY(
      kAlarm.set(conn_, alarm, ", row_version = row_version + 1 WHERE id = ? AND row_version = ?",
                 {alarm.id.value, alarm.row_version}));
  if (done == 0) {
    return fail(Errc::Conflict, "row_version", "the alarm changed meanwhile; reload it");
  }
  ++alarm.row_version;
  return ok();
}

Result<Alarm> SqlMonitoringRepository::alarm(AlarmId id) {
  return kAlarm.one(conn_, id.value, "no such alarm");
}

Result<std::vector<Alarm>> SqlMonitoringRepository::alarms(const store::AlarmFilter& f, int limit,
                                                           AlarmId before) {
  std::vector<Value> params;
  std::string w = scopeClause(conn_.dialect(), f.scope, "org_path", "sectors", params);
  andIn(w, params, "state", f.states);
  andWhere(w, params, "level >= ?", f.min_level);
  andWhere(w, params, "sensor_id = ?", f.sensor_id);
  andWhere(w, params, "site = ?", f.site);
  if (f.org_path) w += " AND " + subtreeClause(conn_.dialect(), "org_path", *f.org_path, params);
  andWhere(w, params, "sector = ?", f.sector);
  andWhere(w, params, "raised_at >= ?", f.raised_from);
  andWhere(w, params, "raised_at < ?", f.raised_to);
  if (f.cleared) w += *f.cleared ? " AND cleared_at IS NOT NULL" : " AND cleared_at IS NULL";
  if (before.valid()) andWhere(w, params, "id < ?", before);
  w += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  return kAlarm.all(conn_, "WHERE " + w, params);
}

}  // namespace citysafe::sql
