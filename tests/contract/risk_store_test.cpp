#include <algorithm>
#include <tuple>

#include "citysafe/core/risk/marker_cache.hpp"
#include "citysafe/core/risk/risk_service.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

using RiskStore = StoreContract;
using risk::GeometryType;
using risk::RiskKind;
using risk::RiskLevel;

class RiskStoreTest : public StoreContract {
 protected:
  risk::RiskPoint add(const org::Organisation& owner, RiskKind kind, const std::string& sector,
                      org::GeoPoint at, std::optional<OrgId> enterprise = {},
                      std::int64_t capacity = 0) {
    risk::RiskService risks(*ctx_);
    auto p = risks.create(identity::Principal::system(),
                          {.name = std::string(risk::toString(kind)) + "@" + owner.name,
                           .kind = kind,
                           .sector = sector,
                           .org_id = owner.id,
                           .enterprise_id = enterprise,
                           .geometry = {GeometryType::Point, {at}},
                           .capacity = capacity});
    EXPECT_TRUE(p) << p.error().field << ": " << p.error().message;
    return p ? *p : risk::RiskPoint{};
  }
  void grade(RiskPointId id, risk::MethodInput input) {
    risk::RiskService risks(*ctx_);
    auto a = risks.assess(identity::Principal::system(), id, {.input = std::move(input)});
    ASSERT_TRUE(a) << a.error().field << ": " << a.error().message;
  }
};

TEST_P(RiskStoreTest, RoundTripsAPolygonWithItsLatestAssessment) {
  const Tree t = buildTree();
  risk::RiskService risks(*ctx_);
  const risk::Geometry site{GeometryType::Polygon,
                            {{120.1, 30.2}, {120.102, 30.2}, {120.102, 30.202}, {120.1, 30.2}}};
  auto p = risks.create(identity::Principal::system(), {.name = "储罐区",
                                                        .kind = RiskKind::EnterpriseUnit,
                                                        .sector = "gas",
                                                        .org_id = t.gas_enterprise.id,
                                                        .enterprise_id = t.gas_enterprise.id,
                                                        .geometry = site});
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->code, "RP000001");
  grade(p->id, risk::Gb18218Input{{{"氯", "", "", 10}}, 120});
  auto got = risks.get(identity::Principal::system(), p->id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->geometry.type, GeometryType::Polygon);
  ASSERT_EQ(got->geometry.points.size(), 4U);
  EXPECT_DOUBLE_EQ(got->geometry.points[1].lon, 120.102);
  EXPECT_EQ(got->org_path, t.gas_enterprise.path);
  ASSERT_TRUE(got->latest);
  EXPECT_EQ(got->latest->method, "gb18218");
  // Cl₂ 10 t: q/Q = 2, β 4, α 2.0 → R = 16 → 三级, yellow.
  EXPECT_DOUBLE_EQ(got->latest->value, 16);
  EXPECT_EQ(got->latest->level, RiskLevel::General);
  EXPECT_EQ(got->hazard_grade, 3);
  EXPECT_EQ(got->latest->due_at, clock_.now() + std::chrono::days(180));
}

