#include <algorithm>

#include "citysafe/core/identity/principal.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

using OrgStore = StoreContract;

std::vector<std::string> names(const std::vector<org::Organisation>& orgs) {
  std::vector<std::string> out;
  for (const auto& o : orgs) out.push_back(o.name);
  return out;
}

Result<std::vector<org::Organisation>> listIn(store::Store& s, const identity::Scope& scope,
                                              store::PageRequest page = {}) {
  return store::readReturning<std::vector<org::Organisation>>(s, [&](store::Tx& tx) {
    return tx.orgs().list({scope, {}, {}}, page);
  });
}

TEST_P(OrgStore, RoundTripsEveryField) {
  const Tree t = buildTree();
  auto got = store::readReturning<org::Organisation>(
      *store_, [&](store::Tx& tx) { return tx.orgs().get(t.gas_enterprise.id); });
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->name, "燃气公司");
  EXPECT_EQ(got->kind, org::OrgKind::Enterprise);
  EXPECT_EQ(got->parent_id, t.street_a.id);
  EXPECT_EQ(got->path, t.street_a.path + std::to_string(got->id.value) + "/");
  EXPECT_EQ(got->credit_code, "91350100M000100Y43");
  EXPECT_EQ(got->sectors, std::vector<std::string>{"gas"});
  ASSERT_TRUE(got->location);
  EXPECT_DOUBLE_EQ(got->location->lon, 120.1);
  EXPECT_DOUBLE_EQ(got->location->lat, 30.2);
  EXPECT_EQ(got->created_at, clock_.now());
}

TEST_P(OrgStore, MissingIdIsNotFound) {
  auto got = store::readReturning<org::Organisation>(
      *store_, [&](store::Tx& tx) { return tx.orgs().get(OrgId{999}); });
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, Errc::NotFound);
}

TEST_P(OrgStore, ACreditCodeIsRegisteredOnce) {
  const Tree t = buildTree();
  org::OrgService orgs(*ctx_);
  auto again = orgs.create(identity::Principal::system(), {.name = "重复",
                                                           .kind = org::OrgKind::Enterprise,
                                                           .parent_id = t.street_b.id,
                                                           .credit_code = "91350100M000100Y43",
                                                           .sectors = {"gas"}});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::Conflict);
  EXPECT_EQ(again.error().field, "credit_code");
}

TEST_P(OrgStore, ListsOnlyTheScopesSubtree) {
  const Tree t = buildTree();
  auto street = listIn(*store_, {t.street_a.path, {}, {}});
  ASSERT_TRUE(street);
  EXPECT_EQ(names(*street), (std::vector<std::string>{"甲街道", "甲社区", "燃气公司"}));
}

TEST_P(OrgStore, ADepartmentScopeAddsItsSectorsAcrossTheDistrict) {
  const Tree t = buildTree();
  auto dept = listIn(*store_, {t.gas_department.path, t.district.path, {"gas", "construction"}});
  ASSERT_TRUE(dept);
  EXPECT_EQ(names(*dept), (std::vector<std::string>{"燃气公司", "住建局"}));
}

TEST_P(OrgStore, PagesByCursorWithoutGapsOrRepeats) {
  buildTree();
  std::vector<std::string> seen;
  store::PageRequest page{3, 0};
  for (int i = 0; i < 10; ++i) {
    auto batch = listIn(*store_, {"/", {}, {}}, page);
    ASSERT_TRUE(batch);
    if (batch->empty()) break;
    for (const auto& o : *batch) seen.push_back(o.name);
    page.after_id = batch->back().id.value;
  }
  EXPECT_EQ(seen.size(), 8U);
}

TEST_P(OrgStore, AFailedWriteLeavesNothingBehind) {
  const Tree t = buildTree();
  auto failed = store_->write([&](store::Tx& tx) -> Result<void> {
    org::Organisation o = t.street_b;
    o.name = "改名";
    if (auto r = tx.orgs().update(o); !r) return r;
    return fail(Errc::Invalid, "name", "refused after the update");
  });
  ASSERT_FALSE(failed);
  auto got = store::readReturning<org::Organisation>(
      *store_, [&](store::Tx& tx) { return tx.orgs().get(t.street_b.id); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "乙街道");
}

TEST_P(OrgStore, MigrationsApplyOnceAndReopenCleanly) {
  auto again = store_->migrate();
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, 0);
}

CITYSAFE_INSTANTIATE_STORES(OrgStore);

}  // namespace
}  // namespace citysafe::contract
