#include "citysafe/core/monitoring/ingestor.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/monitoring/alarm_events.hpp"

namespace citysafe::monitoring {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 3'600'000;

std::int64_t floorTo(std::int64_t at_ms, std::int64_t unit) {
  const std::int64_t q = at_ms / unit;
  return (at_ms < 0 && q * unit != at_ms ? q - 1 : q) * unit;
}

void dedupe(std::vector<store::BucketKey>& keys) {
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return a.sensor_id != b.sensor_id ? a.sensor_id < b.sensor_id : a.start_ms < b.start_ms;
  });
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace

IngestTally& IngestTally::operator+=(const IngestTally& o) {
  accepted += o.accepted;
  stored += o.stored;
  duplicate += o.duplicate;
  out_of_order += o.out_of_order;
  not_finite += o.not_finite;
  unknown_sensor += o.unknown_sensor;
  out_of_window += o.out_of_window;
  malformed += o.malformed;
  alarms_changed += o.alarms_changed;
  return *this;
}

struct Ingestor::Pending {
  std::vector<store::ReadingRow> rows;
  std::vector<store::BucketKey> minutes;
  std::vector<store::BucketKey> hours;
  // Sensors whose last value is saved to the registry (for the online rate and lists): the first
  // reading since start or since a quiet spell, then once per sampling interval (at least a
  // minute), so that a province of sensors does not rewrite registry rows with every reading.
  std::vector<SensorIndex> save_last;
  std::vector<Transition> transitions;
  IngestTally tally;
  [[nodiscard]] bool empty() const {
    return rows.empty() && minutes.empty() && hours.empty() && transitions.empty();
  }
};

Ingestor::Ingestor(ServiceContext& ctx, IngestOptions options) : ctx_(ctx), options_(options) {}

Result<void> Ingestor::load() {
  std::lock_guard lock(mutex_);
  return loadLocked();
}

Result<std::vector<Rule>> sensorRules(store::Tx& tx, const Sensor& sensor) {
  std::string text = sensor.rules;
  if (text.empty()) {
    auto custom = CS_TRY(tx.monitoring().typeRules(sensor.type));
    text = custom ? *custom : std::string(defaultRulesOf(sensor.type, sensor.unit));
  }
  auto rules = CS_TRY(parseRuleSet(text));
  addOfflineRule(rules, sensor.interval_s);
  return rules;
}

