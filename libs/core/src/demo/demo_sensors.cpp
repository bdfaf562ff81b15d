#include "citysafe/core/demo/demo_sensors.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "citysafe/core/identity/principal.hpp"

namespace citysafe::demo {
namespace {

using monitoring::SensorType;

struct Channel {
  SensorType type;
  const char* unit;
  const char* name;
  int interval_s;
  const char* rules;  // own rules where the type has no default
};

// What a device of each kind carries: four channels.
struct Kit {
  const char* prefix;
  const char* name;
  const char* sector;
  bool on_enterprise;  // else on a street (public lifelines)
  std::array<Channel, 4> channels;
};

const std::array<Kit, 4>& kits() {
  static const std::array<Kit, 4> kKits = {{
      {"GW",
       "燃气管网监测井",
       "gas",
       false,
       {{{SensorType::Methane, "%vol", "窨井甲烷浓度", 10, ""},
         {SensorType::Pressure, "kPa", "中压管网压力", 30,
          "pressure_low: threshold below yellow=180 orange=150 red=100 hysteresis=5"},
         {SensorType::Temperature, "°C", "井内温度", 60, ""},
         {SensorType::Level, "cm", "井内积水", 60,
          "water_in_well: threshold above yellow=30 orange=50 red=80 hysteresis=2"}}}},
      {"QL",
       "桥梁结构监测",
       "urban_operation",
       false,
       {{{SensorType::CrackWidth, "mm", "主梁裂缝宽度", 60, ""},
         {SensorType::Deflection, "mm", "跨中挠度", 60,
          "deflection: threshold above yellow=20 orange=25 red=30 hysteresis=0.5"},
         {SensorType::Strain, "µε", "支座应变", 30,
          "strain: threshold above yellow=150 orange=200 red=250 hysteresis=5"},
         {SensorType::Tilt, "°", "桥墩倾角", 60,
          "tilt: threshold above yellow=0.5 orange=0.8 red=1.2 hysteresis=0.05"}}}},
      {"PS",
       "排水防涝监测",
       "water_supply_drainage",
       false,
       {{{SensorType::WaterLevel, "m", "易涝点水位", 30,
          "waterlogging: threshold above blue=0.15 yellow=0.25 orange=0.4 red=0.5 hysteresis=0.02"},
         {SensorType::Rainfall, "mm", "小时雨量", 60,
          "rain: threshold above blue=20 yellow=30 orange=50 red=70"},
         {SensorType::Flow, "m3/h", "管道流量", 30, ""},
         {SensorType::Pressure, "MPa", "供水压力", 30,
          "supply_pressure: threshold below yellow=0.18 orange=0.15 red=0.12 hysteresis=0.005"}}}},
      {"QY",
       "危化企业在线监测",
       "hazchem_mining",
       true,
       {{{SensorType::Methane, "%LEL", "可燃气体浓度", 10, ""},
         {SensorType::ToxicGas, "ppm", "硫化氢浓度", 10, ""},
         {SensorType::Temperature, "°C", "储罐温度", 30,
          "tank_temperature: threshold above yellow=40 orange=45 red=50 hysteresis=1"},
         {SensorType::Pressure, "MPa", "储罐压力", 30,
          "tank_pressure: threshold above yellow=1.4 orange=1.5 red=1.6 hysteresis=0.02"}}}},
  }};
  return kKits;
}

// The normal level of a channel, how much it swings and wanders, and how far an anomaly pushes it
// (towards its alarms).
struct Shape {
  double baseline, swing, noise, anomaly;
};
Shape shapeOf(SensorType type, const std::string& unit, const std::string& rules) {
  switch (type) {
    case SensorType::Methane:
      return unit == "%vol" ? Shape{0.05, 0.02, 0.01, 1.4} : Shape{2, 1, 0.5, 30};
    case SensorType::ToxicGas:
      return {0.5, 0.3, 0.2, 12};
    case SensorType::Pressure:
      if (unit == "kPa") return {220, 8, 2, -90};
      return rules.find("tank") != std::string::npos ? Shape{1.2, 0.05, 0.01, 0.42}
                                                     : Shape{0.3, 0.03, 0.005, -0.16};
    case SensorType::Temperature:
      return rules.empty() ? Shape{16, 4, 0.3, 0} : Shape{28, 4, 0.3, 20};
    case SensorType::Level:
      return {5, 2, 1, 70};
    case SensorType::CrackWidth:
      return {0.12, 0.01, 0.005, 0.2};
    case SensorType::Deflection:
      return {8, 3, 0.3, 20};
    case SensorType::Strain:
      return {60, 25, 5, 180};
    case SensorType::Tilt:
      return {0.1, 0.05, 0.01, 1.0};
    case SensorType::WaterLevel:
      return {0.0, 0.0, 0.005, 0.55};
    case SensorType::Rainfall:
      return {0, 2, 0.5, 65};
    case SensorType::Flow:
      return {800, 200, 20, 0};
    default:
      return {1, 0.1, 0.01, 0};
  }
}

org::GeoPoint near(org::GeoPoint at, double dx_km, double dy_km) {
  return {at.lon + dx_km / 96.0, at.lat + dy_km / 110.54};
}

}  // namespace

Result<int> buildDemoSensors(ServiceContext& ctx, int count) {
  const auto system = identity::Principal::system();
  const auto orgs =
      CS_TRY(store::readReturning<std::vector<org::Organisation>>(ctx.store, [&](store::Tx& tx) {
        return tx.orgs().list({identity::scopeOf(system), std::nullopt, std::nullopt},
                              {.limit = 500, .after_id = 0});
      }));
  std::vector<const org::Organisation*> streets;
  std::vector<const org::Organisation*> works;
  for (const auto& o : orgs) {
    if (!o.location) continue;
    if (o.kind == org::OrgKind::Street) streets.push_back(&o);
    const bool chemical =
        std::find(o.sectors.begin(), o.sectors.end(), "hazchem_mining") != o.sectors.end();
    if (o.kind == org::OrgKind::Enterprise && chemical) works.push_back(&o);
  }
  if (streets.empty() || works.empty()) return 0;
  int made = 0;
  CS_TRY(ctx.store.write([&](store::Tx& tx) -> Result<void> {
    auto& repo = tx.monitoring();
    auto existing = CS_TRY(repo.devices(identity::scopeOf(system), 1, DeviceId{}));
    if (!existing.empty()) return ok();
    const auto now = ctx.clock.now();
    const int devices = std::max(1, count / 4);
    for (int d = 0; d < devices; ++d) {
      const Kit& kit = kits()[static_cast<std::size_t>(d % 4)];
      const auto& owners = kit.on_enterprise ? works : streets;
      const auto* owner = owners[static_cast<std::size_t>(d / 4) % owners.size()];
      // Spread over about 3 km around the owner, deterministically.
      const double angle = d * 2.399963;
      const double radius = kit.on_enterprise ? 0.15 : 0.2 + std::fmod(d * 0.37, 1.6);
      monitoring::Device dev{
          .code = std::string(kit.prefix) + "-" + std::to_string(1000 + d),
          .name = std::string(kit.name) + " " + std::to_string(1000 + d),
          .model = "CS-DEMO",
          .org_id = owner->id,
          .org_path = owner->path,
          .sector = kit.sector,
          .location = near(*owner->location, radius * std::cos(angle), radius * std::sin(angle)),
          .created_at = now,
          .updated_at = now};
      auto device_id = CS_TRY(repo.insertDevice(dev));
      int channel = 0;
      for (const auto& c : kit.channels) {
        monitoring::Sensor s{.code = dev.code + "-" + std::to_string(++channel),
                             .device_id = device_id,
                             .name = c.name,
                             .type = c.type,
                             .unit = c.unit,
                             .interval = std::chrono::seconds(c.interval_s),
                             .rules = c.rules,
                             .org_id = dev.org_id,
                             .org_path = dev.org_path,
                             .sector = dev.sector,
                             .location = dev.location,
                             .created_at = now,
                             .updated_at = now};
        CS_TRY(repo.insertSensor(s));
        ++made;
      }
    }
    CS_TRY(repo.bumpRegistryVersion());
    CS_TRY(ctx.auditor.record(tx, system,
                              {.entity = "sensor",
                               .entity_id = "demo",
                               .action = "created",
                               .after_json = "{\"demo_sensors\":" + std::to_string(made) + "}",
                               .scope_path = "/"}));
    return ok();
  }));
  return made;
}

SensorSimulator::SensorSimulator(std::vector<monitoring::Sensor> sensors, std::uint64_t seed)
    : state_(seed) {
  sensors_.reserve(sensors.size());
  for (auto& s : sensors) {
    const Shape shape = shapeOf(s.type, s.unit, s.rules);
    Track t{.sensor = std::move(s),
            .baseline = shape.baseline,
            .swing = shape.swing,
            .noise = shape.noise,
            .anomaly = shape.anomaly};
    sensors_.push_back(std::move(t));
  }
}

double SensorSimulator::uniform() {
  // xorshift64*: cheap and deterministic.
  state_ ^= state_ >> 12;
  state_ ^= state_ << 25;
  state_ ^= state_ >> 27;
  return static_cast<double>((state_ * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

std::vector<monitoring::RawReading> SensorSimulator::step(std::int64_t now_ms) {
  std::vector<monitoring::RawReading> out;
  for (auto& t : sensors_) {
    const std::int64_t interval = std::chrono::milliseconds(t.sensor.interval).count();
    if (t.next_ms == 0)
      t.next_ms = now_ms - static_cast<std::int64_t>(uniform() * static_cast<double>(interval));
    if (now_ms < t.next_ms) continue;
    t.next_ms = now_ms + interval;
    if (now_ms < t.silent_until_ms) continue;  // offline for a while
    // Now and then (about once in three days per sensor: a few alarms an hour over the demo)
    // something happens.
    const double chance = static_cast<double>(interval) / (3 * 86'400'000.0);
    if (now_ms >= t.anomaly_until_ms && t.anomaly != 0 && uniform() < chance) {
      t.anomaly_until_ms = now_ms + static_cast<std::int64_t>((2 + uniform() * 6) * 60'000);
    }
    if (uniform() < chance / 4) {
      t.silent_until_ms = now_ms + static_cast<std::int64_t>((5 + uniform() * 10) * 60'000);
      continue;
    }
    const double day = std::sin(static_cast<double>(now_ms % 86'400'000) / 86'400'000.0 * 6.2832 +
                                static_cast<double>(t.sensor.id.value));
    double value = t.baseline + t.swing * day + t.noise * (uniform() * 2 - 1);
    if (now_ms < t.anomaly_until_ms) value += t.anomaly * (0.8 + 0.3 * uniform());
    if (t.sensor.type == SensorType::Rainfall || t.sensor.type == SensorType::WaterLevel) {
      value = std::max(0.0, value);
    }
    out.push_back({t.sensor.code, now_ms, std::round(value * 1000) / 1000});
  }
  return out;
}

}  // namespace citysafe::demo
