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
    auto org = tx.orgs().get(*q.org_id);
    if (!org || !identity::reaches(who, *org))
      return identity::notInScope("org_id", q.org_id->value);
    f.org_path = org->path;
  }
  return f;
}

// The calendar and the policy hold for the whole platform: only an administrator at its root
// may change them, not one of a district.
Result<void> requireCityWide(const Principal& who) {
  if (auto r = identity::require(who, Permission::HazardPolicy); !r) return r;
  if (!who.isSystem() && who.org_kind != org::OrgKind::City) {
    return fail(Errc::Forbidden, "org",
                "the platform-wide calendar and policy are set at city level");
  }
  return ok();
}

}  // namespace

Result<Statistics> HazardService::statistics(const Principal& who, const StatsQuery& q) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  return store::readReturning<Statistics>(ctx_.store, [&](store::Tx& tx) -> Result<Statistics> {
    auto f = periodFilter(tx, who, q);
    if (!f) return tl::unexpected(f.error());
    auto hazards = tx.hazards().list(*f, kEverything, 0);
    if (!hazards) return tl::unexpected(hazards.error());
    return computeStatistics(*hazards, ctx_.clock.now());
  });
}

Result<std::vector<RankedUnit>> HazardService::ranking(const Principal& who, const StatsQuery& q,
                                                       bool departments) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  return store::readReturning<std::vector<RankedUnit>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<RankedUnit>> {
        auto f = periodFilter(tx, who, q);
        if (!f) return tl::unexpected(f.error());
        auto hazards = tx.hazards().list(*f, kEverything, 0);
        if (!hazards) return tl::unexpected(hazards.error());
        store::OrgFilter of{identity::scopeOf(who),
                            departments ? org::OrgKind::Department : org::OrgKind::Street,
                            std::nullopt};
        auto units = tx.orgs().list(of, {.limit = 1000, .after_id = 0});
        if (!units) return tl::unexpected(units.error());
        const auto now = ctx_.clock.now();
        std::vector<RankedUnit> out;
        for (const auto& unit : *units) {
          if (f->org_path && !unit.path.starts_with(*f->org_path) &&
              !f->org_path->starts_with(unit.path)) {
            continue;
          }
          RankedUnit row{unit.id, unit.name, {}};
          // A department answers for its sectors across its district (its parent).
          const std::string district =
              unit.path.substr(0, unit.path.find_last_of('/', unit.path.size() - 2) + 1);
          for (const auto& h : *hazards) {
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

Result<HazardService::Settings> HazardService::settings() {
  return store::readReturning<Settings>(ctx_.store, [&](store::Tx& tx) { return settings(tx); });
}

Result<WorkCalendar> HazardService::calendar() {
  auto s = settings();
  if (!s) return tl::unexpected(s.error());
  return std::move(s->calendar);
}

Result<void> HazardService::setCalendarYear(const Principal& who, int year,
                                            const std::vector<CalendarException>& days) {
  if (auto r = requireCityWide(who); !r) return r;
  WorkCalendar check;
  if (auto r = check.setYear(year, days); !r) return r;
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    if (auto r = tx.hazards().replaceCalendarYear(year, days); !r) return r;
    JsonObject after;
    after.add("year", static_cast<std::int64_t>(year))
        .add("holidays", static_cast<std::int64_t>(std::count_if(
                             days.begin(), days.end(), [](const auto& d) { return !d.workday; })))
        .add("workdays", static_cast<std::int64_t>(std::count_if(
                             days.begin(), days.end(), [](const auto& d) { return d.workday; })));
    auto audited = ctx_.auditor.record(
        tx, who, {"hazard_calendar", std::to_string(year), "replace", "null", after.str(), "/"});
    return audited ? ok() : tl::unexpected(audited.error());
  });
}

Result<HazardPolicy> HazardService::policy() {
  auto s = settings();
  if (!s) return tl::unexpected(s.error());
  return std::move(s->policy);
}

Result<void> HazardService::setPolicy(const Principal& who, const HazardPolicy& policy) {
  if (auto r = requireCityWide(who); !r) return r;
  if (auto r = policy.validate(); !r) return r;
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    if (auto r = tx.hazards().savePolicy(policy); !r) return r;
    JsonObject after;
    after.add("rules", static_cast<std::int64_t>(policy.rules.size()))
        .add("due_soon_days", static_cast<std::int64_t>(policy.escalation.due_soon_days));
    auto audited =
        ctx_.auditor.record(tx, who, {"hazard_policy", "1", "replace", "null", after.str(), "/"});
    return audited ? ok() : tl::unexpected(audited.error());
  });
}

}  // namespace citysafe::hazard
