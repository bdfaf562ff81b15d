#pragma once
// The monitoring registry: devices (a terminal on a site: a gas detector, a bridge data logger)
// and the sensors they carry, each linked to the organisation that owns it and, where there is
// one, the risk point it watches. Sensors are addressed by their code in topics and payloads.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citysafe/common/clock.hpp"
#include "citysafe/common/enum_names.hpp"
#include "citysafe/common/ids.hpp"
#include "citysafe/common/result.hpp"
#include "citysafe/core/monitoring/rule.hpp"
#include "citysafe/core/org/organisation.hpp"

namespace citysafe::monitoring {

enum class SensorType : std::uint8_t {
  Methane,      // 甲烷 (%LEL or %vol)
  Pressure,     // 压力
  Flow,         // 流量
  Level,        // 液位
  Temperature,  // 温度
  Strain,       // 应变
  Deflection,   // 挠度
  CrackWidth,   // 裂缝宽度
  Tilt,         // 倾角
  Vibration,    // 振动
  WaterLevel,   // 水位
  Rainfall,     // 雨量
  ToxicGas,     // 有毒气体 (ppm)
};
inline constexpr int kSensorTypeCount = 13;
inline constexpr EnumNames<SensorType, kSensorTypeCount> kSensorTypeNames{
    {"methane", "pressure", "flow", "level", "temperature", "strain", "deflection", "crack_width",
     "tilt", "vibration", "water_level", "rainfall", "toxic_gas"}};
constexpr const auto& enumNames(SensorType /*tag*/) { return kSensorTypeNames; }

enum class Status : std::uint8_t { Active, Maintenance, Retired };
inline constexpr EnumNames<Status, 3> kStatusNames{{"active", "maintenance", "retired"}};
constexpr const auto& enumNames(Status /*tag*/) { return kStatusNames; }

// The units a type may be measured in; the first is the default.
std::vector<std::string_view> unitsOf(SensorType type);
// The rules a sensor of this type gets unless it has its own (DOMAIN.md's defaults), as rule-set
// text; empty where no threshold is universal (pressure and flow depend on the network).
std::string_view defaultRulesOf(SensorType type, std::string_view unit);

struct Device {
  DeviceId id;
  std::string code;  // unique, the terminal's serial or asset number
  std::string name;
  std::string model;
  OrgId org_id;
  std::string org_path;
  std::string sector;
  std::optional<std::int64_t> risk_point_id;
  org::GeoPoint location;
  std::string address;
  Status status = Status::Active;
  TimePoint created_at;
  TimePoint updated_at;

  [[nodiscard]] Result<void> validate() const;
};

struct Sensor {
  SensorId id;
  std::string code;  // unique; the key in topics and payloads
  DeviceId device_id;
  std::string name;
  SensorType type = SensorType::Methane;
  std::string unit;
  std::chrono::seconds interval{60};  // expected sampling interval
  Status status = Status::Active;
  // Own rules (rule-set text); empty: the type's rules.
  std::string rules;
  // Copied from the device, so scope and maps need no join.
  OrgId org_id;
  std::string org_path;
  std::string sector;
  std::optional<std::int64_t> risk_point_id;
  org::GeoPoint location;
  TimePoint created_at;
  TimePoint updated_at;
  // The latest reading, kept by ingestion for maps and the online rate.
  std::optional<std::int64_t> last_at_ms;
  double last_value = 0;

  [[nodiscard]] Result<void> validate() const;
  // Sensors at one site are grouped: the risk point they watch, else their device.
  [[nodiscard]] std::string siteKey() const;
};

// Rule-set text: one rule per line, "name: rule", '#' comments. Names are unique in a set.
//   methane: threshold above orange=1.0 for=30s hysteresis=0.1
//   offline: stale after=10min level=yellow
struct NamedRuleText {
  std::string name;
  std::string text;
};
[[nodiscard]] Result<std::vector<NamedRuleText>> splitRuleSet(std::string_view text);
// Split and parsed; the error names the line or the rule.
[[nodiscard]] Result<std::vector<Rule>> parseRuleSet(std::string_view text);
// A sensor is offline after three missed samples, at least a minute.
[[nodiscard]] std::chrono::milliseconds offlineAfter(std::chrono::seconds interval);
// Every sensor goes offline after offlineAfter() unless its rules have their own stale rule.
void addOfflineRule(std::vector<Rule>& rules, std::chrono::seconds interval);

}  // namespace citysafe::monitoring
