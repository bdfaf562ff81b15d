#pragma once
// Storage port for monitoring: the device and sensor registry, the time series (raw readings
// and 1-minute / 1-hour aggregates) and alarms.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/result.hpp"
#include "citysafe/core/basemap/map_feature.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/monitoring/alarm.hpp"
#include "citysafe/core/monitoring/sensor.hpp"

namespace citysafe::store {

struct SensorFilter {
  identity::Scope scope;
  std::optional<monitoring::SensorType> type;
  std::optional<monitoring::Status> status;
  std::optional<DeviceId> device_id;
  std::optional<std::int64_t> risk_point_id;
  std::optional<basemap::BBox> bbox;
  std::string text;  // in the code or name
};

struct ReadingRow {
  SensorId sensor_id;
  std::int64_t at_ms = 0;
  double value = 0;
};

enum class Resolution : std::uint8_t { Raw, Minute, Hour };
inline constexpr EnumNames<Resolution, 3> kResolutionNames{{"raw", "minute", "hour"}};
constexpr const auto& enumNames(Resolution /*tag*/) { return kResolutionNames; }

struct SeriesPoint {
  std::int64_t at_ms = 0;  // the reading's time, or the bucket's start
  double value = 0;        // the reading, or the bucket's mean
  double min = 0;
  double max = 0;
  std::int64_t count = 1;
};

// A bucket to recompute from what lies beneath it: a minute from raw readings, an hour from its
// minutes. Recomputing (rather than adding) keeps aggregates exact across redeliveries and
// restarts.
struct BucketKey {
  SensorId sensor_id;
  std::int64_t start_ms = 0;
  friend bool operator==(const BucketKey&, const BucketKey&) = default;
};

struct AlarmFilter {
  identity::Scope scope;
  std::vector<monitoring::AlarmState> states;  // empty: any
  std::optional<monitoring::Level> min_level;
  std::optional<SensorId> sensor_id;
  std::optional<std::string> site;
  std::optional<std::string> org_path;  // within this subtree
  std::optional<std::string> sector;
  std::optional<TimePoint> raised_from;  // raised_at in [from, to)
  std::optional<TimePoint> raised_to;
  std::optional<bool> cleared;  // the condition cleared (or still present)
};

struct SensorLast {
  SensorId sensor_id;
  std::int64_t at_ms = 0;
  double value = 0;
};

class MonitoringRepository {
 public:
  virtual ~MonitoringRepository() = default;
  // Registry.
  [[nodiscard]] virtual Result<DeviceId> insertDevice(const monitoring::Device& d) = 0;
  [[nodiscard]] virtual Result<void> updateDevice(const monitoring::Device& d) = 0;
  [[nodiscard]] virtual Result<monitoring::Device> device(DeviceId id) = 0;
  [[nodiscard]] virtual Result<std::vector<monitoring::Device>> devices(
      const identity::Scope& scope, int limit, DeviceId after) = 0;
  [[nodiscard]] virtual Result<SensorId> insertSensor(const monitoring::Sensor& s) = 0;
  [[nodiscard]] virtual Result<void> updateSensor(const monitoring::Sensor& s) = 0;
  [[nodiscard]] virtual Result<monitoring::Sensor> sensor(SensorId id) = 0;
  [[nodiscard]] virtual Result<std::optional<monitoring::Sensor>> sensorByCode(
      const std::string& code) = 0;
  [[nodiscard]] virtual Result<std::vector<monitoring::Sensor>> sensors(const SensorFilter& filter,
                                                                        int limit,
                                                                        SensorId after) = 0;
  // Every sensor not retired, whatever the scope (ingestion loads them all).
  [[nodiscard]] virtual Result<std::vector<monitoring::Sensor>> liveSensors() = 0;
  // Bumped by every registry change, so every node's ingestion can reload.
  [[nodiscard]] virtual Result<std::int64_t> registryVersion() = 0;
  [[nodiscard]] virtual Result<void> bumpRegistryVersion() = 0;
  // Per-type rules an administrator set (rule-set text); empty: the built-in defaults.
  [[nodiscard]] virtual Result<std::optional<std::string>> typeRules(
      monitoring::SensorType type) = 0;
  [[nodiscard]] virtual Result<void> setTypeRules(monitoring::SensorType type,
                                                  const std::string& rules) = 0;

