#include "citysafe/core/hazard/hazard_service.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

std::string codeFor(std::int64_t id) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "YH%06lld", static_cast<long long>(id));
  return buf;
}

std::string displayName(const Principal& who) { return who.username; }

}  // namespace detail

using detail::inResponsibleUnit;
using detail::reachesHazard;

namespace {

constexpr int kMaxDays = 3660;  // ten years: no rule gives more, and loops stay short

Result<void> requireText(const std::string& text, const char* field, const char* why) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return invalid(field, why);
  if (text.size() > 4000) return invalid(field, "must be at most 4000 bytes");
  return ok();
}

bool hasEvidence(const std::vector<Media>& media, const std::vector<std::int64_t>& ids) {
  return !ids.empty() && std::all_of(ids.begin(), ids.end(), [&](std::int64_t id) {
    return std::any_of(media.begin(), media.end(), [&](const Media& m) { return m.id == id; });
  });
}

}  // namespace

Result<HazardService::Settings> HazardService::settings(store::Tx& tx) {
  Settings s{WorkCalendar::china(), HazardPolicy::defaults()};
  auto days = tx.hazards().calendar();
  if (!days) return tl::unexpected(days.error());
  auto loaded = tx.hazards().calendarYears();
  if (!loaded) return tl::unexpected(loaded.error());
  // A loaded year replaces the built-in one, even when it was loaded empty.
  std::map<int, std::vector<CalendarException>> years;
  for (int year : *loaded) years[year];
  for (auto& d : *days) years[yearOf(d.day)].push_back(std::move(d));
  for (auto& [year, list] : years) {
    if (auto r = s.calendar.setYear(year, std::move(list)); !r) return tl::unexpected(r.error());
  }
  auto policy = tx.hazards().policy();
  if (!policy) return tl::unexpected(policy.error());
  if (*policy) s.policy = std::move(**policy);
  return s;
}

Result<Hazard> HazardService::loadVisible(store::Tx& tx, const Principal& who, std::int64_t id) {
  auto h = tx.hazards().get(id);
  if (!h || !reachesHazard(who, *h)) return fail(Errc::NotFound, "id", "no such hazard");
  return h;
}

void HazardService::announce(const Hazard& h, const std::string& action) {
  JsonObject data;
  data.add("code", h.code)
      .add("title", h.title)
      .add("state", toString(h.state))
      .add("grade", toString(h.grade));
  ctx_.bus.publish(events::DomainEvent{.type = "hazard." + action,
                                       .entity = "hazard",
                                       .entity_id = std::to_string(h.id),
                                       .action = action,
                                       .org_path = h.org_path,
                                       .sectors = {h.sector},
                                       .at = ctx_.clock.now(),
                                       .data_json = data.str(),
                                       .also_path = h.responsible_org_path});
}

Result<void> HazardService::recordStep(store::Tx& tx, const Principal& who, const Hazard& before,
                                       const Hazard& after, const std::string& action,
                                       const std::string& note,
                                       const std::vector<std::int64_t>& media_ids) {
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
  if (auto r = tx.hazards().addTimeline(e); !r) return tl::unexpected(r.error());
  auto audited = ctx_.auditor.record(
      tx, who,
      {"hazard", std::to_string(after.id), action, before.id == 0 ? "null" : toAuditJson(before),
       toAuditJson(after), after.org_path});
  if (!audited) return tl::unexpected(audited.error());
  return ok();
}

Result<void> HazardService::notifyUnits(store::Tx& tx, const Hazard& h, const std::string& kind,
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
    if (auto r = tx.hazards().addNotification(n); !r) return tl::unexpected(r.error());
  }
  return ok();
}

