#pragma once
// The hazard policy as JSON, the one form the API answers with and the store keeps (since
// migration 13). Header-only: each adapter that speaks JSON includes it; the core does not.
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "citysafe/core/hazard/hazard_policy.hpp"

namespace citysafe::hazard {

namespace json_detail {
template <NamedEnum E>
nlohmann::json name(const std::optional<E>& value) {
  return value ? nlohmann::json(nameOf(*value)) : nlohmann::json(nullptr);
}
// A name, or null for "any"; an unknown name throws, as nlohmann's readers do.
template <NamedEnum E>
std::optional<E> named(const nlohmann::json& value) {
  if (value.is_null()) return std::nullopt;
  if (auto parsed = parseEnum<E>(value.get<std::string>())) return parsed;
  throw std::invalid_argument("unknown name '" + value.get<std::string>() + "'");
}
}  // namespace json_detail

inline void to_json(nlohmann::json& out, const DeadlineRule& r) {
  out = {{"source", json_detail::name(r.source)}, {"grade", json_detail::name(r.grade)},
         {"default_days", r.default_days},        {"max_days", r.max_days},
         {"day_count", nameOf(r.count)},          {"basis", r.basis}};
}

inline void from_json(const nlohmann::json& in, DeadlineRule& r) {
  r.source = json_detail::named<Source>(in.at("source"));
  r.grade = json_detail::named<Grade>(in.at("grade"));
  in.at("default_days").get_to(r.default_days);
  in.at("max_days").get_to(r.max_days);
  r.count = json_detail::named<DayCount>(in.at("day_count")).value();
  in.at("basis").get_to(r.basis);
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Milestone, name, working_days)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(EscalationPolicy, due_soon_days, general_city_after_days,
                                   general_province_after_days, major_city_after_days,
                                   major_province_after_days)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(HazardPolicy, rules, major_milestones, escalation)

}  // namespace citysafe::hazard
