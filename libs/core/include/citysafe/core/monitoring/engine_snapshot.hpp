#pragma once
// Ingestion's parts: the snapshot of the registry the rule engine runs (loaded by the
// SnapshotLoader), the open minutes and hours (BucketTracker), and the live values sent to the
// screens (LivePublisher). The Ingestor evaluates batches with them.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "citysafe/core/monitoring/alarm.hpp"
#include "citysafe/core/monitoring/rule_engine.hpp"
#include "citysafe/core/monitoring/sensor.hpp"
#include "citysafe/core/services.hpp"
#include "citysafe/core/store/monitoring_store.hpp"

namespace citysafe::monitoring {

// The rules a sensor runs: its own, else its type's as an administrator set them, else the
// built-in defaults; with the offline rule.
[[nodiscard]] Result<std::vector<Rule>> sensorRules(store::Tx& tx, const Sensor& sensor);

// The registry as the engine runs it, by SensorIndex.
struct EngineSnapshot {
  RuleEngine engine;
  std::vector<Sensor> sensors;
  std::vector<std::vector<std::string>> rule_names;
  std::unordered_map<std::string, SensorIndex> by_code;
  std::unordered_map<SensorId, SensorIndex> by_id;
  std::int64_t version = -1;

  // The engine's levels from the store's open alarms (alarms of unknown sensors or rules skipped).
  void restoreLevels(std::span<const Alarm> open);
};

// Per sensor, the minute and hour being filled and when its last value was saved.
class BucketTracker {
 public:
  struct Changes {
    std::vector<store::BucketKey> minutes;  // closed: recompute
    std::vector<store::BucketKey> hours;
    // Sensors whose last value is saved to the registry (for the online rate and lists): the
    // first reading since start or since a quiet spell, then once per sampling interval (at
    // least a minute), so that a province of sensors does not rewrite registry rows with every
    // reading.
    std::vector<SensorIndex> save_last;
  };

  void reset(std::size_t sensors) { open_.assign(sensors, {}); }
  // A sensor the previous snapshot knew keeps its open minute and hour.
  void carry(const BucketTracker& from, SensorIndex from_index, SensorIndex index);
  // The minute and hour of a sensor's last stored reading.
  void seed(SensorIndex s, std::int64_t at_ms);
  // An accepted reading: the minute and hour it leaves close.
  void track(const Sensor& sensor, SensorIndex s, std::int64_t at_ms, Changes& out);
  // A reading older than the sensor's last: its minute and hour are recomputed unless open.
  void late(const Sensor& sensor, SensorIndex s, std::int64_t at_ms, Changes& out) const;
  // Quiet sensors' minutes and hours close `quiet_ms` after they end.
  void flushQuiet(std::span<const Sensor> sensors, std::int64_t now_ms, std::int64_t quiet_ms,
                  Changes& out);

 private:
  struct Open {
    std::int64_t minute = 0;  // start of the minute (hour) being filled; 0 when none
    std::int64_t hour = 0;
    std::int64_t saved_at = 0;  // the reading time of the last value saved to the registry
  };
  std::vector<Open> open_;
};

// Loads the registry and seeds the engine from the store: last readings and open alarms.
class SnapshotLoader {
 public:
  explicit SnapshotLoader(ServiceContext& ctx) : ctx_(ctx) {}
  // `previous` (with its buckets), when it saw exactly what the store holds: sensors it knew keep
  // their last readings and open minutes instead of reading them all from the store again.
  [[nodiscard]] Result<EngineSnapshot> load(const EngineSnapshot* previous,
                                            const BucketTracker& previous_buckets,
                                            BucketTracker& buckets) const;
  [[nodiscard]] Result<std::int64_t> registryVersion() const;
  [[nodiscard]] Result<std::vector<Alarm>> openAlarms() const;

 private:
  ServiceContext& ctx_;
};

// "sensor.values" events with the latest reading of every sensor that reported since the last
// publish, one event per organisation and sector (a sector department sees its sector's only).
class LivePublisher {
 public:
  explicit LivePublisher(ServiceContext& ctx) : ctx_(ctx) {}
  void reset(std::size_t sensors);
  void reported(SensorIndex s);
  void publish(const EngineSnapshot& snapshot);

 private:
  ServiceContext& ctx_;
  std::vector<SensorIndex> recent_;
  std::vector<bool> is_recent_;
};

}  // namespace citysafe::monitoring
