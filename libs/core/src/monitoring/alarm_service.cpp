// The alarm half of MonitoringService: lists, people's steps, hazards from alarms, figures.
#include "citysafe/core/monitoring/alarm_events.hpp"
#include "citysafe/core/monitoring/monitoring_service.hpp"

namespace citysafe::monitoring {
namespace {

using identity::Permission;
using identity::Principal;

constexpr int kFiguresCap = 200'000;  // alarms in one period; beyond it ask for a shorter one

}  // namespace

Result<std::string> MonitoringService::subtreeOf(store::Tx& tx, const Principal& who,
                                                 std::optional<OrgId> org_id) {
  if (!org_id) return who.org_path;
  auto org = CS_TRY(store::ifFound(tx.orgs().get(*org_id)));
  if (!org || !identity::reaches(who, *org)) return identity::notInScope("org_id", org_id->value);
  return org->path;
}

Result<Alarm> MonitoringService::loadAlarm(store::Tx& tx, const Principal& who, AlarmId id) {
  auto a = CS_TRY(store::ifFound(tx.monitoring().alarm(id)));
  if (!a || !identity::reaches(identity::scopeOf(who), a->org_path, {a->sector})) {
    return identity::notInScope("id", id.value, "alarm");
  }
  return *a;
}

Result<std::vector<Alarm>> MonitoringService::alarms(const Principal& who, const AlarmQuery& q,
                                                     int limit, AlarmId before) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  if (limit < 1 || limit > 1000) return invalid("limit", "must be between 1 and 1000");
  return store::readReturning<std::vector<Alarm>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<Alarm>> {
        store::AlarmFilter f{.scope = identity::scopeOf(who),
                             .states = q.states,
                             .min_level = q.min_level,
                             .sensor_id = q.sensor_id,
                             .site = q.site,
                             .sector = q.sector,
                             .raised_from = q.from,
                             .raised_to = q.to,
                             .cleared = q.cleared};
        if (q.org_id) {
          auto path = CS_TRY(subtreeOf(tx, who, q.org_id));
          f.org_path = path;
        }
        return tx.monitoring().alarms(f, limit, before);
      });
}

Result<Alarm> MonitoringService::alarm(const Principal& who, AlarmId id) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  return store::readReturning<Alarm>(ctx_.store,
                                     [&](store::Tx& tx) { return loadAlarm(tx, who, id); });
}

Result<Alarm> MonitoringService::act(const Principal& who, AlarmId id, const AlarmStep& step,
                                     std::optional<std::int64_t> expected_version) {
  CS_TRY(identity::require(who, Permission::AlarmHandle));
  std::string action = step.action == AlarmAction::Acknowledge ? "acknowledged"
                       : step.action == AlarmAction::Handle    ? "handling"
                                                               : "closed";
  auto changed = store::writeReturning<Alarm>(ctx_.store, [&](store::Tx& tx) -> Result<Alarm> {
    auto a = loadAlarm(tx, who, id);
    if (!a) return a;
    if (expected_version && *expected_version != a->row_version) {
      return fail(Errc::Conflict, "row_version",
                  "the alarm changed since it was read; reload and try again");
    }
    const std::string before = toAuditJson(*a);
    CS_TRY(applyStep(*a, step, who.user_id, ctx_.clock.now()));
    CS_TRY(tx.monitoring().updateAlarm(*a));
    CS_TRY(ctx_.auditor.record(tx, who,
                               {.entity = "alarm",
                                .entity_id = std::to_string(id.value),
                                .action = action,
                                .before_json = before,
                                .after_json = toAuditJson(*a),
                                .scope_path = a->org_path}));
    return a;
  });
  if (changed) publishAlarmChange(ctx_, {*changed, action});
  return changed;
}

