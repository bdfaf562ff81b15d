#include "citysafe/core/monitoring/alarm_events.hpp"

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/time_format.hpp"

namespace citysafe::monitoring {

Alarm newAlarm(const Sensor& sensor, const std::string& rule) {
  Alarm alarm;
  alarm.sensor_id = sensor.id;
  alarm.sensor_code = sensor.code;
  alarm.rule = rule;
  alarm.site = sensor.siteKey();
  alarm.org_id = sensor.org_id;
  alarm.org_path = sensor.org_path;
  alarm.sector = sensor.sector;
  alarm.risk_point_id = sensor.risk_point_id;
  alarm.location = sensor.location;
  return alarm;
}

Result<std::optional<AlarmChange>> applyTransition(ServiceContext& ctx, store::Tx& tx,
                                                   const Sensor& sensor, const std::string& rule,
                                                   Level to, double value, TimePoint at) {
  auto& repo = tx.monitoring();
  auto open = CS_TRY(repo.openAlarm(sensor.id, rule));
  Alarm alarm;
  std::string before = "null";
  if (open) {
    alarm = std::move(*open);
    before = toAuditJson(alarm);
  } else {
    if (to == Level::None) return std::nullopt;  // nothing open to clear
    alarm = newAlarm(sensor, rule);
  }
  const bool is_new = !alarm.id.valid();
  if (!applyLevel(alarm, to, value, at)) return std::nullopt;
  if (is_new) {
    const auto id = CS_TRY(repo.insertAlarm(alarm));  // Conflict if another node opened it
    alarm = CS_TRY(repo.alarm(id));                   // with the code the store gave it
  } else {
    CS_TRY(repo.updateAlarm(alarm));
  }
  const std::string action = is_new ? "raised" : (to == Level::None ? "cleared" : "changed");
  CS_TRY(ctx.auditor.record(tx, identity::Principal::system(),
                            {.entity = "alarm",
                             .entity_id = std::to_string(alarm.id.value),
                             .action = action,
                             .before_json = before,
                             .after_json = toAuditJson(alarm),
                             .scope_path = alarm.org_path}));
  return AlarmChange{std::move(alarm), action};
}

void publishAlarmChange(ServiceContext& ctx, const AlarmChange& change) {
  const auto& a = change.alarm;
  ctx.bus.publish(events::DomainEvent{.type = "alarm." + change.action,
                                      .entity = "alarm",
                                      .entity_id = std::to_string(a.id.value),
                                      .action = change.action,
                                      .org_path = a.org_path,
                                      .sectors = {a.sector},
                                      .at = ctx.clock.now(),
                                      .data_json = alarmEventJson(a)});
}

}  // namespace citysafe::monitoring
