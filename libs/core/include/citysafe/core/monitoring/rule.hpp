#pragma once
// Alarm rules for sensor readings. A rule watches one measure of one sensor and holds one alarm
// level (none, or blue < yellow < orange < red, the four warning colours); the engine keeps one
// active alarm per (sensor, rule) and raises or lowers it in place.
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/result.hpp"

namespace citysafe::monitoring {

enum class Level : std::uint8_t { None, Blue, Yellow, Orange, Red };
inline constexpr EnumNames<Level, 5> kLevelNames{{"none", "blue", "yellow", "orange", "red"}};
constexpr const auto& enumNames(Level /*tag*/) { return kLevelNames; }

enum class RuleKind : std::uint8_t {
  Threshold,  // the value against four levels
  Rate,       // the change per unit of time between consecutive readings, against four levels
  Stale,      // no reading for `stale_after`: the sensor is offline
  Flatline,   // `flat_count` identical readings in a row: the sensor is stuck
};
inline constexpr EnumNames<RuleKind, 4> kRuleKindNames{{"threshold", "rate", "stale", "flatline"}};
constexpr const auto& enumNames(RuleKind /*tag*/) { return kRuleKindNames; }

enum class Direction : std::uint8_t { Above, Below };
inline constexpr EnumNames<Direction, 2> kDirectionNames{{"above", "below"}};
constexpr const auto& enumNames(Direction /*tag*/) { return kDirectionNames; }

struct Rule {
  std::string name;
  RuleKind kind = RuleKind::Threshold;
  Direction direction = Direction::Above;
  // Trigger values for blue, yellow, orange, red; NaN where a level is not used. Above: each
  // at least the one before; Below: each at most.
  std::array<double, 4> thresholds{NAN, NAN, NAN, NAN};
  double hysteresis = 0;  // a level holds until the measure is this far back past its trigger
  std::chrono::milliseconds hold_for{0};  // for=: a higher level must hold this long to be raised
  std::chrono::milliseconds rate_unit = std::chrono::minutes(1);  // Rate: the change per this
  // "N times in M minutes": raise to `repeat_level` when the lowest trigger is crossed upwards
  // `repeat_count` times within `repeat_window` of the first crossing of the run.
  int repeat_count = 0;
  std::chrono::milliseconds repeat_window{0};
  Level repeat_level = Level::None;
  std::chrono::milliseconds stale_after{0};  // Stale
  int flat_count = 0;                        // Flatline
  Level fault_level = Level::Yellow;         // the level of Stale and Flatline alarms

  [[nodiscard]] Result<void> validate() const;
  // The highest level whose trigger `value` reaches (None when none).
  [[nodiscard]] Level reached(double value) const;
  // The highest level `value` still holds, given hysteresis.
  [[nodiscard]] Level held(double value) const;
};

// One line of rule text, e.g.
//   threshold above blue=10 yellow=15 orange=20 red=25 for=30s hysteresis=2 repeats=3/10min:orange
//   rate above orange=5 per=1min      stale after=10min level=yellow      flatline count=30
// Durations: 500ms, 30s, 10min, 2h, 1d. Invalid naming the offending word.
[[nodiscard]] Result<Rule> parseRule(std::string_view name, std::string_view text);
[[nodiscard]] Result<std::chrono::milliseconds> parseDuration(std::string_view text);

}  // namespace citysafe::monitoring
