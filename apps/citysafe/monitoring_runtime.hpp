#pragma once
// The monitoring side of `serve`: the MQTT consumer, and a loop every two seconds that closes
// quiet minutes, checks for offline sensors (one node at a time, by lease), pushes the latest
// values to browsers, and once an hour prepares partitions and applies retention; beside it, the
// series compactor (SQLite: readings move from the write log into the per-sensor series).
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "citysafe/core/core_services.hpp"
#include "mqtt_flags.hpp"
#include "mqtt_ingest.hpp"

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
  void loop();
  void simulate();
  void compact();
  Services& services_;
  std::string node_;
  MonitoringOptions options_;
  std::unique_ptr<mqtt::MqttIngest> consumer_;
  std::thread thread_;
  std::thread simulator_;
  std::thread compactor_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace citysafe::app
