// GB 18218-2018 worked examples, computed by hand with the working shown beside each.
#include "citysafe/core/risk/gb18218.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace citysafe::risk {
namespace {

Gb18218Result graded(const Gb18218Input& in) {
  auto r = assessGb18218(in);
  EXPECT_TRUE(r) << (r ? "" : r.error().field + ": " + r.error().message);
  return r ? *r : Gb18218Result{};
}

TEST(Gb18218, BelowSOfOneIsNotAMajorHazardSource) {
  // 液氯 3 t: Q = 5 t (表1), S = 3/5 = 0.6 < 1. Nobody within 500 m: α = 0.5.
  // R = 0.5 × (β 4 × 0.6) = 1.2, but no grade since S < 1.
  const auto r = graded({{{"液氯", "", "", 3}}, 0});
  EXPECT_DOUBLE_EQ(r.s, 0.6);
  EXPECT_FALSE(r.is_major_hazard);
  EXPECT_DOUBLE_EQ(r.alpha, 0.5);
  EXPECT_DOUBLE_EQ(r.r, 1.2);
  EXPECT_EQ(r.grade, 0);
  EXPECT_EQ(r.level, RiskLevel::Low);
}

TEST(Gb18218, NamedToxicGasesTakeTheirBetaFromTable3) {
  // 氯 10 t: Q 5, q/Q = 2, β 4 (表3) → 8.  氨 10 t: Q 10, q/Q = 1, β 2 (表3) → 2.
  // S = 3 ≥ 1. 120 people within 500 m: α = 2.0. R = 2.0 × (8 + 2) = 20 → 三级 (10 ≤ R < 50).
  const auto r = graded({{{"氯", "", "", 10}, {"氨", "", "", 10}}, 120});
  EXPECT_DOUBLE_EQ(r.s, 3);
  EXPECT_TRUE(r.is_major_hazard);
  EXPECT_DOUBLE_EQ(r.alpha, 2.0);
  EXPECT_DOUBLE_EQ(r.r, 20);
  EXPECT_EQ(r.grade, 3);
  EXPECT_EQ(r.level, RiskLevel::General);
  ASSERT_EQ(r.terms.size(), 2U);
  EXPECT_EQ(r.terms[0].beta_source, "表3");
  EXPECT_EQ(r.terms[0].critical_source, "表1");
}

TEST(Gb18218, ACategoryOnlySubstanceUsesTables2And4) {
  // 某溶剂 (not in 表1), category W5.3: Q 1000 t (表2), β 1 (表4). 1500 t: S = 1.5.
  // 60 people: α = 1.5. R = 1.5 × 1 × 1.5 = 2.25 → 四级 (R < 10).
  const auto r = graded({{{"某溶剂", "", "W5.3", 1500}}, 60});
  EXPECT_DOUBLE_EQ(r.s, 1.5);
  EXPECT_DOUBLE_EQ(r.alpha, 1.5);
  EXPECT_DOUBLE_EQ(r.r, 2.25);
  EXPECT_EQ(r.grade, 4);
  EXPECT_EQ(r.terms[0].critical_source, "表2 W5.3");
  EXPECT_EQ(r.terms[0].beta_source, "表4 W5.3");
}

TEST(Gb18218, AVeryToxicGasReachesTheFirstGrade) {
  // 碳酰氯 (光气) 3 t: Q 0.3 t, q/Q = 10, β 20 (表3) → 200. 35 people: α = 1.2.
  // R = 1.2 × 200 = 240 → 一级 (R ≥ 100).
  const auto r = graded({{{"光气", "", "", 3}}, 35});
  EXPECT_DOUBLE_EQ(r.s, 10);
  EXPECT_DOUBLE_EQ(r.alpha, 1.2);
  EXPECT_DOUBLE_EQ(r.r, 240);
  EXPECT_EQ(r.grade, 1);
  EXPECT_EQ(r.level, RiskLevel::Major);
  EXPECT_STREQ(gradeLabel(r.grade), "一级");
}

TEST(Gb18218, ATable1SubstanceOutsideTable3TakesBetaByItsCategory) {
  // 液化石油气 100 t: Q 50 t (表1), q/Q = 2; not in 表3, so β by category W2 = 1.5 (表4).
  // 10 people: α = 1.0. R = 1.0 × 1.5 × 2 = 3 → 四级.
  const auto r = graded({{{"液化石油气", "", "W2", 100}}, 10});
  EXPECT_DOUBLE_EQ(r.s, 2);
  EXPECT_DOUBLE_EQ(r.alpha, 1.0);
  EXPECT_DOUBLE_EQ(r.r, 3);
  EXPECT_EQ(r.grade, 4);
  EXPECT_EQ(r.terms[0].critical_source, "表1");
  EXPECT_EQ(r.terms[0].beta_source, "表4 W2");
}

TEST(Gb18218, SubstancesAreFoundByCasNumber) {
  // CAS 7783-06-4 is 硫化氢: Q 5 t, β 5 (表3). 40 t: q/Q = 8 → 40. 55 people: α = 1.5.
  // R = 1.5 × 40 = 60 → 二级 (50 ≤ R < 100).
  const auto r = graded({{{"", "7783-06-4", "", 40}}, 55});
  EXPECT_EQ(r.terms[0].substance, "硫化氢");
  EXPECT_DOUBLE_EQ(r.r, 60);
  EXPECT_EQ(r.grade, 2);
  EXPECT_EQ(r.level, RiskLevel::Large);
}

TEST(Gb18218, AlphaCoversEveryBand) {
  EXPECT_DOUBLE_EQ(alphaFor(0), 0.5);
  EXPECT_DOUBLE_EQ(alphaFor(1), 1.0);
  EXPECT_DOUBLE_EQ(alphaFor(29), 1.0);
  EXPECT_DOUBLE_EQ(alphaFor(30), 1.2);
  EXPECT_DOUBLE_EQ(alphaFor(49), 1.2);
  EXPECT_DOUBLE_EQ(alphaFor(50), 1.5);
  EXPECT_DOUBLE_EQ(alphaFor(99), 1.5);
  EXPECT_DOUBLE_EQ(alphaFor(100), 2.0);
  EXPECT_DOUBLE_EQ(alphaFor(100000), 2.0);
}

TEST(Gb18218, GradeBandsFollowTable6) {
  EXPECT_EQ(gradeFor(100), 1);
  EXPECT_EQ(gradeFor(99.99), 2);
  EXPECT_EQ(gradeFor(50), 2);
  EXPECT_EQ(gradeFor(49.9), 3);
  EXPECT_EQ(gradeFor(10), 3);
  EXPECT_EQ(gradeFor(9.99), 4);
}

TEST(Gb18218, AnUnknownChemicalWithoutACategoryIsRefused) {
  auto r = assessGb18218({{{"神秘物质", "", "", 5}}, 0});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "substances[0].name");
  EXPECT_NE(r.error().message.find("category"), std::string::npos);
}

TEST(Gb18218, ANegativeOrNonFiniteQuantityIsRefused) {
  for (double q : {-1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    auto r = assessGb18218({{{"氯", "", "", 1}, {"氨", "", "", q}}, 0});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "substances[1].quantity_t");
  }
}

TEST(Gb18218, ATable1SubstanceNeedsACategoryForBetaWhenNotInTable3) {
  auto r = assessGb18218({{{"甲苯", "", "", 600}}, 0});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "substances[0].category");
}

TEST(Gb18218, AnUnknownCategoryIsRefused) {
  auto r = assessGb18218({{{"某溶剂", "", "W99", 1}}, 0});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "substances[0].category");
}

TEST(Gb18218, NegativePeopleAreRefused) {
  auto r = assessGb18218({{{"氯", "", "", 1}}, -3});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "people_500m");
}

}  // namespace
}  // namespace citysafe::risk
