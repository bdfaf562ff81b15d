#include "citysafe/core/monitoring/monitoring_service.hpp"

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/monitoring/alarm_events.hpp"
#include "citysafe/core/monitoring/ingestor.hpp"

namespace citysafe::monitoring {
namespace {

using identity::Permission;
using identity::Principal;

std::string deviceJson(const Device& d) {
  JsonObject o;
  o.add("code", d.code)
      .add("name", d.name)
      .add("org_id", d.org_id.value)
      .add("status", nameOf(d.status))
      .add("lon", d.location.lon)
      .add("lat", d.location.lat);
  return o.str();
}

std::string sensorJson(const Sensor& s) {
  JsonObject o;
  o.add("code", s.code)
      .add("name", s.name)
      .add("device_id", s.device_id.value)
      .add("type", nameOf(s.type))
      .add("unit", s.unit)
      .add("interval_s", static_cast<std::int64_t>(s.interval.count()))
      .add("status", nameOf(s.status))
      .add("rules", s.rules);
  return o.str();
}

bool reachesPath(const Principal& who, const std::string& path, const std::string& sector) {
  return identity::reaches(identity::scopeOf(who), path, {sector});
}

// Every registry change: each node's ingestion reloads the registry, and the change is audited.
Result<void> registryChanged(ServiceContext& ctx, store::Tx& tx, const Principal& who,
                             const audit::Change& change) {
  CS_TRY(tx.monitoring().bumpRegistryVersion());
  CS_TRY(ctx.auditor.record(tx, who, change));
  return ok();
}

// Rule-set text that parses; Invalid on `rules` naming the line or rule.
Result<void> checkRules(const std::string& text) {
  if (auto rules = parseRuleSet(text); !rules) {
    return invalid("rules", rules.error().field + ": " + rules.error().message);
  }
  return ok();
}

// An insert refused for a unique code says so on `code`.
template <class T>
Result<T> codeTaken(Result<T> inserted, const std::string& what, const std::string& code) {
  if (!inserted && inserted.error().code == Errc::Conflict) {
    return fail(Errc::Conflict, "code", "a " + what + " with code " + code + " exists");
  }
  return inserted;
}

}  // namespace

Result<Device> MonitoringService::createDevice(const Principal& who, const DeviceDraft& d) {
  return updateDevice(who, DeviceId{}, d);
}

// An id that is not valid creates.
Result<Device> MonitoringService::updateDevice(const Principal& who, DeviceId id,
                                               const DeviceDraft& d) {
  CS_TRY(identity::require(who, Permission::SensorManage));
  return store::writeReturning<Device>(ctx_.store, [&](store::Tx& tx) -> Result<Device> {
    auto& repo = tx.monitoring();
    const bool create = !id.valid();
    Device dev{.code = d.code, .created_at = ctx_.clock.now()};
    std::string before = "null";
    if (!create) {
      auto found = CS_TRY(store::ifFound(repo.device(id)));
      if (!found || !reachesPath(who, found->org_path, found->sector)) {
        return identity::notInScope("id", id.value, "device");
      }
      dev = *found;
      before = deviceJson(dev);
    }
    const auto old_point = dev.risk_point_id;
    // The device's own sector decides who supervises it, as for a hazard.
    auto org = CS_TRY(store::ifFound(tx.orgs().get(d.org_id)));
    if (!org || !reachesPath(who, org->path, d.sector)) {
      return identity::notInScope("org_id", d.org_id.value);
    }
    dev.name = d.name;
    dev.model = d.model;
    dev.org_id = d.org_id;
    dev.org_path = org->path;
    dev.sector = d.sector;
    dev.risk_point_id = d.risk_point_id;
    dev.location = d.location;
    dev.address = d.address;
    dev.status = d.status;
    dev.updated_at = ctx_.clock.now();
    CS_TRY(dev.validate());
    // A risk point it newly watches must be one the person reaches.
    if (d.risk_point_id && d.risk_point_id != old_point) {
      auto point = CS_TRY(store::ifFound(tx.risks().get(RiskPointId{*d.risk_point_id})));
      if (!point || !reachesPath(who, point->org_path, point->sector)) {
        return identity::notInScope("risk_point_id", *d.risk_point_id, "risk point");
      }
    }
    if (create) {
      dev.id = CS_TRY(codeTaken(repo.insertDevice(dev), "device", d.code));
    } else {
      CS_TRY(repo.updateDevice(dev));
    }
    CS_TRY(registryChanged(ctx_, tx, who,
                           {.entity = "device",
                            .entity_id = std::to_string(dev.id.value),
                            .action = create ? "created" : "updated",
                            .before_json = before,
                            .after_json = deviceJson(dev),
                            .scope_path = dev.org_path}));
    return dev;
  });
}

Result<Device> MonitoringService::device(const Principal& who, DeviceId id) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  return store::readReturning<Device>(ctx_.store, [&](store::Tx& tx) -> Result<Device> {
    auto dev = CS_TRY(store::ifFound(tx.monitoring().device(id)));
    if (!dev || !reachesPath(who, dev->org_path, dev->sector)) {
      return identity::notInScope("id", id.value, "device");
    }
    return *dev;
  });
}

