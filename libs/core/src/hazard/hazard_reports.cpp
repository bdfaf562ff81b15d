// Statistics, rankings, and the settings (calendar, policy) the loop runs on.
#include <algorithm>

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/hazard/hazard_service.hpp"
#include "hazard_internal.hpp"

namespace citysafe::hazard {

using identity::Permission;
using identity::Principal;

namespace {

constexpr int kEverything = 10'000'000;

Result<store::HazardFilter> periodFilter(store::Tx& tx, const Principal& who, const StatsQuery& q) {
  store::HazardFilter f;
  f.scope = identity::scopeOf(who);
  f.found_from = q.from;
  f.found_to = q.to;
  f.sector = q.sector;
  if (q.org_id) {
    const auto org = CS_TRY(store::ifFound(tx.orgs().get(*q.org_id)));
    if (!org || !identity::reaches(who, *org)) {
      return identity::notInScope("org_id", q.org_id->value);
    }
    f.org_path = org->path;
  }
  return f;
}

// The calendar and the policy hold for the whole platform: only an administrator at its root
// may change them, not one of a district.
Result<void> requireCityWide(const Principal& who) {
  CS_TRY(identity::require(who, Permission::HazardPolicy));
  if (!who.isSystem() && who.org_kind != org::OrgKind::City) {
    return fail(Errc::Forbidden, "org",
                "the platform-wide calendar and policy are set at city level");
  }
  return ok();
}

}  // namespace

Result<Statistics> HazardLedger::statistics(const Principal& who, const StatsQuery& q) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<Statistics>(ctx_.store, [&](store::Tx& tx) -> Result<Statistics> {
    auto f = CS_TRY(periodFilter(tx, who, q));
    auto hazards = CS_TRY(tx.hazards().list(f, kEverything, HazardId{}));
    return computeStatistics(hazards, ctx_.clock.now());
  });
}

Result<std::vector<RankedUnit>> HazardLedger::ranking(const Principal& who, const StatsQuery& q,
                                                      bool departments) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<std::vector<RankedUnit>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<RankedUnit>> {
        auto f = CS_TRY(periodFilter(tx, who, q));
        auto hazards = CS_TRY(tx.hazards().list(f, kEverything, HazardId{}));
        store::OrgFilter of{identity::scopeOf(who),
                            departments ? org::OrgKind::Department : org::OrgKind::Street,
                            std::nullopt};
        auto units = CS_TRY(tx.orgs().list(of, {.limit = 1000, .after_id = 0}));
        const auto now = ctx_.clock.now();
        std::vector<RankedUnit> out;
        for (const auto& unit : units) {
          if (f.org_path && !unit.path.starts_with(*f.org_path) &&
              !f.org_path->starts_with(unit.path)) {
            continue;
          }
          RankedUnit row{unit.id, unit.name, {}};
          // A department answers for its sectors across its district (its parent).
          const std::string district =
              unit.path.substr(0, unit.path.find_last_of('/', unit.path.size() - 2) + 1);
          for (const auto& h : hazards) {
            const bool mine = departments ? h.org_path.starts_with(district) &&
                                                std::find(unit.sectors.begin(), unit.sectors.end(),
                                                          h.sector) != unit.sectors.end()
                                          : h.org_path.starts_with(unit.path);
            if (mine) row.figures.add(h, now);
          }
          out.push_back(std::move(row));
        }
        rank(out);
        return out;
      });
}

Result<HazardWork::Settings> HazardSettingsService::settings() {
  return store::readReturning<Settings>(ctx_.store, [&](store::Tx& tx) { return settings(tx); });
}

Result<WorkCalendar> HazardSettingsService::calendar(const Principal& who) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  auto s = CS_TRY(settings());
  return std::move(s.calendar);
}

Result<void> HazardSettingsService::setCalendarYear(const Principal& who, int year,
                                                    const std::vector<CalendarException>& days) {
  CS_TRY(requireCityWide(who));
  WorkCalendar check;
  CS_TRY(check.setYear(year, days));
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    CS_TRY(tx.hazardSettings().replaceCalendarYear(year, days));
    JsonObject after;
    after.add("year", static_cast<std::int64_t>(year))
        .add("holidays", static_cast<std::int64_t>(std::count_if(
                             days.begin(), days.end(), [](const auto& d) { return !d.workday; })))
        .add("workdays", static_cast<std::int64_t>(std::count_if(
                             days.begin(), days.end(), [](const auto& d) { return d.workday; })));
    CS_TRY(ctx_.auditor.record(
        tx, who, {"hazard_calendar", std::to_string(year), "replace", "null", after.str(), "/"}));
    return ok();
  });
}

Result<HazardPolicy> HazardSettingsService::policy(const Principal& who) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  auto s = CS_TRY(settings());
  return std::move(s.policy);
}

Result<void> HazardSettingsService::setPolicy(const Principal& who, const HazardPolicy& policy) {
  CS_TRY(requireCityWide(who));
  CS_TRY(policy.validate());
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    CS_TRY(tx.hazardSettings().savePolicy(policy));
    JsonObject after;
    after.add("rules", static_cast<std::int64_t>(policy.rules.size()))
        .add("due_soon_days", static_cast<std::int64_t>(policy.escalation.due_soon_days));
    CS_TRY(
        ctx_.auditor.record(tx, who, {"hazard_policy", "1", "replace", "null", after.str(), "/"}));
    return ok();
  });
}

}  // namespace citysafe::hazard
