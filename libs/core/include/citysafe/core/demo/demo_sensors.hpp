#pragma once
// Demo monitoring: devices and sensors on the demo district's enterprises and streets (gas
// manholes, bridges, drainage, chemical works), and a simulator that makes their readings, with
// now and then a realistic anomaly: a gas leak building up, a rising water level in a storm, a
// sensor dropping offline.
#include <cstdint>
#include <vector>

#include "citysafe/core/monitoring/ingestor.hpp"
#include "citysafe/core/monitoring/sensor.hpp"
#include "citysafe/core/services.hpp"

namespace citysafe::demo {

// Adds about `count` sensors (four per device) if the store has no devices. Returns how many.
[[nodiscard]] Result<int> buildDemoSensors(ServiceContext& ctx, int count = 3000);

// Deterministic readings for the live sensors. Not thread-safe.
class SensorSimulator {
 public:
  SensorSimulator(std::vector<monitoring::Sensor> sensors, std::uint64_t seed = 20261123);
  // The readings due since the previous step (at most one per sensor).
  std::vector<monitoring::RawReading> step(std::int64_t now_ms);
  [[nodiscard]] std::size_t sensors() const { return sensors_.size(); }

 private:
  struct Track {
    monitoring::Sensor sensor;
    double baseline = 0;
    double swing = 0;  // daily swing
    double noise = 0;
    double anomaly = 0;  // how far an anomaly pushes, in the direction that alarms
    std::int64_t next_ms = 0;
    std::int64_t anomaly_until_ms = 0;
    std::int64_t silent_until_ms = 0;
  };
  double uniform();
  std::vector<Track> sensors_;
  std::uint64_t state_;
};

}  // namespace citysafe::demo
