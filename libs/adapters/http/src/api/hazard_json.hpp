#pragma once
// Hidden hazards on the wire: JSON forms and the query/body readers the hazard routes share.
#include "citysafe/core/hazard/hazard_service.hpp"
#include "citysafe/json/hazard_policy_json.hpp"
#include "json_io.hpp"
#include "routes.hpp"

// Each hazard record writes itself (Json(x), and lists of them); a hazard as the core's view of
// it, the writer adding nothing of its own. The policy's form is in hazard_policy_json.hpp.
namespace citysafe::hazard {
void to_json(nlohmann::json& out, const HazardView& v);
void to_json(nlohmann::json& out, const TimelineEntry& e);
void to_json(nlohmann::json& out, const Media& m);
void to_json(nlohmann::json& out, const Extension& e);
void to_json(nlohmann::json& out, const Notification& n);
void to_json(nlohmann::json& out, const Figures& f);
}  // namespace citysafe::hazard

namespace citysafe::http {

// A record that writes itself, and {"items": [...]} of a list of them, for respond().
inline constexpr auto kAsJson = [](const auto& value) { return Json(value); };
inline constexpr auto kItemsJson = [](const auto& list) { return Json{{"items", list}}; };

Json calendarJson(const hazard::WorkCalendar& calendar, int year);

[[nodiscard]] Result<store::HazardFilter> hazardFilterFrom(const HttpRequest& request,
                                                           TimePoint now);
[[nodiscard]] Result<hazard::ActionRequest> actionFrom(const BodyReader& body);
[[nodiscard]] Result<hazard::StatsQuery> statsQueryFrom(const HttpRequest& request);
[[nodiscard]] Result<std::vector<hazard::CalendarException>> calendarFrom(const BodyReader& body,
                                                                          int year);
[[nodiscard]] Result<hazard::HazardPolicy> policyFrom(const BodyReader& body);
// The body's "location": {lon, lat} picked on the map.
[[nodiscard]] Result<org::GeoPoint> locationFrom(const BodyReader& body);
// "YYYY-MM-DD" query or body text; Invalid naming `field`.
[[nodiscard]] Result<hazard::Day> dayFrom(const std::string& text, const char* field);

}  // namespace citysafe::http
