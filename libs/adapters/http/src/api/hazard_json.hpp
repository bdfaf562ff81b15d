#pragma once
// Hidden hazards on the wire: JSON forms and the query/body readers the hazard routes share.
#include <map>

#include "citysafe/core/hazard/hazard_service.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::http {

// Organisation names for the ids a response mentions, read once per response.
using OrgNames = std::map<std::int64_t, std::string>;
OrgNames orgNames(store::Store& store, const std::vector<hazard::Hazard>& hazards);

struct HazardExtras {
  std::vector<hazard::Action> allowed;
  const hazard::WorkCalendar* calendar = nullptr;  // for milestones; none in lists
  const hazard::HazardPolicy* policy = nullptr;
  bool show_contact = false;  // a tipster's contact: for the managers of the receiving unit
};

Json hazardJson(const hazard::Hazard& h, const OrgNames& names, TimePoint now,
                const HazardExtras& extras);
// A page of hazards with their names and the caller's allowed actions.
Json hazardItems(Services& services, const identity::Principal& who,
                 const std::vector<hazard::Hazard>& hazards);
Json timelineJson(const hazard::TimelineEntry& e);
Json mediaJson(const hazard::Media& m);
Json extensionJson(const hazard::Extension& e);
Json figuresJson(const hazard::Figures& f);
Json calendarJson(const hazard::WorkCalendar& calendar, int year);
Json policyJson(const hazard::HazardPolicy& policy);

[[nodiscard]] Result<store::HazardFilter> hazardFilterFrom(const HttpRequest& request,
                                                           TimePoint now);
[[nodiscard]] Result<hazard::ActionRequest> actionFrom(const BodyReader& body);
[[nodiscard]] Result<hazard::StatsQuery> statsQueryFrom(const HttpRequest& request);
[[nodiscard]] Result<std::vector<hazard::CalendarException>> calendarFrom(const BodyReader& body,
                                                                          int year);
[[nodiscard]] Result<hazard::HazardPolicy> policyFrom(const BodyReader& body);
// "YYYY-MM-DD" query or body text; Invalid naming `field`.
[[nodiscard]] Result<hazard::Day> dayFrom(const std::string& text, const char* field);

}  // namespace citysafe::http
