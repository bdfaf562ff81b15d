// The scheduler (due soon, overdue, escalation to graded supervision), extensions and
// notifications.
#include <algorithm>
#include <array>
#include <limits>
#include <map>

#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/core/hazard/scheduler.hpp"
#include "hazard_internal.hpp"

namespace citysafe::hazard {

using identity::Permission;
using identity::Principal;

namespace {

// By tier, lowest first.
constexpr std::array<const char*, 3> kTierLabels{"区级挂牌督办", "市级挂牌督办", "省级挂牌督办"};
const char* tierLabel(Tier t) { return kTierLabels.at(static_cast<std::size_t>(t)); }

}  // namespace

bool isPastAssignment(State s) {
  return s == State::Assigned || s == State::Rectifying || s == State::Submitted;
}

bool isListed(const Hazard& h) { return h.supervision && !h.supervision->delisted_at; }

bool isSweepCandidate(const Hazard& h, TimePoint horizon) {
  return (isBeingFixed(h.state) && h.deadline_at && *h.deadline_at <= horizon) ||
         (h.grade == Grade::Major && isPastAssignment(h.state) && !isListed(h));
}

std::vector<store::HazardFilter> sweepFilters(TimePoint horizon) {
  const identity::Scope everything{.subtree_path = "/"};
  store::HazardFilter due{.scope = everything,
                          .states = {kFixingStates.begin(), kFixingStates.end()},
                          .deadline_through = horizon};
  store::HazardFilter unlisted{.scope = everything,
                               .states = {State::Assigned, State::Rectifying, State::Submitted},
                               .grade = Grade::Major,
                               .listed = false};
  return {due, unlisted};
}

SweepStep sweepStepFor(const Hazard& h, const EscalationPolicy& esc, TimePoint now) {
  SweepStep step;
  step.overdue_days = overdueDays(h, now);
  if (step.overdue_days) {
    step.mark_overdue = !h.overdue_at;
  } else if (isBeingFixed(h.state) && h.deadline_at) {
    step.mark_due_soon =
        *h.deadline_at - now <= std::chrono::days(esc.due_soon_days) && !h.due_soon_at;
  }
  const auto tier = tierFor(esc, h.grade, isPastAssignment(h.state), step.overdue_days);
  if (tier && (!isListed(h) || *tier > h.supervision->tier)) step.escalate_to = tier;
  return step;
}

Result<SweepReport> HazardSupervision::sweepOne(store::Tx& tx, const Settings& s, Hazard& h,
                                                std::vector<Hazard>& changed) {
  SweepReport report;
  const auto now = ctx_.clock.now();
  const Principal system = Principal::system();
  const SweepStep next = sweepStepFor(h, s.policy.escalation, now);
  auto step = [&](const Hazard& before, const char* action, const std::string& note,
                  bool superiors) -> Result<void> {
    CS_TRY(tx.hazards().update(h));
    CS_TRY(recordStep(tx, system, before, h, action, note, {}));
    const std::string message = h.code + " " + h.title + " " + note;
    if (superiors) return notifyUnits(tx, h, action, message);
    if (!h.responsible_org_id) return ok();
    CS_TRY(tx.notifications().add({.org_id = *h.responsible_org_id,
                                   .hazard_id = h.id,
                                   .kind = action,
                                   .message = message,
                                   .at = now}));
    return ok();
  };
  const std::string late =
      next.overdue_days ? "逾期 " + std::to_string(*next.overdue_days) + " 天" : std::string();
  if (next.mark_overdue) {
    const Hazard before = h;
    h.overdue_at = now;
    CS_TRY(step(before, "overdue", late, true));
    ++report.overdue;
  }
  if (next.mark_due_soon) {
    const Hazard before = h;
    h.due_soon_at = now;
    CS_TRY(step(before, "due_soon", "整改期限 " + formatDay(localDay(*h.deadline_at)), false));
    ++report.due_soon;
  }
  if (next.escalate_to) {
    const Hazard before = h;
    const std::string reason = next.overdue_days ? late : std::string("重大事故隐患");
    h.supervision = Supervision{.tier = *next.escalate_to, .listed_at = now, .reason = reason};
    CS_TRY(
        step(before, "escalate", std::string(tierLabel(*next.escalate_to)) + "：" + reason, true));
    ++report.escalated;
  }
  if (next.any()) changed.push_back(h);
  return report;
}

Result<SweepReport> HazardSupervision::sweep(const std::string& node) {
  std::vector<Hazard> changed;
  auto report =
      store::writeReturning<SweepReport>(ctx_.store, [&](store::Tx& tx) -> Result<SweepReport> {
        const auto now = ctx_.clock.now();
        if (!CS_TRY(
                tx.leases().acquire("hazard_sweep", node, now, now + std::chrono::seconds(50)))) {
          return SweepReport{};
        }
        const auto s = CS_TRY(settings(tx));
        const auto horizon = now + std::chrono::days(s.policy.escalation.due_soon_days);
        std::map<HazardId, Hazard> candidates;  // by id, oldest first
        for (const auto& filter : sweepFilters(horizon)) {
          for (auto& h :
               CS_TRY(tx.hazards().list(filter, std::numeric_limits<int>::max(), HazardId{}))) {
            candidates.emplace(h.id, std::move(h));
          }
        }
        SweepReport total;
        for (auto& [id, h] : candidates) {
          auto one = sweepOne(tx, s, h, changed);
          // Someone changed it since we read it: the next sweep sees the new state.
          if (!one && one.error().code == Errc::Conflict) continue;
          const auto counted = CS_TRY(std::move(one));
          total.due_soon += counted.due_soon;
          total.overdue += counted.overdue;
          total.escalated += counted.escalated;
        }
        return total;
      });
  if (report) {
    for (const auto& h : changed) announce(h, "supervision");
  }
  return report;
}

Result<std::vector<Notification>> HazardSupervision::notifications(const Principal& who,
                                                                   bool unread_only) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<std::vector<Notification>>(ctx_.store, [&](store::Tx& tx) {
    return tx.notifications().list(who.org_id, unread_only, 200);
  });
}

