#pragma once
// What a reader sees of a hazard beside its stored fields: how late it is, whether it is due
// soon, a major hazard's milestones, whether a tipster's contact may be shown, the names of its
// units and what the reader may do now. The core decides all of these; the adapters write them.
#include <optional>
#include <string>
#include <vector>

#include "citysafe/core/hazard/hazard.hpp"
#include "citysafe/core/hazard/hazard_policy.hpp"
#include "citysafe/core/hazard/state_machine.hpp"
#include "citysafe/core/identity/principal.hpp"

namespace citysafe::hazard {

// A step of a major hazard's handling and the day it is due.
struct MilestoneDue {
  std::string name;
  int working_days = 0;
  Day due;
};

struct HazardView {
  Hazard hazard;
  std::optional<std::string> org_name;  // empty when the organisation is gone
  std::optional<std::string> responsible_org_name;
  bool overdue = false;
  int overdue_days = 0;
  bool due_soon = false;                 // marked by the scheduler, still open, not yet late
  std::vector<MilestoneDue> milestones;  // a detail of a major assigned hazard only
  bool show_contact = false;             // a detail, for the managers of the receiving unit
  std::vector<Action> allowed;
};

// What the principal may do to the hazard now: the state machine's edges, narrowed by role,
// scope, the responsible unit and the rule that nobody verifies their own fix.
std::vector<Action> permittedActions(const identity::Principal& who, const Hazard& hazard);

// A tipster's contact is for whoever manages hazards in the unit the hazard lies in or above it.
bool maySeeTipContact(const identity::Principal& who, const Hazard& hazard);

// A major hazard's milestones, counted in working days from its assignment; none otherwise.
std::vector<MilestoneDue> milestonesOf(const Hazard& hazard, const HazardSettings& settings);

// A list item: the figures and the reader's actions (no milestones, no contact).
HazardView itemView(const identity::Principal& who, const Hazard& hazard, TimePoint now);
// The full record: with `settings` (needed only when needsSettings()) the milestones too, and
// the contact when the reader may see it.
HazardView detailView(const identity::Principal& who, const Hazard& hazard, TimePoint now,
                      const HazardSettings* settings);
bool needsSettings(const Hazard& hazard);

}  // namespace citysafe::hazard
