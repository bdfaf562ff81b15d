#include "citysafe/core/hazard/hazard_view.hpp"

#include <algorithm>

#include "hazard_internal.hpp"

namespace citysafe::hazard {

using identity::Permission;
using identity::Principal;

std::vector<Action> permittedActions(const Principal& who, const Hazard& h) {
  std::vector<Action> out;
  if (!detail::reachesHazard(who, h)) return out;
  const bool rectified_it = std::any_of(h.rectifiers.begin(), h.rectifiers.end(),
                                        [&](UserId u) { return u.value == who.user_id.value; });
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
        if (!who.can(Permission::HazardRectify) || !detail::inResponsibleUnit(who, h)) continue;
        break;
      case Action::Verify:
      case Action::Return:
        if (!who.can(Permission::HazardVerify) || rectified_it ||
            (!who.isSystem() && detail::inResponsibleUnit(who, h))) {
          continue;
        }
        break;
    }
    out.push_back(a);
  }
  return out;
}

bool maySeeTipContact(const Principal& who, const Hazard& h) {
  return who.can(Permission::HazardManage) && h.org_path.starts_with(who.org_path);
}

bool needsSettings(const Hazard& h) { return h.grade == Grade::Major && h.assigned_at; }

std::vector<MilestoneDue> milestonesOf(const Hazard& h, const HazardSettings& s) {
  std::vector<MilestoneDue> out;
  if (!needsSettings(h)) return out;
  for (const auto& m : s.policy.major_milestones) {
    out.push_back({m.name, m.working_days,
                   s.calendar.addWorkingDays(localDay(*h.assigned_at), m.working_days)});
  }
  return out;
}

HazardView itemView(const Principal& who, const Hazard& h, TimePoint now) {
  HazardView v;
  v.hazard = h;
  const auto late = overdueDays(h, now);
  v.overdue = late.has_value();
  v.overdue_days = late.value_or(0);
  v.due_soon = h.due_soon_at.has_value() && isOpen(h.state) && !v.overdue;
  v.allowed = permittedActions(who, h);
  return v;
}

HazardView detailView(const Principal& who, const Hazard& h, TimePoint now,
                      const HazardSettings* settings) {
  HazardView v = itemView(who, h, now);
  if (settings) v.milestones = milestonesOf(h, *settings);
  v.show_contact = maySeeTipContact(who, h) && !h.tip_contact.empty();
  return v;
}

}  // namespace citysafe::hazard