Result<void> HazardSupervision::markRead(const Principal& who, std::int64_t id) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto found = CS_TRY(tx.notifications().markRead(id, who.org_id, ctx_.clock.now()));
    if (!found) return fail(Errc::NotFound, "id", "no such notification");
    return ok();
  });
}

Result<Extension> HazardSupervision::requestExtension(const Principal& who, HazardId id,
                                                      const std::string& reason, Day deadline) {
  CS_TRY(identity::require(who, Permission::HazardRectify));
  Hazard updated;
  auto done = store::writeReturning<Extension>(ctx_.store, [&](store::Tx& tx) -> Result<Extension> {
    auto h = CS_TRY(loadVisible(tx, who, id));
    if (!detail::inResponsibleUnit(who, h)) {
      return fail(Errc::Forbidden, "id", "only the unit assigned to fix this hazard may ask");
    }
    if ((h.state != State::Assigned && h.state != State::Rectifying) || !h.deadline_at) {
      return fail(Errc::IllegalTransition, "id",
                  std::string("no extension for a hazard that is ") + nameOf(h.state));
    }
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      return invalid("reason", "say why the deadline cannot be met");
    }
    const auto now = ctx_.clock.now();
    if (now > *h.deadline_at) {
      return invalid("deadline", "the deadline has passed; ask for an extension before it");
    }
    if (endOfLocalDay(deadline) <= *h.deadline_at) {
      return invalid("deadline", "must be later than the current deadline " +
                                     formatDay(localDay(*h.deadline_at)));
    }
    auto existing = CS_TRY(tx.extensions().list(id, identity::scopeOf(who)));
    for (auto& e : existing) {
      if (e.state != ExtensionState::Pending) continue;
      if (e.previous_deadline == *h.deadline_at) {
        return fail(Errc::Conflict, "id", "an extension request is already waiting for a decision");
      }
      // Asked against a deadline that has since changed (reassigned, reopened): it lapses.
      e.state = ExtensionState::Refused;
      e.decided_at = now;
      e.decision_note = "已失效：整改期限已变更";
      CS_TRY(tx.extensions().decide(e));
    }
    Extension e;
    e.hazard_id = id;
    e.hazard_org_path = h.org_path;
    e.hazard_sector = h.sector;
    e.requested_by = who.user_id;
    e.requested_by_name = detail::displayName(who);
    e.requested_at = now;
    e.reason = reason;
    e.previous_deadline = *h.deadline_at;
    e.requested_deadline = endOfLocalDay(deadline);
    e.id = CS_TRY(tx.extensions().add(e));
    CS_TRY(recordStep(tx, who, h, h, "extension_requested",
                      reason + "（申请延期至 " + formatDay(deadline) + "）", {}));
    if (h.assigned_by_org_id) {
      Notification n{.org_id = *h.assigned_by_org_id,
                     .hazard_id = id,
                     .kind = "extension_requested",
                     .message = h.code + " " + h.title,
                     .at = now};
      CS_TRY(tx.notifications().add(n));
    }
    updated = h;
    return e;
  });
  if (done) announce(updated, "extension_requested");
  return done;
}

