#include "citysafe/core/monitoring/alarm.hpp"

#include <algorithm>

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/time_format.hpp"

namespace citysafe::monitoring {

Result<void> applyStep(Alarm& alarm, const AlarmStep& step, UserId by, TimePoint at) {
  if (alarm.state == AlarmState::Closed) {
    return fail(Errc::IllegalTransition, "action", "the alarm is already closed");
  }
  if (step.notes.size() > 2000) return invalid("notes", "must be at most 2000 characters");
  switch (step.action) {
    case AlarmAction::Acknowledge:
      if (alarm.state != AlarmState::Active) {
        return fail(Errc::IllegalTransition, "action",
                    std::string("an alarm that is ") + nameOf(alarm.state) +
                        " cannot be acknowledged again");
      }
      alarm.state = AlarmState::Acknowledged;
      alarm.acknowledged_at = at;
      alarm.acknowledged_by = by;
      break;
    case AlarmAction::Handle:
      if (alarm.state == AlarmState::Handling) {
        return fail(Errc::IllegalTransition, "action", "the alarm is already being handled");
      }
      if (!alarm.acknowledged_at) {  // handling implies acknowledging
        alarm.acknowledged_at = at;
        alarm.acknowledged_by = by;
      }
      alarm.state = AlarmState::Handling;
      alarm.handling_at = at;
      break;
    case AlarmAction::Close:
      if (!step.disposition) {
        return invalid("disposition",
                       "closing needs one of real_danger, false_alarm, device_fault, maintenance");
      }
      if (!alarm.acknowledged_at) {
        alarm.acknowledged_at = at;
        alarm.acknowledged_by = by;
      }
      alarm.state = AlarmState::Closed;
      alarm.closed_at = at;
      alarm.closed_by = by;
      alarm.disposition = step.disposition;
      break;
  }
  if (!step.notes.empty()) {
    alarm.notes += (alarm.notes.empty() ? "" : "\n") + step.notes;
  }
  return ok();
}

bool applyLevel(Alarm& alarm, Level to, double value, TimePoint at) {
  if (alarm.id.valid() && alarm.level == to) return false;
  if (!alarm.id.valid()) alarm.raised_at = at;
  alarm.level = to;
  alarm.peak = std::max(alarm.peak, to);
  alarm.value = value;
  alarm.changed_at = at;
  if (to == Level::None) {
    alarm.cleared_at = at;
  } else {
    alarm.cleared_at.reset();  // back before anyone closed it: the same alarm again
  }
  return true;
}

namespace {

// What the audit and the live summary both say of an alarm.
JsonObject stateJson(const Alarm& a) {
  JsonObject o;
  o.add("code", a.code)
      .add("sensor", a.sensor_code)
      .add("rule", a.rule)
      .add("level", nameOf(a.level))
      .add("peak", nameOf(a.peak))
      .add("state", nameOf(a.state))
      .add("value", a.value)
      .add("changed_at", formatIso8601(a.changed_at));
  return o;
}

}  // namespace

std::string toAuditJson(const Alarm& a) {
  JsonObject o = stateJson(a);
  if (a.cleared_at) o.add("cleared_at", formatIso8601(*a.cleared_at));
  if (a.disposition) o.add("disposition", nameOf(*a.disposition));
  if (!a.notes.empty()) o.add("notes", a.notes);
  if (a.hazard_id) o.add("hazard_id", *a.hazard_id);
  return o.str();
}

std::string alarmEventJson(const Alarm& a) {
  JsonObject o = stateJson(a);
  o.add("id", a.id.value)
      .add("sensor_id", a.sensor_id.value)
      .add("site", a.site)
      .add("lon", a.location.lon)
      .add("lat", a.location.lat)
      .add("raised_at", formatIso8601(a.raised_at))
      .add("row_version", a.row_version);
  // As the HTTP form has it: the time the condition cleared, or null.
  if (a.cleared_at) return o.add("cleared_at", formatIso8601(*a.cleared_at)).str();
  return o.addNull("cleared_at").str();
}

}  // namespace citysafe::monitoring