Result<Hazard> HazardService::insertChecked(store::Tx& tx, const Principal& who,
                                            const HazardDraft& d) {
  if (auto r = requireText(d.description, "description", "must describe the hazard"); !r) {
    return tl::unexpected(r.error());
  }
  if (d.title.size() > 200) return invalid("title", "must be at most 200 bytes");
  if (d.address.size() > 300) return invalid("address", "must be at most 300 bytes");
  if (d.sector.empty() ? d.source != Source::PublicTip : !org::isKnownSector(d.sector)) {
    return invalid("sector",
                   d.sector.empty() ? "is required" : "unknown sector '" + d.sector + "'");
  }
  if (!std::isfinite(d.location.lon) || !std::isfinite(d.location.lat)) {
    return invalid("location", "needs finite lon and lat");
  }
  if (const auto extent = basemap::districtExtent(tx)) {
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
  auto org = tx.orgs().get(d.org_id);
  if (!org || !identity::reaches(identity::scopeOf(who), org->path, {d.sector})) {
    return identity::notInScope("org_id", d.org_id.value);
  }
  if (d.risk_point_id) {
    auto point = tx.risks().get(*d.risk_point_id);
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
  auto id = tx.hazards().insert(h);
  if (!id) return tl::unexpected(id.error());
  h.id = *id;
  h.code = detail::codeFor(h.id);
  if (auto r = tx.hazards().update(h); !r) return tl::unexpected(r.error());
  if (auto r = recordStep(tx, who, Hazard{}, h, "report", "", {}); !r) {
    return tl::unexpected(r.error());
  }
  return h;
}

Result<Hazard> HazardService::report(const Principal& who, const HazardDraft& draft) {
  return report(who, draft, [](store::Tx&, const Hazard&) { return ok(); });
}

Result<Hazard> HazardService::report(const Principal& who, const HazardDraft& draft,
                                     const AlsoInTx& also) {
  if (auto r = identity::require(who, Permission::HazardReport); !r) {
    return tl::unexpected(r.error());
  }
  auto created = store::writeReturning<Hazard>(ctx_.store, [&](store::Tx& tx) -> Result<Hazard> {
    auto h = insertChecked(tx, who, draft);
    if (!h) return h;
    if (auto r = also(tx, *h); !r) return tl::unexpected(r.error());
    return h;
  });
  if (created) announce(*created, "reported");
  return created;
}

Result<Hazard> HazardService::get(const Principal& who, std::int64_t id) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  return store::readReturning<Hazard>(ctx_.store,
                                      [&](store::Tx& tx) { return loadVisible(tx, who, id); });
}

Result<std::vector<Hazard>> HazardService::list(const Principal& who, store::HazardFilter filter,
                                                int limit, std::int64_t before_id) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  filter.scope = identity::scopeOf(who);
  return store::readReturning<std::vector<Hazard>>(
      ctx_.store, [&](store::Tx& tx) { return tx.hazards().list(filter, limit, before_id); });
}

Result<store::StateCounts> HazardService::counts(const Principal& who, store::HazardFilter filter) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  filter.scope = identity::scopeOf(who);
  return store::readReturning<store::StateCounts>(
      ctx_.store, [&](store::Tx& tx) { return tx.hazards().countByState(filter); });
}

Result<std::vector<TimelineEntry>> HazardService::timeline(const Principal& who, std::int64_t id) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  return store::readReturning<std::vector<TimelineEntry>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<TimelineEntry>> {
        if (auto h = loadVisible(tx, who, id); !h) return tl::unexpected(h.error());
        return tx.hazards().timeline(id);
      });
}

std::vector<Action> HazardService::allowedActions(const Principal& who, const Hazard& h) const {
  std::vector<Action> out;
  if (!reachesHazard(who, h)) return out;
  for (Action a : allActions()) {
    if (!allowed(h.state, a)) continue;
    switch (a) {
      case Action::Accept:
      case Action::Reject:
      case Action::Assign:
      case Action::Reopen:
        if (!who.can(Permission::HazardManage)) continue;
        break;
      case Action::Start:
      case Action::Progress:
      case Action::Submit:
        if (!who.can(Permission::HazardRectify) || !inResponsibleUnit(who, h)) continue;
        break;
      case Action::Verify:
      case Action::Return:
        if (!who.can(Permission::HazardVerify) ||
            std::any_of(h.rectifiers.begin(), h.rectifiers.end(),
                        [&](UserId u) { return u.value == who.user_id.value; }) ||
            (!who.isSystem() && inResponsibleUnit(who, h))) {
          continue;
        }
        break;
    }
    out.push_back(a);
  }
  return out;
}

