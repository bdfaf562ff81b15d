// The scheduler (due soon, overdue, escalation to graded supervision), extensions and
// notifications.
#include <algorithm>

#include "citysafe/core/hazard/hazard_service.hpp"
#include "hazard_internal.hpp"

namespace citysafe::hazard {

using identity::Permission;
using identity::Principal;

namespace {

const char* tierLabel(Tier t) {
  switch (t) {
    case Tier::District:
      return "区级挂牌督办";
    case Tier::City:
      return "市级挂牌督办";
    case Tier::Province:
      return "省级挂牌督办";
  }
  return "";
}

}  // namespace

Result<SweepReport> HazardService::sweepOne(store::Tx& tx, const Settings& s, Hazard& h,
                                            std::vector<Hazard>& changed) {
  SweepReport report;
  const auto now = ctx_.clock.now();
  const Principal system = Principal::system();
  const auto& esc = s.policy.escalation;
  const bool fixing = h.state == State::Assigned || h.state == State::Rectifying;
  std::optional<int> overdue_days;
  auto step = [&](const Hazard& before, const char* action, const std::string& note,
                  const std::string& message, bool superiors) -> Result<void> {
    if (auto r = tx.hazards().update(h); !r) return r;
    if (auto r = recordStep(tx, system, before, h, action, note, {}); !r) return r;
    if (!superiors) {
      if (!h.responsible_org_id) return ok();
      Notification n{.org_id = *h.responsible_org_id,
                     .hazard_id = h.id,
                     .kind = action,
                     .message = message,
                     .at = now};
      auto added = tx.hazards().addNotification(n);
      return added ? ok() : tl::unexpected(added.error());
    }
    return notifyUnits(tx, h, action, message);
  };
  if (fixing && h.deadline_at) {
    if (now > *h.deadline_at) {
      overdue_days = static_cast<int>((localDay(now) - localDay(*h.deadline_at)).count());
      if (!h.overdue_at) {
        const Hazard before = h;
        h.overdue_at = now;
        const std::string note = "逾期 " + std::to_string(*overdue_days) + " 天";
        if (auto r = step(before, "overdue", note, h.code + " " + h.title + " " + note, true); !r)
          return tl::unexpected(r.error());
        ++report.overdue;
      }
    } else if (*h.deadline_at - now <= std::chrono::days(esc.due_soon_days) && !h.due_soon_at) {
      const Hazard before = h;
      h.due_soon_at = now;
      const std::string note = "整改期限 " + formatDay(localDay(*h.deadline_at));
      if (auto r = step(before, "due_soon", note, h.code + " " + h.title + " " + note, false); !r)
        return tl::unexpected(r.error());
      ++report.due_soon;
    }
  }
  const bool assigned =
      h.state == State::Assigned || h.state == State::Rectifying || h.state == State::Submitted;
  const auto tier = tierFor(esc, h.grade, assigned, overdue_days);
  const bool listed = h.supervision && !h.supervision->delisted_at;
  if (tier && (!listed || *tier > h.supervision->tier)) {
    const Hazard before = h;
    const std::string reason = overdue_days ? "逾期 " + std::to_string(*overdue_days) + " 天"
                                            : std::string("重大事故隐患");
    h.supervision = Supervision{.tier = *tier, .listed_at = now, .reason = reason};
    const std::string note = std::string(tierLabel(*tier)) + "：" + reason;
    if (auto r = step(before, "escalate", note, h.code + " " + h.title + " " + note, true); !r)
      return tl::unexpected(r.error());
    ++report.escalated;
  }
  if (report.overdue + report.due_soon + report.escalated > 0) changed.push_back(h);
  return report;
}

Result<SweepReport> HazardService::sweep(const std::string& node) {
  std::vector<Hazard> changed;
  auto report =
      store::writeReturning<SweepReport>(ctx_.store, [&](store::Tx& tx) -> Result<SweepReport> {
        const auto now = ctx_.clock.now();
        auto mine = tx.leases().acquire("hazard_sweep", node, now, now + std::chrono::seconds(50));
        if (!mine) return tl::unexpected(mine.error());
        if (!*mine) return SweepReport{};
        auto s = settings(tx);
        if (!s) return tl::unexpected(s.error());
        const auto horizon =
            ctx_.clock.now() + std::chrono::days(s->policy.escalation.due_soon_days);
        auto candidates = tx.hazards().sweepCandidates(horizon);
        if (!candidates) return tl::unexpected(candidates.error());
        SweepReport total;
        for (auto& h : *candidates) {
          auto one = sweepOne(tx, *s, h, changed);
          // Someone changed it since we read it: the next sweep sees the new state.
          if (!one && one.error().code == Errc::Conflict) continue;
          if (!one) return tl::unexpected(one.error());
          total.due_soon += one->due_soon;
          total.overdue += one->overdue;
          total.escalated += one->escalated;
        }
        return total;
      });
  if (report) {
    for (const auto& h : changed) announce(h, "supervision");
  }
  return report;
}

Result<std::vector<Notification>> HazardService::notifications(const Principal& who,
                                                               bool unread_only) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  return store::readReturning<std::vector<Notification>>(ctx_.store, [&](store::Tx& tx) {
    return tx.hazards().notifications(who.org_id, unread_only, 200);
  });
}

