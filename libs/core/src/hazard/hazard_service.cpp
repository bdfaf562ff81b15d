#include "citysafe/core/hazard/hazard_service.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "citysafe/common/json_text.hpp"
#include "citysafe/core/basemap/basemap_service.hpp"
#include "citysafe/core/org/sectors.hpp"
#include "hazard_internal.hpp"

namespace citysafe::hazard {

using identity::Permission;
using identity::Principal;

namespace detail {

// The scope rule on where the hazard is, and also on who must fix it: a street's hazard assigned
// to an enterprise is that enterprise's work.
bool reachesHazard(const Principal& who, const Hazard& h) {
  const auto scope = identity::scopeOf(who);
  return identity::reaches(scope, h.org_path, {h.sector}) ||
         (!h.responsible_org_path.empty() &&
          h.responsible_org_path.starts_with(scope.subtree_path));
}

bool inResponsibleUnit(const Principal& who, const Hazard& h) {
  if (who.isSystem()) return true;
  return !h.responsible_org_path.empty() && who.org_path.starts_with(h.responsible_org_path);
}

std::vector<OrgId> idsOnPath(const std::string& path) {
  std::vector<OrgId> ids;
  std::int64_t n = 0;
  bool digits = false;
  for (char c : path) {
    if (c >= '0' && c <= '9') {
      n = n * 10 + (c - '0');
      digits = true;
    } else if (digits) {
      ids.push_back(OrgId{n});
      n = 0;
      digits = false;
    }
  }
  return ids;
}

std::string utf8Prefix(const std::string& text, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < text.size() && count < n; ++count) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return text.substr(0, i);
}

std::size_t utf8Length(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

Result<void> forEachOrg(store::Tx& tx, const store::OrgFilter& filter,
                        const std::function<void(const org::Organisation&)>& visit) {
  constexpr int kPage = 500;
  for (std::int64_t after = 0;;) {
    auto page = CS_TRY(tx.orgs().list(filter, {.limit = kPage, .after_id = after}));
    for (const auto& o : page) visit(o);
    if (page.size() < static_cast<std::size_t>(kPage)) return ok();
    after = page.back().id.value;
  }
}

std::string codeFor(HazardId id) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "YH%06lld", static_cast<long long>(id.value));
  return buf;
}

std::string displayName(const Principal& who) { return who.username; }

}  // namespace detail

using detail::inResponsibleUnit;
using detail::reachesHazard;

Result<HazardWork::Settings> HazardWork::settings(store::Tx& tx) {
  Settings s{WorkCalendar::china(), HazardPolicy::defaults()};
  auto days = CS_TRY(tx.hazardSettings().calendar());
  auto loaded = CS_TRY(tx.hazardSettings().calendarYears());
  // A loaded year replaces the built-in one, even when it was loaded empty.
  std::map<int, std::vector<CalendarException>> years;
  for (int year : loaded) years[year];
  for (auto& d : days) years[yearOf(d.day)].push_back(std::move(d));
  for (auto& [year, list] : years) {
    CS_TRY(s.calendar.setYear(year, std::move(list)));
  }
  auto policy = CS_TRY(tx.hazardSettings().policy());
  if (policy) s.policy = std::move(*policy);
  return s;
}

Result<Hazard> HazardWork::loadVisible(store::Tx& tx, const Principal& who, HazardId id) {
  auto h = CS_TRY(tx.hazards().get(id));  // absent: NotFound, as out of scope is
  if (!reachesHazard(who, h)) return fail(Errc::NotFound, "id", "no such hazard");
  return h;
}

void HazardWork::announce(const Hazard& h, const std::string& action) {
  JsonObject data;
  data.add("code", h.code)
      .add("title", h.title)
      .add("state", nameOf(h.state))
      .add("grade", nameOf(h.grade));
  ctx_.bus.publish(events::DomainEvent{.type = "hazard." + action,
                                       .entity = "hazard",
                                       .entity_id = std::to_string(h.id.value),
                                       .action = action,
                                       .org_path = h.org_path,
                                       .sectors = {h.sector},
                                       .at = ctx_.clock.now(),
                                       .data_json = data.str(),
                                       .also_path = h.responsible_org_path});
}

Result<void> HazardWork::recordStep(store::Tx& tx, const Principal& who, const Hazard& before,
                                    const Hazard& after, const std::string& action,
                                    const std::string& note,
                                    const std::vector<MediaId>& media_ids) {
  TimelineEntry e;
  e.hazard_id = after.id;
  e.at = ctx_.clock.now();
  e.action = action;
  e.from = before.state;
  e.to = after.state;
  if (who.user_id.value != 0) e.actor_id = who.user_id;
  e.actor_name = detail::displayName(who);
  e.note = note;
  e.deadline_at = after.deadline_at;
  e.media_ids = media_ids;
  CS_TRY(tx.hazards().addTimeline(e));
  auto audited = CS_TRY(ctx_.auditor.record(
      tx, who,
      {"hazard", std::to_string(after.id.value), action,
       !before.id.valid() ? "null" : toAuditJson(before), toAuditJson(after), after.org_path}));
  return ok();
}

