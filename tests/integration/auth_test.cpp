#include <gtest/gtest.h>

#include "citysafe/core/demo/demo_district.hpp"
#include "test_server.hpp"

namespace citysafe::testing {
namespace {

std::string loginBody(const std::string& user, const std::string& password) {
  return nlohmann::json{{"username", user}, {"password", password}}.dump();
}

class Auth : public ::testing::Test {
 protected:
  TestPlatform platform_;
};

TEST_F(Auth, LoginSetsAStrictHttpOnlyCookie) {
  const auto reply = platform_.send("POST", "/api/v1/auth/login",
                                    loginBody("duty", demo::demoPassword("duty")), "");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto cookie = reply.headers.at("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_FALSE(reply.json().contains("token")) << "browsers get only the cookie";
  EXPECT_EQ(reply.json()["user"]["username"], "duty");
  EXPECT_FALSE(reply.json()["user"].contains("password_hash"));
}

TEST_F(Auth, AWrongPasswordAndAnUnknownUserLookTheSame) {
  const auto wrong =
      platform_.send("POST", "/api/v1/auth/login", loginBody("duty", "not-the-password"), "");
  const auto nobody =
      platform_.send("POST", "/api/v1/auth/login", loginBody("nobody", "not-the-password"), "");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(nobody.status, 401);
  EXPECT_EQ(wrong.json()["detail"], nobody.json()["detail"]);
}

TEST_F(Auth, FiveFailuresLockTheAccountUntilTheLockoutPasses) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(
        platform_.send("POST", "/api/v1/auth/login", loginBody("inspector", "wrong-password"), "")
            .status,
        401);
  }
  const auto locked = platform_.send("POST", "/api/v1/auth/login",
                                     loginBody("inspector", demo::demoPassword("inspector")), "");
  EXPECT_EQ(locked.status, 403) << locked.body;
  EXPECT_NE(locked.json().value("detail", "").find("locked"), std::string::npos);
  platform_.clock.advance(std::chrono::minutes(16));
  EXPECT_EQ(platform_
                .send("POST", "/api/v1/auth/login",
                      loginBody("inspector", demo::demoPassword("inspector")), "")
                .status,
            200);
}

TEST_F(Auth, ABearerTokenWorksForApiClients) {
  const auto bearer = platform_.loginBearer("leader");
  ASSERT_GT(bearer.size(), 40U);
  const auto me = platform_.get("/api/v1/auth/me", bearer);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["username"], "leader");
  EXPECT_EQ(me.json()["org_name"], "安澜区");
}

TEST_F(Auth, RequestsWithoutASessionAre401) {
  EXPECT_EQ(platform_.get("/api/v1/orgs", "").status, 401);
  EXPECT_EQ(platform_.get("/api/v1/orgs", "cs_session=forged").status, 401);
  EXPECT_EQ(platform_.get("/api/v1/orgs", "Bearer forged").status, 401);
}

TEST_F(Auth, SessionsExpire) {
  const auto cookie = platform_.loginCookie("duty");
  EXPECT_EQ(platform_.get("/api/v1/auth/me", cookie).status, 200);
  platform_.clock.advance(std::chrono::hours(12) + std::chrono::seconds(1));
  EXPECT_EQ(platform_.get("/api/v1/auth/me", cookie).status, 401);
}

TEST_F(Auth, LogoutRevokesTheSession) {
  const auto cookie = platform_.loginCookie("duty");
  EXPECT_EQ(platform_.send("POST", "/api/v1/auth/logout", "", cookie).status, 200);
  EXPECT_EQ(platform_.get("/api/v1/auth/me", cookie).status, 401);
}

TEST_F(Auth, AnAdminCanRevokeAnotherUsersSessions) {
  const auto admin = platform_.loginCookie("admin");
  const auto street = platform_.loginCookie("street");
  const auto id = platform_.userIdByName("street");
  const auto reply =
      platform_.send("POST", "/api/v1/users/" + std::to_string(id) + "/revoke-sessions", "", admin);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["revoked"], 1);
  EXPECT_EQ(platform_.get("/api/v1/auth/me", street).status, 401);
}

TEST_F(Auth, ADisabledUserCannotLogInAndLosesTheirSessions) {
  const auto admin = platform_.loginCookie("admin");
  const auto dept = platform_.loginCookie("dept");
  const auto id = platform_.userIdByName("dept");
  ASSERT_EQ(
      platform_.send("PATCH", "/api/v1/users/" + std::to_string(id), R"({"disabled":true})", admin)
          .status,
      200);
  EXPECT_EQ(platform_.get("/api/v1/auth/me", dept).status, 401);
  EXPECT_EQ(
      platform_
          .send("POST", "/api/v1/auth/login", loginBody("dept", demo::demoPassword("dept")), "")
          .status,
      403);
}

TEST_F(Auth, APasswordChangeEndsSessionsAndTheNewPasswordWorks) {
  const auto admin = platform_.loginCookie("admin");
  const auto id = std::to_string(platform_.userIdByName("enterprise"));
  EXPECT_EQ(
      platform_.send("POST", "/api/v1/users/" + id + "/password", R"({"password":"short"})", admin)
          .status,
      400);
  ASSERT_EQ(platform_
                .send("POST", "/api/v1/users/" + id + "/password",
                      R"({"password":"a much longer secret"})", admin)
                .status,
            200);
  EXPECT_EQ(
      platform_
          .send("POST", "/api/v1/auth/login", loginBody("enterprise", "a much longer secret"), "")
          .status,
      200);
}

}  // namespace
}  // namespace citysafe::testing
