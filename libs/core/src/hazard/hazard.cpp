#include "citysafe/core/hazard/hazard.hpp"

#include <array>

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/time_format.hpp"

namespace citysafe::hazard {
namespace {

constexpr std::array<std::string_view, kSourceCount> kSources = {
    "self_inspection", "grid_inspection", "department_inspection", "enforcement_check",
    "expert_check",    "public_tip",      "undercover_exposure",   "online_monitoring"};
constexpr std::array<std::string_view, 2> kGrades = {"general", "major"};
constexpr std::array<std::string_view, kStateCount> kStates = {
    "reported", "rejected", "accepted", "assigned", "rectifying", "submitted", "closed"};
constexpr std::array<std::string_view, 3> kTiers = {"district", "city", "province"};
constexpr std::array<std::string_view, 3> kExtensionStates = {"pending", "granted", "refused"};
constexpr std::array<std::string_view, 4> kMediaStages = {"report", "progress", "evidence",
                                                          "verification"};

template <class E, std::size_t N>
std::optional<E> parseName(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <std::size_t N, class E>
const char* nameOf(const std::array<std::string_view, N>& names, E value) {
  return names[static_cast<std::size_t>(value)].data();
}

}  // namespace

const char* toString(Source s) { return nameOf(kSources, s); }
const char* toString(Grade g) { return nameOf(kGrades, g); }
const char* toString(State s) { return nameOf(kStates, s); }
const char* toString(Tier t) { return nameOf(kTiers, t); }
const char* toString(ExtensionState s) { return nameOf(kExtensionStates, s); }
const char* toString(MediaStage s) { return nameOf(kMediaStages, s); }
std::optional<Source> parseSource(std::string_view t) { return parseName<Source>(kSources, t); }
std::optional<Grade> parseGrade(std::string_view t) { return parseName<Grade>(kGrades, t); }
std::optional<State> parseState(std::string_view t) { return parseName<State>(kStates, t); }
std::optional<Tier> parseTier(std::string_view t) { return parseName<Tier>(kTiers, t); }
std::optional<MediaStage> parseMediaStage(std::string_view t) {
  return parseName<MediaStage>(kMediaStages, t);
}

bool isOpen(State s) {
  return s == State::Accepted || s == State::Assigned || s == State::Rectifying ||
         s == State::Submitted;
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
