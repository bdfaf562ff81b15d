// Scenarios on a fake clock: deadlines across China's holidays, extensions, the scheduler's
// notices and every supervision tier, and statistics that match what happened.
#include <gtest/gtest.h>

#include "citysafe/common/time_format.hpp"
#include "hazard_fixture.hpp"

namespace citysafe::testing {
namespace {

using nlohmann::json;
using std::chrono::days;

class HazardScenario : public ::testing::Test {
 protected:
  void at(const char* iso) {
    platform_.clock.set(*parseIso8601(iso));
    street_ = platform_.loginCookie("street");
    enterprise_ = platform_.loginCookie("enterprise");
    inspector_ = platform_.loginCookie("inspector");
  }
  void later(days n) {
    platform_.clock.advance(n);
    street_ = platform_.loginCookie("street");
    enterprise_ = platform_.loginCookie("enterprise");
    inspector_ = platform_.loginCookie("inspector");
  }
  std::int64_t assigned(json assign, const std::string& grade = "general",
                        const std::string& source = "grid_inspection") {
    const auto id =
        reportHazard(platform_, street_, "安澜精细化工有限公司", "hazchem_mining", grade, source);
    EXPECT_EQ(act(platform_, street_, id, {{"action", "accept"}}).status, 200);
    assign["action"] = "assign";
    assign["responsible_org_id"] = platform_.orgIdByName("安澜精细化工有限公司");
    const auto r = act(platform_, street_, id, assign);
    EXPECT_EQ(r.status, 200) << r.body;
    return id;
  }
  json get(std::int64_t id) {
    return platform_.get("/api/v1/hazards/" + std::to_string(id), street_).json();
  }
  void close(std::int64_t id) {
    const auto photo =
        platform_.send("POST", "/api/v1/hazards/" + std::to_string(id) + "/media?stage=evidence",
                       tinyPng(), enterprise_);
    ASSERT_EQ(photo.status, 201);
    ASSERT_EQ(
        act(platform_, enterprise_, id, {{"action", "submit"}, {"media_ids", {photo.json()["id"]}}})
            .status,
        200);
    ASSERT_EQ(act(platform_, inspector_, id, {{"action", "verify"}}).status, 200);
  }
  hazard::SweepReport sweep() {
    auto r = platform_.app->services().hazards.supervision.sweep();
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : hazard::SweepReport{};
  }
  std::vector<std::string> actions(std::int64_t id) {
    std::vector<std::string> out;
    const auto j =
        platform_.get("/api/v1/hazards/" + std::to_string(id) + "/timeline", street_).json();
    for (const auto& e : j["items"]) out.push_back(e["action"].get<std::string>());
    return out;
  }
  std::vector<std::string> kinds(const std::string& cookie) {
    std::vector<std::string> out;
    const auto j = platform_.get("/api/v1/notifications", cookie).json();
    for (const auto& n : j["items"]) out.push_back(n["kind"].get<std::string>());
    return out;
  }

  // Whatever the test did through the platform, the audit log still vouches for every row.
  void TearDown() override { EXPECT_EQ(platform_.auditProblems(), ""); }

