#include "citysafe/core/hazard/hazard.hpp"

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/time_format.hpp"
#include "citysafe/core/hazard/work_calendar.hpp"

namespace citysafe::hazard {

bool isOpen(State s) {
  return s == State::Accepted || s == State::Assigned || s == State::Rectifying ||
         s == State::Submitted;
}

bool isBeingFixed(State s) { return s == State::Assigned || s == State::Rectifying; }

bool isOverdue(const Hazard& h, TimePoint now) {
  return isBeingFixed(h.state) && h.deadline_at && now > *h.deadline_at;
}

std::optional<int> overdueDays(const Hazard& h, TimePoint now) {
  if (!isOverdue(h, now)) return std::nullopt;
  return static_cast<int>((localDay(now) - localDay(*h.deadline_at)).count());
}

std::string toAuditJson(const Hazard& h) {
  JsonObject o;
  o.add("code", h.code)
      .add("title", h.title)
      .add("source", nameOf(h.source))
      .add("grade", nameOf(h.grade))
      .add("state", nameOf(h.state))
      .add("sector", h.sector)
      .add("org_id", h.org_id.value);
  if (h.responsible_org_id) {
    o.add("responsible_org_id", h.responsible_org_id->value);
  } else {
    o.addNull("responsible_org_id");
  }
  if (h.deadline_at) {
    o.add("deadline", formatIso8601(*h.deadline_at));
  } else {
    o.addNull("deadline");
  }
  if (h.supervision) {
    o.add("supervision", nameOf(h.supervision->tier));
  } else {
    o.addNull("supervision");
  }
  o.add("reopen_count", static_cast<std::int64_t>(h.reopen_count));
  return o.str();
}

}  // namespace citysafe::hazard