Result<void> HazardWork::notifyUnits(store::Tx& tx, const Hazard& h, const std::string& kind,
                                     const std::string& message) {
  // The unit that fixes it and every unit above it (but not the city root), and the unit that
  // assigned it.
  auto ids =
      detail::idsOnPath(h.responsible_org_path.empty() ? h.org_path : h.responsible_org_path);
  if (!ids.empty()) ids.erase(ids.begin());
  if (h.assigned_by_org_id) ids.push_back(*h.assigned_by_org_id);
  std::sort(ids.begin(), ids.end(), [](OrgId a, OrgId b) { return a.value < b.value; });
  ids.erase(
      std::unique(ids.begin(), ids.end(), [](OrgId a, OrgId b) { return a.value == b.value; }),
      ids.end());
  for (const auto& org : ids) {
    Notification n{
        .org_id = org, .hazard_id = h.id, .kind = kind, .message = message, .at = ctx_.clock.now()};
    CS_TRY(tx.notifications().add(n));
  }
  return ok();
}

Result<Hazard> HazardWork::insertChecked(store::Tx& tx, const Principal& who,
                                         const HazardDraft& d) {
  CS_TRY(detail::requireText(d.description, "description", "must describe the hazard"));
  if (d.title.size() > 200) return invalid("title", "must be at most 200 bytes");
  if (d.address.size() > 300) return invalid("address", "must be at most 300 bytes");
  if (d.sector.empty() ? d.source != Source::PublicTip : !org::isKnownSector(d.sector)) {
    return invalid("sector",
                   d.sector.empty() ? "is required" : "unknown sector '" + d.sector + "'");
  }
  if (!std::isfinite(d.location.lon) || !std::isfinite(d.location.lat)) {
    return invalid("location", "needs finite lon and lat");
  }
  if (const auto extent = CS_TRY(basemap::readDistrictExtent(tx))) {
    const auto& b = *extent;
    if (d.location.lon < b.min_lon || d.location.lon > b.max_lon || d.location.lat < b.min_lat ||
        d.location.lat > b.max_lat) {
      return invalid("location", "lies outside the district");
    }
  }
  const auto now = ctx_.clock.now();
  if (d.found_at && *d.found_at > now + std::chrono::minutes(5)) {
    return invalid("found_at", "is in the future");
  }
  const auto org = CS_TRY(store::ifFound(tx.orgs().get(d.org_id)));
  if (!org || !identity::reaches(identity::scopeOf(who), org->path, {d.sector})) {
    return identity::notInScope("org_id", d.org_id.value);
  }
  if (d.risk_point_id) {
    const auto point = CS_TRY(store::ifFound(tx.risks().get(RiskPointId{*d.risk_point_id})));
    if (!point || !identity::reaches(identity::scopeOf(who), point->org_path, {point->sector})) {
      return identity::notInScope("risk_point_id", *d.risk_point_id, "risk point");
    }
  }
  Hazard h;
  h.title = d.title.empty() ? detail::utf8Prefix(d.description, 30) : d.title;
  h.description = d.description;
  h.source = d.source;
  h.grade = d.grade;
  h.sector = d.sector;
  h.org_id = d.org_id;
  h.org_path = org->path;
  h.risk_point_id = d.risk_point_id;
  h.location = d.location;
  h.address = d.address;
  if (who.user_id.value != 0) h.found_by = who.user_id;
  h.found_by_name = detail::displayName(who);
  h.found_at = d.found_at.value_or(now);
  h.reported_at = h.updated_at = now;
  h.id = CS_TRY(tx.hazards().insert(h));
  h.code = detail::codeFor(h.id);
  CS_TRY(tx.hazards().update(h));
  CS_TRY(recordStep(tx, who, Hazard{}, h, "report", "", {}));
  return h;
}

Result<Hazard> HazardLoop::report(const Principal& who, const HazardDraft& draft) {
  return report(who, draft, [](store::Tx&, const Hazard&) { return ok(); });
}

Result<Hazard> HazardLoop::report(const Principal& who, const HazardDraft& draft,
                                  const AlsoInTx& also) {
  CS_TRY(identity::require(who, Permission::HazardReport));
  auto created = store::writeReturning<Hazard>(ctx_.store, [&](store::Tx& tx) -> Result<Hazard> {
    auto h = CS_TRY(insertChecked(tx, who, draft));
    CS_TRY(also(tx, h));
    return h;
  });
  if (created) announce(*created, "reported");
  return created;
}