TEST_P(RiskStoreTest, KeepsEveryAssessmentNewestFirst) {
  const Tree t = buildTree();
  const auto p = add(t.community, RiskKind::Bridge, "urban_operation", {120.1, 30.2});
  grade(p.id, risk::LecInput{1, 6, 3});
  clock_.advance(std::chrono::hours(24));
  grade(p.id, risk::LsInput{5, 5});
  risk::RiskService risks(*ctx_);
  auto history = risks.history(identity::Principal::system(), p.id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ((*history)[0].method, "ls");
  EXPECT_EQ((*history)[0].level, RiskLevel::Major);
  EXPECT_EQ((*history)[1].method, "lec");
  EXPECT_NE((*history)[1].inputs_json.find("\"l\":1"), std::string::npos);
  EXPECT_EQ((*history)[0].assessor, "system");
}

TEST_P(RiskStoreTest, FiltersByScopeColourKindSectorAndBox) {
  const Tree t = buildTree();
  const auto a = add(t.community, RiskKind::Bridge, "urban_operation", {120.10, 30.20});
  const auto b = add(t.street_b, RiskKind::GasPipeline, "gas", {120.20, 30.30});
  const auto c = add(t.street_a, RiskKind::School, "urban_operation", {120.11, 30.21}, {}, 900);
  grade(a.id, risk::LecInput{10, 6, 40});  // red
  grade(b.id, risk::LecInput{6, 3, 15});   // orange
  risk::RiskService risks(*ctx_);
  const auto system = identity::Principal::system();
  auto ids = [&](store::RiskFilter f) {
    std::vector<RiskPointId> out;
    f.scope = {"/", {}, {}};
    store::Store& s = *store_;
    auto list = store::readReturning<std::vector<risk::RiskPoint>>(
        s, [&](store::Tx& tx) { return tx.risks().list(f, {}); });
    EXPECT_TRUE(list);
    for (const auto& p : *list) out.push_back(p.id);
    return out;
  };
  EXPECT_EQ(ids({.org_path = t.street_a.path}), (std::vector<RiskPointId>{a.id, c.id}));
  EXPECT_EQ(ids({.levels = {RiskLevel::Major, RiskLevel::Large}}),
            (std::vector<RiskPointId>{a.id, b.id}));
  EXPECT_EQ(ids({.kinds = {RiskKind::School}}), std::vector<RiskPointId>{c.id});
  EXPECT_EQ(ids({.sector = std::string("gas")}), std::vector<RiskPointId>{b.id});
  EXPECT_EQ(ids({.bbox = basemap::BBox{120.05, 30.15, 120.15, 30.25}}),
            (std::vector<RiskPointId>{a.id, c.id}));
  // The gas department reaches the pipeline in street B through its sector, nothing else.
  auto dept = store::readReturning<std::vector<risk::RiskPoint>>(*store_, [&](store::Tx& tx) {
    return tx.risks().list(
        {.scope = {t.gas_department.path, t.district.path, {"gas", "construction"}}}, {});
  });
  ASSERT_TRUE(dept);
  ASSERT_EQ(dept->size(), 1U);
  EXPECT_EQ(dept->front().id, b.id);

  auto counts = risks.counts(system, {});
  ASSERT_TRUE(counts);
  EXPECT_EQ(*counts, (store::LevelCounts{1, 1, 0, 0, 1}));
}

TEST_P(RiskStoreTest, ExposureFindsTargetsAcrossTheWholeDistrict) {
  const Tree t = buildTree();
  const auto source = add(t.community, RiskKind::GasPipeline, "gas", {120.100, 30.200});
  add(t.street_b, RiskKind::School, "urban_operation", {120.100, 30.203}, {}, 1200);       // ~333 m
  add(t.street_a, RiskKind::ElderlyHome, "urban_operation", {120.100, 30.2065}, {}, 150);  // ~723 m
  risk::RiskService risks(*ctx_);
  auto rings = risks.exposure(identity::Principal::system(), source.id, {500, 1000});
  ASSERT_TRUE(rings) << rings.error().message;
  EXPECT_EQ((*rings)[0].people, 1200);
  EXPECT_EQ((*rings)[1].people, 1350);
}

TEST_P(RiskStoreTest, GbAlphaMayComeFromTheExposure) {
  const Tree t = buildTree();
  const auto unit = add(t.gas_enterprise, RiskKind::EnterpriseUnit, "gas", {120.100, 30.200},
                        t.gas_enterprise.id);
  add(t.street_b, RiskKind::School, "urban_operation", {120.100, 30.203}, {}, 1200);
  risk::RiskService risks(*ctx_);
  auto a = risks.assess(
      identity::Principal::system(), unit.id,
      {.input = risk::Gb18218Input{{{"氯", "", "", 10}}, 0}, .people_from_exposure = true});
  ASSERT_TRUE(a) << a.error().message;
  // 1200 people within 500 m → α = 2.0; R = 2.0 × 4 × 2 = 16.
  EXPECT_DOUBLE_EQ(a->value, 16);
  EXPECT_NE(a->inputs_json.find("\"people_500m\":1200"), std::string::npos) << a->inputs_json;
}

TEST_P(RiskStoreTest, AnAssessmentIsAuditedWithItsInputs) {
  const Tree t = buildTree();
  const auto p = add(t.community, RiskKind::Bridge, "urban_operation", {120.1, 30.2});
  grade(p.id, risk::LsInput{4, 4});
  auto records = store::readReturning<std::vector<audit::AuditRecord>>(*store_, [&](store::Tx& tx) {
    return tx.audit().list(
        {.scope = {"/", {}, {}}, .entity = "risk_point", .entity_id = std::to_string(p.id.value)});
  });
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 2U);
  EXPECT_EQ(records->front().action, "assess");
  EXPECT_NE(records->front().after_json.find("\"s\":4"), std::string::npos)
      << records->front().after_json;
}

