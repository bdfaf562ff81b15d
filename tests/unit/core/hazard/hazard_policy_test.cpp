#include "citysafe/core/hazard/hazard_policy.hpp"

#include <gtest/gtest.h>

#include "citysafe/common/time_format.hpp"

namespace citysafe::hazard {
namespace {

TEST(HazardPolicy, TheMostSpecificRuleWins) {
  const auto p = HazardPolicy::defaults();
  EXPECT_EQ(p.ruleFor(Source::UndercoverExposure, Grade::General).default_days, 60);
  EXPECT_EQ(p.ruleFor(Source::UndercoverExposure, Grade::Major).max_days, 60);
  EXPECT_EQ(p.ruleFor(Source::GridInspection, Grade::Major).max_days, 365);
  EXPECT_EQ(p.ruleFor(Source::ExpertCheck, Grade::General).default_days, 30);
  const auto& general = p.ruleFor(Source::PublicTip, Grade::General);
  EXPECT_EQ(general.count, DayCount::Working);
  EXPECT_EQ(general.default_days, 10);
  EXPECT_TRUE(p.validate());
}

TEST(HazardPolicy, ValidationNamesTheBrokenField) {
  auto p = HazardPolicy::defaults();
  p.rules[0].max_days = 1;
  auto r = p.validate();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "rules[0].max_days");
  p = HazardPolicy::defaults();
  p.rules.pop_back();  // the catch-all
  EXPECT_EQ(p.validate().error().field, "rules");
  p = HazardPolicy::defaults();
  p.rules.push_back(p.rules[0]);
  EXPECT_NE(p.validate().error().message.find("repeats"), std::string::npos);
  p = HazardPolicy::defaults();
  p.escalation.general_province_after_days = 10;
  EXPECT_EQ(p.validate().error().field, "escalation.general_province_after_days");
}

TEST(HazardPolicy, TenWorkingDaysFromTheEveOfNationalDayEndOnTheMakeUpSaturday) {
  const auto china = WorkCalendar::china();
  // Assigned on Wednesday 2026-09-23: 24, 28, 29, 30 September (the 25th is Mid-Autumn), then
  // 8, 9, 10 (make-up Saturday), 12, 13, 14 October.
  const auto from = *parseIso8601("2026-09-23T10:00:00+08:00");
  const auto deadline = deadlineAfter(china, from, 10, DayCount::Working);
  EXPECT_EQ(formatIso8601(deadline), "2026-10-14T23:59:59.999+08:00");
  EXPECT_EQ(daysGiven(china, from, deadline, DayCount::Working), 10);
  EXPECT_EQ(daysGiven(china, from, deadline, DayCount::Calendar), 21);
  EXPECT_EQ(formatIso8601(deadlineAfter(china, from, 30, DayCount::Calendar)),
            "2026-10-23T23:59:59.999+08:00");
}

TEST(HazardPolicy, GeneralHazardsClimbTheTiersAsTheyStayLate) {
  const EscalationPolicy e;
  EXPECT_FALSE(tierFor(e, Grade::General, true, std::nullopt));
  EXPECT_EQ(tierFor(e, Grade::General, true, 1), Tier::District);
  EXPECT_EQ(tierFor(e, Grade::General, true, 29), Tier::District);
  EXPECT_EQ(tierFor(e, Grade::General, true, 30), Tier::City);
  EXPECT_EQ(tierFor(e, Grade::General, true, 90), Tier::Province);
}

TEST(HazardPolicy, MajorHazardsAreListedOnceAssignedAndClimbFaster) {
  const EscalationPolicy e;
  EXPECT_FALSE(tierFor(e, Grade::Major, false, std::nullopt));
  EXPECT_EQ(tierFor(e, Grade::Major, true, std::nullopt), Tier::District);
  EXPECT_EQ(tierFor(e, Grade::Major, true, 1), Tier::City);
  EXPECT_EQ(tierFor(e, Grade::Major, true, 30), Tier::Province);
}

}  // namespace
}  // namespace citysafe::hazard
