// Worked examples, computed by hand with the working shown beside each.
#include "citysafe/core/risk/grading.hpp"

#include <gtest/gtest.h>

namespace citysafe::risk {
namespace {

struct LecCase {
  LecInput in;
  double d;
  const char* band;
  RiskLevel level;
};

TEST(Lec, WorkedExamples) {
  const LecCase cases[] = {
      {{6, 3, 15}, 270, "高度危险", RiskLevel::Large},  // 6 × 3 × 15 = 270: 160 ≤ D ≤ 320, orange
      {{10, 6, 40}, 2400, "极其危险", RiskLevel::Major},  // 10 × 6 × 40 = 2400 > 320, red
      {{3, 6, 7}, 126, "显著危险", RiskLevel::General},  // 3 × 6 × 7 = 126: 70 ≤ D < 160, yellow
      {{1, 6, 3}, 18, "稍有危险", RiskLevel::Low},       // 1 × 6 × 3 = 18 < 20, blue
      {{3, 2, 7}, 42, "一般危险", RiskLevel::Low},       // 3 × 2 × 7 = 42: 20 ≤ D < 70, blue
      {{10, 1, 7},
       70,
       "显著危险",
       RiskLevel::General},  // 10 × 1 × 7 = 70: the yellow band starts at 70
      {{0.5, 6, 100}, 300, "高度危险", RiskLevel::Large},  // 0.5 × 6 × 100 = 300, orange
      {{0.1, 0.5, 1}, 0.05, "稍有危险", RiskLevel::Low},   // 0.1 × 0.5 × 1 = 0.05, the smallest D
  };
  for (const auto& c : cases) {
    auto r = assessLec(c.in);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_DOUBLE_EQ(r->d, c.d);
    EXPECT_EQ(r->band, c.band) << c.d;
    EXPECT_EQ(r->level, c.level) << c.d;
  }
}

TEST(Lec, RefusesValuesOutsideItsTablesNamingTheField) {
  auto l = assessLec({5, 3, 15});
  ASSERT_FALSE(l);
  EXPECT_EQ(l.error().field, "l");
  EXPECT_NE(l.error().message.find("10, 6, 3, 1, 0.5, 0.2, 0.1"), std::string::npos);
  auto e = assessLec({6, 4, 15});
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "e");
  auto c = assessLec({6, 3, 50});
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().field, "c");
}

TEST(Lec, ColourBandsAreConfigurable) {
  auto r = assessLec({6, 3, 15}, {.red_from = 240, .orange_from = 160, .yellow_from = 70});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->level, RiskLevel::Major);  // 270 ≥ a stricter 240
}

TEST(Ls, WorkedExamples) {
  const std::tuple<int, int, int, RiskLevel> cases[] = {
      {5, 5, 25, RiskLevel::Major},    // 25: 20-25 red
      {4, 5, 20, RiskLevel::Major},    // 20: red starts at 20
      {3, 5, 15, RiskLevel::Large},    // 15: orange starts at 15
      {4, 4, 16, RiskLevel::Large},    // 16: 15-19 orange
      {2, 5, 10, RiskLevel::General},  // 10: yellow starts at 10
      {3, 3, 9, RiskLevel::Low},       // 9: 1-9 blue
      {1, 1, 1, RiskLevel::Low},       // 1: the least
  };
  for (const auto& [l, s, r, level] : cases) {
    auto out = assessLs({l, s});
    ASSERT_TRUE(out);
    EXPECT_EQ(out->r, r);
    EXPECT_EQ(out->level, level) << l << "x" << s;
  }
}

TEST(Ls, RefusesScoresOutsideOneToFive) {
  auto l = assessLs({0, 3});
  ASSERT_FALSE(l);
  EXPECT_EQ(l.error().field, "l");
  auto s = assessLs({3, 6});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "s");
}

}  // namespace
}  // namespace citysafe::risk
