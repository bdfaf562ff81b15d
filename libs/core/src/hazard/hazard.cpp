#include "citysafe/core/hazard/hazard.hpp"

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/time_format.hpp"
#include "citysafe/core/hazard/work_calendar.hpp"

namespace citysafe::hazard {
const char* toString(Source s) { return nameOf(s); }
const char* toString(Grade g) { return nameOf(g); }
const char* toString(State s) { return nameOf(s); }
const char* toString(Tier t) { return nameOf(t); }
const char* toString(ExtensionState s) { return nameOf(s); }
const char* toString(MediaStage s) { return nameOf(s); }
std::optional<Source> parseSource(std::string_view t) { return parseEnum<Source>(t); }
std::optional<Grade> parseGrade(std::string_view t) { return parseEnum<Grade>(t); }
std::optional<State> parseState(std::string_view t) { return parseEnum<State>(t); }
std::optional<Tier> parseTier(std::string_view t) { return parseEnum<Tier>(t); }
std::optional<MediaStage> parseMediaStage(std::string_view t) { return parseEnum<MediaStage>(t); }

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
      .add("source", toString(h.source))
      .add("grade", toString(h.grade))
      .add("state", toString(h.state))
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
    o.add("supervision", toString(h.supervision->tier));
  } else {
    o.addNull("supervision");
  }
  o.add("reopen_count", static_cast<std::int64_t>(h.reopen_count));
  return o.str();
}

}  // namespace citysafe::hazard
