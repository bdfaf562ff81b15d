#pragma once
// JSON forms of devices, sensors, rules, series, alarms and figures: one nlohmann to_json per
// type, found by argument-dependent lookup, so `Json(x)` and `Json(list)` write any of them.
#include "citysafe/core/monitoring/ingestor.hpp"
#include "citysafe/core/monitoring/monitoring_service.hpp"
#include "json_io.hpp"

namespace citysafe::monitoring {

void to_json(http::Json& out, const Device& d);
// A sensor without an open alarm; a SensorView adds `alarm_level` (the highest open alarm) and
// `offline` (its offline rule holds).
void to_json(http::Json& out, const Sensor& s);
void to_json(http::Json& out, const SensorView& view);
void to_json(http::Json& out, const Rule& r);
void to_json(http::Json& out, const Alarm& a);
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(IngestTally, accepted, stored, duplicate, out_of_order,
                                   not_finite, unknown_sensor, out_of_window, malformed,
                                   alarms_changed)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(IngestStatus, sensors_loaded, engine_bytes, totals)
void to_json(http::Json& out, const AlarmFigures& f);
void to_json(http::Json& out, const Series& series);
void to_json(http::Json& out, const SensorTypeInfo& type);

// A sensor's row pages by the sensor's id (page() in json_io.hpp).
inline std::int64_t cursorOf(const SensorView& v) { return v.sensor.id.value; }

}  // namespace citysafe::monitoring

namespace citysafe::http {

// For respond(): the value's JSON form.
inline constexpr auto kAsJson = [](const auto& value) { return Json(value); };
// {"items": [...]} of a list.
inline constexpr auto kAsItems = [](const auto& list) { return Json{{"items", list}}; };

}  // namespace citysafe::http
