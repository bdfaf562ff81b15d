#pragma once
// Evaluates readings against rules, in memory, for hundreds of thousands of sensors. Sensors and
// rules are numbered densely; the engine keeps a few bytes of state per sensor and per
// (sensor, rule) and reports every change of an alarm's level as a Transition. It does no I/O
// and reads no clock: readings carry their own time and tick() is told the time, so replays and
// tests are exact. Not thread-safe: one engine per ingestion thread (or a lock around it).
#include <cstdint>
#include <span>
#include <vector>

#include "citysafe/core/monitoring/rule.hpp"

namespace citysafe::monitoring {

using SensorIndex = std::uint32_t;
using RuleSetIndex = std::uint32_t;

struct Transition {
  SensorIndex sensor = 0;
  std::uint16_t rule = 0;  // position in the sensor's rule set, or a site rule (see below)
  bool site = false;       // true: `rule` indexes the site rules and `sensor` is 0
  Level from = Level::None;
  Level to = Level::None;
  std::int64_t at_ms = 0;
  double value = 0;  // the measure that decided it (the value, or the rate)
};

enum class Verdict : std::uint8_t {
  Accepted,
  Duplicate,   // same time as the last reading: ignored (readings are idempotent by time)
  OutOfOrder,  // older than the last reading: not evaluated (stored, but too late to alarm on)
  NotFinite,   // NaN or infinity: rejected
};

// "At least `min_members` of these (sensor, rule) alarms at `at_least` or above" raises `level`.
struct SiteRule {
  std::vector<std::pair<SensorIndex, std::uint16_t>> members;
  int min_members = 2;
  Level at_least = Level::Yellow;
  Level level = Level::Orange;
};

class RuleEngine {
 public:
  // Rule sets are shared: by sensor type, or one for a single sensor with its own rules.
  [[nodiscard]] Result<RuleSetIndex> addRuleSet(std::vector<Rule> rules);
  [[nodiscard]] SensorIndex addSensor(RuleSetIndex rules);
  // Room for this many sensors and (sensor, rule) alarms, so a large registry loads without
  // the vectors' doubling slack.
  void reserve(std::size_t sensors, std::size_t alarms) {
    sensors_.reserve(sensors);
    alarms_.reserve(alarms);
  }
  [[nodiscard]] Result<std::uint16_t> addSiteRule(SiteRule rule);
  // Evaluates one reading; appends any alarm changes to `out`.
  Verdict evaluate(SensorIndex sensor, std::int64_t at_ms, double value,
                   std::vector<Transition>& out);
  // Raises Stale alarms of sensors silent for longer than their rule allows.
  void tick(std::int64_t now_ms, std::vector<Transition>& out);
  // Maintenance: a silenced sensor is evaluated but reports nothing; unsilencing reports the
  // alarms that hold at that moment.
  void setSilenced(SensorIndex sensor, bool silenced, std::int64_t at_ms,
                   std::vector<Transition>& out);
  // Seeds state a restart would otherwise lose: the last reading (so redelivered readings are
  // duplicates) and the level of an open alarm (so it is changed in place, not raised again).
  void restoreLast(SensorIndex sensor, std::int64_t at_ms, double value);
  void restoreLevel(SensorIndex sensor, std::uint16_t rule, Level level);
  // Every alarm level back to none (pending timers and counts kept), before restoring the levels
  // the store holds.
  void resetLevels();
  [[nodiscard]] std::int64_t lastAt(SensorIndex sensor) const { return sensors_[sensor].last_ms; }
  [[nodiscard]] double lastValue(SensorIndex sensor) const { return sensors_[sensor].last_value; }
  [[nodiscard]] Level level(SensorIndex sensor, std::uint16_t rule) const;
  [[nodiscard]] std::size_t sensors() const { return sensors_.size(); }
  [[nodiscard]] std::span<const Rule> rulesOf(SensorIndex sensor) const;
  // Bytes of state the engine holds (per-sensor and per-alarm state, not the shared rule sets).
  [[nodiscard]] std::size_t stateBytes() const;

 private:
  struct SensorState {
    std::int64_t last_ms = INT64_MIN;
    double last_value = 0;
    RuleSetIndex rule_set = 0;
    std::uint32_t first_alarm = 0;  // index of its first AlarmState
    std::uint16_t flat_run = 0;
    bool silenced = false;
  };
  // One per (sensor, rule): 24 bytes.
  struct AlarmState {
    std::int64_t pending_since_ms = 0;  // valid while `pending` is set
    std::int64_t window_start_ms = 0;   // the first crossing of the current repeat run
    std::uint16_t crossings = 0;
    Level level = Level::None;
    Level pending = Level::None;  // a higher level waiting out `for`
    bool above_lowest = false;    // for counting upward crossings
  };
  struct RuleSet {
    std::vector<Rule> rules;
    bool has_stale = false;
  };
  struct SiteState {
    SiteRule rule;
    Level level = Level::None;
  };

  void change(SensorIndex s, std::uint16_t r, AlarmState& a, Level to, std::int64_t at_ms,
              double value, std::vector<Transition>& out);
  void decide(SensorIndex s, std::uint16_t r, const Rule& rule, AlarmState& a, double measure,
              std::int64_t at_ms, std::vector<Transition>& out);
  void recheckSites(SensorIndex s, std::uint16_t r, std::int64_t at_ms,
                    std::vector<Transition>& out);

  std::vector<RuleSet> rule_sets_;
  std::vector<SensorState> sensors_;
  std::vector<AlarmState> alarms_;
  std::vector<SiteState> sites_;
};

}  // namespace citysafe::monitoring
