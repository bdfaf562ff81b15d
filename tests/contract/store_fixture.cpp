#include "store_fixture.hpp"

#include <cstdlib>
#include <filesystem>

#include "citysafe/common/random_token.hpp"
#include "pg_connection.hpp"
#include "sqlite_connection.hpp"

namespace citysafe::contract {

std::string storeName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

void StoreContract::SetUp() {
  if (GetParam() == "sqlite") {
    sqlite_dir_ =
        (std::filesystem::temp_directory_path() / ("citysafe-contract-" + randomHexToken(6)))
            .string();
    std::filesystem::create_directories(sqlite_dir_);
    url_ = "sqlite:" + sqlite_dir_ + "/store.db";
  } else {
    const char* base = std::getenv("CITYSAFE_TEST_PG");
    if (!base || !*base) {
      if (std::getenv("CITYSAFE_REQUIRE_PG"))
        FAIL() << "CITYSAFE_TEST_PG is not set but PostgreSQL is required";
      GTEST_SKIP() << "CITYSAFE_TEST_PG not set (make test starts a server and sets it)";
    }
    pg_schema_ = "t_" + randomHexToken(6);
    auto admin = postgres::openPostgres(base);
    ASSERT_TRUE(admin) << admin.error().message;
    ASSERT_TRUE((*admin)->execScript("CREATE SCHEMA " + pg_schema_));
    url_ = std::string(base) + "?options=-csearch_path%3D" + pg_schema_;
  }
  auto store = sql::openStore(url_);
  ASSERT_TRUE(store) << store.error().message;
  store_ = std::move(*store);
  ctx_ = std::make_unique<ServiceContext>(*store_, clock_, bus_, testing::kTestAuditKey,
                                          &checkpoints_);
  // As on first start: the first checkpoint marks where the keyed chain begins.
  auto head = ctx_->auditor.checkpointHead(*store_);
  ASSERT_TRUE(head) << head.error().message;
}

void StoreContract::TearDown() {
  ctx_.reset();
  store_.reset();
  if (!sqlite_dir_.empty()) std::filesystem::remove_all(sqlite_dir_);
  if (!pg_schema_.empty()) {
    if (auto admin = postgres::openPostgres(std::getenv("CITYSAFE_TEST_PG"))) {
      (void)(*admin)->execScript("DROP SCHEMA " + pg_schema_ + " CASCADE");
    }
  }
}

void StoreContract::rawSql(const std::string& text) {
  auto conn =
      GetParam() == "sqlite" ? sqlite::openSqlite(url_.substr(7)) : postgres::openPostgres(url_);
  ASSERT_TRUE(conn) << conn.error().message;
  auto done = (*conn)->execScript(text);
  ASSERT_TRUE(done) << done.error().message;
}

std::vector<std::string> StoreContract::rawColumn(const std::string& sql) {
  auto conn =
      GetParam() == "sqlite" ? sqlite::openSqlite(url_.substr(7)) : postgres::openPostgres(url_);
  EXPECT_TRUE(conn) << conn.error().message;
  std::vector<std::string> out;
  if (!conn) return out;
  auto rows = (*conn)->query(sql, {});
  EXPECT_TRUE(rows) << rows.error().message;
  for (const auto& row : rows.value_or(std::vector<sql::Row>{})) out.push_back(row.getText(0));
  return out;
}

Tree StoreContract::buildTree() {
  org::OrgService orgs(*ctx_);
  const auto system = identity::Principal::system();
  Tree t;
  auto make = [&](org::OrgDraft d) {
    auto o = orgs.create(system, d);
    EXPECT_TRUE(o) << d.name << ": " << o.error().field << " " << o.error().message;
    return o ? *o : org::Organisation{};
  };
  t.city = make({.name = "市", .kind = org::OrgKind::City});
  t.district = make({.name = "区", .kind = org::OrgKind::District, .parent_id = t.city.id});
  t.street_a = make({.name = "甲街道", .kind = org::OrgKind::Street, .parent_id = t.district.id});
  t.street_b = make({.name = "乙街道", .kind = org::OrgKind::Street, .parent_id = t.district.id});
  t.community =
      make({.name = "甲社区", .kind = org::OrgKind::Community, .parent_id = t.street_a.id});
  t.gas_enterprise = make({.name = "燃气公司",
                           .kind = org::OrgKind::Enterprise,
                           .parent_id = t.street_a.id,
                           .credit_code = "91350100M000100Y43",
                           .sectors = {"gas"},
                           .location = org::GeoPoint{120.1, 30.2}});
  t.fire_enterprise = make({.name = "商场",
                            .kind = org::OrgKind::Enterprise,
                            .parent_id = t.street_b.id,
                            .credit_code = "913301997300000072",
                            .sectors = {"fire"}});
  t.gas_department = make({.name = "住建局",
                           .kind = org::OrgKind::Department,
                           .parent_id = t.district.id,
                           .sectors = {"gas", "construction"}});
  return t;
}

}  // namespace citysafe::contract
