#pragma once
// Alarms: one open alarm per (sensor, rule), raised or lowered in place as the rule engine
// reports, and handled by people: active → acknowledged → handling → closed with a disposition.
// The condition clearing (the reading falls back) is recorded apart from a person closing it:
// an alarm whose condition cleared still waits for someone to close it (处置率 counts people).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/ids.hpp"
#include "citysafe/common/result.hpp"
#include "citysafe/core/monitoring/rule.hpp"
#include "citysafe/core/org/organisation.hpp"

namespace citysafe::monitoring {

enum class AlarmState : std::uint8_t { Active, Acknowledged, Handling, Closed };
enum class Disposition : std::uint8_t { RealDanger, FalseAlarm, DeviceFault, Maintenance };
enum class AlarmAction : std::uint8_t { Acknowledge, Handle, Close };
inline constexpr EnumNames<AlarmState, 4> kAlarmStateNames{
    {"active", "acknowledged", "handling", "closed"}};
constexpr const auto& enumNames(AlarmState /*tag*/) { return kAlarmStateNames; }
inline constexpr EnumNames<Disposition, 4> kDispositionNames{
    {"real_danger", "false_alarm", "device_fault", "maintenance"}};
constexpr const auto& enumNames(Disposition /*tag*/) { return kDispositionNames; }
inline constexpr EnumNames<AlarmAction, 3> kAlarmActionNames{{"acknowledge", "handle", "close"}};
constexpr const auto& enumNames(AlarmAction /*tag*/) { return kAlarmActionNames; }

struct Alarm {
  AlarmId id;
  std::string code;  // BJ00000001
  SensorId sensor_id;
  std::string sensor_code;
  std::string rule;  // the rule's name in the sensor's set
  std::string site;  // Sensor::siteKey(): alarms at one site are grouped
  OrgId org_id;
  std::string org_path;
  std::string sector;
  std::optional<std::int64_t> risk_point_id;
  org::GeoPoint location;
  Level level = Level::None;  // now; None once the condition cleared
  Level peak = Level::None;   // the highest it reached
  AlarmState state = AlarmState::Active;
  double value = 0;  // the measure at the last change
  TimePoint raised_at;
  TimePoint changed_at;                 // last level change
  std::optional<TimePoint> cleared_at;  // the condition cleared (by the readings)
  std::optional<TimePoint> acknowledged_at;
  std::optional<UserId> acknowledged_by;
  std::optional<TimePoint> handling_at;
  std::optional<TimePoint> closed_at;
  std::optional<UserId> closed_by;
  std::optional<Disposition> disposition;
  std::string notes;
  std::optional<std::int64_t> hazard_id;  // the hazard opened from it
  std::int64_t row_version = 0;
};

// One step by a person; IllegalTransition from the wrong state, Invalid without what it needs
// (closing needs a disposition).
struct AlarmStep {
  AlarmAction action = AlarmAction::Acknowledge;
  std::optional<Disposition> disposition;
  std::string notes;
};
[[nodiscard]] Result<void> applyStep(Alarm& alarm, const AlarmStep& step, UserId by, TimePoint at);

// A level change reported by the rule engine, applied to the open alarm (or a new one when
// `alarm.id` is not valid). Returns false when nothing changed.
bool applyLevel(Alarm& alarm, Level to, double value, TimePoint at);

// Audit form.
std::string toAuditJson(const Alarm& alarm);
// The small JSON the live channel carries (the console draws from it): code, sensor, rule, level,
// state, value, place, times.
std::string alarmEventJson(const Alarm& alarm);

}  // namespace citysafe::monitoring