Result<void> HazardService::applyAssignment(store::Tx& tx, const Principal& who, Hazard& h,
                                            const ActionRequest& req) {
  const auto unit_id = req.responsible_org_id ? req.responsible_org_id : h.responsible_org_id;
  if (!unit_id) return invalid("responsible_org_id", "name the unit that must fix the hazard");
  auto unit = tx.orgs().get(*unit_id);
  if (!unit || !identity::reaches(identity::scopeOf(who), unit->path, {h.sector})) {
    return identity::notInScope("responsible_org_id", unit_id->value);
  }
  if (!unit->path.starts_with(h.org_path) && !h.org_path.starts_with(unit->path)) {
    return invalid("responsible_org_id",
                   unit->name + " is neither the hazard's organisation nor above or below it");
  }
  auto s = settings(tx);
  if (!s) return tl::unexpected(s.error());
  const auto& rule = s->policy.ruleFor(h.source, h.grade);
  const auto now = ctx_.clock.now();
  TimePoint deadline;
  if (req.deadline) {
    if (*req.deadline < localDay(now)) {
      return invalid("deadline", formatDay(*req.deadline) + " is in the past");
    }
    deadline = endOfLocalDay(*req.deadline);
    if (deadline - now > std::chrono::days(kMaxDays)) {
      return invalid("deadline", "is more than ten years away");
    }
  } else {
    const int days = req.days.value_or(rule.default_days);
    if (days < 1 || days > kMaxDays) return invalid("days", "must be between 1 and 3660");
    deadline = deadlineAfter(s->calendar, now, days, req.count.value_or(rule.count));
  }
  const int given = daysGiven(s->calendar, now, deadline, rule.count);
  if (given > rule.max_days) {
    return invalid(req.deadline ? "deadline" : "days",
                   "gives " + std::to_string(given) + " " + toString(rule.count) +
                       " days; the rule allows at most " + std::to_string(rule.max_days) + " (" +
                       rule.basis + ")");
  }
  h.responsible_org_id = unit->id;
  h.responsible_org_path = unit->path;
  h.assigned_by_org_id = who.isSystem() ? std::optional<OrgId>() : who.org_id;
  h.assigned_at = now;
  h.deadline_at = deadline;
  h.original_deadline_at = deadline;
  h.deadline_basis = rule.basis;
  h.due_soon_at.reset();
  h.overdue_at.reset();
  return ok();
}

