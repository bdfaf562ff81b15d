// RequestGuard: the header-only admission rules (origins, body types, /metrics, body limits,
// the client behind trusted proxies), without a server.
#include "citysafe/http/request_guard.hpp"

#include <gtest/gtest.h>

namespace citysafe::http {
namespace {

HttpRequest request(std::string method, std::map<std::string, std::string> headers,
                    std::string remote = "10.0.0.9") {
  HttpRequest r;
  r.method = std::move(method);
  r.path = "/api/v1/orgs";
  r.headers = std::move(headers);
  r.remote_address = std::move(remote);
  return r;
}

Route route(Body body = Body::Json) {
  Route r;
  r.method = "POST";
  r.pattern = "/api/v1/orgs";
  r.body = body;
  return r;
}

int refusal(const RequestGuard& guard, const HttpRequest& head, const Route& r = route()) {
  auto refused = guard.crossSiteRefusal(head, r);
  return refused ? refused->status : 0;
}

TEST(RequestGuard, OriginMustMatchTheHostWhenNoPublicOriginIsConfigured) {
  AppConfig config;
  const RequestGuard guard(config);
  EXPECT_TRUE(guard.originAllowed(
      request("POST", {{"origin", "https://city.example"}, {"host", "city.example"}})));
  EXPECT_FALSE(guard.originAllowed(
      request("POST", {{"origin", "https://evil.example"}, {"host", "city.example"}})));
  EXPECT_FALSE(guard.originAllowed(request("POST", {{"origin", "https://city.example"}})));
}

TEST(RequestGuard, OriginMustBeAConfiguredPublicOrigin) {
  AppConfig config;
  config.public_origins = {"https://ui.example"};
  const RequestGuard guard(config);
  EXPECT_TRUE(guard.originAllowed(request("POST", {{"origin", "https://ui.example"}})));
  EXPECT_FALSE(guard.originAllowed(
      request("POST", {{"origin", "https://city.example"}, {"host", "city.example"}})));
}

TEST(RequestGuard, WithoutAnOriginSecFetchSiteDecides) {
  AppConfig config;
  const RequestGuard guard(config);
  EXPECT_TRUE(guard.originAllowed(request("POST", {})));
  EXPECT_TRUE(guard.originAllowed(request("POST", {{"sec-fetch-site", "same-origin"}})));
  EXPECT_FALSE(guard.originAllowed(request("POST", {{"sec-fetch-site", "cross-site"}})));
}

TEST(RequestGuard, RefusesACrossSiteStateChangeButNotARead) {
  AppConfig config;
  const RequestGuard guard(config);
  const std::map<std::string, std::string> foreign = {{"origin", "https://evil.example"},
                                                      {"host", "city.example"}};
  EXPECT_EQ(refusal(guard, request("POST", foreign)), 403);
  EXPECT_EQ(refusal(guard, request("DELETE", foreign)), 403);
  EXPECT_EQ(refusal(guard, request("GET", foreign)), 0);
}

TEST(RequestGuard, ABearerTokenIsNoBrowserForgery) {
  AppConfig config;
  const RequestGuard guard(config);
  EXPECT_EQ(refusal(guard, request("POST", {{"origin", "https://evil.example"},
                                            {"authorization", "Bearer abc"},
                                            {"content-length", "2"},
                                            {"content-type", "text/plain"}})),
            0);
}

TEST(RequestGuard, AJsonRouteTakesOnlyJsonBodies) {
  AppConfig config;
  const RequestGuard guard(config);
  EXPECT_EQ(
      refusal(guard, request("POST", {{"content-length", "2"}, {"content-type", "text/plain"}})),
      415);
  EXPECT_EQ(refusal(guard, request("POST", {{"content-length", "2"},
                                            {"content-type", "Application/JSON; charset=utf-8"}})),
            0);
  EXPECT_EQ(refusal(guard, request("POST", {{"content-length", "0"}})), 0);  // no body, no type
}

TEST(RequestGuard, AFileRouteRefusesFormTypes) {
  AppConfig config;
  const RequestGuard guard(config);
  const Route file = route(Body::File);
  for (const char* type :
       {"", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"}) {
    EXPECT_EQ(
        refusal(guard, request("POST", {{"transfer-encoding", "chunked"}, {"content-type", type}}),
                file),
        415)
        << type;
  }
  EXPECT_EQ(refusal(guard, request("POST", {{"content-length", "9"}, {"content-type", "text/csv"}}),
                    file),
            0);
}

TEST(RequestGuard, MetricsAnswerTheTokenOrAnAllowedAddressOnly) {
  AppConfig config;
  const RequestGuard nobody(config);
  EXPECT_FALSE(nobody.metricsAllowed(request("GET", {{"authorization", "Bearer "}})));

  config.metrics_token = "a-long-metrics-token-0123";
  config.metrics_addresses = {"10.0.0.7"};
  const RequestGuard guard(config);
  EXPECT_TRUE(guard.metricsAllowed(
      request("GET", {{"authorization", "Bearer a-long-metrics-token-0123"}})));
  EXPECT_FALSE(
      guard.metricsAllowed(request("GET", {{"authorization", "Bearer a-long-metrics-token-012"}})));
  EXPECT_FALSE(guard.metricsAllowed(
      request("GET", {{"authorization", "Bearer a-long-metrics-token-01234"}})));
  EXPECT_TRUE(guard.metricsAllowed(request("GET", {}, "10.0.0.7")));
  EXPECT_FALSE(guard.metricsAllowed(request("GET", {}, "10.0.0.8")));
}

TEST(RequestGuard, TheClientIsTheNearestUntrustedForwardedAddress) {
  AppConfig config;
  config.trusted_proxies = {"10.0.0.1", "10.0.0.2"};
  const RequestGuard guard(config);
  EXPECT_EQ(guard.clientAddress(request("GET", {{"x-forwarded-for", "1.2.3.4"}}, "9.9.9.9")),
            "9.9.9.9");  // an untrusted peer's header is ignored
  EXPECT_EQ(guard.clientAddress(
                request("GET", {{"x-forwarded-for", "6.6.6.6, 1.2.3.4, 10.0.0.2"}}, "10.0.0.1")),
            "1.2.3.4");
  EXPECT_EQ(guard.clientAddress(request("GET", {}, "10.0.0.1")), "10.0.0.1");
}

TEST(RequestGuard, UploadsMayBeLargerThanOtherBodies) {
  AppConfig config;
  config.body_limit = 1000;
  config.upload_limit = 50 << 20;
  const RequestGuard guard(config);
  EXPECT_EQ(guard.bodyLimitFor("/api/v1/orgs"), 1000U);
  EXPECT_EQ(guard.bodyLimitFor("/api/v1/hazards/7/media"), std::size_t{50} << 20);
  EXPECT_EQ(guard.bodyLimitFor("/api/v1/hazards/import?x=1"), std::size_t{50} << 20);
  EXPECT_EQ(guard.bodyLimitFor("/api/v1/public/tips/abc/media"), std::size_t{10} << 20);
  EXPECT_EQ(guard.bodyLimitFor("/api/v1/orgs?x=/media"), 1000U);  // the query decides nothing
}

}  // namespace
}  // namespace citysafe::http