  TestPlatform platform_;
  std::string street_, enterprise_, inspector_;
};

TEST_F(HazardScenario, WorkingDayDeadlinesSkipTheNationalDayWeekAndCountItsMakeUpDays) {
  at("2026-09-23T10:00:00+08:00");  // a Wednesday, two days before Mid-Autumn
  const auto working = assigned({{"days", 10}});
  EXPECT_EQ(get(working)["deadline"], "2026-10-14T23:59:59.999+08:00")
      << "24 Sep, 28-30 Sep, 8-10 Oct (10th a make-up Saturday), 12-14 Oct";
  EXPECT_EQ(get(working)["deadline_basis"], "一般隐患由交办单位确定整改期限");
  const auto calendar = assigned({{"days", 10}, {"day_count", "calendar"}});
  EXPECT_EQ(get(calendar)["deadline"], "2026-10-03T23:59:59.999+08:00");
  // The 30-day rule for expert checks counts calendar days, holidays or not.
  const auto expert = assigned({}, "general", "expert_check");
  EXPECT_EQ(get(expert)["deadline"], "2026-10-23T23:59:59.999+08:00");
  // A major hazard carries the 3/5/10/20 working-day steps.
  const auto major = assigned({}, "major");
  const auto steps = get(major)["milestones"];
  ASSERT_EQ(steps.size(), 4U);
  EXPECT_EQ(steps[0]["due"], "2026-09-29") << "24, 28, 29 September";
  EXPECT_EQ(steps[1]["due"], "2026-10-08") << "then 30 September and, after the holiday, 8 October";
  EXPECT_EQ(steps[2]["due"], "2026-10-14");
}

TEST_F(HazardScenario, AnExtensionMovesTheDeadlineAndKeepsTheOriginal) {
  at("2026-11-18T10:00:00+08:00");
  const auto id = assigned({{"deadline", "2026-11-30"}});
  const auto ask = [&](const char* body) {
    return platform_.send("POST", "/api/v1/hazards/" + std::to_string(id) + "/extensions", body,
                          enterprise_);
  };
  EXPECT_EQ(ask(R"({"reason":"","deadline":"2026-12-20"})").json()["field"], "reason");
  EXPECT_EQ(ask(R"({"reason":"备件","deadline":"2026-11-29"})").json()["field"], "deadline");
  const auto made = ask(R"({"reason":"进口阀门到货需三周","deadline":"2026-12-20"})");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(ask(R"({"reason":"再延","deadline":"2026-12-25"})").status, 409) << "one waits already";
  const auto ext = made.json()["id"].get<std::int64_t>();
  const auto told = kinds(street_);
  EXPECT_TRUE(std::count(told.begin(), told.end(), "extension_requested"))
      << "the supervising unit hears of it";
  const auto decide = [&](const std::string& cookie, const char* body) {
    return platform_.send("POST", "/api/v1/hazard-extensions/" + std::to_string(ext) + "/decision",
                          body, cookie);
  };
  EXPECT_EQ(decide(enterprise_, R"({"grant":true})").status, 403) << "not its own request";
  EXPECT_EQ(decide(street_, R"({"grant":false})").json()["field"], "note") << "a refusal says why";
  ASSERT_EQ(decide(street_, R"({"grant":true,"note":"同意"})").status, 200);
  EXPECT_EQ(decide(street_, R"({"grant":true})").status, 409);
  const auto h = get(id);
  EXPECT_EQ(h["deadline"], "2026-12-20T23:59:59.999+08:00");
  EXPECT_EQ(h["original_deadline"], "2026-11-30T23:59:59.999+08:00");
  const auto list =
      platform_.get("/api/v1/hazards/" + std::to_string(id) + "/extensions", street_).json();
  ASSERT_EQ(list["items"].size(), 1U);
  EXPECT_EQ(list["items"][0]["state"], "granted");
  EXPECT_EQ(list["items"][0]["previous_deadline"], "2026-11-30T23:59:59.999+08:00");
  const auto a = actions(id);
  EXPECT_EQ(a[a.size() - 2], "extension_requested");
  EXPECT_EQ(a.back(), "extension_granted");
  // After the deadline it is too late to ask.
  later(days(33));
  EXPECT_EQ(ask(R"({"reason":"还要","deadline":"2027-01-30"})").json()["field"], "deadline");
}

TEST_F(HazardScenario, ALateGeneralHazardClimbsEverySupervisionTierAndIsDelistedWhenClosed) {
  at("2026-11-18T10:00:00+08:00");
  const auto id = assigned({{"deadline", "2026-11-20"}});
  EXPECT_EQ(sweep().due_soon, 1);
  EXPECT_EQ(sweep().due_soon, 0) << "told once";
  EXPECT_EQ(kinds(enterprise_), (std::vector<std::string>{"due_soon", "assigned"}));
  later(days(2));  // 20 Nov, still the last day
  EXPECT_EQ(sweep().overdue, 0);
  later(days(1));  // 21 Nov: one day late
  const auto first = sweep();
  EXPECT_EQ(first.overdue, 1);
  EXPECT_EQ(first.escalated, 1);
  auto h = get(id);
  EXPECT_TRUE(h["overdue"]);
  EXPECT_EQ(h["overdue_days"], 1);
  EXPECT_EQ(h["supervision"]["tier"], "district");
  for (const auto& who : {enterprise_, street_, platform_.loginCookie("leader")}) {
    const auto k = kinds(who);
    EXPECT_TRUE(std::count(k.begin(), k.end(), "overdue")) << "the unit and every unit above it";
    EXPECT_TRUE(std::count(k.begin(), k.end(), "escalate"));
  }
  later(days(29));
  EXPECT_EQ(sweep().escalated, 1);
  EXPECT_EQ(get(id)["supervision"]["tier"], "city");
  EXPECT_EQ(sweep().escalated, 0);
  later(days(60));
  EXPECT_EQ(sweep().escalated, 1);
  EXPECT_EQ(get(id)["supervision"]["tier"], "province");
  const auto listed =
      platform_.get("/api/v1/hazard-supervision?active=true&tier=province", street_).json();
  ASSERT_EQ(listed["items"].size(), 1U);
  EXPECT_EQ(listed["items"][0]["overdue_days"], 90);

  close(id);
  h = get(id);
  EXPECT_EQ(h["closed_on_time"], false);
  EXPECT_FALSE(h["supervision"]["delisted_at"].is_null()) << "摘牌 after closure";
  EXPECT_EQ(platform_.get("/api/v1/hazard-supervision?active=true", street_).json()["items"].size(),
            0U);
  EXPECT_EQ(
      platform_.get("/api/v1/hazard-supervision?active=false", street_).json()["items"].size(), 1U);
  const auto a = actions(id);
  EXPECT_EQ(std::count(a.begin(), a.end(), "escalate"), 3);
}

TEST_F(HazardScenario, OfTwoNodesOnlyTheLeaseHolderSweeps) {
  at("2026-11-18T10:00:00+08:00");
  const auto id = assigned({{"deadline", "2026-11-19"}});
  later(days(2));
  auto& hazards = platform_.app->services().hazards.supervision;
  EXPECT_EQ(hazards.sweep("node-a")->overdue, 1);
  platform_.clock.advance(std::chrono::seconds(20));
  EXPECT_EQ(hazards.sweep("node-b")->escalated, 0) << "node-a still holds the lease";
  const auto a = actions(id);
  EXPECT_EQ(std::count(a.begin(), a.end(), "overdue"), 1);
  platform_.clock.advance(std::chrono::minutes(1));
  EXPECT_TRUE(hazards.sweep("node-b")) << "the lease ran out: node-b takes over";
}

TEST_F(HazardScenario, AMajorHazardIsListedOnceAssignedAndClimbsFasterWhenLate) {
  at("2026-11-18T10:00:00+08:00");
  const auto id = assigned({{"deadline", "2026-12-31"}}, "major");
  EXPECT_EQ(sweep().escalated, 1);
  EXPECT_EQ(get(id)["supervision"]["tier"], "district");
  EXPECT_EQ(get(id)["supervision"]["reason"], "重大事故隐患");
  later(days(44));  // 1 January: one day late
  sweep();
  EXPECT_EQ(get(id)["supervision"]["tier"], "city");
  later(days(29));
  sweep();
  EXPECT_EQ(get(id)["supervision"]["tier"], "province");
}

TEST_F(HazardScenario, ARequestLeftBehindByTheLoopCannotBeGranted) {
  at("2026-11-18T10:00:00+08:00");
  const auto id = assigned({{"deadline", "2026-11-30"}});
  const auto made = platform_.send("POST", "/api/v1/hazards/" + std::to_string(id) + "/extensions",
                                   R"({"reason":"等待备件","deadline":"2026-12-20"})", enterprise_);
  ASSERT_EQ(made.status, 201);
  close(id);
  const auto late =
      platform_.send("POST", "/api/v1/hazard-extensions/" + made.json()["id"].dump() + "/decision",
                     R"({"grant":true})", street_);
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(get(id)["closed_on_time"], true) << "and the closed record keeps its real deadline";
  // Reopened with a new deadline, the old request lapses and a new one may be made.
  ASSERT_EQ(
      act(platform_, street_, id, {{"action", "reopen"}, {"reason", "复发"}, {"days", 5}}).status,
      200);
  EXPECT_EQ(platform_
                .send("POST", "/api/v1/hazards/" + std::to_string(id) + "/extensions",
                      R"({"reason":"又缺备件","deadline":"2027-01-20"})", enterprise_)
                .status,
            201);
}

TEST_F(HazardScenario, OnlyACityAdministratorChangesThePlatformsCalendarAndPolicy) {
  at("2026-11-18T10:00:00+08:00");
  const auto admin = platform_.loginCookie("admin");
  const auto made = platform_.send("POST", "/api/v1/users",
                                   json{{"username", "district.admin"},
                                        {"display_name", "区管理员"},
                                        {"org_id", platform_.orgIdByName("安澜区")},
                                        {"roles", {"admin"}},
                                        {"password", "district-admin-1"}}
                                       .dump(),
                                   admin);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto login =
      httpRequest(platform_.port(), "POST", "/api/v1/auth/login",
                  R"({"username":"district.admin","password":"district-admin-1","token":true})");
  const auto bearer = "Bearer " + login.json().value("token", "");
  EXPECT_EQ(platform_.send("PUT", "/api/v1/hazard-calendar/2026", "{}", bearer).status, 403);
  EXPECT_EQ(platform_
                .send("PUT", "/api/v1/hazard-policy",
                      platform_.get("/api/v1/hazard-policy", admin).body, bearer)
                .status,
            403);
  // The city's administrator may, and a year loaded empty replaces the built-in one.
  ASSERT_EQ(platform_.send("PUT", "/api/v1/hazard-calendar/2026", "{}", admin).status, 200);
  const auto cal = platform_.get("/api/v1/hazard-calendar/2026", admin).json();
  EXPECT_TRUE(cal["loaded"]);
  EXPECT_TRUE(cal["holidays"].empty());
  at("2026-09-30T10:00:00+08:00");
  const auto id = assigned({{"days", 1}});
  EXPECT_EQ(get(id)["deadline"], "2026-10-01T23:59:59.999+08:00") << "1 October is a workday now";
}

TEST_F(HazardScenario, AGrantedExtensionLiftsTheOverdueMark) {
  at("2026-11-18T10:00:00+08:00");
  const auto id = assigned({{"deadline", "2026-11-19"}});
  const auto made =
      platform_.send("POST", "/api/v1/hazards/" + std::to_string(id) + "/extensions",
                     R"({"reason":"等待停产检修窗口","deadline":"2026-12-10"})", enterprise_);
  ASSERT_EQ(made.status, 201);
  later(days(2));  // late while the request waits
  sweep();
  EXPECT_TRUE(get(id)["overdue"]);
  ASSERT_EQ(platform_
                .send("POST", "/api/v1/hazard-extensions/" + made.json()["id"].dump() + "/decision",
                      R"({"grant":true})", street_)
                .status,
            200);
  EXPECT_FALSE(get(id)["overdue"]);
  close(id);
  EXPECT_EQ(get(id)["closed_on_time"], true) << "measured against the extended deadline";
}

TEST_F(HazardScenario, StatisticsMatchWhatHappened) {
  at("2026-11-02T10:00:00+08:00");
  const auto on_time = assigned({{"deadline", "2026-11-20"}});
  const auto late = assigned({{"deadline", "2026-11-05"}}, "major", "expert_check");
  const auto open_late = assigned({{"deadline", "2026-11-06"}}, "general", "public_tip");
  const auto still_fine = assigned({{"deadline", "2026-12-31"}});
  const auto rejected = reportHazard(platform_, street_, "和平社区", "fire");
  ASSERT_EQ(
      act(platform_, street_, rejected, {{"action", "reject"}, {"reason", "不是隐患"}}).status,
      200);
  const auto kangning = reportHazard(platform_, platform_.loginCookie("admin"), "康宁社区", "fire");
  (void)still_fine;
  (void)open_late;
  later(days(2));
  close(on_time);  // 2 days after found
  later(days(6));
  close(late);      // 8 days after found, 3 days late
  later(days(10));  // 20 Nov: open_late is 14 days past its deadline

  const auto s = platform_
                     .get("/api/v1/hazard-stats?from=2026-11-01&to=2026-11-30",
                          platform_.loginCookie("leader"))
                     .json();
  const auto& t = s["total"];
  EXPECT_EQ(t["found"], 5) << "4 at the enterprise, 1 in 康宁; the rejected one does not count";
  EXPECT_EQ(t["closed"], 2);
  EXPECT_EQ(t["closed_on_time"], 1);
  EXPECT_EQ(t["open"], 3);
  EXPECT_EQ(t["overdue_now"], 1);
  EXPECT_DOUBLE_EQ(t["closure_rate"].get<double>(), 0.4);
  EXPECT_DOUBLE_EQ(t["on_time_rate"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(t["avg_days_to_close"].get<double>(), 5.0);
  EXPECT_EQ(s["by_grade"]["major"]["found"], 1);
  EXPECT_EQ(s["by_grade"]["major"]["closed_on_time"], 0);
  EXPECT_EQ(s["by_source"]["public_tip"]["overdue_now"], 1);
  EXPECT_EQ(s["by_source"]["expert_check"]["closed"], 1);
  EXPECT_EQ(s["by_source"]["grid_inspection"]["found"], 3);

  const auto none =
      platform_.get("/api/v1/hazard-stats?from=2026-10-01&to=2026-10-31", street_).json();
  EXPECT_EQ(none["total"]["found"], 0);
  EXPECT_EQ(
      platform_.get("/api/v1/hazard-stats?from=2026-11-30&to=2026-11-01", street_).json()["field"],
      "to");

  // The street sees its own four; 康宁's is not in its figures.
  EXPECT_EQ(platform_.get("/api/v1/hazard-stats", street_).json()["total"]["found"], 4);

  const auto ranking =
      platform_.get("/api/v1/hazard-stats/ranking?by=street", platform_.loginCookie("leader"))
          .json();
  ASSERT_EQ(ranking["items"].size(), 4U);
  EXPECT_EQ(ranking["items"][0]["name"], "和平街道") << "the only street that closed anything";
  EXPECT_EQ(ranking["items"][0]["rank"], 1);
  EXPECT_DOUBLE_EQ(ranking["items"][0]["closure_rate"].get<double>(), 0.5);
  (void)kangning;
  const auto departments =
      platform_.get("/api/v1/hazard-stats/ranking?by=department", platform_.loginCookie("leader"))
          .json();
  bool environment_seen = false;
  for (const auto& d : departments["items"]) {
    if (d["name"] == "区生态环境分局") {
      environment_seen = true;
      EXPECT_EQ(d["found"], 4) << "hazardous chemicals are its sector";
    }
  }
  EXPECT_TRUE(environment_seen);
}

TEST_F(HazardScenario, SettingsRefuseWrongTypesNamingTheField) {
  const auto admin = platform_.loginCookie("admin");
  auto put = [&](const std::string& path, const std::string& body) {
    return platform_.send("PUT", path, body, admin);
  };
  auto expectField = [](const HttpReply& reply, const std::string& field) {
    EXPECT_EQ(reply.status, 400) << reply.body;
    EXPECT_EQ(reply.json().value("field", ""), field) << reply.body;
  };
  expectField(
      put("/api/v1/hazard-calendar/2027", R"({"holidays":[{"date":"2027-01-01","name":7}]})"),
      "holidays[0].name");
  expectField(
      put("/api/v1/hazard-calendar/2027", R"({"holidays":[{"date":"2027-01-01","name":[["x"]]}]})"),
      "holidays[0].name");
  expectField(put("/api/v1/hazard-calendar/2027",
                  R"({"workdays":[{"date":"2027-02-07","name":"调休","extra":true}]})"),
              "workdays[0].extra");
  auto policy = platform_.get("/api/v1/hazard-policy", admin).json();
  policy["rules"][0]["basis"] = 12;
  expectField(put("/api/v1/hazard-policy", policy.dump()), "rules[0].basis");
  policy["rules"][0]["basis"] = nlohmann::json::array({nlohmann::json::array({"x"})});
  expectField(put("/api/v1/hazard-policy", policy.dump()), "rules[0].basis");
  policy["rules"][0]["basis"] = "《安全生产事故隐患排查治理暂行规定》";
  policy["rules"][0]["note"] = "x";
  expectField(put("/api/v1/hazard-policy", policy.dump()), "rules[0].note");
}

}  // namespace
}  // namespace citysafe::testing
