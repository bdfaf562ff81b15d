#pragma once
// What a sensor is doing now, for lists and maps: its newest value (the store's, or this node's
// when newer) and its open alarms folded into one level and an offline flag.
#include <cstdint>
#include <functional>
#include <span>
#include <unordered_map>
#include <vector>

#include "citysafe/core/monitoring/alarm.hpp"
#include "citysafe/core/monitoring/sensor.hpp"
#include "citysafe/core/store/monitoring_store.hpp"

namespace citysafe::monitoring {

struct SensorState {
  Level alarm_level = Level::None;  // the highest open alarm
  bool offline = false;             // its offline rule holds
};

// Open alarms folded per sensor.
class SensorStates {
 public:
  void add(const Alarm& alarm);
  [[nodiscard]] SensorState of(SensorId sensor) const;
  [[nodiscard]] std::size_t size() const { return states_.size(); }

 private:
  std::unordered_map<SensorId, SensorState> states_;
};

// One page of alarms, newest first, older than `before` (not valid: from the newest).
using AlarmPage = std::function<Result<std::vector<Alarm>>(int limit, AlarmId before)>;
// Folds every alarm the pages hold, however many: it pages until a short page, with no cap.
[[nodiscard]] Result<SensorStates> foldAlarms(const AlarmPage& page, int page_size = 1000);

// The newest value this node has seen of each sensor (ingestion knows it before the store does).
class LatestValues {
 public:
  virtual ~LatestValues() = default;
  // In the order asked; at_ms 0 for a sensor with none.
  [[nodiscard]] virtual std::vector<store::SensorLast> latest(
      std::span<const SensorId> sensor_ids) const = 0;
};

// The stored last value lags by up to a minute (it is saved when a minute closes): a newer one
// this node has seen replaces it.
void overlayLatest(std::vector<Sensor>& sensors, const LatestValues& live);

struct SensorView {
  Sensor sensor;
  SensorState state;
};

}  // namespace citysafe::monitoring
