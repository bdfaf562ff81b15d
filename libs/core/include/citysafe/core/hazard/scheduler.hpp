#pragma once
// The scheduler's rules, as pure functions: which hazards it looks at, and what one tick does to
// each (due soon, overdue, listed for supervision at a tier).
#include <optional>
#include <vector>

#include "citysafe/core/hazard/hazard.hpp"
#include "citysafe/core/hazard/hazard_policy.hpp"
#include "citysafe/core/store/hazard_store.hpp"

namespace citysafe::hazard {

// Major hazards past assignment are listed for supervision: assigned, rectifying or submitted.
bool isPastAssignment(State state);
// Under supervision now: listed and not yet delisted.
bool isListed(const Hazard& hazard);

// What a tick must look at by `horizon` (now + the due-soon days): hazards being fixed whose
// deadline falls by then, and major hazards past assignment that are not listed now.
bool isSweepCandidate(const Hazard& hazard, TimePoint horizon);
// The same rule as store filters, pushed down: a hazard is a candidate when any filter takes it.
std::vector<store::HazardFilter> sweepFilters(TimePoint horizon);

// What one tick does to a hazard.
struct SweepStep {
  bool mark_overdue = false;        // late, and not yet marked
  bool mark_due_soon = false;       // within the due-soon days, and not yet marked
  std::optional<Tier> escalate_to;  // list it (again, or higher) for supervision
  std::optional<int> overdue_days;
  [[nodiscard]] bool any() const { return mark_overdue || mark_due_soon || escalate_to; }
};
SweepStep sweepStepFor(const Hazard& hazard, const EscalationPolicy& policy, TimePoint now);

}  // namespace citysafe::hazard
