// One step of the loop without a store: what each action needs and sets, and that a failed read
// stays a failure instead of becoming "not found".
#include <gtest/gtest.h>

#include "citysafe/core/hazard/hazard_service.hpp"

namespace citysafe::hazard {
namespace {

const TimePoint kNow = endOfLocalDay(*parseDay("2026-11-20")) - std::chrono::hours(12);

identity::Principal person(identity::Role role, const std::string& org_path, std::int64_t id) {
  identity::Principal p;
  p.user_id = UserId{id};
  p.username = "u" + std::to_string(id);
  p.org_id = OrgId{id};
  p.org_path = org_path;
  p.roles = {role};
  return p;
}

const auto kStreet = person(identity::Role::StreetOfficer, "/1/2/", 2);
const auto kEnterprise = person(identity::Role::EnterpriseManager, "/1/2/3/", 3);
const auto kInspector = person(identity::Role::Inspector, "/1/", 4);

Hazard hazardIn(State state) {
  Hazard h;
  h.id = HazardId{9};
  h.state = state;
  h.sector = "gas";
  h.org_id = OrgId{3};
  h.org_path = "/1/2/3/";
  return h;
}

Media photo(std::int64_t id, MediaStage stage, TimePoint at) {
  Media m;
  m.id = MediaId{id};
  m.stage = stage;
  m.uploaded_at = at;
  return m;
}

// Reads that answer from a few fixed facts, and count what was asked.
struct FakeStore {
  std::vector<org::Organisation> orgs;
  std::vector<Media> media;
  std::optional<Error> failure;  // every read fails with it
  int reads = 0;
  TransitionReads reads_() {
    return {.org = [this](OrgId id) -> Result<std::optional<org::Organisation>> {
              ++reads;
              if (failure) return tl::unexpected(*failure);
              for (const auto& o : orgs) {
                if (o.id.value == id.value) return std::optional<org::Organisation>(o);
              }
              return std::optional<org::Organisation>{};
            },
            .settings = [this]() -> Result<HazardSettings> {
              ++reads;
              return HazardSettings{WorkCalendar::china(), HazardPolicy::defaults()};
            },
            .media = [this]() -> Result<std::vector<Media>> {
              ++reads;
              if (failure) return tl::unexpected(*failure);
              return media;
            }};
  }
};

org::Organisation enterprise() {
  org::Organisation o;
  o.id = OrgId{3};
  o.name = "燃气公司";
  o.path = "/1/2/3/";
  return o;
}

TEST(HazardTransition, AssigningSetsTheUnitAndADeadlineFromThePolicy) {
  auto h = hazardIn(State::Accepted);
  FakeStore store{.orgs = {enterprise()}};
  ActionRequest req{.action = Action::Assign, .responsible_org_id = OrgId{3}};
  ASSERT_TRUE(transition(h, kStreet, req, kNow, store.reads_()));
  EXPECT_EQ(h.state, State::Assigned);
  EXPECT_EQ(h.responsible_org_path, "/1/2/3/");
  EXPECT_EQ(h.assigned_by_org_id->value, 2);
  // Ten working days from Friday 2026-11-20.
  EXPECT_EQ(formatDay(localDay(*h.deadline_at)), "2026-12-04");
  EXPECT_EQ(h.original_deadline_at, h.deadline_at);
}

TEST(HazardTransition, AFailedReadOfTheUnitIsAFailureNotAMissingUnit) {
  auto h = hazardIn(State::Accepted);
  FakeStore store{.orgs = {enterprise()}, .failure = Error{Errc::Unavailable, "", "down"}};
  ActionRequest req{.action = Action::Assign, .responsible_org_id = OrgId{3}};
  auto r = transition(h, kStreet, req, kNow, store.reads_());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::Unavailable);
  store.failure.reset();
  req.responsible_org_id = OrgId{77};
  r = transition(h, kStreet, req, kNow, store.reads_());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::NotFound) << "a unit that is not there is out of scope";
}

TEST(HazardTransition, ASubmissionNeedsEvidenceOfTheFixFromThisRound) {
  auto h = hazardIn(State::Rectifying);
  h.responsible_org_path = "/1/2/3/";
  h.assigned_at = kNow - std::chrono::days(5);
  FakeStore store{.media = {photo(1, MediaStage::Report, kNow - std::chrono::days(9)),
                            photo(2, MediaStage::Evidence, kNow - std::chrono::hours(1))}};
  ActionRequest req{.action = Action::Submit};
  EXPECT_EQ(transition(h, kEnterprise, req, kNow, store.reads_()).error().field, "media_ids");
  req.media_ids = {MediaId{1}};
  EXPECT_EQ(transition(h, kEnterprise, req, kNow, store.reads_()).error().field, "media_ids")
      << "the report's photo is not evidence of the fix";
  req.media_ids = {MediaId{2}};
  ASSERT_TRUE(transition(h, kEnterprise, req, kNow, store.reads_()));
  EXPECT_EQ(h.state, State::Submitted);
  EXPECT_EQ(h.submitted_at, kNow);
  ASSERT_EQ(h.rectifiers.size(), 1U);
  EXPECT_EQ(h.rectifiers[0].value, 3);
}

TEST(HazardTransition, VerifyingClosesOnTimeAndDelists) {
  auto h = hazardIn(State::Submitted);
  h.responsible_org_path = "/1/2/3/";
  h.deadline_at = kNow + std::chrono::days(1);
  h.submitted_at = kNow - std::chrono::hours(2);
  h.supervision = Supervision{.tier = Tier::District, .listed_at = kNow - std::chrono::days(3)};
  FakeStore store;
  ASSERT_TRUE(transition(h, kInspector, {.action = Action::Verify}, kNow, store.reads_()));
  EXPECT_EQ(h.state, State::Closed);
  EXPECT_EQ(h.closed_on_time, true);
  EXPECT_EQ(h.supervision->delisted_at, kNow);
  auto own = hazardIn(State::Submitted);
  own.responsible_org_path = "/1/2/3/";
  EXPECT_EQ(
      transition(own, kEnterprise, {.action = Action::Verify}, kNow, store.reads_()).error().code,
      Errc::Forbidden)
      << "the unit that fixed it may not verify it";
}

TEST(HazardTransition, ReopeningNeedsAReasonBeforeAnythingIsRead) {
  auto h = hazardIn(State::Closed);
  h.responsible_org_id = OrgId{3};
  h.responsible_org_path = "/1/2/3/";
  FakeStore store{.orgs = {enterprise()}};
  auto r = transition(h, kStreet, {.action = Action::Reopen}, kNow, store.reads_());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "reason");
  EXPECT_EQ(store.reads, 0);
  ASSERT_TRUE(transition(h, kStreet, {.action = Action::Reopen, .reason = "复查未整改到位"}, kNow,
                         store.reads_()));
  EXPECT_EQ(h.state, State::Assigned);
  EXPECT_EQ(h.reopen_count, 1);
}

}  // namespace
}  // namespace citysafe::hazard
