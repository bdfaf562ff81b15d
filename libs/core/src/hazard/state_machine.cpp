#include "citysafe/core/hazard/state_machine.hpp"

#include <array>
#include <string>

namespace citysafe::hazard {
namespace {

constexpr std::array<std::pair<Action, std::string_view>, 9> kActions = {{
    {Action::Accept, "accept"},
    {Action::Reject, "reject"},
    {Action::Assign, "assign"},
    {Action::Start, "start"},
    {Action::Progress, "progress"},
    {Action::Submit, "submit"},
    {Action::Verify, "verify"},
    {Action::Return, "return"},
    {Action::Reopen, "reopen"},
}};
constexpr std::array<Action, kActions.size()> kActionList = [] {
  std::array<Action, kActions.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = kActions[i].first;
  return out;
}();

struct Edge {
  State from;
  Action action;
  State to;
};

// The whole loop. Anything not listed is refused.
constexpr std::array<Edge, 12> kEdges = {{
    {State::Reported, Action::Accept, State::Accepted},
    {State::Reported, Action::Reject, State::Rejected},
    {State::Accepted, Action::Assign, State::Assigned},
    {State::Assigned, Action::Start, State::Rectifying},
    {State::Assigned, Action::Progress, State::Rectifying},
    {State::Rectifying, Action::Progress, State::Rectifying},
    {State::Assigned, Action::Submit, State::Submitted},
    {State::Rectifying, Action::Submit, State::Submitted},
    {State::Submitted, Action::Verify, State::Closed},
    {State::Submitted, Action::Return, State::Rectifying},
    {State::Closed, Action::Reopen, State::Assigned},
    {State::Rejected, Action::Reopen, State::Reported},
}};

}  // namespace

const char* toString(Action action) {
  return kActions[static_cast<std::size_t>(action)].second.data();
}

std::optional<Action> parseAction(std::string_view text) {
  for (const auto& [action, name] : kActions) {
    if (name == text) return action;
  }
  return std::nullopt;
}

std::span<const Action> allActions() { return kActionList; }

bool allowed(State from, Action action) {
  for (const auto& e : kEdges) {
    if (e.from == from && e.action == action) return true;
  }
  return false;
}

Result<State> nextState(State from, Action action) {
  for (const auto& e : kEdges) {
    if (e.from == from && e.action == action) return e.to;
  }
  return fail(Errc::IllegalTransition, "action",
              std::string("cannot ") + toString(action) + " a hazard that is " + toString(from));
}

}  // namespace citysafe::hazard
