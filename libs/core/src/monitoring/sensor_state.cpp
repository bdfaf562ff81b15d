#include "citysafe/core/monitoring/sensor_state.hpp"

#include <algorithm>

namespace citysafe::monitoring {

void SensorStates::add(const Alarm& alarm) {
  auto& state = states_[alarm.sensor_id];
  state.alarm_level = std::max(state.alarm_level, alarm.level);
  if (alarm.rule == "offline") state.offline = true;
}

SensorState SensorStates::of(SensorId sensor) const {
  const auto it = states_.find(sensor);
  return it == states_.end() ? SensorState{} : it->second;
}

Result<SensorStates> foldAlarms(const AlarmPage& page, int page_size) {
  SensorStates out;
  AlarmId before;
  for (;;) {
    auto list = CS_TRY(page(page_size, before));
    for (const auto& a : list) {
      out.add(a);
      before = a.id;
    }
    if (list.size() < static_cast<std::size_t>(page_size)) return out;
  }
}

void overlayLatest(std::vector<Sensor>& sensors, const LatestValues& live) {
  std::vector<SensorId> ids;
  ids.reserve(sensors.size());
  for (const auto& s : sensors) ids.push_back(s.id);
  const auto latest = live.latest(ids);
  for (std::size_t i = 0; i < sensors.size() && i < latest.size(); ++i) {
    if (latest[i].at_ms > sensors[i].last_at_ms.value_or(0)) {
      sensors[i].last_at_ms = latest[i].at_ms;
      sensors[i].last_value = latest[i].value;
    }
  }
}

}  // namespace citysafe::monitoring
