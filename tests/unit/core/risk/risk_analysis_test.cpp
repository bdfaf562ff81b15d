#include "citysafe/core/risk/risk_analysis.hpp"

#include <gtest/gtest.h>

namespace citysafe::risk {
namespace {

store::RiskMarker marker(std::int64_t id, RiskKind kind, org::GeoPoint at, std::int64_t capacity,
                         std::optional<RiskLevel> level = {}, std::string path = "/1/2/10/",
                         int grade = 0) {
  store::RiskMarker m;
  m.id = RiskPointId{id};
  m.name = "m" + std::to_string(id);
  m.kind = kind;
  m.at = at;
  m.capacity = capacity;
  m.level = level;
  m.org_path = std::move(path);
  m.hazard_grade = grade;
  return m;
}

// 0.001° of latitude is about 111 m.
TEST(Exposure, CountsVulnerableTargetsAndPeopleWithinEachRing) {
  const org::GeoPoint source{120, 30};
  const std::vector<store::RiskMarker> markers = {
      marker(1, RiskKind::EnterpriseUnit, source, 0),          // the source itself
      marker(2, RiskKind::School, {120, 30.003}, 1200),        // ~333 m
      marker(3, RiskKind::Kindergarten, {120, 30.0065}, 200),  // ~723 m
      marker(4, RiskKind::Hospital, {120, 30.012}, 800),       // ~1334 m: outside
      marker(5, RiskKind::GasPipeline, {120, 30.001}, 0),      // not a vulnerable target
  };
  const auto rings = exposureAround(source, RiskPointId{1}, markers, {500, 1000});
  ASSERT_EQ(rings.size(), 2U);
  EXPECT_EQ(rings[0].people, 1200);
  ASSERT_EQ(rings[0].targets.size(), 1U);
  EXPECT_EQ(rings[0].targets[0].id, RiskPointId{2});
  EXPECT_NEAR(rings[0].targets[0].distance_m, 334, 2);
  EXPECT_EQ(rings[1].people, 1400);
  EXPECT_EQ(rings[1].targets.size(), 2U);
}

TEST(AreaSummary, CountsByColourAndWeighsTheIndex) {
  org::Organisation a;
  a.id = OrgId{10};
  a.name = "甲街道";
  a.path = "/1/2/10/";
  org::Organisation b;
  b.id = OrgId{11};
  b.name = "乙街道";
  b.path = "/1/2/11/";
  const std::vector<store::RiskMarker> markers = {
      marker(1, RiskKind::Bridge, {120, 30}, 0, RiskLevel::Major, "/1/2/10/30/"),
      marker(2, RiskKind::Bridge, {120, 30}, 0, RiskLevel::Low, "/1/2/10/"),
      marker(3, RiskKind::EnterpriseUnit, {120, 30}, 0, RiskLevel::Large, "/1/2/10/31/", 2),
      marker(4, RiskKind::Bridge, {120, 30}, 0, std::nullopt, "/1/2/11/"),
  };
  const auto summary = summariseAreas({a, b}, markers);
  ASSERT_EQ(summary.size(), 2U);
  EXPECT_EQ(summary[0].counts, (store::LevelCounts{1, 1, 0, 1, 0}));
  EXPECT_EQ(summary[0].hazard_grades[2], 1);
  // load = 10·1 red + 5·1 orange + 0.5·1 blue + 6·1 二级 = 21.5; index = 100 / (1 + 21.5/50) = 69.9
  EXPECT_DOUBLE_EQ(summary[0].load, 21.5);
  EXPECT_DOUBLE_EQ(summary[0].index, 69.9);
  EXPECT_EQ(summary[1].counts, (store::LevelCounts{0, 0, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(summary[1].index, 100);
}

TEST(Grid, SquareCellsKeepTheirCountsAndTheWorstColour) {
  const auto frame = store::GridFrame::metres({120, 30}, 500);
  // 500 m at 30° N: 500 / (111320 · cos 30°) ≈ 0.005186° of longitude; 500 / 110540 ≈ 0.004523°.
  EXPECT_NEAR(frame.cell_lon, 0.005186, 1e-6);
  EXPECT_NEAR(frame.cell_lat, 0.004523, 1e-6);
  const std::vector<store::CellCount> counts = {{0, 0, RiskLevel::Low, 3},
                                                {0, 0, RiskLevel::Large, 1},
                                                {3, 0, RiskLevel::General, 2},
                                                {3, 0, std::nullopt, 5}};
  const auto cells = aggregateGrid(counts, frame);
  ASSERT_EQ(cells.size(), 2U);
  EXPECT_EQ(cells[0].counts, (store::LevelCounts{0, 1, 0, 3, 0}));
  EXPECT_EQ(cells[0].worst, RiskLevel::Large);
  EXPECT_EQ(cells[1].counts, (store::LevelCounts{0, 0, 2, 0, 5}));
  EXPECT_NEAR(cells[1].box.min_lon, 120 + 3 * frame.cell_lon, 1e-12);
  EXPECT_NEAR((cells[0].box.max_lat - cells[0].box.min_lat) * 110540, 500, 1e-6);
}

}  // namespace
}  // namespace citysafe::risk