Result<std::vector<Device>> MonitoringService::devices(const Principal& who, int limit,
                                                       DeviceId after) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  return store::readReturning<std::vector<Device>>(ctx_.store, [&](store::Tx& tx) {
    return tx.monitoring().devices(identity::scopeOf(who), limit, after);
  });
}

Result<Sensor> MonitoringService::loadSensor(store::Tx& tx, const Principal& who, SensorId id) {
  auto s = CS_TRY(store::ifFound(tx.monitoring().sensor(id)));
  if (!s || !reachesPath(who, s->org_path, s->sector)) {
    return identity::notInScope("id", id.value, "sensor");
  }
  return *s;
}

Result<Sensor> MonitoringService::createSensor(const Principal& who, const SensorDraft& d) {
  return updateSensor(who, SensorId{}, d);
}

// An id that is not valid creates. The sensor takes its owner, sector and risk point from its
// device.
Result<Sensor> MonitoringService::updateSensor(const Principal& who, SensorId id,
                                               const SensorDraft& d) {
  CS_TRY(identity::require(who, Permission::SensorManage));
  return store::writeReturning<Sensor>(ctx_.store, [&](store::Tx& tx) -> Result<Sensor> {
    auto& repo = tx.monitoring();
    Sensor s;
    std::string before = "null";
    const bool create = !id.valid();
    if (!create) {
      s = CS_TRY(loadSensor(tx, who, id));
      before = sensorJson(s);
    } else {
      s.code = d.code;
      s.created_at = ctx_.clock.now();
    }
    auto dev = CS_TRY(store::ifFound(repo.device(d.device_id)));
    if (!dev || !reachesPath(who, dev->org_path, dev->sector)) {
      return identity::notInScope("device_id", d.device_id.value, "device");
    }
    s.device_id = dev->id;
    s.name = d.name;
    s.type = d.type;
    s.unit = d.unit.empty() ? std::string(unitsOf(d.type).front()) : d.unit;
    s.interval = d.interval;
    s.status = d.status;
    s.rules = d.rules;
    s.org_id = dev->org_id;
    s.org_path = dev->org_path;
    s.sector = dev->sector;
    s.risk_point_id = dev->risk_point_id;
    s.location = d.location.value_or(dev->location);
    s.updated_at = ctx_.clock.now();
    CS_TRY(s.validate());
    if (!s.rules.empty()) CS_TRY(checkRules(s.rules));
    if (create) {
      s.id = CS_TRY(codeTaken(repo.insertSensor(s), "sensor", d.code));
    } else {
      CS_TRY(repo.updateSensor(s));
    }
    CS_TRY(registryChanged(ctx_, tx, who,
                           {.entity = "sensor",
                            .entity_id = std::to_string(s.id.value),
                            .action = create ? "created" : "updated",
                            .before_json = before,
                            .after_json = sensorJson(s),
                            .scope_path = s.org_path}));
    return s;
  });
}

Result<Sensor> MonitoringService::sensor(const Principal& who, SensorId id) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  return store::readReturning<Sensor>(ctx_.store,
                                      [&](store::Tx& tx) { return loadSensor(tx, who, id); });
}

Result<std::vector<Sensor>> MonitoringService::sensors(const Principal& who,
                                                       store::SensorFilter filter, int limit,
                                                       SensorId after) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  filter.scope = identity::scopeOf(who);
  return store::readReturning<std::vector<Sensor>>(
      ctx_.store, [&](store::Tx& tx) { return tx.monitoring().sensors(filter, limit, after); });
}

Result<std::vector<Rule>> MonitoringService::effectiveRules(const Principal& who,
                                                            SensorId sensor_id) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  return store::readReturning<std::vector<Rule>>(ctx_.store,
                                                 [&](store::Tx& tx) -> Result<std::vector<Rule>> {
                                                   auto s = CS_TRY(loadSensor(tx, who, sensor_id));
                                                   return sensorRules(tx, s);
                                                 });
}

