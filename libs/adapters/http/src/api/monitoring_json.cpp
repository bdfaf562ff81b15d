#include "monitoring_json.hpp"

#include <cmath>

#include "citysafe/common/time_format.hpp"
#include "citysafe/core/monitoring/ingestor.hpp"

namespace citysafe::http {
namespace {

Json optTime(const std::optional<TimePoint>& t) { return t ? Json(isoTime(*t)) : Json(nullptr); }
Json optId(const std::optional<std::int64_t>& id) { return id ? Json(*id) : Json(nullptr); }
Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

}  // namespace

Json deviceJson(const monitoring::Device& d) {
  return {{"id", d.id},
          {"code", d.code},
          {"name", d.name},
          {"model", d.model},
          {"org_id", d.org_id.value},
          {"sector", d.sector},
          {"risk_point_id", optId(d.risk_point_id)},
          {"lon", d.location.lon},
          {"lat", d.location.lat},
          {"address", d.address},
          {"status", monitoring::toString(d.status)},
          {"created_at", isoTime(d.created_at)},
          {"updated_at", isoTime(d.updated_at)}};
}

Json sensorJson(const monitoring::Sensor& s, monitoring::Level alarm_level, bool offline) {
  return {{"id", s.id},
          {"code", s.code},
          {"device_id", s.device_id},
          {"name", s.name},
          {"type", monitoring::toString(s.type)},
          {"unit", s.unit},
          {"interval_s", s.interval_s},
          {"status", monitoring::toString(s.status)},
          {"rules", s.rules},
          {"org_id", s.org_id.value},
          {"sector", s.sector},
          {"risk_point_id", optId(s.risk_point_id)},
          {"lon", s.location.lon},
          {"lat", s.location.lat},
          {"last_at", s.last_at_ms ? Json(isoTime(fromEpochMs(*s.last_at_ms))) : Json(nullptr)},
          {"last_value", s.last_at_ms ? number(s.last_value) : Json(nullptr)},
          {"alarm_level", monitoring::toString(alarm_level)},
          {"offline", offline}};
}

Json ruleJson(const monitoring::Rule& r) {
  Json thresholds = Json::object();
  const char* names[] = {"blue", "yellow", "orange", "red"};
  for (std::size_t i = 0; i < 4; ++i) thresholds[names[i]] = number(r.thresholds[i]);
  return {{"name", r.name},
          {"kind", monitoring::toString(r.kind)},
          {"direction", r.direction == monitoring::Direction::Above ? "above" : "below"},
          {"thresholds", thresholds},
          {"hysteresis", r.hysteresis},
          {"for_ms", r.for_ms},
          {"rate_unit_ms", r.rate_unit_ms},
          {"repeat_count", r.repeat_count},
          {"repeat_window_ms", r.repeat_window_ms},
          {"stale_ms", r.stale_ms},
          {"flat_count", r.flat_count},
          {"fault_level", monitoring::toString(r.fault_level)}};
}

Json alarmJson(const monitoring::Alarm& a) {
  return {
      {"id", a.id},
      {"code", a.code},
      {"sensor_id", a.sensor_id},
      {"sensor", a.sensor_code},
      {"rule", a.rule},
      {"site", a.site},
      {"org_id", a.org_id.value},
      {"sector", a.sector},
      {"risk_point_id", optId(a.risk_point_id)},
      {"lon", a.location.lon},
      {"lat", a.location.lat},
      {"level", monitoring::toString(a.level)},
      {"peak", monitoring::toString(a.peak)},
      {"state", monitoring::toString(a.state)},
      {"value", number(a.value)},
      {"raised_at", isoTime(a.raised_at)},
      {"changed_at", isoTime(a.changed_at)},
      {"cleared_at", optTime(a.cleared_at)},
      {"acknowledged_at", optTime(a.acknowledged_at)},
      {"handling_at", optTime(a.handling_at)},
      {"closed_at", optTime(a.closed_at)},
      {"disposition", a.disposition ? Json(monitoring::toString(*a.disposition)) : Json(nullptr)},
      {"notes", a.notes},
      {"hazard_id", optId(a.hazard_id)},
      {"row_version", a.row_version}};
}

Json tallyJson(const monitoring::IngestTally& t) {
  return {{"accepted", t.accepted},
          {"stored", t.stored},
          {"duplicate", t.duplicate},
          {"out_of_order", t.out_of_order},
          {"not_finite", t.not_finite},
          {"unknown_sensor", t.unknown_sensor},
          {"out_of_window", t.out_of_window},
          {"malformed", t.malformed},
          {"alarms_changed", t.alarms_changed}};
}

Json alarmFiguresJson(const monitoring::AlarmFigures& f) {
  Json by_disposition = Json::object();
  for (std::size_t i = 0; i < f.by_disposition.size(); ++i) {
    by_disposition[monitoring::toString(static_cast<monitoring::Disposition>(i))] =
        f.by_disposition[i];
  }
  Json by_level = Json::object();
  for (std::size_t i = 0; i < f.by_level.size(); ++i) {
    by_level[monitoring::toString(static_cast<monitoring::Level>(i + 1))] = f.by_level[i];
  }
  return {{"raised", f.raised},
          {"closed", f.closed},
          {"open", f.open},
          {"cleared_by_condition", f.cleared_by_condition},
          {"by_disposition", by_disposition},
          {"by_level", by_level},
          {"handling_rate", f.handling_rate},
          {"mean_ack_seconds", f.mean_ack_seconds},
          {"mean_close_seconds", f.mean_close_seconds},
          {"sensors", f.sensors},
          {"online", f.online},
          {"online_rate", f.online_rate}};
}

Result<std::optional<TimePoint>> timeQuery(const HttpRequest& request, const char* name) {
  auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return std::optional<TimePoint>{};
  auto t = parseIso8601(it->second);
  if (!t) return invalid(name, "is not an ISO-8601 time such as 2026-11-23T08:00:00+08:00");
  return std::optional<TimePoint>{*t};
}

}  // namespace citysafe::http