Result<void> Ingestor::loadLocked() {
  RuleEngine engine;
  std::vector<SensorInfo> info;
  std::unordered_map<std::string, SensorIndex> by_code;
  std::unordered_map<std::int64_t, SensorIndex> by_id;
  std::int64_t version = 0;
  auto loaded = ctx_.store.read([&](store::Tx& tx) -> Result<void> {
    auto& repo = tx.monitoring();
    auto v = CS_TRY(repo.registryVersion());
    version = v;
    auto sensors = CS_TRY(repo.liveSensors());
    engine.reserve(sensors.size(), sensors.size() * 2);
    std::map<std::string, RuleSetIndex> sets;  // identical rule sets are shared
    for (auto& s : sensors) {
      auto rules = sensorRules(tx, s);
      if (!rules) continue;  // rules were checked when saved; a stale default must not stop all
      std::string key;
      std::vector<std::string> names;
      for (const auto& r : *rules) names.push_back(r.name);
      key = s.rules + "|" + std::to_string(static_cast<int>(s.type)) + "|" + s.unit + "|" +
            std::to_string(s.interval_s);
      auto found = sets.find(key);
      if (found == sets.end()) {
        auto added = engine.addRuleSet(std::move(*rules));
        if (!added) continue;
        found = sets.emplace(key, *added).first;
      }
      const SensorIndex index = engine.addSensor(found->second);
      by_code.emplace(s.code, index);
      by_id.emplace(s.id, index);
      info.push_back({std::move(s), std::move(names), 0, 0});
    }
    // A registry change: sensors this engine knew keep their last readings and open minutes.
    // Reading every sensor's last from the store is the slow part of a load (on SQLite it scans
    // the write log), needed only at a start, after a failure, or for a sensor with readings that
    // this engine did not know (one brought back from retirement).
    bool read_all = !in_step_with_store_;
    for (SensorIndex i = 0; i < info.size() && !read_all; ++i) {
      const auto old = by_id_.find(info[i].sensor.id);
      if (old == by_id_.end()) {
        read_all = info[i].sensor.last_at_ms.has_value();
        continue;
      }
      if (engine_.lastAt(old->second) == INT64_MIN) continue;
      engine.restoreLast(i, engine_.lastAt(old->second), engine_.lastValue(old->second));
      info[i].minute = info_[old->second].minute;
      info[i].hour = info_[old->second].hour;
      info[i].saved_at = info_[old->second].saved_at;
    }
    if (read_all) {
      auto last = CS_TRY(repo.lastReadings());
      for (const auto& l : last) {
        auto it = by_id.find(l.sensor_id);
        if (it == by_id.end()) continue;
        engine.restoreLast(it->second, l.at_ms, l.value);
        info[it->second].minute = floorTo(l.at_ms, kMinuteMs);
        info[it->second].hour = floorTo(l.at_ms, kHourMs);
      }
    }
    auto open = CS_TRY(repo.openAlarms());
    for (const auto& a : open) {
      auto it = by_id.find(a.sensor_id);
      if (it == by_id.end()) continue;
      const auto& names = info[it->second].rule_names;
      const auto pos = std::find(names.begin(), names.end(), a.rule);
      if (pos == names.end()) continue;
      engine.restoreLevel(it->second, static_cast<std::uint16_t>(pos - names.begin()), a.level);
    }
    return ok();
  });
  if (!loaded) return loaded;
  std::vector<Transition> none;
  for (SensorIndex i = 0; i < info.size(); ++i) {
    if (info[i].sensor.status == Status::Maintenance) engine.setSilenced(i, true, 0, none);
  }
  engine_ = std::move(engine);
  info_ = std::move(info);
  by_code_ = std::move(by_code);
  by_id_ = std::move(by_id);
  registry_version_ = version;
  recent_.clear();
  is_recent_.assign(info_.size(), false);
  needs_reload_ = false;
  in_step_with_store_ = true;
  return ok();
}

Result<void> Ingestor::syncLevelsLocked() {
  auto open = CS_TRY(store::readReturning<std::vector<monitoring::Alarm>>(
      ctx_.store, [](store::Tx& tx) { return tx.monitoring().openAlarms(); }));
  engine_.resetLevels();
  for (const auto& a : open) {
    auto it = by_id_.find(a.sensor_id);
    if (it == by_id_.end()) continue;
    const auto& names = info_[it->second].rule_names;
    const auto pos = std::find(names.begin(), names.end(), a.rule);
    if (pos != names.end()) {
      engine_.restoreLevel(it->second, static_cast<std::uint16_t>(pos - names.begin()), a.level);
    }
  }
  return ok();
}

