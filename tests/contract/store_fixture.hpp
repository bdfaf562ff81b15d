#pragma once
// One suite, every store: each TEST_P runs on SQLite (temp file) and PostgreSQL (a server the
// test run starts on loopback; CITYSAFE_TEST_PG holds its URI).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "../support/memory_checkpoint_log.hpp"
#include "argon2_password_hasher.hpp"
#include "citysafe/core/org/org_service.hpp"
#include "citysafe/core/services.hpp"
#include "citysafe/sql/sql_store.hpp"

namespace citysafe::contract {

// A small tree: city / district / {street A / {community, gas enterprise, fire enterprise},
// street B, gas+construction department}.
struct Tree {
  org::Organisation city, district, street_a, street_b, community, gas_enterprise, fire_enterprise,
      gas_department;
};

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Runs SQL on a separate connection, behind the store's back (to tamper, say).
  void rawSql(const std::string& sql);
  // The first column of every row a query returns, read the same way.
  std::vector<std::string> rawColumn(const std::string& sql);
  Tree buildTree();

  std::string url_;
  std::string pg_schema_;
  std::string sqlite_dir_;
  std::unique_ptr<sql::SqlStore> store_;
  FakeClock clock_{fromEpochMs(1790000000000)};
  events::EventBus bus_;
  testing::MemoryCheckpointLog checkpoints_;
  std::unique_ptr<ServiceContext> ctx_;
  crypto::Argon2PasswordHasher hasher_{1024, 1};  // cheap: these tests are about storage
};

std::string storeName(const ::testing::TestParamInfo<std::string>& info);

}  // namespace citysafe::contract

#define CITYSAFE_INSTANTIATE_STORES(Suite)                                           \
  INSTANTIATE_TEST_SUITE_P(Stores, Suite, ::testing::Values("sqlite", "postgresql"), \
                           citysafe::contract::storeName)
