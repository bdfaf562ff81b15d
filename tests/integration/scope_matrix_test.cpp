// Every role × every endpoint, against the demo district. A route added without a row here fails
// the test, so the matrix cannot fall behind the API.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "citysafe/core/demo/demo_district.hpp"
#include "citysafe/core/org/org_service.hpp"
#include "citysafe/core/risk/risk_service.hpp"
#include "hazard_fixture.hpp"
#include "monitoring_fixture.hpp"
#include "test_server.hpp"

namespace citysafe::testing {
namespace {

const std::vector<std::string> kRoles = {"admin",  "leader",    "duty",      "dept",
                                         "street", "inspector", "enterprise"};

struct Probe {
  std::string target;  // with ids filled in
  std::string body;
  std::function<int(const std::string& role)> expected;
};

int everyone(int status, const std::string&) { return status; }

class ScopeMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto admin = platform_.loginCookie("admin");
    // A user whose account the write probes may change without touching the demo logins.
    const auto made = platform_.send("POST", "/api/v1/users",
                                     nlohmann::json{{"username", "victim"},
                                                    {"display_name", "测试"},
                                                    {"org_id", platform_.orgIdByName("和平社区")},
                                                    {"roles", {"street_officer"}},
                                                    {"password", "victim-password-1"}}
                                         .dump(),
                                     admin);
    ASSERT_EQ(made.status, 201) << made.body;
    victim_ = made.json()["id"].get<std::int64_t>();
    makeHazards();
    makeMonitoring();
  }

  // D1/S1: a device and gas sensor of 安澜精细化工 (和平街道, hazardous chemicals); A1: its alarm.
  void makeMonitoring() {
    const auto enterprise = platform_.loginCookie("enterprise");
    d1_ = registerDevice(platform_, enterprise, "DEV-M1", "安澜精细化工有限公司", "hazchem_mining");
    s1_ = registerSensor(platform_, enterprise, "GAS-M1", d1_, "methane", "%LEL");
    pushReadings(platform_, enterprise, reading("GAS-M1", platform_.clock.now(), 40));
    const auto alarms = platform_.get("/api/v1/alarms", enterprise).json();
    ASSERT_EQ(alarms["items"].size(), 1U);
    a1_ = alarms["items"][0]["id"].get<std::int64_t>();
  }

  // H1: a hazard of 安澜精细化工 (和平街道, hazardous-chemicals sector) being fixed, with a photo;
  // H2: another with an extension request waiting; a notice to the enterprise; a public tip.
  void makeHazards() {
    const auto street = platform_.loginCookie("street");
    const auto enterprise = platform_.loginCookie("enterprise");
    const auto unit = platform_.orgIdByName("安澜精细化工有限公司");
    for (auto* id : {&h1_, &h2_}) {
      *id = reportHazard(platform_, street, "安澜精细化工有限公司", "hazchem_mining");
      ASSERT_EQ(act(platform_, street, *id, {{"action", "accept"}}).status, 200);
      ASSERT_EQ(act(platform_, street, *id,
                    {{"action", "assign"}, {"responsible_org_id", unit}, {"days", 10}})
                    .status,
                200);
    }
    ASSERT_EQ(act(platform_, enterprise, h1_, {{"action", "start"}}).status, 200);
    const auto photo =
        platform_.send("POST", "/api/v1/hazards/" + std::to_string(h1_) + "/media?stage=progress",
                       tinyPng(), enterprise);
    ASSERT_EQ(photo.status, 201) << photo.body;
    m1_ = photo.json()["id"].get<std::int64_t>();
    const auto ext =
        platform_.send("POST", "/api/v1/hazards/" + std::to_string(h2_) + "/extensions",
                       R"({"reason":"设备到货延迟","deadline":"2027-03-01"})", enterprise);
    ASSERT_EQ(ext.status, 201) << ext.body;
    e1_ = ext.json()["id"].get<std::int64_t>();
    const auto notes = platform_.get("/api/v1/notifications", enterprise);
    const auto json = notes.json();
    ASSERT_FALSE(json["items"].empty()) << notes.body;
    note_ = json["items"][0]["id"].get<std::int64_t>();
    const auto tip = platform_.send(
        "POST", "/api/v1/public/tips",
        R"({"description":"小区门口窨井盖缺失很危险","location":{"lon":120.1425,"lat":30.3258}})",
        "");
    ASSERT_EQ(tip.status, 201) << tip.body;
    tip_code_ = tip.json()["tracking_code"].get<std::string>();
    policy_ = platform_.get("/api/v1/hazard-policy", street).body;
  }
  std::string id(const std::string& org) { return std::to_string(platform_.orgIdByName(org)); }
  // The first demo risk point that `fits` (kind, org path, sector).
  std::string riskId(const std::function<bool(const risk::RiskPoint&)>& fits) {
    risk::RiskService risks(*platform_.ctx);
    auto points = risks.list(identity::Principal::system(), {}, {500, 0});
    for (const auto& p : *points) {
      if (fits(p)) return std::to_string(p.id.value);
    }
    throw std::runtime_error("no demo risk point fits");
  }
  std::string orgPath(const std::string& name) {
    auto org = org::OrgService(*platform_.ctx)
                   .get(identity::Principal::system(), OrgId{platform_.orgIdByName(name)});
    return org ? org->path : "/";
  }