Result<void> HazardService::markRead(const Principal& who, std::int64_t id) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return r;
  return ctx_.store.write([&](store::Tx& tx) -> Result<void> {
    auto found = tx.hazards().markNotificationRead(id, who.org_id, ctx_.clock.now());
    if (!found) return tl::unexpected(found.error());
    if (!*found) return fail(Errc::NotFound, "id", "no such notification");
    return ok();
  });
}

Result<Extension> HazardService::requestExtension(const Principal& who, std::int64_t id,
                                                  const std::string& reason, Day deadline) {
  if (auto r = identity::require(who, Permission::HazardRectify); !r) {
    return tl::unexpected(r.error());
  }
  Hazard updated;
  auto done = store::writeReturning<Extension>(ctx_.store, [&](store::Tx& tx) -> Result<Extension> {
    auto h = loadVisible(tx, who, id);
    if (!h) return tl::unexpected(h.error());
    if (!detail::inResponsibleUnit(who, *h)) {
      return fail(Errc::Forbidden, "id", "only the unit assigned to fix this hazard may ask");
    }
    if ((h->state != State::Assigned && h->state != State::Rectifying) || !h->deadline_at) {
      return fail(Errc::IllegalTransition, "id",
                  std::string("no extension for a hazard that is ") + toString(h->state));
    }
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      return invalid("reason", "say why the deadline cannot be met");
    }
    const auto now = ctx_.clock.now();
    if (now > *h->deadline_at) {
      return invalid("deadline", "the deadline has passed; ask for an extension before it");
    }
    if (endOfLocalDay(deadline) <= *h->deadline_at) {
      return invalid("deadline", "must be later than the current deadline " +
                                     formatDay(localDay(*h->deadline_at)));
    }
    auto existing = tx.hazards().extensions(id, identity::scopeOf(who));
    if (!existing) return tl::unexpected(existing.error());
    for (auto& e : *existing) {
      if (e.state != ExtensionState::Pending) continue;
      if (e.previous_deadline == *h->deadline_at) {
        return fail(Errc::Conflict, "id", "an extension request is already waiting for a decision");
      }
      // Asked against a deadline that has since changed (reassigned, reopened): it lapses.
      e.state = ExtensionState::Refused;
      e.decided_at = now;
      e.decision_note = "已失效：整改期限已变更";
      if (auto r = tx.hazards().updateExtension(e); !r) return tl::unexpected(r.error());
    }
    Extension e;
    e.hazard_id = id;
    e.hazard_org_path = h->org_path;
    e.hazard_sector = h->sector;
    e.requested_by = who.user_id;
    e.requested_by_name = detail::displayName(who);
    e.requested_at = now;
    e.reason = reason;
    e.previous_deadline = *h->deadline_at;
    e.requested_deadline = endOfLocalDay(deadline);
    auto eid = tx.hazards().addExtension(e);
    if (!eid) return tl::unexpected(eid.error());
    e.id = *eid;
    if (auto r = recordStep(tx, who, *h, *h, "extension_requested",
                            reason + "（申请延期至 " + formatDay(deadline) + "）", {});
        !r) {
      return tl::unexpected(r.error());
    }
    if (h->assigned_by_org_id) {
      Notification n{.org_id = *h->assigned_by_org_id,
                     .hazard_id = id,
                     .kind = "extension_requested",
                     .message = h->code + " " + h->title,
                     .at = now};
      if (auto r = tx.hazards().addNotification(n); !r) return tl::unexpected(r.error());
    }
    updated = *h;
    return e;
  });
  if (done) announce(updated, "extension_requested");
  return done;
}

