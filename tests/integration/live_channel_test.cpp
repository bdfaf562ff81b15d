#include <gtest/gtest.h>

#include "citysafe/core/basemap/basemap_service.hpp"
#include "hazard_fixture.hpp"
#include "test_server.hpp"

namespace citysafe::testing {
namespace {

class LiveChannel : public ::testing::Test {
 protected:
  std::unique_ptr<WebSocketClient> connect(const std::string& role) {
    auto ws = std::make_unique<WebSocketClient>(
        platform_.port(), "/api/v1/events",
        std::map<std::string, std::string>{{"Cookie", platform_.loginCookie(role)}});
    EXPECT_EQ(ws->status(), 101);
    auto hello = ws->next();
    EXPECT_TRUE(hello && hello->find("hello") != std::string::npos);
    return ws;
  }
  // Collects event types until the platform-wide fence event arrives.
  std::vector<std::string> typesUntilFence(WebSocketClient& ws) {
    std::vector<std::string> types;
    for (int i = 0; i < 20; ++i) {
      auto m = ws.next();
      if (!m) break;
      const auto type = nlohmann::json::parse(*m)["type"].get<std::string>();
      if (type == "basemap.replaced") return types;
      types.push_back(type + ":" + nlohmann::json::parse(*m)["data"].value("name", ""));
    }
    ADD_FAILURE() << "the fence event never arrived";
    return types;
  }
  void fence() {
    basemap::BasemapService service(*platform_.ctx);
    basemap::MapFeature road{.layer = basemap::Layer::Road,
                             .shape = basemap::Shape::Line,
                             .feature_class = "primary",
                             .name = "围栏路",
                             .points = {{120.1, 30.3}, {120.2, 30.3}}};
    ASSERT_TRUE(service.replace(identity::Principal::system(), "fence", {road}));
  }
  TestPlatform platform_;
};

TEST_F(LiveChannel, RefusesAnUpgradeWithoutASession) {
  WebSocketClient ws(platform_.port(), "/api/v1/events", {});
  EXPECT_EQ(ws.status(), 401);
}

TEST_F(LiveChannel, PushesEachEventOnlyToThoseWhoseScopeHoldsIt) {
  auto street = connect("street");  // 和平街道
  auto leader = connect("leader");  // 安澜区
  auto enterprise = connect("enterprise");
  const auto admin = platform_.loginCookie("admin");
  auto create = [&](const std::string& name, const std::string& parent) {
    const auto body = nlohmann::json{
        {"name", name}, {"kind", "community"}, {"parent_id", platform_.orgIdByName(parent)}};
    ASSERT_EQ(platform_.send("POST", "/api/v1/orgs", body.dump(), admin).status, 201);
  };
  create("和平新社区", "和平街道");
  create("康宁新社区", "康宁街道");
  fence();
  EXPECT_EQ(typesUntilFence(*street), std::vector<std::string>{"org.created:和平新社区"});
  EXPECT_EQ(typesUntilFence(*leader),
            (std::vector<std::string>{"org.created:和平新社区", "org.created:康宁新社区"}));
  EXPECT_EQ(typesUntilFence(*enterprise), std::vector<std::string>{});
}

TEST_F(LiveChannel, UserEventsGoOnlyToThoseWhoMayReadUsers) {
  auto street = connect("street");  // may read organisations, not accounts
  auto leader = connect("leader");  // may read both
  const auto admin = platform_.loginCookie("admin");
  const auto body = nlohmann::json{{"username", "new.officer"},
                                   {"display_name", "新"},
                                   {"org_id", platform_.orgIdByName("和平社区")},
                                   {"roles", {"street_officer"}},
                                   {"password", "0123456789ab"}};
  ASSERT_EQ(platform_.send("POST", "/api/v1/users", body.dump(), admin).status, 201);
  fence();
  EXPECT_EQ(typesUntilFence(*street), std::vector<std::string>{});
  EXPECT_EQ(typesUntilFence(*leader), std::vector<std::string>{"user.created:"});
}

TEST_F(LiveChannel, ALoggedOutSessionLosesItsSocket) {
  const auto cookie = platform_.loginCookie("duty");
  WebSocketClient ws(platform_.port(), "/api/v1/events", {{"Cookie", cookie}});
  ASSERT_EQ(ws.status(), 101);
  ASSERT_TRUE(ws.next());  // hello
  ASSERT_EQ(platform_.send("POST", "/api/v1/auth/logout", "", cookie).status, 200);
  // The platform re-checks live sockets every 200 ms in tests (15 s by default).
  for (int i = 0; i < 10; ++i) {
    if (!ws.next(500)) break;
  }
  EXPECT_FALSE(ws.next(1000)) << "the socket still delivers after logout";
}

TEST_F(LiveChannel, CountsOpenConnectionsInMetrics) {
  auto ws = connect("duty");
  const auto metrics = httpRequest(platform_.port(), "GET", "/metrics").body;
  EXPECT_NE(metrics.find("citysafe_websocket_clients 1"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("citysafe_http_requests_total{"), std::string::npos);
}

TEST_F(LiveChannel, AHazardReachesTheUnitAssignedToFixIt) {
  auto enterprise = connect("enterprise");
  auto other = connect("dept");  // chemicals are not the construction bureau's sector
  const auto street = platform_.loginCookie("street");
  // A hazard of the street itself, outside the enterprise's subtree, until it is assigned to it.
  const auto id2 = reportHazard(platform_, street, "和平街道", "hazchem_mining");
  ASSERT_EQ(act(platform_, street, id2, {{"action", "accept"}}).status, 200);
  ASSERT_EQ(act(platform_, street, id2,
                {{"action", "assign"},
                 {"responsible_org_id", platform_.orgIdByName("安澜精细化工有限公司")},
                 {"days", 5}})
                .status,
            200);
  fence();
  const auto seen = typesUntilFence(*enterprise);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), "hazard.assign:"), 1) << seen.size();
  EXPECT_EQ(std::count(seen.begin(), seen.end(), "hazard.reported:"), 0)
      << "reports of the street's own are not the enterprise's business";
  const auto none = typesUntilFence(*other);
  EXPECT_EQ(std::count(none.begin(), none.end(), "hazard.assign:"), 0);
}

}  // namespace
}  // namespace citysafe::testing
