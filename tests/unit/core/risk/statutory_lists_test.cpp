#include "citysafe/core/risk/statutory_lists.hpp"

#include <gtest/gtest.h>

namespace citysafe::risk {
namespace {

using Levels = std::vector<RiskLevel>;
using Kinds = std::vector<RiskKind>;

// The list narrowed from a filter asking only for these colours or these kinds.
std::optional<store::RiskFilter> askingFor(StatutoryList list, Levels levels, Kinds kinds = {}) {
  store::RiskFilter asked;
  asked.levels = std::move(levels);
  asked.kinds = std::move(kinds);
  return narrowToList(list, asked);
}

TEST(StatutoryLists, MajorRisksAreTheRedAndOrangeOnes) {
  const auto f = narrowToList(StatutoryList::MajorRisks, {});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->levels, (Levels{RiskLevel::Major, RiskLevel::Large}));
}

TEST(StatutoryLists, MajorRisksKeepOnlyTheAskedColoursAmongThem) {
  const auto f = askingFor(StatutoryList::MajorRisks, {RiskLevel::Low, RiskLevel::Large});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->levels, Levels{RiskLevel::Large});
}

TEST(StatutoryLists, MajorRisksAskedOnlyForLowerColoursAreEmpty) {
  EXPECT_FALSE(askingFor(StatutoryList::MajorRisks, {RiskLevel::General, RiskLevel::Low}));
}

TEST(StatutoryLists, MajorHazardSourcesAreGradedOnesWithinTheAskedFilter) {
  store::RiskFilter asked;
  asked.kinds = {RiskKind::EnterpriseUnit};
  asked.sector = "hazardous_chemicals";
  const auto f = narrowToList(StatutoryList::MajorHazardSources, asked);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->major_hazard_only);
  EXPECT_EQ(f->kinds, Kinds{RiskKind::EnterpriseUnit});
  EXPECT_EQ(f->sector, "hazardous_chemicals");
}

TEST(StatutoryLists, VulnerableTargetsAreEveryTargetKind) {
  const auto f = narrowToList(StatutoryList::VulnerableTargets, {});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kinds, (Kinds{RiskKind::School, RiskKind::Kindergarten, RiskKind::Hospital,
                             RiskKind::ElderlyHome, RiskKind::CrowdedPlace}));
}

TEST(StatutoryLists, VulnerableTargetsKeepOnlyTheAskedTargetKinds) {
  const auto f =
      askingFor(StatutoryList::VulnerableTargets, {}, {RiskKind::Bridge, RiskKind::Hospital});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kinds, Kinds{RiskKind::Hospital});
}

TEST(StatutoryLists, VulnerableTargetsAskedOnlyForOtherKindsAreEmpty) {
  EXPECT_FALSE(
      askingFor(StatutoryList::VulnerableTargets, {}, {RiskKind::Bridge, RiskKind::Tunnel}));
}

TEST(StatutoryLists, NarrowingKeepsTheRestOfTheFilter) {
  store::RiskFilter asked;
  asked.org_path = "/1/2/";
  asked.bbox = basemap::BBox{120, 30, 121, 31};
  asked.kinds = {RiskKind::Bridge};
  const auto f = narrowToList(StatutoryList::MajorRisks, asked);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->org_path, "/1/2/");
  EXPECT_TRUE(f->bbox);
  EXPECT_EQ(f->kinds, Kinds{RiskKind::Bridge});
}

TEST(StatutoryLists, OnlyTheSourcesOfRiskShowThePeopleNearThem) {
  EXPECT_TRUE(showsPeopleNear(StatutoryList::MajorRisks));
  EXPECT_TRUE(showsPeopleNear(StatutoryList::MajorHazardSources));
  EXPECT_FALSE(showsPeopleNear(StatutoryList::VulnerableTargets));
}

TEST(StatutoryLists, AreNamedAsTheApiNamesThem) {
  EXPECT_EQ(parseEnum<StatutoryList>("vulnerable_targets"), StatutoryList::VulnerableTargets);
  EXPECT_STREQ(nameOf(StatutoryList::MajorRisks), "major_risks");
  EXPECT_FALSE(parseEnum<StatutoryList>("hazards"));
}

}  // namespace
}  // namespace citysafe::risk