  // Time series. Inserting ignores a reading already held for (sensor, time); returns how many
  // were new.
  [[nodiscard]] virtual Result<std::int64_t> insertReadings(std::span<const ReadingRow> rows) = 0;
  [[nodiscard]] virtual Result<void> recomputeMinutes(std::span<const BucketKey> buckets) = 0;
  [[nodiscard]] virtual Result<void> recomputeHours(std::span<const BucketKey> buckets) = 0;
  // The newest reading of each sensor that has one (ingestion seeds its state from it).
  [[nodiscard]] virtual Result<std::vector<SensorLast>> lastReadings() = 0;
  [[nodiscard]] virtual Result<void> setLast(std::span<const SensorLast> last) = 0;
  // Oldest first, [from, to), at most `limit` points.
  [[nodiscard]] virtual Result<std::vector<SeriesPoint>> series(SensorId sensor_id,
                                                                Resolution resolution,
                                                                std::int64_t from_ms,
                                                                std::int64_t to_ms, int limit) = 0;
  // Retention: drops raw readings, minutes and hours older than each cut-off; returns rows (or,
  // for partitions, an estimate) removed.
  [[nodiscard]] virtual Result<std::int64_t> dropBefore(Resolution resolution,
                                                        std::int64_t before_ms) = 0;
  // Storage housekeeping before a time range is written (PostgreSQL: the day partitions).
  [[nodiscard]] virtual Result<void> prepareRange(std::int64_t from_ms, std::int64_t to_ms) = 0;

  // The write log. A store may take new readings into a log and move them into the per-sensor
  // series later (SeriesCompactor); how it keeps the log is its own affair. The log is in parts
  // (a sensor's readings share a part); readings older than its horizon go straight to the series.
  // Every query sees both, and aggregates of logged readings are brought up to date when they
  // move. A store without a log has no parts and an unbounded horizon.
  [[nodiscard]] virtual int logParts() = 0;
  [[nodiscard]] virtual Result<std::int64_t> logHorizon() = 0;
  // Moves the horizon forward (never back): readings older than it no longer enter the log.
  [[nodiscard]] virtual Result<void> advanceLogHorizon(std::int64_t horizon_ms) = 0;
  // One part's logged readings older than `before_ms`, in log order (time, then sensor), after
  // `after` (none: from the first), at most `limit`: pages, so that no read is long.
  [[nodiscard]] virtual Result<std::vector<ReadingRow>> loggedBefore(
      int part, std::int64_t before_ms, std::optional<ReadingRow> after, int limit) = 0;
  // Stores readings sorted by sensor and time in the series (those already there are left) and
  // recomputes the minutes and hours they fall in.
  [[nodiscard]] virtual Result<void> moveToSeries(std::span<const ReadingRow> rows) = 0;
  // Forgets one part's logged readings in [from_ms, before_ms); returns how many.
  [[nodiscard]] virtual Result<std::int64_t> dropLogged(int part, std::int64_t from_ms,
                                                        std::int64_t before_ms) = 0;

  // Alarms. Open = not closed; at most one per (sensor, rule) (the store enforces it, so two
  // nodes cannot both open one: the loser gets Conflict).
  [[nodiscard]] virtual Result<std::optional<monitoring::Alarm>> openAlarm(
      SensorId sensor_id, const std::string& rule) = 0;
  [[nodiscard]] virtual Result<std::vector<monitoring::Alarm>> openAlarms() = 0;
  [[nodiscard]] virtual Result<AlarmId> insertAlarm(const monitoring::Alarm& alarm) = 0;
  // Conflict when the row changed since it was read (row_version), and then bumps row_version.
  [[nodiscard]] virtual Result<void> updateAlarm(monitoring::Alarm& alarm) = 0;
  [[nodiscard]] virtual Result<monitoring::Alarm> alarm(AlarmId id) = 0;
  // Newest first.
  [[nodiscard]] virtual Result<std::vector<monitoring::Alarm>> alarms(const AlarmFilter& filter,
                                                                      int limit,
                                                                      AlarmId before) = 0;
};

}  // namespace citysafe::store
