#include "test_server.hpp"

#include <gtest/gtest.h>

#include "basemap_import.hpp"
#include "citysafe/common/random_token.hpp"
#include "citysafe/core/demo/demo_district.hpp"
#include "runtime.hpp"

namespace citysafe::testing {

TestPlatform::TestPlatform(std::vector<std::string> trusted_proxies)
    : TestPlatform([&](http::AppConfig& config) { config.trusted_proxies = trusted_proxies; }) {}

TestPlatform::TestPlatform(const std::function<void(http::AppConfig&)>& configure) {
  dir = std::filesystem::temp_directory_path() / ("citysafe-it-" + randomHexToken(6));
  std::filesystem::create_directories(dir);
  auto opened = sql::openStore("sqlite:" + (dir / "it.db").string());
  if (!opened) throw std::runtime_error(opened.error().message);
  store = std::move(*opened);
  ctx = std::make_unique<ServiceContext>(*store, clock, bus, testing::kTestAuditKey, &checkpoints);
  // As on first start: the first checkpoint marks where the keyed chain begins.
  if (auto head = ctx->auditor.checkpointHead(*store); !head)
    throw std::runtime_error(head.error().message);
  if (auto demo = demo::buildDemoDistrict(*ctx, hasher); !demo)
    throw std::runtime_error(demo.error().message);
  services = app::buildServices(*ctx, gate);
  if (auto base = app::ensureDemoBasemap(services->basemap); !base)
    throw std::runtime_error(base.error().message);
  // Three of every kind: enough for every colour, grade and list, and quick to build.
  if (auto risks = demo::buildDemoRisks(*ctx, demo::kDemoCentre, 51); !risks) {
    throw std::runtime_error(risks.error().message);
  }
  http::AppConfig config{.web_root = "",
                         .body_limit = 64 * 1024,
                         .secure_cookies = false,
                         .live_recheck = std::chrono::milliseconds(200)};
  config.metrics_addresses = {"127.0.0.1"};  // the operator's own Prometheus, on this host
  configure(config);
  app = std::make_unique<http::Application>(*services, std::move(config));
  server = std::make_unique<http::HttpServer>(*app, bus, 2);
  auto port = server->start("127.0.0.1", 0);
  if (!port) throw std::runtime_error(port.error().message);
  port_ = *port;
}

TestPlatform::~TestPlatform() {
  server->stop();
  server.reset();
  app.reset();
  services.reset();
  ctx.reset();
  store.reset();
  std::filesystem::remove_all(dir);
}

namespace {
std::string tokenFrom(const HttpReply& reply) {
  const auto cookie = reply.headers.count("set-cookie") ? reply.headers.at("set-cookie") : "";
  const auto start = cookie.find("cs_session=");
  if (start == std::string::npos) return {};
  return cookie.substr(start + 11, cookie.find(';', start) - start - 11);
}
}  // namespace

std::string TestPlatform::loginCookie(const std::string& username) {
  const auto body =
      nlohmann::json{{"username", username}, {"password", demo::demoPassword(username)}}.dump();
  const auto reply = httpRequest(port_, "POST", "/api/v1/auth/login", body);
  EXPECT_EQ(reply.status, 200) << username << ": " << reply.body;
  return "cs_session=" + tokenFrom(reply);
}

std::string TestPlatform::loginBearer(const std::string& username) {
  const auto body = nlohmann::json{
      {"username", username},
      {"password", demo::demoPassword(username)},
      {"token", true}}.dump();
  const auto reply = httpRequest(port_, "POST", "/api/v1/auth/login", body);
  EXPECT_EQ(reply.status, 200) << username << ": " << reply.body;
  return "Bearer " + reply.json().value("token", "");
}

std::int64_t TestPlatform::orgIdByName(const std::string& name) {
  auto orgs = org::OrgService(*ctx).list(identity::Principal::system(),
                                         {.kind = {}, .parent_id = {}, .page = {500, 0}});
  for (const auto& o : *orgs) {
    if (o.name == name) return o.id.value;
  }
  throw std::runtime_error("no demo organisation " + name);
}

std::int64_t TestPlatform::userIdByName(const std::string& username) {
  auto user = store::readReturning<identity::User>(
      *store, [&](store::Tx& tx) { return tx.users().getByUsername(username); });
  if (!user) throw std::runtime_error("no user " + username);
  return user->id.value;
}

HttpReply TestPlatform::get(const std::string& target, const std::string& cookie) {
  return send("GET", target, "", cookie);
}

HttpReply TestPlatform::send(const std::string& method, const std::string& target,
                             const std::string& body, const std::string& credential) {
  std::map<std::string, std::string> headers;
  if (credential.starts_with("Bearer "))
    headers["Authorization"] = credential;
  else if (!credential.empty())
    headers["Cookie"] = credential;
  return httpRequest(port_, method, target, body, headers);
}

std::string TestPlatform::auditProblems() {
  auto report = ctx->auditor.verify(*store);
  if (!report) return "verify failed: " + report.error().message;
  std::string out;
  for (const auto& problem : report->problems) out += problem + "\n";
  return out;
}

}  // namespace citysafe::testing