void Ingestor::track(SensorIndex s, std::int64_t at_ms, Pending& p) {
  auto& info = info_[s];
  const std::int64_t minute = floorTo(at_ms, kMinuteMs);
  const std::int64_t hour = floorTo(at_ms, kHourMs);
  if (info.minute != 0 && minute != info.minute) p.minutes.push_back({info.sensor.id, info.minute});
  const std::int64_t every = std::max<std::int64_t>(60'000, info.sensor.interval_s * 1000LL);
  if (info.minute == 0 || info.saved_at == 0 || at_ms - info.saved_at >= every) {
    p.save_last.push_back(s);  // the first reading since start: the online rate sees it at once
    info.saved_at = at_ms;
  }
  if (info.hour != 0 && hour != info.hour) p.hours.push_back({info.sensor.id, info.hour});
  info.minute = minute;
  info.hour = hour;
}

Result<IngestTally> Ingestor::ingest(std::span<const RawReading> batch,
                                     const std::optional<identity::Scope>& scope) {
  std::lock_guard lock(mutex_);
  // Another node may open the same alarm at the same moment; the loser's transaction fails on the
  // store's unique index, reloads (and so learns of that alarm) and tries again.
  Result<IngestTally> outcome = ingestOnce(batch, scope);
  for (int retry = 0; retry < 3 && !outcome && outcome.error().code == Errc::Conflict; ++retry) {
    outcome = ingestOnce(batch, scope);
  }
  return outcome;
}

Result<IngestTally> Ingestor::ingestOnce(std::span<const RawReading> batch,
                                         const std::optional<identity::Scope>& scope) {
  // A sensor registered a moment ago (here or on another node) is known before the next tick.
  const bool unknown_codes = std::any_of(batch.begin(), batch.end(), [&](const RawReading& r) {
    return !by_code_.contains(r.sensor);
  });
  if (unknown_codes && !needs_reload_) {
    auto version = CS_TRY(store::readReturning<std::int64_t>(
        ctx_.store, [](store::Tx& tx) { return tx.monitoring().registryVersion(); }));
    needs_reload_ = version != registry_version_;
  }
  if (needs_reload_) {
    CS_TRY(loadLocked());
  }
  const std::int64_t now_ms = toEpochMs(ctx_.clock.now());
  Pending p;
  p.rows.reserve(batch.size());
  for (const auto& r : batch) {
    const auto it = by_code_.find(r.sensor);
    if (it == by_code_.end() ||
        (scope && !identity::reaches(*scope, info_[it->second].sensor.org_path,
                                     {info_[it->second].sensor.sector}))) {
      ++p.tally.unknown_sensor;
      continue;
    }
    // Beyond ±1e15 no sensor measures anything; such values would also overflow the sums of the
    // aggregates and fail every batch after them.
    if (!std::isfinite(r.value) || std::abs(r.value) > 1e15) {
      ++p.tally.not_finite;
      continue;
    }
    if (r.at_ms > now_ms + options_.max_future_ms || r.at_ms < now_ms - options_.max_age_ms) {
      ++p.tally.out_of_window;
      continue;
    }
    const SensorIndex s = it->second;
    const std::int64_t id = info_[s].sensor.id;
    switch (engine_.evaluate(s, r.at_ms, r.value, p.transitions)) {
      case Verdict::Accepted:
        ++p.tally.accepted;
        p.rows.push_back({id, r.at_ms, r.value});
        track(s, r.at_ms, p);
        if (!is_recent_[s]) {
          is_recent_[s] = true;
          recent_.push_back(s);
        }
        break;
      case Verdict::OutOfOrder:
        // Kept for the record and the aggregates; too late to alarm on.
        ++p.tally.out_of_order;
        p.rows.push_back({id, r.at_ms, r.value});
        if (floorTo(r.at_ms, kMinuteMs) != info_[s].minute) {
          p.minutes.push_back({id, floorTo(r.at_ms, kMinuteMs)});
        }
        if (floorTo(r.at_ms, kHourMs) != info_[s].hour) {
          p.hours.push_back({id, floorTo(r.at_ms, kHourMs)});
        }
        break;
      case Verdict::Duplicate:
        ++p.tally.duplicate;
        break;
      case Verdict::NotFinite:
        ++p.tally.not_finite;
        break;
    }
  }
  return commit(p);
}

Result<IngestTally> Ingestor::commit(Pending& p) {
  if (p.empty()) {
    totals_ += p.tally;
    return p.tally;
  }
  dedupe(p.minutes);
  dedupe(p.hours);
  std::vector<store::SensorLast> last;
  for (const SensorIndex s : p.save_last) {
    last.push_back({info_[s].sensor.id, engine_.lastAt(s), engine_.lastValue(s)});
  }
  std::vector<AlarmChange> changes;
  auto written = ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto& repo = tx.monitoring();
    if (!p.rows.empty()) {
      auto stored = CS_TRY(repo.insertReadings(p.rows));
      p.tally.stored = stored;
    }
    // Minutes first: an hour is recomputed from its minutes.
    CS_TRY(repo.recomputeMinutes(p.minutes));
    CS_TRY(repo.recomputeHours(p.hours));
    CS_TRY(repo.setLast(last));
    for (const auto& t : p.transitions) {
      if (t.site) continue;  // site rules are not registered yet
      const auto& info = info_[t.sensor];
      auto change = CS_TRY(applyTransition(ctx_, tx, info.sensor, info.rule_names[t.rule], t.to,
                                           t.value, fromEpochMs(t.at_ms)));
      if (change) changes.push_back(std::move(*change));
    }
    return ok();
  });
  if (!written) {
    needs_reload_ = true;  // the engine saw readings the store did not keep
    in_step_with_store_ = false;
    return tl::unexpected(written.error());
  }
  p.tally.alarms_changed = static_cast<std::int64_t>(changes.size());
  for (const auto& c : changes) publishAlarmChange(ctx_, c);
  totals_ += p.tally;
  return p.tally;
}

