#include "citysafe/core/monitoring/engine_snapshot.hpp"

#include <algorithm>
#include <map>

#include "citysafe/common/json_text.hpp"

namespace citysafe::monitoring {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 3'600'000;

std::int64_t floorTo(std::int64_t at_ms, std::int64_t unit) {
  const std::int64_t q = at_ms / unit;
  return (at_ms < 0 && q * unit != at_ms ? q - 1 : q) * unit;
}

}  // namespace

Result<std::vector<Rule>> sensorRules(store::Tx& tx, const Sensor& sensor) {
  std::string text = sensor.rules;
  if (text.empty()) {
    auto custom = CS_TRY(tx.monitoring().typeRules(sensor.type));
    text = custom ? *custom : std::string(defaultRulesOf(sensor.type, sensor.unit));
  }
  auto rules = CS_TRY(parseRuleSet(text));
  addOfflineRule(rules, sensor.interval);
  return rules;
}

void EngineSnapshot::restoreLevels(std::span<const Alarm> open) {
  for (const auto& a : open) {
    auto it = by_id.find(a.sensor_id);
    if (it == by_id.end()) continue;
    const auto& names = rule_names[it->second];
    const auto pos = std::find(names.begin(), names.end(), a.rule);
    if (pos == names.end()) continue;
    engine.restoreLevel(it->second, static_cast<std::uint16_t>(pos - names.begin()), a.level);
  }
}

void BucketTracker::carry(const BucketTracker& from, SensorIndex from_index, SensorIndex index) {
  open_[index] = from.open_[from_index];
}

void BucketTracker::seed(SensorIndex s, std::int64_t at_ms) {
  open_[s].minute = floorTo(at_ms, kMinuteMs);
  open_[s].hour = floorTo(at_ms, kHourMs);
}

