#pragma once
// Applying the rule engine's level changes to stored alarms, auditing them, and announcing them
// on the live channel: shared by ingestion and by people's actions on alarms.
#include <optional>
#include <string>

#include "citysafe/core/monitoring/alarm.hpp"
#include "citysafe/core/monitoring/sensor.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::monitoring {

struct AlarmChange {
  Alarm alarm;
  std::string action;  // raised, changed, cleared, acknowledged, handling, closed, hazard
};

// A new alarm of (sensor, rule), placed and scoped as the sensor, with no level yet.
[[nodiscard]] Alarm newAlarm(const Sensor& sensor, const std::string& rule);

// Raises, changes or clears the open alarm of (sensor, rule) inside `tx`, audited as the system.
// nullopt when nothing changed (no open alarm and the level is none, or the level is the same).
[[nodiscard]] Result<std::optional<AlarmChange>> applyTransition(ServiceContext& ctx, store::Tx& tx,
                                                                 const Sensor& sensor,
                                                                 const std::string& rule, Level to,
                                                                 double value, TimePoint at);

// "alarm.<action>" to the alarm's organisation subtree and sector.
void publishAlarmChange(ServiceContext& ctx, const AlarmChange& change);

}  // namespace citysafe::monitoring