Result<Hazard> HazardLoop::get(const Principal& who, HazardId id) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<Hazard>(ctx_.store,
                                      [&](store::Tx& tx) { return loadVisible(tx, who, id); });
}

Result<void> HazardLoop::narrow(store::Tx& tx, const Principal& who, store::HazardFilter& filter) {
  filter.scope = identity::scopeOf(who);
  if (!filter.org_id) return ok();
  const auto org = CS_TRY(store::ifFound(tx.orgs().get(*filter.org_id)));
  if (!org || !identity::reaches(who, *org))
    return identity::notInScope("org_id", filter.org_id->value);
  filter.org_path = org->path;
  return ok();
}

Result<std::vector<Hazard>> HazardLoop::list(const Principal& who, store::HazardFilter filter,
                                             int limit, HazardId before_id) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<std::vector<Hazard>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<Hazard>> {
        CS_TRY(narrow(tx, who, filter));
        return tx.hazards().list(filter, limit, before_id);
      });
}

Result<HazardLoop::Counts> HazardLoop::counts(const Principal& who, store::HazardFilter filter) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<Counts>(ctx_.store, [&](store::Tx& tx) -> Result<Counts> {
    CS_TRY(narrow(tx, who, filter));
    Counts c;
    c.by_state = CS_TRY(tx.hazards().countByState(filter));
    filter.overdue_at = ctx_.clock.now();
    const auto late = CS_TRY(tx.hazards().countByState(filter));
    for (std::size_t s = 0; s < c.by_state.size(); ++s) {
      c.total += c.by_state[s];
      c.overdue += late[s];
    }
    return c;
  });
}

Result<std::vector<TimelineEntry>> HazardLoop::timeline(const Principal& who, HazardId id) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<std::vector<TimelineEntry>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<TimelineEntry>> {
        CS_TRY(loadVisible(tx, who, id));
        return tx.hazards().timeline(id);
      });
}

namespace {

// The names of the units the views mention; an organisation since removed has none.
Result<void> nameUnits(store::Tx& tx, std::vector<HazardView>& views) {
  std::map<std::int64_t, std::optional<std::string>> names;
  auto name_for = [&](OrgId id) -> Result<std::optional<std::string>> {
    if (auto it = names.find(id.value); it != names.end()) return it->second;
    auto org = tx.orgs().get(id);
    if (!org && org.error().code == Errc::NotFound) return names[id.value] = std::nullopt;
    return names[id.value] = CS_TRY(std::move(org)).name;
  };
  for (auto& v : views) {
    v.org_name = CS_TRY(name_for(v.hazard.org_id));
    if (v.hazard.responsible_org_id) {
      v.responsible_org_name = CS_TRY(name_for(*v.hazard.responsible_org_id));
    }
  }
  return ok();
}

}  // namespace

Result<HazardView> HazardLoop::view(const Principal& who, const Hazard& h) {
  return store::readReturning<HazardView>(ctx_.store, [&](store::Tx& tx) -> Result<HazardView> {
    std::optional<Settings> s;
    if (needsSettings(h)) s = CS_TRY(settings(tx));
    std::vector<HazardView> one{detailView(who, h, ctx_.clock.now(), s ? &*s : nullptr)};
    CS_TRY(nameUnits(tx, one));
    return std::move(one.front());
  });
}

Result<std::vector<HazardView>> HazardLoop::views(const Principal& who,
                                                  const std::vector<Hazard>& hazards) {
  const auto now = ctx_.clock.now();
  std::vector<HazardView> out;
  out.reserve(hazards.size());
  for (const auto& h : hazards) out.push_back(itemView(who, h, now));
  return store::readReturning<std::vector<HazardView>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<HazardView>> {
        CS_TRY(nameUnits(tx, out));
        return out;
      });
}

Result<Hazard> HazardLoop::act(const Principal& who, HazardId id, const ActionRequest& req) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  auto done = store::writeReturning<Hazard>(ctx_.store, [&](store::Tx& tx) -> Result<Hazard> {
    auto h = CS_TRY(loadVisible(tx, who, id));
    const Hazard before = h;
    CS_TRY(transition(h, who, req, ctx_.clock.now(),
                      {.org = [&](OrgId id) { return store::ifFound(tx.orgs().get(id)); },
                       .settings = [&] { return settings(tx); },
                       .media = [&] { return tx.hazardMedia().of(h.id); }}));
    CS_TRY(tx.hazards().update(h));
    const std::string& note = req.reason.empty() ? req.note : req.reason;
    CS_TRY(recordStep(tx, who, before, h, nameOf(req.action), note, req.media_ids));
    if (req.action == Action::Assign ||
        (req.action == Action::Reopen && before.state == State::Closed)) {
      CS_TRY(notifyUnits(tx, h, "assigned", h.code + " " + h.title));
    }
    return h;
  });
  if (done) announce(*done, nameOf(req.action));
  return done;
}

}  // namespace citysafe::hazard
