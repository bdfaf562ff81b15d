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

TEST_F(Auth, AWrongPasswordAnUnknownUserAndADisabledAccountLookTheSame) {
  const auto admin = platform_.loginCookie("admin");
  const auto dept = std::to_string(platform_.userIdByName("dept"));
  ASSERT_EQ(platform_.send("PATCH", "/api/v1/users/" + dept, R"({"disabled":true})", admin).status,
            200);
  const auto wrong =
      platform_.send("POST", "/api/v1/auth/login", loginBody("duty", "not-the-password"), "");
  const auto nobody =
      platform_.send("POST", "/api/v1/auth/login", loginBody("nobody", "not-the-password"), "");
  const auto disabled = platform_.send("POST", "/api/v1/auth/login",
                                       loginBody("dept", demo::demoPassword("dept")), "");
  for (const auto* reply : {&wrong, &nobody, &disabled}) {
    EXPECT_EQ(reply->status, 401) << reply->body;
    EXPECT_EQ(reply->json()["detail"], wrong.json()["detail"]);
    EXPECT_EQ(reply->json()["field"], wrong.json()["field"]);
  }
}

// Behind our proxy, so each request can come from another client address.
class AuthThrottle : public ::testing::Test {
 protected:
  HttpReply loginFrom(const std::string& address, const std::string& user,
                      const std::string& password) {
    return httpRequest(platform_.port(), "POST", "/api/v1/auth/login", loginBody(user, password),
                       {{"X-Forwarded-For", address}});
  }
  TestPlatform platform_{{"127.0.0.1"}};
};

TEST_F(AuthThrottle, AnAttackerAtOneAddressCannotLockTheAdministratorOut) {
  const std::string attacker = "203.0.113.9";
  int refused = 0;
  for (int i = 0; i < 40; ++i) {
    const auto reply = loginFrom(attacker, "admin", "guess-" + std::to_string(i));
    ASSERT_TRUE(reply.status == 401 || reply.status == 429) << reply.body;
    refused += reply.status == 429;
  }
  EXPECT_GE(refused, 30) << "the attacker is slowed down";
  // The attacker's own next try, even with the right password, waits.
  EXPECT_EQ(loginFrom(attacker, "admin", demo::demoPassword("admin")).status, 429);
  // The administrator, elsewhere, is not.
  const auto real = loginFrom("198.51.100.7", "admin", demo::demoPassword("admin"));
  EXPECT_EQ(real.status, 200) << real.body;
}

TEST_F(AuthThrottle, EachFailurePastTheAllowanceDoublesTheWait) {
  const std::string address = "203.0.113.20";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(loginFrom(address, "inspector", "wrong").status, 401);
  EXPECT_EQ(loginFrom(address, "inspector", "wrong").status, 401);  // the sixth: wait 1 s
  auto waiting = loginFrom(address, "inspector", demo::demoPassword("inspector"));
  ASSERT_EQ(waiting.status, 429) << waiting.body;
  EXPECT_EQ(waiting.headers["retry-after"], "1");
  platform_.clock.advance(std::chrono::seconds(2));
  EXPECT_EQ(loginFrom(address, "inspector", "wrong").status, 401);  // the seventh: wait 2 s
  waiting = loginFrom(address, "inspector", "wrong");
  EXPECT_EQ(waiting.headers["retry-after"], "2");
  // An unknown name gets the same treatment, so the wait tells nothing about who exists.
  for (int i = 0; i < 6; ++i) (void)loginFrom("203.0.113.21", "nobody-here", "wrong");
  const auto unknown = loginFrom("203.0.113.21", "nobody-here", "wrong");
  EXPECT_EQ(unknown.status, 429);
  EXPECT_EQ(unknown.headers.at("retry-after"), "1");
  platform_.clock.advance(std::chrono::seconds(5));
  EXPECT_EQ(loginFrom(address, "inspector", demo::demoPassword("inspector")).status, 200);
}

TEST_F(AuthThrottle, FailedLoginsAreAuditedAndShownToTheAdministrator) {
  for (int i = 0; i < 7; ++i) (void)loginFrom("203.0.113.30", "leader", "wrong");
  (void)loginFrom("203.0.113.30", "no-such-user", "wrong");
  const auto admin = platform_.loginCookie("admin");
  const auto activity = platform_.get("/api/v1/auth/login-activity", admin);
  ASSERT_EQ(activity.status, 200) << activity.body;
  bool address_seen = false;
  bool pair_seen = false;
  const auto rows = activity.json()["items"];
  for (const auto& row : rows) {
    if (row["address"] != "203.0.113.30") continue;
    if (row["username"].is_null()) {
      address_seen = row["failures"] == 7;
    } else if (row["username"] == "leader") {
      pair_seen = row["failures"] == 6 && !row["blocked_until"].is_null();
    }
  }
  EXPECT_TRUE(address_seen) << activity.body;
  EXPECT_TRUE(pair_seen) << activity.body;
  // Not for everyone: a district's duty officer sees no other district's attackers.
  EXPECT_EQ(platform_.get("/api/v1/auth/login-activity", platform_.loginCookie("duty")).status,
            403);
  const auto audit = platform_.get("/api/v1/audit?limit=50", admin);
  ASSERT_EQ(audit.status, 200) << audit.body;
  int failures = 0;
  bool unknown_named = false;
  const auto records = audit.json()["items"];
  for (const auto& r : records) {
    if (r["action"] != "login_failed") continue;
    ++failures;
    unknown_named = unknown_named || (r["entity"] == "login" && r["entity_id"] == "no-such-user");
  }
  EXPECT_EQ(failures, 7)
      << "six counted failures and the unknown name; the throttled seventh is not";
  EXPECT_TRUE(unknown_named);
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
      401);
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