Result<hazard::Hazard> MonitoringService::openHazard(const Principal& who, AlarmId id,
                                                     hazard::HazardLoop& hazards,
                                                     const std::string& title,
                                                     const std::string& description) {
  CS_TRY(identity::require(who, Permission::AlarmHandle));
  auto a = CS_TRY(alarm(who, id));
  if (a.hazard_id) {
    return fail(Errc::Conflict, "hazard_id",
                "hazard " + std::to_string(*a.hazard_id) + " was already opened from this alarm");
  }
  hazard::HazardDraft draft{
      .title = title.empty() ? "监测报警 " + a.code + " " + a.sensor_code + " " + a.rule : title,
      .description = description.empty() ? "报警 " + a.code + "（" + nameOf(a.peak) + "）, 测点 " +
                                               a.sensor_code + ", 规则 " + a.rule
                                         : description,
      .source = hazard::Source::OnlineMonitoring,
      .sector = a.sector,
      .org_id = a.org_id,
      .risk_point_id = a.risk_point_id,
      .location = a.location,
      .found_at = a.raised_at};
  Alarm linked;
  auto h =
      hazards.report(who, draft, [&](store::Tx& tx, const hazard::Hazard& made) -> Result<void> {
        auto current = CS_TRY(tx.monitoring().alarm(id));
        if (current.hazard_id) {
          return fail(Errc::Conflict, "hazard_id", "a hazard was opened meanwhile");
        }
        const std::string before = toAuditJson(current);
        current.hazard_id = made.id.value;
        CS_TRY(tx.monitoring().updateAlarm(current));
        linked = current;
        CS_TRY(ctx_.auditor.record(tx, who,
                                   {.entity = "alarm",
                                    .entity_id = std::to_string(id.value),
                                    .action = "hazard",
                                    .before_json = before,
                                    .after_json = toAuditJson(current),
                                    .scope_path = current.org_path}));
        return ok();
      });
  if (h) publishAlarmChange(ctx_, {linked, "hazard"});
  return h;
}

Result<AlarmFigures> MonitoringService::figures(const Principal& who, std::optional<OrgId> org_id,
                                                std::optional<std::string> sector,
                                                std::optional<TimePoint> from_at,
                                                std::optional<TimePoint> to_at) {
  CS_TRY(identity::require(who, Permission::MonitorRead));
  const auto now = ctx_.clock.now();
  const TimePoint from = from_at.value_or(now - std::chrono::hours(24 * 30));
  const TimePoint to = to_at.value_or(now + std::chrono::minutes(1));
  if (to <= from) return invalid("to", "must be after from");
  return store::readReturning<AlarmFigures>(ctx_.store, [&](store::Tx& tx) -> Result<AlarmFigures> {
    // Without an organisation, the scope alone decides (a department's sectors reach beyond
    // its own subtree).
    std::string path = "/";
    if (org_id) {
      auto sub = CS_TRY(subtreeOf(tx, who, org_id));
      path = sub;
    }
    store::AlarmFilter f{.scope = identity::scopeOf(who),
                         .org_path = org_id ? std::optional<std::string>(path) : std::nullopt,
                         .sector = sector,
                         .raised_from = from,
                         .raised_to = to};
    auto list = CS_TRY(tx.monitoring().alarms(f, kFiguresCap + 1, AlarmId{}));
    if (list.size() > static_cast<std::size_t>(kFiguresCap)) {
      return invalid("from", "more than 200,000 alarms in the period; choose a shorter one");
    }
    AlarmFigures out;
    double ack_s = 0;
    double close_s = 0;
    std::int64_t acked = 0;
    for (const auto& a : list) {
      ++out.raised;
      if (a.peak != Level::None) ++out.by_level[static_cast<std::size_t>(a.peak) - 1];
      if (a.cleared_at) ++out.cleared_by_condition;
      if (a.acknowledged_at) {
        ++acked;
        ack_s += std::chrono::duration<double>(*a.acknowledged_at - a.raised_at).count();
      }
      if (a.state == AlarmState::Closed && a.closed_at) {
        ++out.closed;
        close_s += std::chrono::duration<double>(*a.closed_at - a.raised_at).count();
        if (a.disposition) ++out.by_disposition[static_cast<std::size_t>(*a.disposition)];
      } else {
        ++out.open;
      }
    }
    out.handling_rate =
        out.raised == 0 ? 1.0 : static_cast<double>(out.closed) / static_cast<double>(out.raised);
    out.mean_ack_seconds = acked == 0 ? 0 : ack_s / static_cast<double>(acked);
    out.mean_close_seconds = out.closed == 0 ? 0 : close_s / static_cast<double>(out.closed);
    // Online: an active sensor heard from within three of its intervals (at least a minute;
    // the stored last reading may lag by up to a minute, so a minute more is allowed).
    store::SensorFilter sf{.scope = identity::scopeOf(who), .status = Status::Active};
    const std::int64_t now_ms = toEpochMs(ctx_.clock.now());
    SensorId after;
    for (;;) {
      auto page = CS_TRY(tx.monitoring().sensors(sf, 5000, after));
      for (const auto& s : page) {
        after = s.id;
        if (!s.org_path.starts_with(path)) continue;
        if (sector && s.sector != *sector) continue;
        ++out.sensors;
        const std::int64_t window = offlineAfter(s.interval).count();
        if (s.last_at_ms && now_ms - *s.last_at_ms <= window + 60'000) ++out.online;
      }
      if (page.size() < 5000) break;
    }
    out.online_rate =
        out.sensors == 0 ? 1.0 : static_cast<double>(out.online) / static_cast<double>(out.sensors);
    return out;
  });
}

}  // namespace citysafe::monitoring
