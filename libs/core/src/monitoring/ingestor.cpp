#include "citysafe/core/monitoring/ingestor.hpp"

#include <algorithm>
#include <cmath>

#include "citysafe/core/monitoring/alarm_events.hpp"

namespace citysafe::monitoring {
namespace {

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
  BucketTracker::Changes buckets;
  std::vector<Transition> transitions;
  IngestTally tally;
  [[nodiscard]] bool empty() const {
    return rows.empty() && buckets.minutes.empty() && buckets.hours.empty() && transitions.empty();
  }
};

Ingestor::Ingestor(ServiceContext& ctx, IngestOptions options)
    : ctx_(ctx), options_(options), loader_(ctx), live_(ctx) {}

Result<void> Ingestor::load() {
  std::lock_guard lock(mutex_);
  return loadLocked();
}

Result<void> Ingestor::loadLocked() {
  BucketTracker buckets;
  auto snap = CS_TRY(loader_.load(in_step_with_store_ ? &snap_ : nullptr, buckets_, buckets));
  snap_ = std::move(snap);
  buckets_ = std::move(buckets);
  live_.reset(snap_.sensors.size());
  needs_reload_ = false;
  in_step_with_store_ = true;
  return ok();
}

Result<void> Ingestor::syncLevelsLocked() {
  auto open = CS_TRY(loader_.openAlarms());
  snap_.engine.resetLevels();
  snap_.restoreLevels(open);
  return ok();
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
    return !snap_.by_code.contains(r.sensor);
  });
  if (unknown_codes && !needs_reload_) {
    needs_reload_ = CS_TRY(loader_.registryVersion()) != snap_.version;
  }
  if (needs_reload_) {
    CS_TRY(loadLocked());
  }
  const std::int64_t now_ms = toEpochMs(ctx_.clock.now());
  Pending p;
  p.rows.reserve(batch.size());
  for (const auto& r : batch) {
    const auto it = snap_.by_code.find(r.sensor);
    if (it == snap_.by_code.end() ||
        (scope && !identity::reaches(*scope, snap_.sensors[it->second].org_path,
                                     {snap_.sensors[it->second].sector}))) {
      ++p.tally.unknown_sensor;
      continue;
    }
    // Beyond ±1e15 no sensor measures anything; such values would also overflow the sums of the
    // aggregates and fail every batch after them.
    if (!std::isfinite(r.value) || std::abs(r.value) > 1e15) {
      ++p.tally.not_finite;
      continue;
    }
    if (r.at_ms > now_ms + options_.max_future.count() ||
        r.at_ms < now_ms - options_.max_age.count()) {
      ++p.tally.out_of_window;
      continue;
    }
    const SensorIndex s = it->second;
    const Sensor& sensor = snap_.sensors[s];
    switch (snap_.engine.evaluate(s, r.at_ms, r.value, p.transitions)) {
      case Verdict::Accepted:
        ++p.tally.accepted;
        p.rows.push_back({sensor.id, r.at_ms, r.value});
        buckets_.track(sensor, s, r.at_ms, p.buckets);
        live_.reported(s);
        break;
      case Verdict::OutOfOrder:
        // Kept for the record and the aggregates; too late to alarm on.
        ++p.tally.out_of_order;
        p.rows.push_back({sensor.id, r.at_ms, r.value});
        buckets_.late(sensor, s, r.at_ms, p.buckets);
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
  dedupe(p.buckets.minutes);
  dedupe(p.buckets.hours);
  std::vector<store::SensorLast> last;
  for (const SensorIndex s : p.buckets.save_last) {
    last.push_back({snap_.sensors[s].id, snap_.engine.lastAt(s), snap_.engine.lastValue(s)});
  }
  std::vector<AlarmChange> changes;
  auto written = ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto& repo = tx.monitoring();
    if (!p.rows.empty()) {
      auto stored = CS_TRY(repo.insertReadings(p.rows));
      p.tally.stored = stored;
    }
    // Minutes first: an hour is recomputed from its minutes.
    CS_TRY(repo.recomputeMinutes(p.buckets.minutes));
    CS_TRY(repo.recomputeHours(p.buckets.hours));
    CS_TRY(repo.setLast(last));
    for (const auto& t : p.transitions) {
      if (t.site) continue;  // site rules are not registered yet
      auto change = CS_TRY(applyTransition(ctx_, tx, snap_.sensors[t.sensor],
                                           snap_.rule_names[t.sensor][t.rule], t.to, t.value,
                                           fromEpochMs(t.at_ms)));
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
  const auto version = CS_TRY(loader_.registryVersion());
  if (needs_reload_ || version != snap_.version) {
    CS_TRY(loadLocked());
  }
  if (++ticks_ % 15 == 0) {  // every half minute at the runtime's pace
    CS_TRY(syncLevelsLocked());
  }
  const std::int64_t now_ms = toEpochMs(ctx_.clock.now());
  Pending p;
  if (check_stale) snap_.engine.tick(now_ms, p.transitions);
  buckets_.flushQuiet(snap_.sensors, now_ms, options_.quiet_flush.count(), p.buckets);
  return commit(p);
}

void Ingestor::publishRecent() {
  std::lock_guard lock(mutex_);
  live_.publish(snap_);
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
  return snap_.sensors.size();
}

std::size_t Ingestor::engineBytes() const {
  std::lock_guard lock(mutex_);
  return snap_.engine.stateBytes();
}

std::vector<store::SensorLast> Ingestor::latest(std::span<const SensorId> sensor_ids) const {
  std::lock_guard lock(mutex_);
  std::vector<store::SensorLast> out;
  out.reserve(sensor_ids.size());
  for (const auto id : sensor_ids) {
    const auto& engine = snap_.engine;
    const auto it = snap_.by_id.find(id);
    if (it == snap_.by_id.end() || engine.lastAt(it->second) == INT64_MIN) {
      out.push_back({id, 0, 0});
    } else {
      out.push_back({id, engine.lastAt(it->second), engine.lastValue(it->second)});
    }
  }
  return out;
}

}  // namespace citysafe::monitoring
