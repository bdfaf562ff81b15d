#include "citysafe/core/hazard/state_machine.hpp"

#include <gtest/gtest.h>

namespace citysafe::hazard {
namespace {

TEST(HazardStateMachine, WalksTheWholeLoopFromReportToClosure) {
  State s = State::Reported;
  for (Action a : {Action::Accept, Action::Assign, Action::Start, Action::Progress, Action::Submit,
                   Action::Return, Action::Submit, Action::Verify}) {
    auto next = nextState(s, a);
    ASSERT_TRUE(next) << nameOf(a) << " from " << nameOf(s);
    s = *next;
  }
  EXPECT_EQ(s, State::Closed);
}

TEST(HazardStateMachine, ReopensAClosedHazardToAssignedAndARejectedOneToReported) {
  EXPECT_EQ(*nextState(State::Closed, Action::Reopen), State::Assigned);
  EXPECT_EQ(*nextState(State::Rejected, Action::Reopen), State::Reported);
}

TEST(HazardStateMachine, AFixMadeAtOnceMaySkipStarting) {
  EXPECT_EQ(*nextState(State::Assigned, Action::Submit), State::Submitted);
}

TEST(HazardStateMachine, RefusesEveryTransitionNotInTheTableNamingBoth) {
  auto r = nextState(State::Reported, Action::Verify);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::IllegalTransition);
  EXPECT_EQ(r.error().field, "action");
  EXPECT_NE(r.error().message.find("verify"), std::string::npos);
  EXPECT_NE(r.error().message.find("reported"), std::string::npos);
  int legal = 0;
  for (int s = 0; s < kStateCount; ++s) {
    for (Action a : allActions()) legal += allowed(static_cast<State>(s), a) ? 1 : 0;
  }
  EXPECT_EQ(legal, 12);
  EXPECT_FALSE(nextState(State::Closed, Action::Submit));
  EXPECT_FALSE(nextState(State::Submitted, Action::Progress));
  EXPECT_FALSE(nextState(State::Rejected, Action::Accept));
}

TEST(HazardStateMachine, NamesRoundTrip) {
  for (Action a : allActions()) EXPECT_EQ(parseEnum<Action>(nameOf(a)), a);
  for (int s = 0; s < kStateCount; ++s) {
    EXPECT_EQ(parseEnum<State>(nameOf(static_cast<State>(s))), static_cast<State>(s));
  }
  for (int s = 0; s < kSourceCount; ++s) {
    EXPECT_EQ(parseEnum<Source>(nameOf(static_cast<Source>(s))), static_cast<Source>(s));
  }
  EXPECT_FALSE(parseEnum<Action>("close"));
}

}  // namespace
}  // namespace citysafe::hazard