void BucketTracker::track(const Sensor& sensor, SensorIndex s, std::int64_t at_ms, Changes& out) {
  auto& open = open_[s];
  const std::int64_t minute = floorTo(at_ms, kMinuteMs);
  const std::int64_t hour = floorTo(at_ms, kHourMs);
  if (open.minute != 0 && minute != open.minute) out.minutes.push_back({sensor.id, open.minute});
  const std::int64_t every =
      std::max<std::int64_t>(60'000, std::chrono::milliseconds(sensor.interval).count());
  if (open.minute == 0 || open.saved_at == 0 || at_ms - open.saved_at >= every) {
    out.save_last.push_back(s);  // the first reading since start: the online rate sees it at once
    open.saved_at = at_ms;
  }
  if (open.hour != 0 && hour != open.hour) out.hours.push_back({sensor.id, open.hour});
  open.minute = minute;
  open.hour = hour;
}

void BucketTracker::late(const Sensor& sensor, SensorIndex s, std::int64_t at_ms,
                         Changes& out) const {
  if (floorTo(at_ms, kMinuteMs) != open_[s].minute) {
    out.minutes.push_back({sensor.id, floorTo(at_ms, kMinuteMs)});
  }
  if (floorTo(at_ms, kHourMs) != open_[s].hour) {
    out.hours.push_back({sensor.id, floorTo(at_ms, kHourMs)});
  }
}

void BucketTracker::flushQuiet(std::span<const Sensor> sensors, std::int64_t now_ms,
                               std::int64_t quiet_ms, Changes& out) {
  for (SensorIndex s = 0; s < sensors.size(); ++s) {
    auto& open = open_[s];
    if (open.minute != 0 && open.minute + kMinuteMs + quiet_ms <= now_ms) {
      out.minutes.push_back({sensors[s].id, open.minute});
      out.save_last.push_back(s);
      open.minute = 0;
    }
    if (open.hour != 0 && open.hour + kHourMs + quiet_ms <= now_ms) {
      out.hours.push_back({sensors[s].id, open.hour});
      open.hour = 0;
    }
  }
}

Result<std::int64_t> SnapshotLoader::registryVersion() const {
  return store::readReturning<std::int64_t>(
      ctx_.store, [](store::Tx& tx) { return tx.monitoring().registryVersion(); });
}

Result<std::vector<Alarm>> SnapshotLoader::openAlarms() const {
  return store::readReturning<std::vector<Alarm>>(
      ctx_.store, [](store::Tx& tx) { return tx.monitoring().openAlarms(); });
}

Result<EngineSnapshot> SnapshotLoader::load(const EngineSnapshot* previous,
                                            const BucketTracker& previous_buckets,
                                            BucketTracker& buckets) const {
  EngineSnapshot snap;
  CS_TRY(ctx_.store.read([&](store::Tx& tx) -> Result<void> {
    auto& repo = tx.monitoring();
    snap.version = CS_TRY(repo.registryVersion());
    auto sensors = CS_TRY(repo.liveSensors());
    snap.engine.reserve(sensors.size(), sensors.size() * 2);
    std::map<std::string, RuleSetIndex> sets;  // identical rule sets are shared
    for (auto& s : sensors) {
      auto rules = sensorRules(tx, s);
      if (!rules) continue;  // rules were checked when saved; a stale default must not stop all
      std::vector<std::string> names;
      for (const auto& r : *rules) names.push_back(r.name);
      const std::string key = s.rules + "|" + std::to_string(static_cast<int>(s.type)) + "|" +
                              s.unit + "|" + std::to_string(s.interval.count());
      auto found = sets.find(key);
      if (found == sets.end()) {
        auto added = snap.engine.addRuleSet(std::move(*rules));
        if (!added) continue;
        found = sets.emplace(key, *added).first;
      }
      const SensorIndex index = snap.engine.addSensor(found->second);
      snap.by_code.emplace(s.code, index);
      snap.by_id.emplace(s.id, index);
      snap.sensors.push_back(std::move(s));
      snap.rule_names.push_back(std::move(names));
    }
    buckets.reset(snap.sensors.size());
    // A registry change: sensors the previous snapshot knew keep their last readings and open
    // minutes. Reading every sensor's last from the store is the slow part of a load (on some
    // stores it scans a write log), needed only at a start, after a failure, or for a sensor with
    // readings that the previous snapshot did not know (one brought back from retirement).
    bool read_all = previous == nullptr;
    for (SensorIndex i = 0; i < snap.sensors.size() && !read_all; ++i) {
      const auto old = previous->by_id.find(snap.sensors[i].id);
      if (old == previous->by_id.end()) {
        read_all = snap.sensors[i].last_at_ms.has_value();
        continue;
      }
      const auto& engine = previous->engine;
      if (engine.lastAt(old->second) == INT64_MIN) continue;
      snap.engine.restoreLast(i, engine.lastAt(old->second), engine.lastValue(old->second));
      buckets.carry(previous_buckets, old->second, i);
    }
    if (read_all) {
      auto last = CS_TRY(repo.lastReadings());
      for (const auto& l : last) {
        auto it = snap.by_id.find(l.sensor_id);
        if (it == snap.by_id.end()) continue;
        snap.engine.restoreLast(it->second, l.at_ms, l.value);
        buckets.seed(it->second, l.at_ms);
      }
    }
    snap.restoreLevels(CS_TRY(repo.openAlarms()));
    return ok();
  }));
  std::vector<Transition> none;
  for (SensorIndex i = 0; i < snap.sensors.size(); ++i) {
    if (snap.sensors[i].status == Status::Maintenance) snap.engine.setSilenced(i, true, 0, none);
  }
  return snap;
}

void LivePublisher::reset(std::size_t sensors) {
  recent_.clear();
  is_recent_.assign(sensors, false);
}

void LivePublisher::reported(SensorIndex s) {
  if (!is_recent_[s]) {
    is_recent_[s] = true;
    recent_.push_back(s);
  }
}

void LivePublisher::publish(const EngineSnapshot& snap) {
  constexpr std::size_t kPerEvent = 2000;
  std::map<std::pair<std::string, std::string>, std::vector<SensorIndex>> by_org;
  for (const SensorIndex s : recent_) {
    by_org[{snap.sensors[s].org_path, snap.sensors[s].sector}].push_back(s);
    is_recent_[s] = false;
  }
  recent_.clear();
  for (auto& [key, sensors] : by_org) {
    const auto& [path, sector] = key;
    for (std::size_t from = 0; from < sensors.size(); from += kPerEvent) {
      std::string values = "[";
      for (std::size_t i = from; i < std::min(sensors.size(), from + kPerEvent); ++i) {
        const SensorIndex s = sensors[i];
        values += (i == from ? "[" : ",[") + std::to_string(snap.sensors[s].id.value) + "," +
                  std::to_string(snap.engine.lastAt(s)) + "," +
                  jsonNumber(snap.engine.lastValue(s)) + "]";
      }
      values += "]";
      ctx_.bus.publish(events::DomainEvent{.type = "sensor.values",
                                           .entity = "sensor",
                                           .entity_id = "",
                                           .action = "values",
                                           .org_path = path,
                                           .sectors = {sector},
                                           .at = ctx_.clock.now(),
                                           .data_json = "{\"values\":" + values + "}"});
    }
  }
}

}  // namespace citysafe::monitoring
