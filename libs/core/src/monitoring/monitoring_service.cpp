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
      .add("status", toString(d.status))
      .add("lon", d.location.lon)
      .add("lat", d.location.lat);
  return o.str();
}

std::string sensorJson(const Sensor& s) {
  JsonObject o;
  o.add("code", s.code)
      .add("name", s.name)
      .add("device_id", s.device_id)
      .add("type", toString(s.type))
      .add("unit", s.unit)
      .add("interval_s", static_cast<std::int64_t>(s.interval_s))
      .add("status", toString(s.status))
      .add("rules", s.rules);
  return o.str();
}

bool reachesPath(const Principal& who, const std::string& path, const std::string& sector) {
  return identity::reaches(identity::scopeOf(who), path, {sector});
}

}  // namespace

Result<Device> MonitoringService::createDevice(const Principal& who, const DeviceDraft& d) {
  if (auto r = identity::require(who, Permission::SensorManage); !r) {
    return tl::unexpected(r.error());
  }
  return store::writeReturning<Device>(ctx_.store, [&](store::Tx& tx) -> Result<Device> {
    // The device's own sector decides who supervises it, as for a hazard.
    auto org = tx.orgs().get(d.org_id);
    if (!org || !reachesPath(who, org->path, d.sector)) {
      return identity::notInScope("org_id", d.org_id.value);
    }
    Device dev{.code = d.code,
               .name = d.name,
               .model = d.model,
               .org_id = d.org_id,
               .org_path = org->path,
               .sector = d.sector,
               .risk_point_id = d.risk_point_id,
               .location = d.location,
               .address = d.address,
               .status = d.status,
               .created_at = ctx_.clock.now(),
               .updated_at = ctx_.clock.now()};
    if (auto v = dev.validate(); !v) return tl::unexpected(v.error());
    if (d.risk_point_id) {
      auto point = tx.risks().get(*d.risk_point_id);
      if (!point || !reachesPath(who, point->org_path, point->sector)) {
        return identity::notInScope("risk_point_id", *d.risk_point_id, "risk point");
      }
    }
    auto id = tx.monitoring().insertDevice(dev);
    if (!id) {
      if (id.error().code == Errc::Conflict) {
        return fail(Errc::Conflict, "code", "a device with code " + d.code + " exists");
      }
      return tl::unexpected(id.error());
    }
    dev.id = *id;
    if (auto r = tx.monitoring().bumpRegistryVersion(); !r) return tl::unexpected(r.error());
    auto audited = ctx_.auditor.record(tx, who,
                                       {.entity = "device",
                                        .entity_id = std::to_string(dev.id),
                                        .action = "created",
                                        .after_json = deviceJson(dev),
                                        .scope_path = dev.org_path});
    if (!audited) return tl::unexpected(audited.error());
    return dev;
  });
}

Result<Device> MonitoringService::updateDevice(const Principal& who, std::int64_t id,
                                               const DeviceDraft& d) {
  if (auto r = identity::require(who, Permission::SensorManage); !r) {
    return tl::unexpected(r.error());
  }
  return store::writeReturning<Device>(ctx_.store, [&](store::Tx& tx) -> Result<Device> {
    auto& repo = tx.monitoring();
    auto before = repo.device(id);
    if (!before || !reachesPath(who, before->org_path, before->sector)) {
      return identity::notInScope("id", id, "device");
    }
    // The device's own sector decides who supervises it, as for a hazard.
    auto org = tx.orgs().get(d.org_id);
    if (!org || !reachesPath(who, org->path, d.sector)) {
      return identity::notInScope("org_id", d.org_id.value);
    }
    Device dev = *before;
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
    if (auto v = dev.validate(); !v) return tl::unexpected(v.error());
    if (auto r = repo.updateDevice(dev); !r) return tl::unexpected(r.error());
    if (auto r = repo.bumpRegistryVersion(); !r) return tl::unexpected(r.error());
    auto audited = ctx_.auditor.record(tx, who,
                                       {.entity = "device",
                                        .entity_id = std::to_string(id),
                                        .action = "updated",
                                        .before_json = deviceJson(*before),
                                        .after_json = deviceJson(dev),
                                        .scope_path = dev.org_path});
    if (!audited) return tl::unexpected(audited.error());
    return dev;
  });
}

