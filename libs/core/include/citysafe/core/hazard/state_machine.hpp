#pragma once
// The rectification loop as an explicit table: which action moves a hazard from which state to
// which. Everything else (who may act, what each action needs) is the service's business.
#include <optional>
#include <span>
#include <string_view>

#include "citysafe/common/result.hpp"
#include "citysafe/core/hazard/hazard.hpp"

namespace citysafe::hazard {

enum class Action : std::uint8_t {
  Accept,    // reported → accepted
  Reject,    // reported → rejected (not a hazard), with a reason
  Assign,    // accepted → assigned to a unit with a deadline
  Start,     // assigned → rectifying
  Progress,  // rectifying → rectifying: a note or partial evidence (starts the work if need be)
  Submit,    // rectifying (or assigned, fixed at once) → submitted, with evidence
  Verify,    // submitted → closed (销号)
  Return,    // submitted → rectifying: rework, with a reason
  Reopen,    // closed → assigned, or rejected → reported, with a reason
};

inline constexpr EnumNames<Action, 9> kActionNames{
    {"accept", "reject", "assign", "start", "progress", "submit", "verify", "return", "reopen"}};
constexpr const auto& enumNames(Action /*tag*/) { return kActionNames; }
std::span<const Action> allActions();

// The state `action` leads to from `from`, or IllegalTransition naming both.
[[nodiscard]] Result<State> nextState(State from, Action action);
bool allowed(State from, Action action);

}  // namespace citysafe::hazard