TEST_P(RiskStoreTest, CountsPointsPerGridCellInTheStore) {
  const Tree t = buildTree();
  const auto a = add(t.community, RiskKind::Bridge, "urban_operation", {120.101, 30.201});
  add(t.community, RiskKind::Bridge, "urban_operation", {120.102, 30.202});
  add(t.community, RiskKind::Bridge, "urban_operation",
      {120.099, 30.199});  // west and south of the origin
  grade(a.id, risk::LecInput{10, 6, 40});
  risk::RiskService risks(*ctx_);
  const auto frame = store::GridFrame::metres({120.1, 30.2}, 500);
  auto cells = risks.grid(identity::Principal::system(), {}, frame);
  ASSERT_TRUE(cells) << cells.error().message;
  ASSERT_EQ(cells->size(), 2U);
  EXPECT_EQ((*cells)[0].ix, -1);  // floor, not truncation towards zero
  EXPECT_EQ((*cells)[0].iy, -1);
  EXPECT_EQ((*cells)[0].counts, (store::LevelCounts{0, 0, 0, 0, 1}));
  EXPECT_EQ((*cells)[1].ix, 0);
  EXPECT_EQ((*cells)[1].counts, (store::LevelCounts{1, 0, 0, 0, 1}));
  EXPECT_EQ((*cells)[1].worst, RiskLevel::Major);
}

// The marker cache filters in memory what the store filters in SQL; both must agree.
TEST_P(RiskStoreTest, TheMarkerCacheCountsWhatTheStoreCounts) {
  const Tree t = buildTree();
  const auto a = add(t.community, RiskKind::Bridge, "urban_operation", {120.101, 30.201});
  const auto b = add(t.street_b, RiskKind::GasPipeline, "gas", {120.131, 30.221});
  add(t.street_a, RiskKind::School, "urban_operation", {120.099, 30.199}, {}, 500);
  const auto unit =
      add(t.gas_enterprise, RiskKind::EnterpriseUnit, "gas", {120.11, 30.21}, t.gas_enterprise.id);
  grade(a.id, risk::LecInput{10, 6, 40});
  grade(b.id, risk::LecInput{6, 3, 15});
  grade(unit.id, risk::Gb18218Input{{{"氯", "", "", 10}}, 120});
  const auto frame = store::GridFrame::metres({120.1, 30.2}, 500);
  const std::vector<store::RiskFilter> filters = {
      {.scope = {"/", {}, {}}},
      {.scope = {t.street_a.path, {}, {}}},
      {.scope = {t.gas_department.path, t.district.path, {"gas", "construction"}}},
      {.scope = {"/", {}, {}}, .levels = {RiskLevel::Major, RiskLevel::Large}},
      {.scope = {"/", {}, {}}, .kinds = {RiskKind::School}},
      {.scope = {"/", {}, {}}, .sector = std::string("gas"), .major_hazard_only = true},
      {.scope = {"/", {}, {}}, .bbox = basemap::BBox{120.095, 30.195, 120.105, 30.205}},
  };
  risk::MarkerCache cache;
  ASSERT_TRUE(cache.refresh(*store_));
  EXPECT_EQ(cache.size(), 4U);
  auto sorted = [](std::vector<store::CellCount> v) {
    std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) {
      return std::tuple(x.ix, x.iy, x.level ? int(*x.level) : -1) <
             std::tuple(y.ix, y.iy, y.level ? int(*y.level) : -1);
    });
    std::vector<std::tuple<std::int64_t, std::int64_t, int, std::int64_t>> out;
    for (const auto& c : v) out.emplace_back(c.ix, c.iy, c.level ? int(*c.level) : -1, c.count);
    return out;
  };
  for (std::size_t i = 0; i < filters.size(); ++i) {
    auto in_store = store::readReturning<std::vector<store::CellCount>>(
        *store_, [&](store::Tx& tx) { return tx.risks().gridCounts(filters[i], frame); });
    ASSERT_TRUE(in_store);
    EXPECT_EQ(sorted(cache.gridCounts(filters[i], frame)), sorted(*in_store)) << "filter " << i;
  }
  // A later write reaches the cache through the registry version.
  grade(a.id, risk::LsInput{1, 1});
  ASSERT_TRUE(cache.refresh(*store_));
  const auto blue = cache.gridCounts({.scope = {"/", {}, {}}, .levels = {RiskLevel::Low}}, frame);
  ASSERT_EQ(blue.size(), 1U);
  EXPECT_EQ(blue[0].count, 1);
}

CITYSAFE_INSTANTIATE_STORES(RiskStoreTest);

}  // namespace
}  // namespace citysafe::contract