  std::map<std::string, Probe> probes() {
    const std::string victim = std::to_string(victim_);
    const std::string h1 = std::to_string(h1_);
    const std::string m1 = std::to_string(m1_);
    const std::string e1 = std::to_string(e1_);
    const std::string note = std::to_string(note_);
    const std::string d1 = std::to_string(d1_);
    const std::string s1 = std::to_string(s1_);
    const std::string a1 = std::to_string(a1_);
    const std::string heping = orgPath("和平街道");
    // A hospital outside 和平街道: only district-wide roles reach it.
    const std::string hospital_kangning = riskId([&](const risk::RiskPoint& p) {
      return p.kind == risk::RiskKind::Hospital && !p.org_path.starts_with(heping);
    });
    // A point of 和平街道 outside the construction bureau's sectors.
    const std::string waterlogging_heping = riskId([&](const risk::RiskPoint& p) {
      return p.org_path.starts_with(heping) && p.kind != risk::RiskKind::EnterpriseUnit &&
             p.sector != "construction" && p.sector != "urban_operation" && p.sector != "gas";
    });
    auto only = [](std::set<std::string> allowed, int yes, int no) {
      return [allowed, yes, no](const std::string& role) { return allowed.count(role) ? yes : no; };
    };
    using std::placeholders::_1;
    return {
        {"GET /healthz", {"/healthz", "", std::bind(everyone, 200, _1)}},
        {"GET /metrics", {"/metrics", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/openapi.json", {"/api/v1/openapi.json", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/sectors", {"/api/v1/sectors", "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/auth/login", {"/api/v1/auth/login", "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/auth/logout", {"/api/v1/auth/logout", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/auth/me", {"/api/v1/auth/me", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/auth/login-activity",
         {"/api/v1/auth/login-activity", "", only({"admin"}, 200, 403)}},
        {"GET /api/v1/orgs", {"/api/v1/orgs", "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/orgs",
         {"/api/v1/orgs",
          R"({"name":"新社区","kind":"community","parent_id":)" + id("和平街道") + "}",
          only({"admin", "street"}, 201, 403)}},
        // Another street's record: district-wide roles see it, the rest get 404 (not 403, so
        // ids outside a scope reveal nothing).
        {"GET /api/v1/orgs/{id}",
         {"/api/v1/orgs/" + id("康宁街道"), "",
          only({"admin", "leader", "duty", "inspector"}, 200, 404)}},
        {"PATCH /api/v1/orgs/{id}",
         {"/api/v1/orgs/" + id("和平街道"), R"({"address":"和平路1号"})",
          only({"admin", "street"}, 200, 403)}},
        {"GET /api/v1/users", {"/api/v1/users", "", only({"admin", "leader"}, 200, 403)}},
        {"POST /api/v1/users",
         {"/api/v1/users",
          R"({"username":"new.user","display_name":"新","org_id":)" + id("安澜区") +
              R"(,"roles":["inspector"],"password":"0123456789ab"})",
          only({"admin"}, 201, 403)}},
        {"GET /api/v1/users/{id}",
         {"/api/v1/users/" + victim, "", only({"admin", "leader"}, 200, 403)}},
        {"PATCH /api/v1/users/{id}",
         {"/api/v1/users/" + victim, R"({"display_name":"改"})", only({"admin"}, 200, 403)}},
        {"POST /api/v1/users/{id}/password",
         {"/api/v1/users/" + victim + "/password", R"({"password":"victim-password-2"})",
          only({"admin"}, 200, 403)}},
        {"POST /api/v1/users/{id}/revoke-sessions",
         {"/api/v1/users/" + victim + "/revoke-sessions", "", only({"admin"}, 200, 403)}},
        {"GET /api/v1/audit", {"/api/v1/audit", "", only({"admin", "leader", "duty"}, 200, 403)}},
        {"GET /api/v1/audit/verify", {"/api/v1/audit/verify", "", only({"admin"}, 200, 403)}},
        {"GET /api/v1/basemap/info", {"/api/v1/basemap/info", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/basemap",
         {"/api/v1/basemap?bbox=120.15,30.31,120.16,30.32", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/events", {"/api/v1/events", "", std::bind(everyone, 426, _1)}},
        {"GET /api/v1/risk/points", {"/api/v1/risk/points", "", std::bind(everyone, 200, _1)}},
        // A bridge in 和平社区: the street owns it; the construction bureau reaches it through its
        // urban-operation sector; an enterprise does not.
        {"POST /api/v1/risk/points",
         {"/api/v1/risk/points",
          R"({"name":"新桥","kind":"bridge","sector":"urban_operation","org_id":)" +
              id("和平社区") + R"(,"geometry":{"type":"Point","coordinates":[120.15,30.31]}})",
          [](const std::string& r) {
            if (r == "admin" || r == "street" || r == "dept") return 201;
            return r == "enterprise" ? 404 : 403;  // may register risks, but not there
          }}},
        // A hospital under 康宁街道 (medical sector): district-wide roles only.
        {"GET /api/v1/risk/points/{id}",
         {"/api/v1/risk/points/" + hospital_kangning, "",
          only({"admin", "leader", "duty", "inspector"}, 200, 404)}},
        {"GET /api/v1/risk/points/{id}/assessments",
         {"/api/v1/risk/points/" + hospital_kangning + "/assessments", "",
          only({"admin", "leader", "duty", "inspector"}, 200, 404)}},
        {"GET /api/v1/risk/points/{id}/exposure",
         {"/api/v1/risk/points/" + hospital_kangning + "/exposure", "",
          only({"admin", "leader", "duty", "inspector"}, 200, 404)}},
        // A waterlogging point under 和平街道 (flood sector): writable by its street only.
        {"PATCH /api/v1/risk/points/{id}",
         {"/api/v1/risk/points/" + waterlogging_heping, R"({"capacity":0})",
          [](const std::string& r) {
            if (r == "admin" || r == "street") return 200;
            return r == "dept" || r == "enterprise" ? 404 : 403;
          }}},
        {"POST /api/v1/risk/points/{id}/assessments",
         {"/api/v1/risk/points/" + waterlogging_heping + "/assessments",
          R"({"method":"ls","inputs":{"l":2,"s":3}})",
          [](const std::string& r) {
            if (r == "admin" || r == "street" || r == "inspector") return 201;
            return r == "dept" || r == "enterprise" ? 404 : 403;
          }}},
        {"POST /api/v1/risk/assess",
         {"/api/v1/risk/assess", R"({"method":"lec","inputs":{"l":3,"e":6,"c":7}})",
          std::bind(everyone, 200, _1)}},
        {"GET /api/v1/risk/lists/{list}",
         {"/api/v1/risk/lists/major_risks", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/risk/map", {"/api/v1/risk/map", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/risk/aggregate",
         {"/api/v1/risk/aggregate?by=grid", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/risk/safety-index",
         {"/api/v1/risk/safety-index", "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/risk/import",
         {"/api/v1/risk/import?format=csv",
          "name,kind,sector,org_id,lon,lat\n导入桥,bridge,urban_operation," + id("和平社区") +
              ",120.15,30.31\n",
          [](const std::string& r) {
            if (r == "admin" || r == "street" || r == "dept") return 200;
            return r == "enterprise" ? 400 : 403;  // its row names an organisation it cannot reach
          }}},
        {"GET /api/v1/risk/gb18218/substances",
         {"/api/v1/risk/gb18218/substances", "", std::bind(everyone, 200, _1)}},
        // Hazards. H1 belongs to 安澜精细化工 in 和平街道, sector hazchem_mining, which the
        // construction bureau (dept) does not supervise.
        {"GET /api/v1/hazards", {"/api/v1/hazards", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/hazards/counts",
         {"/api/v1/hazards/counts", "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/hazards",
         {"/api/v1/hazards",
          R"({"description":"消防通道堵塞","source":"grid_inspection","grade":"general",)"
          R"("sector":"fire","org_id":)" +
              id("和平社区") + R"(,"location":{"lon":120.1425,"lat":30.3258}})",
          [](const std::string& r) {
            if (r == "leader") return 403;
            return r == "dept" || r == "enterprise" ? 404 : 201;
          }}},
        {"GET /api/v1/hazards/{id}", {"/api/v1/hazards/" + h1, "", reachH1(200)}},
        {"POST /api/v1/hazards/{id}/actions",
         {"/api/v1/hazards/" + h1 + "/actions", R"({"action":"progress","note":"已采购新报警器"})",
          [](const std::string& r) {
            if (r == "enterprise") return 200;  // only the unit fixing it
            return r == "dept" ? 404 : 403;
          }}},
        {"GET /api/v1/hazards/{id}/timeline",
         {"/api/v1/hazards/" + h1 + "/timeline", "", reachH1(200)}},
        {"POST /api/v1/hazards/{id}/media",
         {"/api/v1/hazards/" + h1 + "/media?stage=progress", tinyPng(),
          only({"enterprise"}, 201, 403)}},
        {"GET /api/v1/hazards/{id}/media", {"/api/v1/hazards/" + h1 + "/media", "", reachH1(200)}},
        {"GET /api/v1/hazard-media/{id}", {"/api/v1/hazard-media/" + m1, "", reachH1(200)}},
        {"GET /api/v1/hazard-media/{id}/thumbnail",
         {"/api/v1/hazard-media/" + m1 + "/thumbnail", "", reachH1(200)}},
        {"POST /api/v1/hazards/{id}/extensions",
         {"/api/v1/hazards/" + h1 + "/extensions",
          R"({"reason":"雨季施工","deadline":"2027-06-01"})", only({"enterprise"}, 201, 403)}},
        {"GET /api/v1/hazards/{id}/extensions",
         {"/api/v1/hazards/" + h1 + "/extensions", "", reachH1(200)}},
        {"GET /api/v1/hazard-extensions",
         {"/api/v1/hazard-extensions", "", std::bind(everyone, 200, _1)}},
        // Roles run in kRoles order: admin decides first, so the street finds it decided.
        {"POST /api/v1/hazard-extensions/{id}/decision",
         {"/api/v1/hazard-extensions/" + e1 + "/decision", R"({"grant":false,"note":"理由不充分"})",
          [](const std::string& r) {
            if (r == "admin") return 200;
            if (r == "street") return 409;
            return r == "dept" ? 404 : 403;
          }}},
        {"GET /api/v1/hazard-supervision",
         {"/api/v1/hazard-supervision", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/hazard-stats", {"/api/v1/hazard-stats", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/hazard-stats/ranking",
         {"/api/v1/hazard-stats/ranking?by=department", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/notifications", {"/api/v1/notifications", "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/notifications/{id}/read",
         {"/api/v1/notifications/" + note + "/read", "", only({"enterprise"}, 204, 404)}},
        {"GET /api/v1/hazard-calendar/{year}",
         {"/api/v1/hazard-calendar/2026", "", std::bind(everyone, 200, _1)}},
        {"PUT /api/v1/hazard-calendar/{year}",
         {"/api/v1/hazard-calendar/2027", R"({"holidays":[{"date":"2027-01-01","name":"元旦"}]})",
          only({"admin"}, 200, 403)}},
        {"GET /api/v1/hazard-policy", {"/api/v1/hazard-policy", "", std::bind(everyone, 200, _1)}},
        {"PUT /api/v1/hazard-policy",
         {"/api/v1/hazard-policy", policy_, only({"admin"}, 200, 403)}},
        {"POST /api/v1/hazards/import",
         {"/api/v1/hazards/import?format=csv",
          "隐患描述,行业领域,所属单位,经度,纬度\n导入的隐患,fire,和平街道,120.1425,30.3258\n",
          [](const std::string& r) {
            if (r == "admin" || r == "street") return 200;
            return r == "dept" ? 400 : 403;  // its row names a street it cannot reach
          }}},
        {"GET /api/v1/devices", {"/api/v1/devices", "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/devices",
         {"/api/v1/devices",
          R"({"code":"DEV-ROLE","name":"终端","sector":"hazchem_mining","lon":120.14,"lat":30.32,"org_id":)" +
              id("安澜精细化工有限公司") + "}",
          sensorOwner(201)}},
        {"GET /api/v1/devices/{id}", {"/api/v1/devices/" + d1, "", reachH1(200)}},
        {"PUT /api/v1/devices/{id}",
         {"/api/v1/devices/" + d1,
          R"({"code":"DEV-M1","name":"终端","sector":"hazchem_mining","lon":120.14,"lat":30.32,"org_id":)" +
              id("安澜精细化工有限公司") + "}",
          sensorOwner(200)}},
        {"GET /api/v1/sensors", {"/api/v1/sensors", "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/sensors",
         {"/api/v1/sensors",
          R"({"code":"S-ROLE","name":"甲烷","type":"methane","device_id":)" + d1 + "}",
          sensorOwner(201)}},
        {"GET /api/v1/sensors/{id}", {"/api/v1/sensors/" + s1, "", reachH1(200)}},
        {"PUT /api/v1/sensors/{id}",
         {"/api/v1/sensors/" + s1,
          R"({"code":"GAS-M1","name":"甲烷","type":"methane","unit":"%LEL","device_id":)" + d1 +
              "}",
          sensorOwner(200)}},
        {"GET /api/v1/sensors/{id}/rules", {"/api/v1/sensors/" + s1 + "/rules", "", reachH1(200)}},
        {"GET /api/v1/sensors/{id}/series",
         {"/api/v1/sensors/" + s1 + "/series", "", reachH1(200)}},
        {"GET /api/v1/sensor-types", {"/api/v1/sensor-types", "", std::bind(everyone, 200, _1)}},
        {"PUT /api/v1/sensor-types/{type}/rules",
         {"/api/v1/sensor-types/tilt/rules", R"({"rules":"tilt: threshold above red=3"})",
          only({"admin"}, 200, 403)}},
        // Pushing is allowed to sensor owners; sensors outside the caller's scope count as
        // unknown in the answer, not as an error.
        {"POST /api/v1/readings",
         {"/api/v1/readings", "GAS-M1," + std::to_string(toEpochMs(platform_.clock.now())) + ",1",
          only({"admin", "dept", "street", "enterprise"}, 200, 403)}},
        // Node counters of every organisation's sensors: platform administrators only.
        {"GET /api/v1/monitoring/status",
         {"/api/v1/monitoring/status", "", only({"admin"}, 200, 403)}},
        {"GET /api/v1/monitoring/figures",
         {"/api/v1/monitoring/figures", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/alarms", {"/api/v1/alarms", "", std::bind(everyone, 200, _1)}},
        {"GET /api/v1/alarms/{id}", {"/api/v1/alarms/" + a1, "", reachH1(200)}},
        // Closing without a disposition: 400 shows the role got past permission and scope.
        {"POST /api/v1/alarms/{id}/actions",
         {"/api/v1/alarms/" + a1 + "/actions", R"({"action":"close"})",
          [](const std::string& r) {
            if (r == "leader" || r == "inspector") return 403;
            return r == "dept" ? 404 : 400;
          }}},
        // The first to open a hazard gets it; later ones are told it exists.
        {"POST /api/v1/alarms/{id}/hazard",
         {"/api/v1/alarms/" + a1 + "/hazard", "{}",
          [](const std::string& r) {
            if (r == "leader" || r == "inspector") return 403;
            if (r == "dept") return 404;
            return r == "admin" ? 201 : 409;
          }}},
        // Public: no login, the same answer for everyone.
        {"POST /api/v1/public/tips",
         {"/api/v1/public/tips",
          R"({"description":"路灯杆倾斜随时可能倒下 ROLE","location":{"lon":120.1425,"lat":30.3258}})",
          std::bind(everyone, 201, _1)}},
        {"GET /api/v1/public/tips/{code}",
         {"/api/v1/public/tips/" + tip_code_, "", std::bind(everyone, 200, _1)}},
        {"POST /api/v1/public/tips/{code}/media",
         {"/api/v1/public/tips/" + tip_code_ + "/media", "not a photo",
          std::bind(everyone, 400, _1)}},
    };
  }

  // Those who own sensors register them where they reach; the construction bureau does not reach
  // the chemical works.
  static std::function<int(const std::string&)> sensorOwner(int status) {
    return [status](const std::string& r) {
      if (r == "admin" || r == "street" || r == "enterprise") return status;
      return r == "dept" ? 404 : 403;
    };
  }

  // Roles that reach H1 get `status`; the construction bureau gets 404.
  static std::function<int(const std::string&)> reachH1(int status) {
    return [status](const std::string& r) { return r == "dept" ? 404 : status; };
  }

  // Whatever the test did through the platform, the audit log still vouches for every row.
  void TearDown() override { EXPECT_EQ(platform_.auditProblems(), ""); }

  TestPlatform platform_;
  std::int64_t victim_ = 0;
  std::int64_t h1_ = 0;
  std::int64_t h2_ = 0;
  std::int64_t m1_ = 0;
  std::int64_t e1_ = 0;
  std::int64_t note_ = 0;
  std::int64_t d1_ = 0;
  std::int64_t s1_ = 0;
  std::int64_t a1_ = 0;
  std::string tip_code_;
  std::string policy_;
};

TEST_F(ScopeMatrix, EveryRoleOnEveryEndpointGetsWhatTheRoleTableSays) {
  auto table = probes();
  for (const auto& route : platform_.app->router().routes()) {
    const std::string key = route.method + " " + route.pattern;
    ASSERT_TRUE(table.count(key)) << "no scope-matrix row for " << key;
  }
  ASSERT_EQ(table.size(), platform_.app->router().routes().size())
      << "a row names a route that no longer exists";

  for (const auto& role : kRoles) {
    int n = 0;
    for (const auto& route : platform_.app->router().routes()) {
      const std::string key = route.method + " " + route.pattern;
      const Probe& probe = table.at(key);
      // A fresh session per request: logout and revoke-sessions must not spoil the next row.
      const auto cookie = platform_.loginCookie(role);
      std::string body = probe.body;
      if (key == "POST /api/v1/auth/login") {
        body = nlohmann::json{{"username", role}, {"password", demo::demoPassword(role)}}.dump();
      }
      if (key == "POST /api/v1/orgs") body.replace(body.find("新社区"), 9, "新社区" + role);
      if (key == "POST /api/v1/users") body.replace(body.find("new.user"), 8, "new." + role);
      if (auto at = body.find("ROLE"); at != std::string::npos) body.replace(at, 4, role);
      if (key == "POST /api/v1/public/tips") {
        platform_.clock.advance(std::chrono::hours(1));  // stay under the per-address limit
      }
      const auto reply = platform_.send(route.method, probe.target, body, cookie);
      EXPECT_EQ(reply.status, probe.expected(role))
          << role << " on " << key << ": " << reply.body.substr(0, 300);
      ++n;
    }
    EXPECT_EQ(n, static_cast<int>(table.size()));
  }
}

TEST_F(ScopeMatrix, WithoutASessionOnlyPublicEndpointsAnswer) {
  const std::set<std::string> kPublic = {"GET /healthz",
                                         "GET /metrics",
                                         "GET /api/v1/openapi.json",
                                         "GET /api/v1/sectors",
                                         "POST /api/v1/auth/login",
                                         "POST /api/v1/public/tips",
                                         "GET /api/v1/public/tips/{code}",
                                         "GET /api/v1/basemap/info",
                                         "GET /api/v1/basemap",
                                         "POST /api/v1/public/tips/{code}/media"};
  auto table = probes();
  for (const auto& route : platform_.app->router().routes()) {
    const std::string key = route.method + " " + route.pattern;
    if (kPublic.count(key)) continue;
    EXPECT_EQ(platform_.send(route.method, table.at(key).target, table.at(key).body, "").status,
              401)
        << key;
  }
}

std::set<std::string> orgNames(TestPlatform& platform, const std::string& role) {
  std::set<std::string> out;
  const auto cookie = platform.loginCookie(role);
  const auto reply = platform.get("/api/v1/orgs?limit=500", cookie);
  EXPECT_EQ(reply.status, 200) << reply.body.substr(0, 300);
  const auto json = reply.json();
  for (const auto& o : json["items"]) out.insert(o["name"].get<std::string>());
  return out;
}

TEST_F(ScopeMatrix, AStreetSeesOnlyItsOwnSubtree) {
  const auto names = orgNames(platform_, "street");
  EXPECT_TRUE(names.count("和平街道"));
  EXPECT_TRUE(names.count("和平社区"));
  EXPECT_FALSE(names.count("康宁街道"));
  EXPECT_FALSE(names.count("安澜区"));
  for (const auto& n : names) EXPECT_EQ(n.find("区住房"), std::string::npos) << n;
}

TEST_F(ScopeMatrix, AnEnterpriseSeesOnlyItself) {
  EXPECT_EQ(orgNames(platform_, "enterprise"), std::set<std::string>{"安澜精细化工有限公司"});
}

TEST_F(ScopeMatrix, ADepartmentSeesItselfAndTheEnterprisesOfItsSectors) {
  // 区住房和城乡建设局 supervises construction, urban operation and gas.
  EXPECT_EQ(orgNames(platform_, "dept"),
            (std::set<std::string>{"区住房和城乡建设局", "和平燃气储配站", "文澜建设工程有限公司",
                                   "春晖液化气供应站"}));
}

TEST_F(ScopeMatrix, TheDistrictSeesTheWholeDistrictButNotTheCity) {
  const auto names = orgNames(platform_, "leader");
  EXPECT_TRUE(names.count("安澜区"));
  EXPECT_TRUE(names.count("康宁街道"));
  EXPECT_FALSE(names.count("示范市"));
}

std::set<std::string> riskOrgPaths(TestPlatform& platform, const std::string& role) {
  const auto reply = platform.get("/api/v1/risk/points?limit=500", platform.loginCookie(role));
  const auto json = reply.json();
  std::set<std::string> sectors;
  for (const auto& p : json["items"]) sectors.insert(p["sector"].get<std::string>());
  return sectors;
}

TEST_F(ScopeMatrix, RiskPointsFollowTheSameScopeRule) {
  const auto all =
      platform_.get("/api/v1/risk/points?limit=500", platform_.loginCookie("leader")).json();
  const auto street =
      platform_.get("/api/v1/risk/points?limit=500", platform_.loginCookie("street")).json();
  const auto enterprise =
      platform_.get("/api/v1/risk/points?limit=500", platform_.loginCookie("enterprise")).json();
  EXPECT_EQ(all["items"].size(), 51U);
  EXPECT_GT(street["items"].size(), 0U);
  EXPECT_LT(street["items"].size(), all["items"].size());
  for (const auto& p : enterprise["items"]) EXPECT_EQ(p["kind"], "enterprise_unit") << p.dump();
  // The construction bureau sees only its sectors, across every street.
  for (const auto& s : riskOrgPaths(platform_, "dept")) {
    EXPECT_TRUE(s == "construction" || s == "urban_operation" || s == "gas") << s;
  }
}

TEST_F(ScopeMatrix, HazardsFollowTheSameScopeRule) {
  // Beside the fixture's two: one in 康宁街道's public space (fire), one at 和平燃气储配站 (gas),
  // and one of 文澜's construction company.
  const auto admin = platform_.loginCookie("admin");
  reportHazard(platform_, admin, "康宁社区", "fire");
  reportHazard(platform_, admin, "和平燃气储配站", "gas");
  reportHazard(platform_, admin, "文澜建设工程有限公司", "construction");
  auto seen = [&](const std::string& role) {
    std::multiset<std::string> orgs;
    const auto json =
        platform_.get("/api/v1/hazards?limit=500", platform_.loginCookie(role)).json();
    for (const auto& h : json["items"]) orgs.insert(h["org_name"].get<std::string>());
    return orgs;
  };
  const auto district = seen("leader");
  EXPECT_EQ(district.size(), 6U) << "the fixture's two and its public tip, and these three";
  const auto street = seen("street");
  EXPECT_EQ(street.count("康宁社区"), 0U);
  EXPECT_EQ(street.count("文澜建设工程有限公司"), 0U);
  EXPECT_EQ(street.count("和平燃气储配站"), 1U);
  EXPECT_EQ(street.count("和平街道"), 1U) << "the tip, in its public space";
  EXPECT_EQ(street.count("安澜精细化工有限公司"), 2U);
  const auto enterprise = seen("enterprise");
  EXPECT_EQ(enterprise,
            (std::multiset<std::string>{"安澜精细化工有限公司", "安澜精细化工有限公司"}));
  // The construction bureau: gas and construction across the district, not fire or chemicals.
  const auto dept = seen("dept");
  EXPECT_EQ(dept, (std::multiset<std::string>{"和平燃气储配站", "文澜建设工程有限公司"}));
  // ?org_id= narrows to a subtree the caller reaches, and names one it does not as missing.
  const auto kangning =
      platform_.get("/api/v1/hazards?org_id=" + id("康宁街道"), platform_.loginCookie("leader"))
          .json();
  ASSERT_EQ(kangning["items"].size(), 1U);
  EXPECT_EQ(kangning["items"][0]["org_name"], "康宁社区");
  EXPECT_EQ(
      platform_.get("/api/v1/hazards?org_id=" + id("康宁街道"), platform_.loginCookie("street"))
          .status,
      404);
  for (const auto& role : {"street", "enterprise", "dept"}) {
    const auto stats = platform_.get("/api/v1/hazard-stats", platform_.loginCookie(role)).json();
    EXPECT_EQ(stats["total"]["found"].get<std::size_t>(), seen(role).size()) << role;
  }
}

TEST_F(ScopeMatrix, AStreetOfficerCannotCreateOutsideTheirStreet) {
  const auto reply =
      platform_.send("POST", "/api/v1/orgs",
                     R"({"name":"越界社区","kind":"community","parent_id":)" + id("康宁街道") + "}",
                     platform_.loginCookie("street"));
  // The same answer as for an organisation that does not exist: ids outside a scope reveal nothing.
  EXPECT_EQ(reply.status, 404) << reply.body;
  EXPECT_EQ(reply.json()["field"], "parent_id");
  const auto missing =
      platform_.send("POST", "/api/v1/orgs", R"({"name":"x","kind":"community","parent_id":99999})",
                     platform_.loginCookie("street"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json()["detail"].get<std::string>().find("in your scope") != std::string::npos,
            true);
}

// A department administrator must not widen the department's own reach, nor use sector reach
// to take over enterprise accounts.
TEST_F(ScopeMatrix, ADepartmentAdminCannotWidenItsOwnReach) {
  const auto admin = platform_.loginCookie("admin");
  const auto made =
      platform_.send("POST", "/api/v1/users",
                     nlohmann::json{{"username", "dept.admin"},
                                    {"display_name", "部门管理员"},
                                    {"org_id", platform_.orgIdByName("区住房和城乡建设局")},
                                    {"roles", {"admin"}},
                                    {"password", "dept-admin-password"}}
                         .dump(),
                     admin);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto login =
      platform_.send("POST", "/api/v1/auth/login",
                     R"({"username":"dept.admin","password":"dept-admin-password"})", "");
  ASSERT_EQ(login.status, 200);
  const auto cookie = "cs_session=" + login.headers.at("set-cookie").substr(11, 64);
  const auto widen =
      platform_.send("PATCH", "/api/v1/orgs/" + id("区住房和城乡建设局"),
                     R"({"sectors":["construction","gas","hazchem_mining","fire"]})", cookie);
  EXPECT_EQ(widen.status, 403) << widen.body;
  // 和平燃气储配站 is in the bureau's gas sector, but its manager's account is not the bureau's.
  const auto takeover = platform_.send(
      "POST", "/api/v1/users/" + std::to_string(platform_.userIdByName("enterprise")) + "/password",
      R"({"password":"stolen-password-1"})", cookie);
  EXPECT_EQ(takeover.status, 404) << takeover.body;
}

}  // namespace
}  // namespace citysafe::testing
