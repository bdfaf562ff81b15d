#include "citysafe/common/sha256.hpp"
#include "citysafe/core/identity/auth_service.hpp"
#include "citysafe/core/identity/user_service.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

using UserStore = StoreContract;
using identity::Role;

TEST_P(UserStore, RoundTripsAUserWithoutKeepingThePassword) {
  const Tree t = buildTree();
  identity::UserService users(*ctx_, hasher_);
  auto made = users.create(
      identity::Principal::system(),
      {"zhang.san", "张三", t.street_a.id, {Role::StreetOfficer}, "correct horse battery"});
  ASSERT_TRUE(made) << made.error().message;
  auto got = store::readReturning<identity::User>(
      *store_, [&](store::Tx& tx) { return tx.users().getByUsername("zhang.san"); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->display_name, "张三");
  EXPECT_EQ(got->roles, std::vector<Role>{Role::StreetOfficer});
  EXPECT_TRUE(got->password_hash.starts_with("$argon2id$"));
  EXPECT_EQ(got->password_hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(hasher_.verify(got->password_hash, "correct horse battery"));
}

TEST_P(UserStore, AUsernameIsTakenOnce) {
  const Tree t = buildTree();
  identity::UserService users(*ctx_, hasher_);
  ASSERT_TRUE(users.create(identity::Principal::system(),
                           {"li.si", "李四", t.street_a.id, {Role::Inspector}, "0123456789ab"}));
  auto again = users.create(identity::Principal::system(),
                            {"li.si", "李四", t.street_b.id, {Role::Inspector}, "0123456789ab"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::Conflict);
  EXPECT_EQ(again.error().field, "username");
}

TEST_P(UserStore, ListsUsersWhoseOrganisationIsInScope) {
  const Tree t = buildTree();
  identity::UserService users(*ctx_, hasher_);
  const auto system = identity::Principal::system();
  ASSERT_TRUE(users.create(
      system, {"a.officer", "甲", t.street_a.id, {Role::StreetOfficer}, "0123456789ab"}));
  ASSERT_TRUE(users.create(
      system, {"b.officer", "乙", t.street_b.id, {Role::StreetOfficer}, "0123456789ab"}));
  ASSERT_TRUE(users.create(
      system, {"gas.boss", "燃", t.gas_enterprise.id, {Role::EnterpriseManager}, "0123456789ab"}));
  auto in_a = store::readReturning<std::vector<identity::User>>(*store_, [&](store::Tx& tx) {
    return tx.users().list({t.street_a.path, {}, {}}, {});
  });
  ASSERT_TRUE(in_a);
  ASSERT_EQ(in_a->size(), 2U);
  EXPECT_EQ((*in_a)[0].username, "a.officer");
  EXPECT_EQ((*in_a)[1].username, "gas.boss");
}

TEST_P(UserStore, SessionsAreFoundByTokenHashAndRevoked) {
  const Tree t = buildTree();
  identity::UserService users(*ctx_, hasher_);
  ASSERT_TRUE(
      users.create(identity::Principal::system(),
                   {"wang.wu", "王五", t.district.id, {Role::DutyOfficer}, "0123456789ab"}));
  identity::AuthService auth(*ctx_, hasher_);
  auto login = auth.login({.username = "wang.wu", .password = "0123456789ab", .client = "api"});
  ASSERT_TRUE(login) << login.error().message;
  auto session = store::readReturning<identity::Session>(*store_, [&](store::Tx& tx) {
    return tx.sessions().getByTokenHash(sha256Hex(login->token));
  });
  ASSERT_TRUE(session);
  EXPECT_FALSE(session->revoked);
  EXPECT_EQ(session->expires_at, clock_.now() + std::chrono::hours(12));
  ASSERT_TRUE(auth.authenticate(login->token));
  auto revoked = users.revokeSessions(identity::Principal::system(), login->user.id);
  ASSERT_TRUE(revoked);
  EXPECT_EQ(*revoked, 1);
  EXPECT_FALSE(auth.authenticate(login->token));
}

CITYSAFE_INSTANTIATE_STORES(UserStore);

}  // namespace
}  // namespace citysafe::contract
