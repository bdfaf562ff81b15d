#pragma once
// The monitoring side of `serve`: the MQTT consumer, and a loop every two seconds that closes
// quiet minutes, checks for offline sensors (one node at a time, by lease), pushes the latest
// values to browsers, and once an hour prepares partitions and applies retention; beside it, the
// series compactor (SQLite: readings move from the write log into the per-sensor series).
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "citysafe/core/core_services.hpp"
#include "mqtt_flags.hpp"
#include "mqtt_ingest.hpp"
#include "periodic_task.hpp"

namespace citysafe::demo {
class SensorSimulator;
}
namespace citysafe::mqtt {
class Publisher;
}

namespace citysafe::app {

struct MqttConfig {
  std::optional<MqttEndpoint> broker;  // none: no MQTT
  std::string client_id;
  std::string share;  // a $share group name, for several nodes
};

struct MonitoringOptions {
  MqttConfig mqtt;
  bool simulate = false;  // the demo's simulated sensors (over MQTT when there is a broker)
};

class MonitoringRuntime {
 public:
  MonitoringRuntime(Services& services, std::string node, MonitoringOptions options);
  ~MonitoringRuntime();
  [[nodiscard]] Result<void> start();
  void stop();

 private:
  void tick();
  void startSimulation();
  void simulate();
  void compact();
  Services& services_;
  std::string node_;
  MonitoringOptions options_;
  std::unique_ptr<mqtt::MqttIngest> consumer_;
  std::unique_ptr<demo::SensorSimulator> simulator_;
  std::unique_ptr<mqtt::Publisher> publisher_;  // the simulator's, when there is a broker
  std::chrono::steady_clock::time_point last_housekeeping_;
  std::atomic<bool> stopping_ = false;  // tells a long compaction to stop
  // Declared last: their threads run while the members above exist.
  std::optional<PeriodicTask> ticker_;
  std::optional<PeriodicTask> compactor_;
  std::optional<PeriodicTask> simulation_;
};

}  // namespace citysafe::app
