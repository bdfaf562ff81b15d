#pragma once
// JSON forms of devices, sensors, rules, series points, alarms and figures.
#include "citysafe/core/monitoring/ingestor.hpp"
#include "citysafe/core/monitoring/monitoring_service.hpp"
#include "json_io.hpp"

namespace citysafe::http {

Json deviceJson(const monitoring::Device& d);
// `alarm_level`: the highest open alarm of the sensor; `offline`: its offline rule holds.
Json sensorJson(const monitoring::Sensor& s,
                monitoring::Level alarm_level = monitoring::Level::None, bool offline = false);
Json ruleJson(const monitoring::Rule& r);
Json alarmJson(const monitoring::Alarm& a);
Json tallyJson(const monitoring::IngestTally& t);
Json alarmFiguresJson(const monitoring::AlarmFigures& f);

// Reads an optional ISO-8601 query parameter; Invalid naming it.
[[nodiscard]] Result<std::optional<TimePoint>> timeQuery(const HttpRequest& request,
                                                         const char* name);

}  // namespace citysafe::http
