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
          {"status", d.status},
          {"created_at", isoTime(d.created_at)},
          {"updated_at", isoTime(d.updated_at)}};
}

Json sensorJson(const monitoring::SensorView& view) {
  const auto& s = view.sensor;
  return {{"id", s.id},
          {"code", s.code},
          {"device_id", s.device_id},
          {"name", s.name},
          {"type", s.type},
          {"unit", s.unit},
          {"interval_s", s.interval.count()},
          {"status", s.status},
          {"rules", s.rules},
          {"org_id", s.org_id.value},
          {"sector", s.sector},
          {"risk_point_id", optId(s.risk_point_id)},
          {"lon", s.location.lon},
          {"lat", s.location.lat},
          {"last_at", s.last_at_ms ? Json(isoTime(fromEpochMs(*s.last_at_ms))) : Json(nullptr)},
          {"last_value", s.last_at_ms ? number(s.last_value) : Json(nullptr)},
          {"alarm_level", view.state.alarm_level},
          {"offline", view.state.offline}};
}

Json ruleJson(const monitoring::Rule& r) {
  Json thresholds = Json::object();
  for (std::size_t i = 0; i < 4; ++i) {
    thresholds[nameOf(static_cast<monitoring::Level>(i + 1))] = number(r.thresholds[i]);
  }
  return {{"name", r.name},
          {"kind", r.kind},
          {"direction", r.direction},
          {"thresholds", thresholds},
          {"hysteresis", r.hysteresis},
          {"for_ms", r.hold_for.count()},
          {"rate_unit_ms", r.rate_unit.count()},
          {"repeat_count", r.repeat_count},
          {"repeat_window_ms", r.repeat_window.count()},
          {"stale_ms", r.stale_after.count()},
          {"flat_count", r.flat_count},
          {"fault_level", r.fault_level}};
}

Json alarmJson(const monitoring::Alarm& a) {
  return {{"id", a.id},
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
          {"level", a.level},
          {"peak", a.peak},
          {"state", a.state},
          {"value", number(a.value)},
          {"raised_at", isoTime(a.raised_at)},
          {"changed_at", isoTime(a.changed_at)},
          {"cleared_at", optTime(a.cleared_at)},
          {"acknowledged_at", optTime(a.acknowledged_at)},
          {"handling_at", optTime(a.handling_at)},
          {"closed_at", optTime(a.closed_at)},
          {"disposition", a.disposition ? Json(*a.disposition) : Json(nullptr)},
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
    by_disposition[nameOf(static_cast<monitoring::Disposition>(i))] = f.by_disposition[i];
  }
  Json by_level = Json::object();
  for (std::size_t i = 0; i < f.by_level.size(); ++i) {
    by_level[nameOf(static_cast<monitoring::Level>(i + 1))] = f.by_level[i];
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

Json seriesJson(const monitoring::Series& series) {
  Json items = Json::array();
  for (const auto& p : series.points) {
    items.push_back(
        {{"t", p.at_ms}, {"v", p.value}, {"min", p.min}, {"max", p.max}, {"n", p.count}});
  }
  return {{"resolution", series.window.resolution},
          {"from", isoTime(series.window.from)},
          {"to", isoTime(series.window.to)},
          {"points", items}};
}

Json sensorTypeJson(const monitoring::SensorTypeInfo& type) {
  Json units = Json::array();
  Json defaults = Json::object();
  for (std::size_t i = 0; i < type.units.size(); ++i) {
    units.push_back(std::string(type.units[i]));
    defaults[std::string(type.units[i])] = std::string(type.default_rules[i]);
  }
  return {
      {"type", type.type}, {"units", units}, {"default_rules", defaults}, {"rules", type.rules}};
}

Json ingestStatusJson(const monitoring::IngestStatus& status) {
  return {{"sensors_loaded", status.sensors_loaded},
          {"engine_bytes", status.engine_bytes},
          {"totals", tallyJson(status.totals)}};
}

}  // namespace citysafe::http