Result<Device> MonitoringService::device(const Principal& who, std::int64_t id) {
  if (auto r = identity::require(who, Permission::MonitorRead); !r) {
    return tl::unexpected(r.error());
  }
  return store::readReturning<Device>(ctx_.store, [&](store::Tx& tx) -> Result<Device> {
    auto dev = tx.monitoring().device(id);
    if (!dev || !reachesPath(who, dev->org_path, dev->sector)) {
      return identity::notInScope("id", id, "device");
    }
    return dev;
  });
}

Result<std::vector<Device>> MonitoringService::devices(const Principal& who, int limit,
                                                       std::int64_t after_id) {
  if (auto r = identity::require(who, Permission::MonitorRead); !r) {
    return tl::unexpected(r.error());
  }
  return store::readReturning<std::vector<Device>>(ctx_.store, [&](store::Tx& tx) {
    return tx.monitoring().devices(identity::scopeOf(who), limit, after_id);
  });
}

Result<Sensor> MonitoringService::loadSensor(store::Tx& tx, const Principal& who, std::int64_t id) {
  auto s = tx.monitoring().sensor(id);
  if (!s || !reachesPath(who, s->org_path, s->sector)) {
    return identity::notInScope("id", id, "sensor");
  }
  return s;
}

Result<Sensor> MonitoringService::createSensor(const Principal& who, const SensorDraft& d) {
  return updateSensor(who, 0, d);
}

// id 0 creates. The sensor takes its owner, sector and risk point from its device.
Result<Sensor> MonitoringService::updateSensor(const Principal& who, std::int64_t id,
                                               const SensorDraft& d) {
  if (auto r = identity::require(who, Permission::SensorManage); !r) {
    return tl::unexpected(r.error());
  }
  return store::writeReturning<Sensor>(ctx_.store, [&](store::Tx& tx) -> Result<Sensor> {
    auto& repo = tx.monitoring();
    Sensor s;
    std::string before = "null";
    if (id != 0) {
      auto existing = loadSensor(tx, who, id);
      if (!existing) return existing;
      s = *existing;
      before = sensorJson(s);
    } else {
      s.code = d.code;
      s.created_at = ctx_.clock.now();
    }
    auto dev = repo.device(d.device_id);
    if (!dev || !reachesPath(who, dev->org_path, dev->sector)) {
      return identity::notInScope("device_id", d.device_id, "device");
    }
    s.device_id = dev->id;
    s.name = d.name;
    s.type = d.type;
    s.unit = d.unit.empty() ? std::string(unitsOf(d.type).front()) : d.unit;
    s.interval_s = d.interval_s;
    s.status = d.status;
    s.rules = d.rules;
    s.org_id = dev->org_id;
    s.org_path = dev->org_path;
    s.sector = dev->sector;
    s.risk_point_id = dev->risk_point_id;
    s.location = d.location.value_or(dev->location);
    s.updated_at = ctx_.clock.now();
    if (auto v = s.validate(); !v) return tl::unexpected(v.error());
    if (!s.rules.empty()) {
      if (auto rules = parseRuleSet(s.rules); !rules) {
        return invalid("rules", rules.error().field + ": " + rules.error().message);
      }
    }
    if (id == 0) {
      auto inserted = repo.insertSensor(s);
      if (!inserted) {
        if (inserted.error().code == Errc::Conflict) {
          return fail(Errc::Conflict, "code", "a sensor with code " + d.code + " exists");
        }
        return tl::unexpected(inserted.error());
      }
      s.id = *inserted;
    } else if (auto r = repo.updateSensor(s); !r) {
      return tl::unexpected(r.error());
    }
    if (auto r = repo.bumpRegistryVersion(); !r) return tl::unexpected(r.error());
    auto audited = ctx_.auditor.record(tx, who,
                                       {.entity = "sensor",
                                        .entity_id = std::to_string(s.id),
                                        .action = id == 0 ? "created" : "updated",
                                        .before_json = before,
                                        .after_json = sensorJson(s),
                                        .scope_path = s.org_path});
    if (!audited) return tl::unexpected(audited.error());
    return s;
  });
}

