// Alarms, the other half of SqlMonitoringRepository.
#include <cstdio>

#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using monitoring::Alarm;

constexpr const char* kAlarmColumns =
    "id, code, sensor_id, sensor_code, rule, site, org_id, org_path, sector, risk_point_id, lon, "
    "lat, level, peak, state, value, raised_at, changed_at, cleared_at, acknowledged_at, "
    "acknowledged_by, handling_at, closed_at, closed_by, disposition, notes, hazard_id, "
    "row_version";

Value userValue(const std::optional<UserId>& u) { return u ? Value{u->value} : Value{nullptr}; }

Alarm alarmFrom(const Row& r) {
  Alarm a;
  a.id = r.getInt(0);
  a.code = r.getText(1);
  a.sensor_id = r.getInt(2);
  a.sensor_code = r.getText(3);
  a.rule = r.getText(4);
  a.site = r.getText(5);
  a.org_id = OrgId{r.getInt(6)};
  a.org_path = r.getText(7);
  a.sector = r.getText(8);
  if (!r.isNull(9)) a.risk_point_id = r.getInt(9);
  a.location = {r.getDouble(10), r.getDouble(11)};
  a.level = static_cast<monitoring::Level>(r.getInt(12));
  a.peak = static_cast<monitoring::Level>(r.getInt(13));
  a.state = monitoring::parseAlarmState(r.getText(14)).value_or(monitoring::AlarmState::Active);
  a.value = r.getDouble(15);
  a.raised_at = fromEpochMs(r.getInt(16));
  a.changed_at = fromEpochMs(r.getInt(17));
  a.cleared_at = optTime(r, 18);
  a.acknowledged_at = optTime(r, 19);
  if (!r.isNull(20)) a.acknowledged_by = UserId{r.getInt(20)};
  a.handling_at = optTime(r, 21);
  a.closed_at = optTime(r, 22);
  if (!r.isNull(23)) a.closed_by = UserId{r.getInt(23)};
  if (!r.isNull(24)) a.disposition = monitoring::parseDisposition(r.getText(24));
  a.notes = r.getText(25);
  if (!r.isNull(26)) a.hazard_id = r.getInt(26);
  a.row_version = r.getInt(27);
  return a;
}

// Every column but id and row_version, in kAlarmColumns order.
std::vector<Value> alarmValues(const Alarm& a) {
  return {a.code,
          a.sensor_id,
          a.sensor_code,
          a.rule,
          a.site,
          a.org_id.value,
          a.org_path,
          a.sector,
          a.risk_point_id ? Value{*a.risk_point_id} : Value{nullptr},
          a.location.lon,
          a.location.lat,
          static_cast<std::int64_t>(a.level),
          static_cast<std::int64_t>(a.peak),
          std::string(toString(a.state)),
          a.value,
          toEpochMs(a.raised_at),
          toEpochMs(a.changed_at),
          timeValue(a.cleared_at),
          timeValue(a.acknowledged_at),
          userValue(a.acknowledged_by),
          timeValue(a.handling_at),
          timeValue(a.closed_at),
          userValue(a.closed_by),
          a.disposition ? Value{std::string(toString(*a.disposition))} : Value{nullptr},
          a.notes,
          a.hazard_id ? Value{*a.hazard_id} : Value{nullptr}};
}

}  // namespace