Result<IngestTally> Ingestor::tick(bool check_stale) {
  std::lock_guard lock(mutex_);
  auto version = CS_TRY(store::readReturning<std::int64_t>(
      ctx_.store, [](store::Tx& tx) { return tx.monitoring().registryVersion(); }));
  if (needs_reload_ || version != registry_version_) {
    CS_TRY(loadLocked());
  }
  if (++ticks_ % 15 == 0) {  // every half minute at the runtime's pace
    CS_TRY(syncLevelsLocked());
  }
  const std::int64_t now_ms = toEpochMs(ctx_.clock.now());
  Pending p;
  if (check_stale) engine_.tick(now_ms, p.transitions);
  for (SensorIndex s = 0; s < info_.size(); ++s) {
    auto& info = info_[s];
    if (info.minute != 0 && info.minute + kMinuteMs + options_.quiet_flush_ms <= now_ms) {
      p.minutes.push_back({info.sensor.id, info.minute});
      p.save_last.push_back(s);
      info.minute = 0;
    }
    if (info.hour != 0 && info.hour + kHourMs + options_.quiet_flush_ms <= now_ms) {
      p.hours.push_back({info.sensor.id, info.hour});
      info.hour = 0;
    }
  }
  return commit(p);
}

void Ingestor::publishRecent() {
  constexpr std::size_t kPerEvent = 2000;
  // One event per organisation and sector: a sector department sees its sector's values only.
  std::map<std::pair<std::string, std::string>, std::vector<SensorIndex>> by_org;
  {
    std::lock_guard lock(mutex_);
    for (const SensorIndex s : recent_) {
      by_org[{info_[s].sensor.org_path, info_[s].sensor.sector}].push_back(s);
      is_recent_[s] = false;
    }
    recent_.clear();
    for (auto& [key, sensors] : by_org) {
      const auto& [path, sector] = key;
      for (std::size_t from = 0; from < sensors.size(); from += kPerEvent) {
        std::string values = "[";
        for (std::size_t i = from; i < std::min(sensors.size(), from + kPerEvent); ++i) {
          const SensorIndex s = sensors[i];
          values += (i == from ? "[" : ",[") + std::to_string(info_[s].sensor.id) + "," +
                    std::to_string(engine_.lastAt(s)) + "," + jsonNumber(engine_.lastValue(s)) +
                    "]";
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
}

void Ingestor::countMalformed(std::int64_t n) {
  std::lock_guard lock(mutex_);
  totals_.malformed += n;
}

Result<IngestTally> Ingestor::ingestAs(const identity::Principal& who,
                                       std::span<const RawReading> batch, std::int64_t malformed) {
  CS_TRY(identity::require(who, identity::Permission::ReadingIngest));
  auto tally = CS_TRY(ingest(batch, identity::scopeOf(who)));
  tally.malformed += malformed;
  countMalformed(malformed);
  return tally;
}

Result<IngestStatus> Ingestor::status(const identity::Principal& who) const {
  CS_TRY(identity::require(who, identity::Permission::AuditVerify));
  return IngestStatus{sensorCount(), engineBytes(), totals()};
}

IngestTally Ingestor::totals() const {
  std::lock_guard lock(mutex_);
  return totals_;
}

std::size_t Ingestor::sensorCount() const {
  std::lock_guard lock(mutex_);
  return info_.size();
}

std::size_t Ingestor::engineBytes() const {
  std::lock_guard lock(mutex_);
  return engine_.stateBytes();
}

std::vector<store::SensorLast> Ingestor::latest(std::span<const std::int64_t> sensor_ids) const {
  std::lock_guard lock(mutex_);
  std::vector<store::SensorLast> out;
  out.reserve(sensor_ids.size());
  for (const auto id : sensor_ids) {
    const auto it = by_id_.find(id);
    if (it == by_id_.end() || engine_.lastAt(it->second) == INT64_MIN) {
      out.push_back({id, 0, 0});
    } else {
      out.push_back({id, engine_.lastAt(it->second), engine_.lastValue(it->second)});
    }
  }
  return out;
}

}  // namespace citysafe::monitoring