Result<Extension> HazardService::decideExtension(const Principal& who, std::int64_t extension_id,
                                                 bool grant, const std::string& note) {
  if (auto r = identity::require(who, Permission::HazardManage); !r) {
    return tl::unexpected(r.error());
  }
  Hazard updated;
  auto done = store::writeReturning<Extension>(ctx_.store, [&](store::Tx& tx) -> Result<Extension> {
    auto e = tx.hazards().extension(extension_id);
    if (!e) return fail(Errc::NotFound, "id", "no such extension request");
    auto h = loadVisible(tx, who, e->hazard_id);
    if (!h) return fail(Errc::NotFound, "id", "no such extension request");
    if (!who.isSystem() && detail::inResponsibleUnit(who, *h)) {
      return fail(Errc::Forbidden, "id", "the unit that asked may not decide its own request");
    }
    if (e->state != ExtensionState::Pending) {
      return fail(Errc::Conflict, "id",
                  std::string("the request was already ") + toString(e->state));
    }
    if ((h->state != State::Assigned && h->state != State::Rectifying) || !h->deadline_at ||
        *h->deadline_at != e->previous_deadline) {
      return fail(Errc::Conflict, "id",
                  std::string("the hazard has moved on since the request (now ") +
                      toString(h->state) + "); it can no longer be decided");
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
    if (auto r = tx.hazards().updateExtension(*e); !r) return tl::unexpected(r.error());
    if (grant) {
      h->deadline_at = e->requested_deadline;
      h->due_soon_at.reset();
      h->overdue_at.reset();
      h->updated_at = now;
      if (auto r = tx.hazards().update(*h); !r) return tl::unexpected(r.error());
    }
    const std::string text =
        (grant ? "同意延期至 " + formatDay(localDay(e->requested_deadline)) : "不同意延期") +
        (note.empty() ? "" : "：" + note);
    if (auto r = recordStep(tx, who, before, *h, grant ? "extension_granted" : "extension_refused",
                            text, {});
        !r) {
      return tl::unexpected(r.error());
    }
    if (h->responsible_org_id) {
      Notification n{.org_id = *h->responsible_org_id,
                     .hazard_id = h->id,
                     .kind = grant ? "extension_granted" : "extension_refused",
                     .message = h->code + " " + text,
                     .at = now};
      if (auto r = tx.hazards().addNotification(n); !r) return tl::unexpected(r.error());
    }
    updated = *h;
    return e;
  });
  if (done) announce(updated, done->state == ExtensionState::Granted ? "extended" : "updated");
  return done;
}

Result<std::vector<Extension>> HazardService::extensions(const Principal& who, std::int64_t id) {
  if (auto r = identity::require(who, Permission::HazardRead); !r) return tl::unexpected(r.error());
  return store::readReturning<std::vector<Extension>>(
      ctx_.store, [&](store::Tx& tx) -> Result<std::vector<Extension>> {
        if (id != 0) {
          if (auto h = loadVisible(tx, who, id); !h) return tl::unexpected(h.error());
        }
        return tx.hazards().extensions(id, identity::scopeOf(who));
      });
}

}  // namespace citysafe::hazard
