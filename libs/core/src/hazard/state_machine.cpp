#include "citysafe/core/hazard/state_machine.hpp"

#include <array>
#include <string>

namespace citysafe::hazard {
namespace {

constexpr std::array<Action, kActionNames.names.size()> kActionList = [] {
  std::array<Action, kActionNames.names.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<Action>(i);
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
              std::string("cannot ") + nameOf(action) + " a hazard that is " + nameOf(from));
}

}  // namespace citysafe::hazard