Result<void> HazardService::applyAction(store::Tx& tx, const Principal& who, Hazard& h,
                                        const ActionRequest& req) {
  auto next = nextState(h.state, req.action);
  if (!next) return tl::unexpected(next.error());
  const auto permitted = allowedActions(who, h);
  if (std::find(permitted.begin(), permitted.end(), req.action) == permitted.end()) {
    const bool rectify = req.action == Action::Start || req.action == Action::Progress ||
                         req.action == Action::Submit;
    const bool verify = req.action == Action::Verify || req.action == Action::Return;
    return fail(Errc::Forbidden, "action",
                rectify  ? "only the unit assigned to fix this hazard may do that"
                : verify ? "a fix must be verified by someone other than who made it, outside "
                           "the unit that made it, with the right to verify"
                         : "your role may not do that");
  }
  const auto now = ctx_.clock.now();
  auto needReason = [&]() {
    return requireText(req.reason, "reason", "is required for this action");
  };
  switch (req.action) {
    case Action::Accept:
      if (req.grade) h.grade = *req.grade;
      if (req.sector) {
        if (!org::isKnownSector(*req.sector)) {
          return invalid("sector", "unknown sector '" + *req.sector + "'");
        }
        h.sector = *req.sector;
      }
      if (h.sector.empty()) return invalid("sector", "classify the hazard's sector to accept it");
      break;
    case Action::Reject:
    case Action::Return:
      if (auto r = needReason(); !r) return r;
      break;
    case Action::Assign:
      if (auto r = applyAssignment(tx, who, h, req); !r) return r;
      break;
    case Action::Start:
      break;
    case Action::Progress:
    case Action::Submit:
    case Action::Verify: {
      auto media = tx.hazards().media(h.id);
      if (!media) return tl::unexpected(media.error());
      if (!req.media_ids.empty() && !hasEvidence(*media, req.media_ids)) {
        return invalid("media_ids", "name photos or videos uploaded to this hazard");
      }
      if (req.action == Action::Progress && req.media_ids.empty() &&
          req.note.find_first_not_of(" \t\r\n") == std::string::npos) {
        return invalid("note", "a progress report needs a note or a photo");
      }
      if (req.action == Action::Submit && req.media_ids.empty()) {
        return invalid(
            "media_ids",
            "a submission needs evidence: upload at least one photo or video of the fix");
      }
      if (req.action == Action::Submit) {
        // Evidence is what the unit uploaded of its fix in this round, not the report's photos.
        for (const auto& m : *media) {
          if (std::find(req.media_ids.begin(), req.media_ids.end(), m.id) == req.media_ids.end()) {
            continue;
          }
          const bool of_fix = m.stage == MediaStage::Evidence || m.stage == MediaStage::Progress;
          if (!of_fix || (h.assigned_at && m.uploaded_at < *h.assigned_at)) {
            return invalid("media_ids",
                           "evidence must be photos or videos of the fix, uploaded "
                           "since the hazard was assigned");
          }
        }
      }
      if (req.action == Action::Submit) h.submitted_at = now;
      if (req.action == Action::Verify) {
        h.closed_at = now;
        h.closed_on_time = h.submitted_at && h.deadline_at && *h.submitted_at <= *h.deadline_at;
        if (h.supervision && !h.supervision->delisted_at) h.supervision->delisted_at = now;
      }
      break;
    }
    case Action::Reopen:
      if (auto r = needReason(); !r) return r;
      if (h.state == State::Closed) {
        ++h.reopen_count;
        h.closed_at.reset();
        h.closed_on_time.reset();
        h.submitted_at.reset();
        if (auto r = applyAssignment(tx, who, h, req); !r) return r;
      }
      break;
  }
  if (req.action == Action::Start || req.action == Action::Progress ||
      req.action == Action::Submit) {
    const bool known = std::any_of(h.rectifiers.begin(), h.rectifiers.end(),
                                   [&](UserId u) { return u.value == who.user_id.value; });
    if (!known) h.rectifiers.push_back(who.user_id);
  }
  h.state = *next;
  h.updated_at = now;
  return ok();
}

Result<Hazard> HazardService::act(const Principal& who, std::int64_t id, const ActionRequest& req) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  auto done = store::writeReturning<Hazard>(ctx_.store, [&](store::Tx& tx) -> Result<Hazard> {
    auto h = loadVisible(tx, who, id);
    if (!h) return h;
    const Hazard before = *h;
    if (auto r = applyAction(tx, who, *h, req); !r) return tl::unexpected(r.error());
    if (auto r = tx.hazards().update(*h); !r) return tl::unexpected(r.error());
    const std::string& note = req.reason.empty() ? req.note : req.reason;
    if (auto r = recordStep(tx, who, before, *h, toString(req.action), note, req.media_ids); !r) {
      return tl::unexpected(r.error());
    }
    if (req.action == Action::Assign ||
        (req.action == Action::Reopen && before.state == State::Closed)) {
      if (auto r = notifyUnits(tx, *h, "assigned", h->code + " " + h->title); !r) {
        return tl::unexpected(r.error());
      }
    }
    return h;
  });
  if (done) announce(*done, toString(req.action));
  return done;
}

}  // namespace citysafe::hazard