Result<std::vector<Alarm>> SqlMonitoringRepository::alarmsWhere(const std::string& where,
                                                                const std::vector<Value>& params) {
  auto rows =
      conn_.query(std::string("SELECT ") + kAlarmColumns + " FROM alarms WHERE " + where, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<Alarm> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(alarmFrom(r));
  return out;
}

Result<std::optional<Alarm>> SqlMonitoringRepository::openAlarm(std::int64_t sensor_id,
                                                                const std::string& rule) {
  auto found = alarmsWhere("sensor_id = ? AND rule = ? AND state <> 'closed'", {sensor_id, rule});
  if (!found) return tl::unexpected(found.error());
  if (found->empty()) return std::optional<Alarm>{};
  return std::optional<Alarm>{found->front()};
}

Result<std::vector<Alarm>> SqlMonitoringRepository::openAlarms() {
  return alarmsWhere("state <> 'closed'", {});
}

Result<std::int64_t> SqlMonitoringRepository::insertAlarm(const Alarm& alarm) {
  auto params = alarmValues(alarm);
  params.emplace_back(joinSectors({alarm.sector}));
  auto id = queryInt(conn_,
                     "INSERT INTO alarms (code, sensor_id, sensor_code, rule, site, org_id, "
                     "org_path, sector, risk_point_id, lon, lat, level, peak, state, value, "
                     "raised_at, changed_at, cleared_at, acknowledged_at, acknowledged_by, "
                     "handling_at, closed_at, closed_by, disposition, notes, hazard_id, sectors) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?) RETURNING id",
                     params);
  if (!id) return id;
  char code[24];
  std::snprintf(code, sizeof code, "BJ%08lld", static_cast<long long>(*id));
  auto named = conn_.exec("UPDATE alarms SET code = ? WHERE id = ?", {std::string(code), *id});
  if (!named) return tl::unexpected(named.error());
  return id;
}

Result<void> SqlMonitoringRepository::updateAlarm(Alarm& alarm) {
  auto params = alarmValues(alarm);
  params.emplace_back(alarm.id);
  params.emplace_back(alarm.row_version);
  auto done = conn_.exec(
      "UPDATE alarms SET code = ?, sensor_id = ?, sensor_code = ?, rule = ?, site = ?, org_id = ?, "
      "org_path = ?, sector = ?, risk_point_id = ?, lon = ?, lat = ?, level = ?, peak = ?, "
      "state = ?, value = ?, raised_at = ?, changed_at = ?, cleared_at = ?, acknowledged_at = ?, "
      "acknowledged_by = ?, handling_at = ?, closed_at = ?, closed_by = ?, disposition = ?, "
      "notes = ?, hazard_id = ?, row_version = row_version + 1 WHERE id = ? AND row_version = ?",
      params);
  if (!done) return tl::unexpected(done.error());
  if (*done == 0) {
    return fail(Errc::Conflict, "row_version", "the alarm changed meanwhile; reload it");
  }
  ++alarm.row_version;
  return ok();
}

Result<Alarm> SqlMonitoringRepository::alarm(std::int64_t id) {
  auto found = alarmsWhere("id = ?", {id});
  if (!found) return tl::unexpected(found.error());
  if (found->empty()) return fail(Errc::NotFound, "id", "no such alarm");
  return found->front();
}

Result<std::vector<Alarm>> SqlMonitoringRepository::alarms(const store::AlarmFilter& f, int limit,
                                                           std::int64_t before_id) {
  std::vector<Value> params;
  std::string w = scopeClause(conn_.dialect(), f.scope, "org_path", "sectors", params);
  if (!f.states.empty()) {
    w += " AND state IN (";
    for (std::size_t i = 0; i < f.states.size(); ++i) {
      w += i ? ", ?" : "?";
      params.emplace_back(std::string(toString(f.states[i])));
    }
    w += ")";
  }
  if (f.min_level) {
    w += " AND level >= ?";
    params.emplace_back(static_cast<std::int64_t>(*f.min_level));
  }
  if (f.sensor_id) {
    w += " AND sensor_id = ?";
    params.emplace_back(*f.sensor_id);
  }
  if (f.site) {
    w += " AND site = ?";
    params.emplace_back(*f.site);
  }
  if (f.org_path) w += " AND " + subtreeClause(conn_.dialect(), "org_path", *f.org_path, params);
  if (f.sector) {
    w += " AND sector = ?";
    params.emplace_back(*f.sector);
  }
  if (f.raised_from) {
    w += " AND raised_at >= ?";
    params.emplace_back(toEpochMs(*f.raised_from));
  }
  if (f.raised_to) {
    w += " AND raised_at < ?";
    params.emplace_back(toEpochMs(*f.raised_to));
  }
  if (f.cleared) w += *f.cleared ? " AND cleared_at IS NOT NULL" : " AND cleared_at IS NULL";
  if (before_id > 0) {
    w += " AND id < ?";
    params.emplace_back(before_id);
  }
  w += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  return alarmsWhere(w, params);
}

}  // namespace citysafe::sql
