// Alarms, the other half of SqlMonitoringRepository.
#include <cstdio>

#include "citysafe/sql/columns.hpp"
#include "repositories.hpp"

namespace citysafe::sql {
namespace {

using monitoring::Alarm;

// The values are bound in this order, after the id; row_version is the store's own.
constexpr Columns<28> kAlarm{{"id",
                              "code",
                              "sensor_id",
                              "sensor_code",
                              "rule",
                              "site",
                              "org_id",
                              "org_path",
                              "sector",
                              "sectors",
                              "risk_point_id",
                              "lon",
                              "lat",
                              "level",
                              "peak",
                              "state",
                              "value",
                              "raised_at",
                              "changed_at",
                              "cleared_at",
                              "acknowledged_at",
                              "acknowledged_by",
                              "handling_at",
                              "closed_at",
                              "closed_by",
                              "disposition",
                              "notes",
                              "hazard_id"}};
constexpr Columns<1> kVersion{{"row_version"}};

Value userValue(const std::optional<UserId>& u) { return u ? Value{u->value} : Value{nullptr}; }

// Levels are stored as their number (0 none .. 4 red); any other number is an error.
Result<monitoring::Level> storedLevel(std::int64_t n, const char* column) {
  if (n < 0 || n > static_cast<std::int64_t>(monitoring::Level::Red)) {
    return fail(Errc::Internal, column,
                "unknown value '" + std::to_string(n) + "' stored in " + column);
  }
  return static_cast<monitoring::Level>(n);
}

Result<Alarm> alarmFrom(const Row& r) {
  constexpr auto kCol = kAlarm;
  auto opt_user = [&](std::size_t i) {
    return r.isNull(i) ? std::optional<UserId>{} : std::optional<UserId>{UserId{r.getInt(i)}};
  };
  Alarm a;
  a.id = AlarmId{r.getInt(kCol.at("id"))};
  a.code = r.getText(kCol.at("code"));
  a.sensor_id = SensorId{r.getInt(kCol.at("sensor_id"))};
  a.sensor_code = r.getText(kCol.at("sensor_code"));
  a.rule = r.getText(kCol.at("rule"));
  a.site = r.getText(kCol.at("site"));
  a.org_id = OrgId{r.getInt(kCol.at("org_id"))};
  a.org_path = r.getText(kCol.at("org_path"));
  a.sector = r.getText(kCol.at("sector"));
  a.risk_point_id = optInt(r, kCol.at("risk_point_id"));
  a.location = {r.getDouble(kCol.at("lon")), r.getDouble(kCol.at("lat"))};
  a.level = CS_TRY(storedLevel(r.getInt(kCol.at("level")), "alarms.level"));
  a.peak = CS_TRY(storedLevel(r.getInt(kCol.at("peak")), "alarms.peak"));
  a.state = CS_TRY(storedEnum<monitoring::AlarmState>(r.getText(kCol.at("state")), "alarms.state"));
  a.value = r.getDouble(kCol.at("value"));
  a.raised_at = fromEpochMs(r.getInt(kCol.at("raised_at")));
  a.changed_at = fromEpochMs(r.getInt(kCol.at("changed_at")));
  a.cleared_at = optTime(r, kCol.at("cleared_at"));
  a.acknowledged_at = optTime(r, kCol.at("acknowledged_at"));
  a.acknowledged_by = opt_user(kCol.at("acknowledged_by"));
  a.handling_at = optTime(r, kCol.at("handling_at"));
  a.closed_at = optTime(r, kCol.at("closed_at"));
  a.closed_by = opt_user(kCol.at("closed_by"));
  if (!r.isNull(kCol.at("disposition"))) {
    a.disposition = CS_TRY(storedEnum<monitoring::Disposition>(r.getText(kCol.at("disposition")),
                                                               "alarms.disposition"));
  }
  a.notes = r.getText(kCol.at("notes"));
  a.hazard_id = optInt(r, kCol.at("hazard_id"));
  a.row_version = r.getInt(kAlarm.size() + kVersion.at("row_version"));
  return a;
}

// Every column after the id, in kAlarm's order.
std::vector<Value> alarmValues(const Alarm& a) {
  return {a.code,
          a.sensor_id.value,
          a.sensor_code,
          a.rule,
          a.site,
          a.org_id.value,
          a.org_path,
          a.sector,
          joinSectors({a.sector}),
          intValue(a.risk_point_id),
          a.location.lon,
          a.location.lat,
          static_cast<std::int64_t>(a.level),
          static_cast<std::int64_t>(a.peak),
          std::string(nameOf(a.state)),
          a.value,
          toEpochMs(a.raised_at),
          toEpochMs(a.changed_at),
          timeValue(a.cleared_at),
          timeValue(a.acknowledged_at),
          userValue(a.acknowledged_by),
          timeValue(a.handling_at),
          timeValue(a.closed_at),
          userValue(a.closed_by),
          a.disposition ? Value{std::string(nameOf(*a.disposition))} : Value{nullptr},
          a.notes,
          intValue(a.hazard_id)};
}

}  // namespace

Result<std::vector<Alarm>> SqlMonitoringRepository::alarmsWhere(const std::string& where,
                                                                const std::vector<Value>& params) {
  auto rows = CS_TRY(conn_.query(
      "SELECT " + kAlarm.list() + ", " + kVersion.list() + " FROM alarms WHERE " + where, params));
  std::vector<Alarm> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(CS_TRY(alarmFrom(r)));
  return out;
}

Result<std::optional<Alarm>> SqlMonitoringRepository::openAlarm(SensorId sensor_id,
                                                                const std::string& rule) {
  auto found = CS_TRY(
      alarmsWhere("sensor_id = ? AND rule = ? AND state <> 'closed'", {sensor_id.value, rule}));
  if (found.empty()) return std::optional<Alarm>{};
  return std::optional<Alarm>{found.front()};
}

Result<std::vector<Alarm>> SqlMonitoringRepository::openAlarms() {
  return alarmsWhere("state <> 'closed'", {});
}

Result<AlarmId> SqlMonitoringRepository::insertAlarm(const Alarm& alarm) {
  const auto id =
      CS_TRY(queryInt(conn_, kAlarm.insertInto("alarms") + " RETURNING id", alarmValues(alarm)));
  char code[24];
  std::snprintf(code, sizeof code, "BJ%08lld", static_cast<long long>(id));
  CS_TRY(conn_.exec("UPDATE alarms SET code = ? WHERE id = ?", {std::string(code), id}));
  return AlarmId{id};
}

Result<void> SqlMonitoringRepository::updateAlarm(Alarm& alarm) {
  auto params = alarmValues(alarm);
  params.emplace_back(alarm.id.value);
  params.emplace_back(alarm.row_version);
  auto done = CS_TRY(conn_.exec("UPDATE alarms SET " + kAlarm.assignments() +
                                    ", row_version = row_version + 1 WHERE id = ? AND "
                                    "row_version = ?",
                                params));
  if (done == 0) {
    return fail(Errc::Conflict, "row_version", "the alarm changed meanwhile; reload it");
  }
  ++alarm.row_version;
  return ok();
}

Result<Alarm> SqlMonitoringRepository::alarm(AlarmId id) {
  auto found = CS_TRY(alarmsWhere("id = ?", {id.value}));
  if (found.empty()) return fail(Errc::NotFound, "id", "no such alarm");
  return found.front();
}

Result<std::vector<Alarm>> SqlMonitoringRepository::alarms(const store::AlarmFilter& f, int limit,
                                                           AlarmId before) {
  std::vector<Value> params;
  std::string w = scopeClause(conn_.dialect(), f.scope, "org_path", "sectors", params);
  std::vector<Value> states;
  for (const auto state : f.states) states.emplace_back(std::string(nameOf(state)));
  andIn(w, params, "state", states);
  if (f.min_level) {
    w += " AND level >= ?";
    params.emplace_back(static_cast<std::int64_t>(*f.min_level));
  }
  if (f.sensor_id) andEquals(w, params, "sensor_id", f.sensor_id->value);
  if (f.site) andEquals(w, params, "site", *f.site);
  if (f.org_path) w += " AND " + subtreeClause(conn_.dialect(), "org_path", *f.org_path, params);
  if (f.sector) andEquals(w, params, "sector", *f.sector);
  if (f.raised_from) {
    w += " AND raised_at >= ?";
    params.emplace_back(toEpochMs(*f.raised_from));
  }
  if (f.raised_to) {
    w += " AND raised_at < ?";
    params.emplace_back(toEpochMs(*f.raised_to));
  }
  if (f.cleared) w += *f.cleared ? " AND cleared_at IS NOT NULL" : " AND cleared_at IS NULL";
  if (before.valid()) {
    w += " AND id < ?";
    params.emplace_back(before.value);
  }
  w += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  return alarmsWhere(w, params);
}

}  // namespace citysafe::sql