Result<void> MonitoringService::setTypeRules(const Principal& who, SensorType type,
                                             const std::string& text) {
  CS_TRY(identity::require(who, Permission::SensorManage));
  // Type rules bind every sensor of the platform: city-level administrators only.
  if (!who.isSystem() && (who.org_kind != org::OrgKind::City || !who.can(Permission::UserWrite))) {
    return fail(Errc::Forbidden, "", "only a city-level administrator sets rules per type");
  }
  if (text.size() > 4000) return invalid("rules", "must be at most 4000 characters");
  CS_TRY(checkRules(text));
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto before = CS_TRY(tx.monitoring().typeRules(type));
    CS_TRY(tx.monitoring().setTypeRules(type, text));
    return registryChanged(ctx_, tx, who,
                           {.entity = "sensor_type",
                            .entity_id = nameOf(type),
                            .action = "rules",
                            .before_json = JsonObject().add("rules", before.value_or("")).str(),
                            .after_json = JsonObject().add("rules", text).str(),
                            .scope_path = "/"});
  });
}

Result<std::string> MonitoringService::typeRules(const Principal& who, SensorType type) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  return store::readReturning<std::string>(ctx_.store, [&](store::Tx& tx) -> Result<std::string> {
    auto set = CS_TRY(tx.monitoring().typeRules(type));
    return set.value_or("");
  });
}

std::chrono::hours defaultSpan(store::Resolution resolution) {
  switch (resolution) {
    case store::Resolution::Minute:
      return std::chrono::hours(24);
    case store::Resolution::Hour:
      return std::chrono::hours(24 * 30);
    case store::Resolution::Raw:
      break;
  }
  return std::chrono::hours(1);
}

SeriesWindow seriesWindow(store::Resolution resolution, std::optional<TimePoint> from,
                          std::optional<TimePoint> to, TimePoint now) {
  const TimePoint end = to.value_or(now + std::chrono::minutes(1));
  return {resolution, from.value_or(end - defaultSpan(resolution)), end};
}

Result<Series> MonitoringService::series(const Principal& who, SensorId sensor_id,
                                         store::Resolution resolution,
                                         std::optional<TimePoint> from, std::optional<TimePoint> to,
                                         int limit) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  const auto window = seriesWindow(resolution, from, to, ctx_.clock.now());
  if (window.to <= window.from) return invalid("to", "must be after from");
  if (limit < 1 || limit > 20000) return invalid("limit", "must be between 1 and 20000");
  return store::readReturning<Series>(ctx_.store, [&](store::Tx& tx) -> Result<Series> {
    CS_TRY(loadSensor(tx, who, sensor_id));
    auto points = CS_TRY(tx.monitoring().series(sensor_id, resolution, toEpochMs(window.from),
                                                toEpochMs(window.to), limit));
    return Series{window, std::move(points)};
  });
}

Result<SensorStates> MonitoringService::sensorStates(const Principal& who,
                                                     std::optional<SensorId> sensor_id) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  const store::AlarmFilter open{
      .scope = identity::scopeOf(who),
      .states = {AlarmState::Active, AlarmState::Acknowledged, AlarmState::Handling},
      .sensor_id = sensor_id,
      .cleared = false};
  // A page per read: no read holds its snapshot long.
  return foldAlarms([&](int limit, AlarmId before) {
    return store::readReturning<std::vector<Alarm>>(
        ctx_.store, [&](store::Tx& tx) { return tx.monitoring().alarms(open, limit, before); });
  });
}

Result<std::vector<SensorView>> MonitoringService::sensorViews(const Principal& who,
                                                               store::SensorFilter filter,
                                                               int limit, SensorId after,
                                                               const LatestValues& live) {
  auto list = CS_TRY(sensors(who, std::move(filter), limit, after));
  overlayLatest(list, live);
  const auto states = CS_TRY(sensorStates(who));
  std::vector<SensorView> out;
  out.reserve(list.size());
  for (auto& s : list) {
    const auto state = states.of(s.id);
    out.push_back({std::move(s), state});
  }
  return out;
}

Result<SensorView> MonitoringService::sensorView(const Principal& who, SensorId id,
                                                 const LatestValues& live) {
  std::vector<Sensor> one = {CS_TRY(sensor(who, id))};
  overlayLatest(one, live);
  const auto states = CS_TRY(sensorStates(who, id));
  return SensorView{std::move(one.front()), states.of(id)};
}

Result<std::vector<SensorTypeInfo>> MonitoringService::sensorTypes(const Principal& who) {
  std::vector<SensorTypeInfo> out;
  for (int i = 0; i < kSensorTypeCount; ++i) {
    SensorTypeInfo info{.type = static_cast<SensorType>(i)};
    info.rules = CS_TRY(typeRules(who, info.type));
    info.units = unitsOf(info.type);
    for (const auto unit : info.units)
      info.default_rules.push_back(defaultRulesOf(info.type, unit));
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace citysafe::monitoring
