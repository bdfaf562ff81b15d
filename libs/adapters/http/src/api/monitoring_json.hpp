#pragma once
// JSON forms of devices, sensors, rules, series points, alarms and figures.
#include "citysafe/core/monitoring/ingestor.hpp"
#include "citysafe/core/monitoring/monitoring_service.hpp"
#include "json_io.hpp"

namespace citysafe::http {

Json deviceJson(const monitoring::Device& d);
// With `alarm_level` (the highest open alarm) and `offline` (its offline rule holds).
Json sensorJson(const monitoring::SensorView& view);
Json ruleJson(const monitoring::Rule& r);
Json alarmJson(const monitoring::Alarm& a);
Json tallyJson(const monitoring::IngestTally& t);
Json alarmFiguresJson(const monitoring::AlarmFigures& f);
Json seriesJson(const monitoring::Series& series);
Json sensorTypeJson(const monitoring::SensorTypeInfo& type);
Json ingestStatusJson(const monitoring::IngestStatus& status);

}  // namespace citysafe::http
