#pragma once
// Hidden hazards on the wire: JSON forms and the query/body readers the hazard routes share.
#include "citysafe/core/hazard/hazard_service.hpp"
#include "json_io.hpp"
#include "routes.hpp"

namespace citysafe::http {

// A hazard as the core's view of it; the writer adds nothing of its own.
Json hazardJson(const hazard::HazardView& view);
Json hazardItems(const std::vector<hazard::HazardView>& views);
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