Result<Extension> HazardSupervision::decideExtension(const Principal& who,
                                                     std::int64_t extension_id, bool grant,
                                                     const std::string& note) {
  CS_TRY(identity::require(who, Permission::HazardManage));
  Hazard updated;
  auto done = store::writeReturning<Extension>(ctx_.store, [&](store::Tx& tx) -> Result<Extension> {
    auto e = CS_TRY(store::ifFound(tx.extensions().get(extension_id)));
    if (!e) return fail(Errc::NotFound, "id", "no such extension request");
    auto h = CS_TRY(store::ifFound(loadVisible(tx, who, e->hazard_id)));
    if (!h) return fail(Errc::NotFound, "id", "no such extension request");
    if (!who.isSystem() && detail::inResponsibleUnit(who, *h)) {
      return fail(Errc::Forbidden, "id", "the unit that asked may not decide its own request");
    }
    if (e->state != ExtensionState::Pending) {
      return fail(Errc::Conflict, "id", std::string("the request was already ") + nameOf(e->state));
    }
    if ((h->state != State::Assigned && h->state != State::Rectifying) || !h->deadline_at ||
        *h->deadline_at != e->previous_deadline) {
      return fail(Errc::Conflict, "id",
                  std::string("the hazard has moved on since the request (now ") +
                      nameOf(h->state) + "); it can no longer be decided");
    }
    if (!grant && note.find_first_not_of(" \t\r\n") == std::string::npos) {
      return invalid("note", "say why the extension is refused");
    }
    const auto now = ctx_.clock.now();
    const Hazard before = *h;
    e->state = grant ? ExtensionState::Granted : ExtensionState::Refused;
    e->decided_by = who.user_id;
    e->decided_by_name = detail::displayName(who);
    e->decided_at = now;
    e->decision_note = note;
    CS_TRY(tx.extensions().decide(*e));
    if (grant) {
      extendDeadline(*h, e->requested_deadline, now);
      CS_TRY(tx.hazards().update(*h));
    }
    const std::string text =
        (grant ? "同意延期至 " + formatDay(localDay(e->requested_deadline)) : "不同意延期") +
        (note.empty() ? "" : "：" + note);
    CS_TRY(recordStep(tx, who, before, *h, grant ? "extension_granted" : "extension_refused", text,
                      {}));
    if (h->responsible_org_id) {
      Notification n{.org_id = *h->responsible_org_id,
                     .hazard_id = h->id,
                     .kind = grant ? "extension_granted" : "extension_refused",
                     .message = h->code + " " + text,
                     .at = now};
      CS_TRY(tx.notifications().add(n));
    }
    updated = *h;
    return std::move(*e);
  });
  if (done) announce(updated, done->state == ExtensionState::Granted ? "extended" : "updated");
  return done;
}

Result<std::vector<Extension>> HazardSupervision::extensions(const Principal& who, HazardId id) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<std::vector<Extension>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<Extension>> {
        if (id.valid()) {
          CS_TRY(loadVisible(tx, who, id));
        }
        return tx.extensions().list(id, identity::scopeOf(who));
      });
}

Result<std::vector<HazardSupervision::Pending>> HazardSupervision::pendingExtensions(
    const Principal& who) {
  CS_TRY(identity::require(who, Permission::HazardRead));
  return store::readReturning<std::vector<Pending>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<Pending>> {
        std::vector<Pending> out;
        for (auto& e : CS_TRY(tx.extensions().list(HazardId{}, identity::scopeOf(who)))) {
          auto h = CS_TRY(store::ifFound(loadVisible(tx, who, e.hazard_id)));
          out.push_back({std::move(e), std::move(h)});
        }
        return out;
      });
}

}  // namespace citysafe::hazard
