#pragma once
// What people do with monitoring: register devices and sensors, set rules, read series, and
// handle alarms (acknowledge, handle, close with a disposition, open a hazard), and the figures
// the plans ask for. Every call checks permission and scope; every change is audited.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/core/identity/principal.hpp"
#include "citysafe/core/monitoring/alarm.hpp"
#include "citysafe/core/monitoring/sensor.hpp"
#include "citysafe/core/monitoring/sensor_state.hpp"
#include "citysafe/core/services.hpp"
#include "citysafe/core/store/monitoring_store.hpp"

namespace citysafe::monitoring {

struct DeviceDraft {
  std::string code;
  std::string name;
  std::string model;
  OrgId org_id;
  std::string sector;
  std::optional<std::int64_t> risk_point_id;
  org::GeoPoint location;
  std::string address;
  Status status = Status::Active;
};

struct SensorDraft {
  std::string code;
  DeviceId device_id;
  std::string name;
  SensorType type = SensorType::Methane;
  std::string unit;  // empty: the type's default
  std::chrono::seconds interval{60};
  Status status = Status::Active;
  std::string rules;                      // empty: the type's rules
  std::optional<org::GeoPoint> location;  // empty: the device's
};

struct AlarmQuery {
  std::vector<AlarmState> states;
  std::optional<Level> min_level;
  std::optional<SensorId> sensor_id;
  std::optional<std::string> site;
  std::optional<OrgId> org_id;
  std::optional<std::string> sector;
  std::optional<TimePoint> from;
  std::optional<TimePoint> to;
  std::optional<bool> cleared;
};

// 报警信息处置率 and friends, over alarms raised in [from, to) within the scope.
struct AlarmFigures {
  std::int64_t raised = 0;
  std::int64_t closed = 0;                // by a person, with a disposition
  std::int64_t open = 0;                  // not yet closed
  std::int64_t cleared_by_condition = 0;  // the readings fell back (closed or not)
  std::array<std::int64_t, 4> by_disposition{};
  std::array<std::int64_t, 4> by_level{};  // peak: blue, yellow, orange, red
  double handling_rate = 0;                // closed / raised (1 when none raised)
  double mean_ack_seconds = 0;             // over acknowledged alarms
  double mean_close_seconds = 0;           // over closed alarms
  std::int64_t sensors = 0;                // active sensors in scope
  std::int64_t online = 0;                 // of them, heard from within three intervals
  double online_rate = 0;
};

// A chart's window: what was asked, or the resolution's default span ending now.
struct SeriesWindow {
  store::Resolution resolution = store::Resolution::Raw;
  TimePoint from;
  TimePoint to;
};
// Raw: the last hour; minutes: the last day; hours: the last 30 days.
[[nodiscard]] std::chrono::hours defaultSpan(store::Resolution resolution);
// Without an end, a minute past `now` (a reading stamped a little ahead is included).
[[nodiscard]] SeriesWindow seriesWindow(store::Resolution resolution, std::optional<TimePoint> from,
                                        std::optional<TimePoint> to, TimePoint now);

struct Series {
  SeriesWindow window;
  std::vector<store::SeriesPoint> points;
};

// A sensor type as the registry offers it: its units, each unit's default rules, and the rules an
// administrator set for the type.
struct SensorTypeInfo {
  SensorType type = SensorType::Methane;
  std::vector<std::string_view> units;
  std::vector<std::string_view> default_rules;  // one per unit
  std::string rules;
};

class MonitoringService {
 public:
  explicit MonitoringService(ServiceContext& ctx) : ctx_(ctx) {}

  [[nodiscard]] Result<Device> createDevice(const identity::Principal& who, const DeviceDraft& d);
  [[nodiscard]] Result<Device> updateDevice(const identity::Principal& who, DeviceId id,
                                            const DeviceDraft& d);
  [[nodiscard]] Result<Device> device(const identity::Principal& who, DeviceId id);
  [[nodiscard]] Result<std::vector<Device>> devices(const identity::Principal& who, int limit,
                                                    DeviceId after);

  [[nodiscard]] Result<Sensor> createSensor(const identity::Principal& who, const SensorDraft& d);
  [[nodiscard]] Result<Sensor> updateSensor(const identity::Principal& who, SensorId id,
                                            const SensorDraft& d);
  [[nodiscard]] Result<Sensor> sensor(const identity::Principal& who, SensorId id);
  [[nodiscard]] Result<std::vector<Sensor>> sensors(const identity::Principal& who,
                                                    store::SensorFilter filter, int limit,
                                                    SensorId after);
  // Sensors with their newest values and open-alarm states.
  [[nodiscard]] Result<std::vector<SensorView>> sensorViews(const identity::Principal& who,
                                                            store::SensorFilter filter, int limit,
                                                            SensorId after,
                                                            const LatestValues& live);
  [[nodiscard]] Result<SensorView> sensorView(const identity::Principal& who, SensorId id,
                                              const LatestValues& live);
  // The open-alarm state of every sensor in scope (or of one), over all its open alarms.
  [[nodiscard]] Result<SensorStates> sensorStates(const identity::Principal& who,
                                                  std::optional<SensorId> sensor_id = {});
  // The rules a sensor runs (its own, its type's as set, or the defaults) with the stale rule.
  [[nodiscard]] Result<std::vector<Rule>> effectiveRules(const identity::Principal& who,
                                                         SensorId sensor_id);
  // Per-type rules: platform administrators only. Empty text restores the defaults.
  [[nodiscard]] Result<void> setTypeRules(const identity::Principal& who, SensorType type,
                                          const std::string& text);
  [[nodiscard]] Result<std::string> typeRules(const identity::Principal& who, SensorType type);
  [[nodiscard]] Result<std::vector<SensorTypeInfo>> sensorTypes(const identity::Principal& who);

  [[nodiscard]] Result<Series> series(const identity::Principal& who, SensorId sensor_id,
                                      store::Resolution resolution, std::optional<TimePoint> from,
                                      std::optional<TimePoint> to, int limit);

  [[nodiscard]] Result<std::vector<Alarm>> alarms(const identity::Principal& who,
                                                  const AlarmQuery& query, int limit,
                                                  AlarmId before);
  [[nodiscard]] Result<Alarm> alarm(const identity::Principal& who, AlarmId id);
  // `expected_version`: the row_version the person saw (409 when it moved on).
  [[nodiscard]] Result<Alarm> act(const identity::Principal& who, AlarmId id, const AlarmStep& step,
                                  std::optional<std::int64_t> expected_version);
  // One action from an alarm to a hazard in the loop; the alarm remembers it.
  [[nodiscard]] Result<hazard::Hazard> openHazard(const identity::Principal& who, AlarmId id,
                                                  hazard::HazardLoop& hazards,
                                                  const std::string& title,
                                                  const std::string& description);
  // Without `from`, the last 30 days; without `to`, up to a minute past now.
  [[nodiscard]] Result<AlarmFigures> figures(const identity::Principal& who,
                                             std::optional<OrgId> org_id,
                                             std::optional<std::string> sector,
                                             std::optional<TimePoint> from,
                                             std::optional<TimePoint> to);

 private:
  Result<Sensor> loadSensor(store::Tx& tx, const identity::Principal& who, SensorId id);
  Result<Alarm> loadAlarm(store::Tx& tx, const identity::Principal& who, AlarmId id);
  Result<std::string> subtreeOf(store::Tx& tx, const identity::Principal& who,
                                std::optional<OrgId> org_id);
  ServiceContext& ctx_;
};

}  // namespace citysafe::monitoring
