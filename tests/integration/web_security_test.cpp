// What a hostile web page, or a curious stranger, could do through a user's browser or to our
// public endpoints (issue 11): cross-site writes, login CSRF, framing, metrics, health details.
#include <gtest/gtest.h>

#include "citysafe/core/demo/demo_district.hpp"
#include "hazard_fixture.hpp"
#include "test_server.hpp"

namespace citysafe::testing {
namespace {

std::string hazardBody(TestPlatform& p) {
  return nlohmann::json{{"description", "跨站请求测试隐患"},
                        {"source", "grid_inspection"},
                        {"grade", "general"},
                        {"sector", "construction"},
                        {"org_id", p.orgIdByName("和平街道")},
                        {"location", {{"lon", 120.1425}, {"lat", 30.3258}}}}
      .dump();
}

class WebSecurity : public ::testing::Test {
 protected:
  HttpReply postHazard(const std::map<std::string, std::string>& headers) {
    auto all = headers;
    all["Cookie"] = street_;
    return httpRequest(platform_.port(), "POST", "/api/v1/hazards", hazardBody(platform_), all);
  }
  TestPlatform platform_;
  std::string street_ = platform_.loginCookie("street");
};

TEST_F(WebSecurity, AnotherSitesPageCannotWriteWithTheUsersCookie) {
  // Another port of the same host is another origin.
  const auto other_port = postHazard({{"Origin", "http://127.0.0.1:9999"}});
  EXPECT_EQ(other_port.status, 403) << other_port.body;
  EXPECT_EQ(other_port.json()["field"], "origin");
  EXPECT_EQ(postHazard({{"Sec-Fetch-Site", "cross-site"}}).status, 403);
  EXPECT_EQ(postHazard({{"Sec-Fetch-Site", "same-site"}}).status, 403);
  // The page's own origin is welcome.
  EXPECT_EQ(postHazard({{"Origin", "http://127.0.0.1"}}).status, 201);
  EXPECT_EQ(postHazard({{"Sec-Fetch-Site", "same-origin"}}).status, 201);
}

TEST_F(WebSecurity, AFormPostIsNotJson) {
  // What an HTML form (or a "simple" fetch) can send without asking first.
  for (const std::string type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
    const auto reply = postHazard({{"Content-Type", type}});
    EXPECT_EQ(reply.status, 415) << type << reply.body;
    EXPECT_EQ(reply.json()["field"], "content-type");
  }
  EXPECT_EQ(postHazard({{"Content-Type", "application/json; charset=utf-8"}}).status, 201);
  // A file route takes the file's own type, never a form's.
  const auto id = reportHazard(platform_, street_, "和平街道", "construction");
  const auto path = "/api/v1/hazards/" + std::to_string(id) + "/media?stage=report";
  EXPECT_EQ(httpRequest(platform_.port(), "POST", path, tinyPng(),
                        {{"Cookie", street_}, {"Content-Type", "text/plain"}})
                .status,
            415);
  EXPECT_EQ(httpRequest(platform_.port(), "POST", path, tinyPng(),
                        {{"Cookie", street_}, {"Content-Type", "image/png"}})
                .status,
            201);
}

TEST_F(WebSecurity, ABearerTokenNeedsNoOriginBecauseNoBrowserSendsItUnasked) {
  const auto bearer = platform_.loginBearer("street");
  const auto reply = httpRequest(platform_.port(), "POST", "/api/v1/hazards", hazardBody(platform_),
                                 {{"Authorization", bearer}, {"Origin", "http://gateway.local"}});
  EXPECT_EQ(reply.status, 201) << reply.body;
}

TEST_F(WebSecurity, LoginFromAnotherSiteIsRefusedAndALoginReplacesTheSession) {
  const auto body = nlohmann::json{{"username", "duty"}, {"password", demo::demoPassword("duty")}};
  const auto forged = httpRequest(platform_.port(), "POST", "/api/v1/auth/login", body.dump(),
                                  {{"Origin", "http://attacker.example"}});
  EXPECT_EQ(forged.status, 403) << forged.body;
  // Logging in while holding a session ends that session: a planted cookie does not survive.
  const auto before = platform_.loginCookie("duty");
  const auto again = httpRequest(platform_.port(), "POST", "/api/v1/auth/login", body.dump(),
                                 {{"Cookie", before}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(platform_.get("/api/v1/auth/me", before).status, 401);
  EXPECT_EQ(again.headers.at("set-cookie").find(before), std::string::npos);
}

TEST_F(WebSecurity, TheLiveChannelRefusesOtherOrigins) {
  const auto duty = platform_.loginCookie("duty");
  WebSocketClient foreign(platform_.port(), "/api/v1/events",
                          {{"Cookie", duty}, {"Origin", "http://attacker.example"}});
  EXPECT_EQ(foreign.status(), 403);
  WebSocketClient own(platform_.port(), "/api/v1/events",
                      {{"Cookie", duty}, {"Origin", "http://127.0.0.1"}});
  EXPECT_EQ(own.status(), 101);
}

TEST_F(WebSecurity, PagesCannotBeFramedOrRunInlineScripts) {
  const auto reply = httpRequest(platform_.port(), "GET", "/healthz");
  const auto csp = reply.headers.at("content-security-policy");
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  const auto scripts = csp.substr(csp.find("script-src"));
  EXPECT_EQ(scripts.substr(0, scripts.find(';')), "script-src 'self'");
  EXPECT_EQ(reply.headers.at("x-frame-options"), "DENY");
}

TEST_F(WebSecurity, HealthSaysNothingAboutTheInside) {
  const auto reply = httpRequest(platform_.port(), "GET", "/healthz");
  ASSERT_EQ(reply.status, 200);
  EXPECT_FALSE(reply.json().contains("store")) << reply.body;
  EXPECT_EQ(reply.body.find(platform_.dir.string().substr(0, 8)), std::string::npos);
}

TEST(Metrics, AreForTheOperatorOnly) {
  TestPlatform closed([](http::AppConfig&) {});
  TestPlatform with_token([](http::AppConfig& c) {
    c.metrics_addresses.clear();
    c.metrics_token = "a-long-metrics-token-0123";
  });
  // The test platform allows its own host; a platform with nothing configured allows nobody.
  TestPlatform nobody([](http::AppConfig& c) { c.metrics_addresses.clear(); });
  EXPECT_EQ(httpRequest(closed.port(), "GET", "/metrics").status, 200);
  EXPECT_EQ(httpRequest(nobody.port(), "GET", "/metrics").status, 403);
  EXPECT_EQ(httpRequest(with_token.port(), "GET", "/metrics").status, 403);
  EXPECT_EQ(httpRequest(with_token.port(), "GET", "/metrics", "",
                        {{"Authorization", "Bearer a-long-metrics-token-0124"}})
                .status,
            403);
  const auto ok = httpRequest(with_token.port(), "GET", "/metrics", "",
                              {{"Authorization", "Bearer a-long-metrics-token-0123"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("citysafe_http_requests_total"), std::string::npos);
}

}  // namespace
}  // namespace citysafe::testing
