// The scheduler's rules without a store: which hazards a tick looks at and what it does to one.
#include <gtest/gtest.h>

#include "citysafe/core/hazard/scheduler.hpp"

namespace citysafe::hazard {
namespace {

const TimePoint kNow = endOfLocalDay(*parseDay("2026-11-20")) - std::chrono::hours(12);

Hazard being(State state, Grade grade, std::optional<TimePoint> deadline) {
  Hazard h;
  h.state = state;
  h.grade = grade;
  h.deadline_at = deadline;
  return h;
}

TEST(HazardScheduler, MarksDueSoonWithinTheDueSoonDaysOnce) {
  const EscalationPolicy p;  // three days
  auto h = being(State::Assigned, Grade::General, kNow + std::chrono::days(3));
  auto step = sweepStepFor(h, p, kNow);
  EXPECT_TRUE(step.mark_due_soon);
  EXPECT_FALSE(step.escalate_to);
  h.due_soon_at = kNow;
  EXPECT_FALSE(sweepStepFor(h, p, kNow).any()) << "marked already";
  h = being(State::Assigned, Grade::General, kNow + std::chrono::days(4));
  EXPECT_FALSE(sweepStepFor(h, p, kNow).any());
}

TEST(HazardScheduler, AnOverdueGeneralHazardClimbsDistrictCityProvince) {
  const EscalationPolicy p;  // city after 30 days late, province after 90
  for (auto [days, tier] :
       {std::pair{1, Tier::District}, std::pair{30, Tier::City}, std::pair{90, Tier::Province}}) {
    auto h = being(State::Rectifying, Grade::General, kNow - std::chrono::days(days));
    const auto step = sweepStepFor(h, p, kNow);
    EXPECT_TRUE(step.mark_overdue);
    EXPECT_EQ(step.overdue_days, days);
    EXPECT_EQ(step.escalate_to, tier) << days << " days late";
    h.overdue_at = kNow;
    h.supervision = Supervision{.tier = tier, .listed_at = kNow};
    EXPECT_FALSE(sweepStepFor(h, p, kNow).any()) << "listed at that tier already";
  }
}

TEST(HazardScheduler, AMajorHazardIsListedOnAssignmentAndRelistedAfterDelisting) {
  const EscalationPolicy p;
  auto h = being(State::Submitted, Grade::Major, kNow + std::chrono::days(100));
  EXPECT_EQ(sweepStepFor(h, p, kNow).escalate_to, Tier::District);
  h.supervision = Supervision{.tier = Tier::District, .listed_at = kNow};
  EXPECT_FALSE(sweepStepFor(h, p, kNow).any());
  h.supervision->delisted_at = kNow;
  EXPECT_EQ(sweepStepFor(h, p, kNow).escalate_to, Tier::District);
  h.state = State::Accepted;
  h.supervision.reset();
  EXPECT_FALSE(sweepStepFor(h, p, kNow).any()) << "not assigned yet";
}

// Whatever a tick would change is among the candidates it reads.
TEST(HazardScheduler, EveryHazardATickWouldChangeIsACandidate) {
  const EscalationPolicy p;
  const auto horizon = kNow + std::chrono::days(p.due_soon_days);
  int candidates = 0;
  for (int s = 0; s < kStateCount; ++s) {
    for (auto grade : {Grade::General, Grade::Major}) {
      for (int offset : {-100, -31, -1, 0, 1, 3, 4, 200}) {
        for (bool listed : {false, true}) {
          auto h = being(static_cast<State>(s), grade, kNow + std::chrono::days(offset));
          if (listed) h.supervision = Supervision{.tier = Tier::District, .listed_at = kNow};
          const bool candidate = isSweepCandidate(h, horizon);
          candidates += candidate ? 1 : 0;
          if (sweepStepFor(h, p, kNow).any()) {
            EXPECT_TRUE(candidate) << nameOf(h.state) << " " << offset;
          }
        }
      }
    }
  }
  EXPECT_GT(candidates, 0);
}

}  // namespace
}  // namespace citysafe::hazard
