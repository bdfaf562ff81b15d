#include "monitoring_json.hpp"

#include <cmath>

namespace citysafe::monitoring {
namespace {

using http::isoTime;
using http::Json;

Json optTime(const std::optional<TimePoint>& t) { return t ? Json(isoTime(*t)) : Json(nullptr); }
template <class T>
Json opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}
Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

// {"blue": .., "yellow": .., "orange": .., "red": ..} of a per-colour array.
template <class T>
Json byColour(const std::array<T, 4>& values, Json (*write)(T)) {
  Json out = Json::object();
  for (std::size_t i = 0; i < values.size(); ++i) {
    out[nameOf(static_cast<Level>(i + 1))] = write(values[i]);
  }
  return out;
}

}  // namespace

void to_json(Json& out, const Device& d) {
  out = {{"id", d.id},
         {"code", d.code},
         {"name", d.name},
         {"model", d.model},
         {"org_id", d.org_id.value},
         {"sector", d.sector},
         {"risk_point_id", opt(d.risk_point_id)},
         {"lon", d.location.lon},
         {"lat", d.location.lat},
         {"address", d.address},
         {"status", d.status},
         {"created_at", isoTime(d.created_at)},
         {"updated_at", isoTime(d.updated_at)}};
}

void to_json(Json& out, const Sensor& s) {
  out = {{"id", s.id},
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
         {"risk_point_id", opt(s.risk_point_id)},
         {"lon", s.location.lon},
         {"lat", s.location.lat},
         {"last_at", s.last_at_ms ? Json(isoTime(fromEpochMs(*s.last_at_ms))) : Json(nullptr)},
         {"last_value", s.last_at_ms ? number(s.last_value) : Json(nullptr)},
         {"alarm_level", Level::None},
         {"offline", false}};
}

void to_json(Json& out, const SensorView& view) {
  to_json(out, view.sensor);
  out["alarm_level"] = view.state.alarm_level;
  out["offline"] = view.state.offline;
}

void to_json(Json& out, const Rule& r) {
  out = {{"name", r.name},
         {"kind", r.kind},
         {"direction", r.direction},
         {"thresholds", byColour<double>(r.thresholds, number)},
         {"hysteresis", r.hysteresis},
         {"for_ms", r.hold_for.count()},
         {"rate_unit_ms", r.rate_unit.count()},
         {"repeat_count", r.repeat_count},
         {"repeat_window_ms", r.repeat_window.count()},
         {"stale_ms", r.stale_after.count()},
         {"flat_count", r.flat_count},
         {"fault_level", r.fault_level}};
}

void to_json(Json& out, const Alarm& a) {
  out = {{"id", a.id},
         {"code", a.code},
         {"sensor_id", a.sensor_id},
         {"sensor", a.sensor_code},
         {"rule", a.rule},
         {"site", a.site},
         {"org_id", a.org_id.value},
         {"sector", a.sector},
         {"risk_point_id", opt(a.risk_point_id)},
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
         {"disposition", opt(a.disposition)},
         {"notes", a.notes},
         {"hazard_id", opt(a.hazard_id)},
         {"row_version", a.row_version}};
}

void to_json(Json& out, const AlarmFigures& f) {
  Json by_disposition = Json::object();
  for (std::size_t i = 0; i < f.by_disposition.size(); ++i) {
    by_disposition[nameOf(static_cast<Disposition>(i))] = f.by_disposition[i];
  }
  out = {{"raised", f.raised},
         {"closed", f.closed},
         {"open", f.open},
         {"cleared_by_condition", f.cleared_by_condition},
         {"by_disposition", by_disposition},
         {"by_level", byColour<std::int64_t>(f.by_level, [](std::int64_t n) { return Json(n); })},
         {"handling_rate", f.handling_rate},
         {"mean_ack_seconds", f.mean_ack_seconds},
         {"mean_close_seconds", f.mean_close_seconds},
         {"sensors", f.sensors},
         {"online", f.online},
         {"online_rate", f.online_rate}};
}

void to_json(Json& out, const Series& series) {
  Json points = Json::array();
  for (const auto& p : series.points) {
    points.push_back(
        {{"t", p.at_ms}, {"v", p.value}, {"min", p.min}, {"max", p.max}, {"n", p.count}});
  }
  out = {{"resolution", series.window.resolution},
         {"from", isoTime(series.window.from)},
         {"to", isoTime(series.window.to)},
         {"points", points}};
}

void to_json(Json& out, const SensorTypeInfo& type) {
  Json units = Json::array();
  Json defaults = Json::object();
  for (std::size_t i = 0; i < type.units.size(); ++i) {
    units.push_back(std::string(type.units[i]));
    defaults[std::string(type.units[i])] = std::string(type.default_rules[i]);
  }
  out = {{"type", type.type}, {"units", units}, {"default_rules", defaults}, {"rules", type.rules}};
}

}  // namespace citysafe::monitoring
