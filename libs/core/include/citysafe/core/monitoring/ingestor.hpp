#pragma once
// Ingestion: checks a batch of readings, evaluates the rules, and in one transaction stores the
// readings, recomputes the aggregates whose minute or hour closed, and raises, changes or clears
// alarms. The caller acknowledges the batch (MQTT PUBACK, HTTP 200) only after ingest() returns:
// by then it is durable. Events go out after the commit.
//
// Readings are idempotent by (sensor, time): a redelivered batch stores nothing new and raises
// nothing again, because the engine is seeded from the store on every (re)load. If a
// transaction fails, the engine may have run ahead of the store, so it reloads before the next
// batch.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "citysafe/core/monitoring/engine_snapshot.hpp"
#include "citysafe/core/monitoring/rule_engine.hpp"
#include "citysafe/core/monitoring/sensor.hpp"
#include "citysafe/core/monitoring/sensor_state.hpp"
#include "citysafe/core/services.hpp"
#include "citysafe/core/store/monitoring_store.hpp"

namespace citysafe::monitoring {

struct RawReading {
  std::string sensor;  // the sensor's code
  std::int64_t at_ms = 0;
  double value = 0;
};

// What happened to each reading of a batch (and, summed, since start).
struct IngestTally {
  std::int64_t accepted = 0;      // evaluated (and stored unless already held)
  std::int64_t stored = 0;        // new rows
  std::int64_t duplicate = 0;     // same sensor and time as one already seen
  std::int64_t out_of_order = 0;  // older than the sensor's last: stored, not alarmed on
  std::int64_t not_finite = 0;  // NaN, infinity or beyond ±1e15 (no sensor measures that): refused
  std::int64_t unknown_sensor = 0;
  std::int64_t out_of_window = 0;  // too far in the future or older than raw retention
  std::int64_t malformed = 0;      // counted by the transport's parser
  std::int64_t alarms_changed = 0;
  IngestTally& operator+=(const IngestTally& o);
  [[nodiscard]] std::int64_t refused() const {
    return not_finite + unknown_sensor + out_of_window + malformed;
  }
};

struct IngestOptions {
  // Clocks run a little fast; a reading far ahead would hold back every later one (they would be
  // out of order), so little is allowed.
  std::chrono::milliseconds max_future = std::chrono::seconds(30);
  std::chrono::milliseconds max_age = std::chrono::days(30);        // raw retention
  std::chrono::milliseconds quiet_flush = std::chrono::minutes(2);  // close a quiet sensor's minute
};

// This node's ingestion, for platform administrators.
struct IngestStatus {
  std::size_t sensors_loaded = 0;
  std::size_t engine_bytes = 0;
  IngestTally totals;
};

class Ingestor final : public LatestValues {
 public:
  Ingestor(ServiceContext& ctx, IngestOptions options = {});
  // Loads the registry and seeds the engine from the store.
  [[nodiscard]] Result<void> load();
  // One batch, one transaction. On error nothing of the batch is stored.
  // With a scope (a gateway pushing over HTTP), sensors outside it count as unknown.
  [[nodiscard]] Result<IngestTally> ingest(std::span<const RawReading> batch,
                                           const std::optional<identity::Scope>& scope = {});
  // Every few seconds: stale sensors, quiet sensors' minutes and hours, registry changes made on
  // other nodes.
  // `check_stale`: only one node raises offline alarms (the one holding the lease), since each
  // node sees only its share of a shared subscription.
  [[nodiscard]] Result<IngestTally> tick(bool check_stale = true);
  // "sensor.values" events with the latest reading of every sensor that reported since the last
  // call, one event per organisation.
  void publishRecent();
  // A gateway pushing a batch over HTTP: it needs reading.ingest and reaches only its scope's
  // sensors. `malformed`: readings its transport could not parse, counted in the tally.
  [[nodiscard]] Result<IngestTally> ingestAs(const identity::Principal& who,
                                             std::span<const RawReading> batch,
                                             std::int64_t malformed);
  void countMalformed(std::int64_t n);
  [[nodiscard]] IngestTally totals() const;
  // This node's counters cover every organisation's sensors: platform administrators only.
  [[nodiscard]] Result<IngestStatus> status(const identity::Principal& who) const;
  [[nodiscard]] std::size_t sensorCount() const;
  [[nodiscard]] std::size_t engineBytes() const;
  // The latest value this node has seen of each of these sensors (0 at_ms when none).
  [[nodiscard]] std::vector<store::SensorLast> latest(
      std::span<const SensorId> sensor_ids) const override;

 private:
  struct Pending;

  Result<void> loadLocked();
  // The engine's levels from the store's open alarms: what other nodes raised or cleared, and
  // alarms people closed while their condition held (the next reading raises a new one).
  Result<void> syncLevelsLocked();
  Result<IngestTally> ingestOnce(std::span<const RawReading> batch,
                                 const std::optional<identity::Scope>& scope);
  Result<IngestTally> commit(Pending& pending);

  ServiceContext& ctx_;
  IngestOptions options_;
  mutable std::mutex mutex_;
  SnapshotLoader loader_;
  EngineSnapshot snap_;
  BucketTracker buckets_;
  LivePublisher live_;
  int ticks_ = 0;
  bool needs_reload_ = true;
  // The engine has seen exactly what the store holds (false before the first load and after a
  // failed commit): a registry reload then keeps its last readings instead of reading them all
  // from the store again.
  bool in_step_with_store_ = false;
  IngestTally totals_;
};

}  // namespace citysafe::monitoring