Result<Sensor> MonitoringService::sensor(const Principal& who, std::int64_t id) {
  if (auto r = identity::require(who, Permission::MonitorRead); !r) {
    return tl::unexpected(r.error());
  }
  return store::readReturning<Sensor>(ctx_.store,
                                      [&](store::Tx& tx) { return loadSensor(tx, who, id); });
}

Result<std::vector<Sensor>> MonitoringService::sensors(const Principal& who,
                                                       store::SensorFilter filter, int limit,
                                                       std::int64_t after_id) {
  if (auto r = identity::require(who, Permission::MonitorRead); !r) {
    return tl::unexpected(r.error());
  }
  filter.scope = identity::scopeOf(who);
  return store::readReturning<std::vector<Sensor>>(
      ctx_.store, [&](store::Tx& tx) { return tx.monitoring().sensors(filter, limit, after_id); });
}

Result<std::vector<Rule>> MonitoringService::effectiveRules(const Principal& who,
                                                            std::int64_t sensor_id) {
  if (auto r = identity::require(who, Permission::MonitorRead); !r) {
    return tl::unexpected(r.error());
  }
  return store::readReturning<std::vector<Rule>>(ctx_.store,
                                                 [&](store::Tx& tx) -> Result<std::vector<Rule>> {
                                                   auto s = loadSensor(tx, who, sensor_id);
                                                   if (!s) return tl::unexpected(s.error());
                                                   return sensorRules(tx, *s);
                                                 });
}

Result<void> MonitoringService::setTypeRules(const Principal& who, SensorType type,
                                             const std::string& text) {
  if (auto r = identity::require(who, Permission::SensorManage); !r) return r;
  // Type rules bind every sensor of the platform: city-level administrators only.
  if (!who.isSystem() && (who.org_kind != org::OrgKind::City || !who.can(Permission::UserWrite))) {
    return fail(Errc::Forbidden, "", "only a city-level administrator sets rules per type");
  }
  if (text.size() > 4000) return invalid("rules", "must be at most 4000 characters");
  if (auto rules = parseRuleSet(text); !rules) {
    return invalid("rules", rules.error().field + ": " + rules.error().message);
  }
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto before = tx.monitoring().typeRules(type);
    if (!before) return tl::unexpected(before.error());
    if (auto r = tx.monitoring().setTypeRules(type, text); !r) return r;
    if (auto r = tx.monitoring().bumpRegistryVersion(); !r) return r;
    JsonObject b;
    b.add("rules", before->value_or(""));
    JsonObject a;
    a.add("rules", text);
    auto audited = ctx_.auditor.record(tx, who,
                                       {.entity = "sensor_type",
                                        .entity_id = toString(type),
                                        .action = "rules",
                                        .before_json = b.str(),
                                        .after_json = a.str(),
                                        .scope_path = "/"});
    if (!audited) return tl::unexpected(audited.error());
    return ok();
  });
}

Result<std::string> MonitoringService::typeRules(const Principal& who, SensorType type) {
  if (auto r = identity::require(who, Permission::MonitorRead); !r) {
    return tl::unexpected(r.error());
  }
  return store::readReturning<std::string>(ctx_.store, [&](store::Tx& tx) -> Result<std::string> {
    auto set = tx.monitoring().typeRules(type);
    if (!set) return tl::unexpected(set.error());
    return set->value_or("");
  });
}

Result<std::vector<store::SeriesPoint>> MonitoringService::series(const Principal& who,
                                                                  std::int64_t sensor_id,
                                                                  store::Resolution resolution,
                                                                  TimePoint from, TimePoint to,
                                                                  int limit) {
  if (auto r = identity::require(who, Permission::MonitorRead); !r) {
    return tl::unexpected(r.error());
  }
  if (to <= from) return invalid("to", "must be after from");
  if (limit < 1 || limit > 20000) return invalid("limit", "must be between 1 and 20000");
  return store::readReturning<std::vector<store::SeriesPoint>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<store::SeriesPoint>> {
        auto s = loadSensor(tx, who, sensor_id);
        if (!s) return tl::unexpected(s.error());
        return tx.monitoring().series(sensor_id, resolution, toEpochMs(from), toEpochMs(to), limit);
      });
}

}  // namespace citysafe::monitoring
