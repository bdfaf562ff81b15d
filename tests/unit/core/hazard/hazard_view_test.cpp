// What a reader sees of a hazard, decided in the core: overdue days, due soon, milestones, the
// tipster's contact and the actions the reader may take.
#include "citysafe/core/hazard/hazard_view.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace citysafe::hazard {
namespace {

// 2026-11-20 12:00 Beijing time (a Friday).
const TimePoint kNow = endOfLocalDay(*parseDay("2026-11-20")) - std::chrono::hours(12);

identity::Principal person(identity::Role role, const std::string& org_path, std::int64_t id = 7) {
  identity::Principal p;
  p.user_id = UserId{id};
  p.username = "u" + std::to_string(id);
  p.org_path = org_path;
  p.roles = {role};
  return p;
}

Hazard assigned(Grade grade, TimePoint deadline) {
  Hazard h;
  h.state = State::Rectifying;
  h.grade = grade;
  h.sector = "gas";
  h.org_path = "/1/2/3/";
  h.responsible_org_path = "/1/2/3/";
  h.assigned_at = kNow - std::chrono::days(10);
  h.deadline_at = deadline;
  return h;
}

bool has(const std::vector<Action>& actions, Action a) {
  return std::find(actions.begin(), actions.end(), a) != actions.end();
}

TEST(HazardView, OverdueCountsWholeBeijingDaysPastTheDeadline) {
  const auto h = assigned(Grade::General, endOfLocalDay(*parseDay("2026-11-17")));
  const auto street = person(identity::Role::StreetOfficer, "/1/2/");
  const auto v = itemView(street, h, kNow);
  EXPECT_TRUE(v.overdue);
  EXPECT_EQ(v.overdue_days, 3);
  EXPECT_FALSE(v.due_soon) << "an overdue hazard is not also due soon";
}

TEST(HazardView, OnlyHazardsBeingFixedAreOverdue) {
  auto h = assigned(Grade::General, kNow - std::chrono::hours(1));
  for (int s = 0; s < kStateCount; ++s) {
    h.state = static_cast<State>(s);
    EXPECT_EQ(isOverdue(h, kNow), h.state == State::Assigned || h.state == State::Rectifying)
        << nameOf(h.state);
  }
  h.state = State::Assigned;
  EXPECT_FALSE(isOverdue(h, *h.deadline_at)) << "at the deadline itself it is still in time";
  h.deadline_at.reset();
  EXPECT_FALSE(overdueDays(h, kNow));
}

TEST(HazardView, DueSoonOnceTheSchedulerMarkedItAndWhileOpen) {
  auto h = assigned(Grade::General, kNow + std::chrono::days(2));
  const auto street = person(identity::Role::StreetOfficer, "/1/2/");
  EXPECT_FALSE(itemView(street, h, kNow).due_soon) << "not marked yet";
  h.due_soon_at = kNow;
  EXPECT_TRUE(itemView(street, h, kNow).due_soon);
  h.state = State::Closed;
  EXPECT_FALSE(itemView(street, h, kNow).due_soon);
}

TEST(HazardView, AMajorHazardsMilestonesCountWorkingDaysFromAssignment) {
  auto h = assigned(Grade::Major, kNow + std::chrono::days(100));
  h.assigned_at = startOfLocalDay(*parseDay("2026-09-28")) + std::chrono::hours(10);
  HazardSettings s{WorkCalendar::china(), HazardPolicy::defaults()};
  const auto street = person(identity::Role::StreetOfficer, "/1/2/");
  const auto v = detailView(street, h, kNow, &s);
  ASSERT_EQ(v.milestones.size(), 4U);
  EXPECT_EQ(v.milestones[0].name, "report_to_regulator");
  // 9-29 and 9-30 work, then the National Day holiday to 10-07; 10-08 is the third.
  EXPECT_EQ(formatDay(v.milestones[0].due), "2026-10-08");
  h.grade = Grade::General;
  EXPECT_TRUE(detailView(street, h, kNow, &s).milestones.empty());
  EXPECT_FALSE(needsSettings(h));
}

TEST(HazardView, ATipstersContactIsForTheManagersOfTheReceivingUnitInDetailOnly) {
  auto h = assigned(Grade::General, kNow + std::chrono::days(9));
  h.tip_contact = "13800000000";
  const auto street = person(identity::Role::StreetOfficer, "/1/2/");
  const auto other_street = person(identity::Role::StreetOfficer, "/1/9/");
  const auto enterprise = person(identity::Role::EnterpriseManager, "/1/2/3/");
  EXPECT_TRUE(detailView(street, h, kNow, nullptr).show_contact);
  EXPECT_FALSE(itemView(street, h, kNow).show_contact) << "lists never show it";
  EXPECT_FALSE(detailView(other_street, h, kNow, nullptr).show_contact);
  EXPECT_FALSE(detailView(enterprise, h, kNow, nullptr).show_contact) << "no right to manage";
  h.tip_contact.clear();
  EXPECT_FALSE(detailView(street, h, kNow, nullptr).show_contact) << "nothing to show";
}

TEST(HazardView, PermittedActionsFollowRoleUnitAndTheFourEyesRule) {
  auto h = assigned(Grade::General, kNow + std::chrono::days(9));
  const auto enterprise = person(identity::Role::EnterpriseManager, "/1/2/3/", 11);
  const auto inspector = person(identity::Role::Inspector, "/1/", 12);
  const auto outsider = person(identity::Role::Admin, "/1/8/", 13);
  EXPECT_TRUE(has(permittedActions(enterprise, h), Action::Submit));
  EXPECT_FALSE(has(permittedActions(inspector, h), Action::Submit)) << "not its unit";
  EXPECT_TRUE(permittedActions(outsider, h).empty()) << "out of scope: nothing at all";
  h.state = State::Submitted;
  EXPECT_TRUE(has(permittedActions(inspector, h), Action::Verify));
  EXPECT_FALSE(has(permittedActions(enterprise, h), Action::Verify)) << "its own fix";
  h.rectifiers = {UserId{12}};
  EXPECT_FALSE(has(permittedActions(inspector, h), Action::Verify)) << "worked on the fix";
}

}  // namespace
}  // namespace citysafe::hazard
