#include "citysafe/core/monitoring/sensor.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "citysafe/core/org/sectors.hpp"

namespace citysafe::monitoring {
namespace {

// Per type, in SensorType order; the first unit is the default.
const std::array<std::vector<std::string_view>, kSensorTypeCount>& units() {
  static const std::array<std::vector<std::string_view>, kSensorTypeCount> kUnits = {{
      {"%LEL", "%vol"},
      {"MPa", "kPa"},
      {"m3/h", "L/s"},
      {"m", "cm"},
      {"°C"},
      {"µε"},
      {"mm"},
      {"mm"},
      {"°"},
      {"mm/s", "g"},
      {"m"},
      {"mm"},
      {"ppm"},
  }};
  return kUnits;
}

Result<void> validPlace(const org::GeoPoint& at) {
  if (!std::isfinite(at.lon) || at.lon < -180 || at.lon > 180) {
    return invalid("location.lon", "must be a longitude between -180 and 180");
  }
  if (!std::isfinite(at.lat) || at.lat < -90 || at.lat > 90) {
    return invalid("location.lat", "must be a latitude between -90 and 90");
  }
  return ok();
}

Result<void> validCode(const std::string& code) {
  if (code.empty() || code.size() > 64) return invalid("code", "must be 1 to 64 characters");
  for (const char c : code) {
    const bool fine = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    // Codes appear in MQTT topics: no '/', '+', '#' or spaces.
    if (!fine) return invalid("code", "may hold only letters, digits, '-', '_' and '.'");
  }
  return ok();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::vector<std::string_view> unitsOf(SensorType type) {
  return units()[static_cast<std::size_t>(type)];
}

std::string_view defaultRulesOf(SensorType type, std::string_view unit) {
  switch (type) {
    case SensorType::Methane:
      // Manholes: 1 %vol (= 20 %LEL), Hefei practice. Utility-tunnel gas cabins: 20 %LEL alarm,
      // 35 %LEL shut-off (GB 50838).
      return unit == "%vol" ? "methane: threshold above orange=1.0 for=30s hysteresis=0.1"
                            : "methane: threshold above orange=20 red=35 hysteresis=2";
    case SensorType::CrackWidth:
      return "crack: threshold above yellow=0.25\n"
             "crack_growth: rate above yellow=0.01 per=1d";
    case SensorType::Deflection:
      // Sustained growth of 1 / 3 / 5 mm a year: levels 3 / 2 / 1.
      return "deflection_growth: rate above yellow=1 orange=3 red=5 per=365d";
    case SensorType::ToxicGas:
      // Hydrogen sulphide's occupational ceiling (GBZ 2.1: 10 mg/m³ ≈ 7 ppm) as a cautious default.
      return "toxic: threshold above yellow=5 orange=7 red=20 hysteresis=1";
    default:
      return "";
  }
}

Result<void> Device::validate() const {
  CS_TRY(validCode(code));
  if (name.empty() || name.size() > 200) return invalid("name", "must be 1 to 200 characters");
  if (model.size() > 200) return invalid("model", "must be at most 200 characters");
  // Alarms and the hazards opened from them are counted per sector.
  if (!org::isKnownSector(sector)) {
    return invalid("sector", sector.empty() ? "is required: the sector the device serves"
                                            : "unknown sector '" + sector + "'");
  }
  return validPlace(location);
}

Result<void> Sensor::validate() const {
  CS_TRY(validCode(code));
  if (name.empty() || name.size() > 200) return invalid("name", "must be 1 to 200 characters");
  bool unit_known = false;
  for (const auto u : unitsOf(type)) unit_known = unit_known || u == unit;
  if (!unit_known) {
    std::string allowed;
    for (const auto u : unitsOf(type)) allowed += (allowed.empty() ? "" : ", ") + std::string(u);
    return invalid("unit", "a " + std::string(nameOf(type)) + " sensor measures in " + allowed);
  }
  if (interval < std::chrono::seconds(1) || interval > std::chrono::days(1)) {
    return invalid("interval_s", "must be between 1 second and 1 day");
  }
  if (rules.size() > 4000) return invalid("rules", "must be at most 4000 characters");
  return validPlace(location);
}

std::string Sensor::siteKey() const {
  return risk_point_id ? "risk:" + std::to_string(*risk_point_id)
                       : "device:" + std::to_string(device_id.value);
}

Result<std::vector<NamedRuleText>> splitRuleSet(std::string_view text) {
  std::vector<NamedRuleText> out;
  std::set<std::string, std::less<>> names;
  int line_no = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    auto line = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::string field = "rules.line" + std::to_string(line_no);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return invalid(field, "must look like 'name: rule', e.g. 'methane: threshold above red=1'");
    }
    std::string name(trim(line.substr(0, colon)));
    if (!names.insert(name).second) return invalid(field, "repeats the rule name '" + name + "'");
    out.push_back({std::move(name), std::string(trim(line.substr(colon + 1)))});
  }
  return out;
}

Result<std::vector<Rule>> parseRuleSet(std::string_view text) {
  auto lines = CS_TRY(splitRuleSet(text));
  std::vector<Rule> rules;
  for (const auto& line : lines) {
    auto rule = CS_TRY(parseRule(line.name, line.text));
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::chrono::milliseconds offlineAfter(std::chrono::seconds interval) {
  return std::max<std::chrono::milliseconds>(3 * interval, std::chrono::minutes(1));
}

void addOfflineRule(std::vector<Rule>& rules, std::chrono::seconds interval) {
  for (const auto& r : rules) {
    // A rule of the same name would share its alarm.
    if (r.kind == RuleKind::Stale || r.name == "offline") return;
  }
  Rule offline;
  offline.name = "offline";
  offline.kind = RuleKind::Stale;
  offline.stale_after = offlineAfter(interval);
  offline.fault_level = Level::Yellow;
  rules.push_back(std::move(offline));
}

}  // namespace citysafe::monitoring
