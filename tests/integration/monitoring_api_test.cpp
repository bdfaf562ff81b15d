// Monitoring through the HTTP API on a fake clock: a gas sensor's readings raise one alarm that
// is raised and lowered in place, clears by its condition, and is handled to closure by people;
// redelivery raises nothing twice; maintenance silences; offline sensors; hazards from alarms;
// figures; and what bad input gets back.
#include <gtest/gtest.h>

#include "citysafe/core/monitoring/series_compactor.hpp"
#include "monitoring_fixture.hpp"

namespace citysafe::testing {
namespace {

using nlohmann::json;

class MonitoringApi : public ::testing::Test {
 protected:
  void SetUp() override {
    enterprise_ = platform_.loginCookie("enterprise");
    duty_ = platform_.loginCookie("duty");
    device_ =
        registerDevice(platform_, enterprise_, "DEV-GAS", "安澜精细化工有限公司", "hazchem_mining");
    // A utility-tunnel style gas sensor: 20 %LEL orange, 35 %LEL red, hysteresis 2.
    sensor_ = registerSensor(platform_, enterprise_, "GAS-1", device_, "methane", "%LEL", 10);
  }
  TimePoint at(int seconds) { return start_ + std::chrono::seconds(seconds); }
  json alarms(const std::string& cookie, const std::string& query = "") {
    const auto reply = platform_.get("/api/v1/alarms" + query, cookie);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json()["items"];
  }
  json step(const std::string& cookie, std::int64_t id, json body, int expect = 200) {
    const auto reply = platform_.send("POST", "/api/v1/alarms/" + std::to_string(id) + "/actions",
                                      body.dump(), cookie);
    EXPECT_EQ(reply.status, expect) << reply.body;
    return reply.json();
  }

  // Whatever the test did through the platform, the audit log still vouches for every row.
  void TearDown() override { EXPECT_EQ(platform_.auditProblems(), ""); }

  TestPlatform platform_;
  // Readings from ten minutes ago on: none is ahead of the clock.
  TimePoint start_ = platform_.clock.now() - std::chrono::minutes(10);
  std::string enterprise_;
  std::string duty_;
  std::int64_t device_ = 0;
  std::int64_t sensor_ = 0;
};

TEST_F(MonitoringApi, OneAlarmIsRaisedChangedClearedAndClosedByPeople) {
  std::string batch = reading("GAS-1", at(0), 5) + reading("GAS-1", at(10), 22);
  auto tally = pushReadings(platform_, enterprise_, batch);
  EXPECT_EQ(tally["accepted"], 2);
  // The latest value shows at once, before its minute is saved.
  const auto sensor = platform_.get("/api/v1/sensors/" + std::to_string(sensor_), duty_).json();
  EXPECT_EQ(sensor["last_value"], 22);
  EXPECT_EQ(sensor["alarm_level"], "orange");
  EXPECT_EQ(tally["stored"], 2);
  EXPECT_EQ(tally["alarms_changed"], 1);
  auto list = alarms(duty_);
  ASSERT_EQ(list.size(), 1U);
  const auto id = list[0]["id"].get<std::int64_t>();
  EXPECT_EQ(list[0]["level"], "orange");
  EXPECT_EQ(list[0]["state"], "active");
  EXPECT_EQ(list[0]["sensor"], "GAS-1");

  // The same batch again (a redelivery): nothing stored, nothing raised.
  tally = pushReadings(platform_, enterprise_, batch);
  EXPECT_EQ(tally["stored"], 0);
  EXPECT_EQ(tally["duplicate"], 1);
  EXPECT_EQ(tally["out_of_order"], 1);
  EXPECT_EQ(tally["alarms_changed"], 0);

  // Rising to red and falling back change the same alarm in place.
  pushReadings(platform_, enterprise_, reading("GAS-1", at(20), 36) + reading("GAS-1", at(30), 19));
  list = alarms(duty_);
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["level"], "orange");  // 19 is within the hysteresis of 20
  EXPECT_EQ(list[0]["peak"], "red");
  pushReadings(platform_, enterprise_, reading("GAS-1", at(40), 3));
  list = alarms(duty_);
  EXPECT_EQ(list[0]["level"], "none");
  EXPECT_FALSE(list[0]["cleared_at"].is_null());
  EXPECT_EQ(list[0]["state"], "active");  // cleared by its condition, still to be handled
  EXPECT_EQ(alarms(duty_, "?cleared=true").size(), 1U);
  EXPECT_EQ(alarms(duty_, "?cleared=false").size(), 0U);

  // People: acknowledge (with the version they saw), handle, close with a disposition.
  platform_.clock.advance(std::chrono::seconds(90));
  auto acked =
      step(duty_, id, {{"action", "acknowledge"}, {"row_version", list[0]["row_version"]}});
  step(duty_, id, {{"action", "acknowledge"}, {"row_version", list[0]["row_version"]}}, 409);
  step(enterprise_, id, {{"action", "handle"}, {"notes", "已关闭进气阀"}});
  auto closed = step(enterprise_, id, {{"action", "close"}}, 400);
  EXPECT_EQ(closed["field"], "disposition");
  closed = step(enterprise_, id,
                {{"action", "close"}, {"disposition", "real_danger"}, {"notes", "通风后复测正常"}});
  EXPECT_EQ(closed["state"], "closed");
  EXPECT_EQ(closed["disposition"], "real_danger");
  step(duty_, id, {{"action", "handle"}}, 409);

  const auto figures = platform_.get("/api/v1/monitoring/figures", duty_).json();
  EXPECT_EQ(figures["raised"], 1);
  EXPECT_EQ(figures["closed"], 1);
  EXPECT_DOUBLE_EQ(figures["handling_rate"].get<double>(), 1.0);
  EXPECT_EQ(figures["cleared_by_condition"], 1);
  EXPECT_EQ(figures["by_disposition"]["real_danger"], 1);
  EXPECT_EQ(figures["by_level"]["red"], 1);
  EXPECT_GT(figures["mean_ack_seconds"].get<double>(), 0);

  // A new crossing after closure is a new alarm.
  pushReadings(platform_, enterprise_, reading("GAS-1", at(100), 25));
  list = alarms(duty_);
  ASSERT_EQ(list.size(), 2U);
  EXPECT_NE(list[0]["id"], id);

  // The whole story is in the audit log.
  const auto audit = platform_
                         .get("/api/v1/audit?entity=alarm&entity_id=" + std::to_string(id),
                              platform_.loginCookie("admin"))
                         .json();
  std::vector<std::string> actions;
  for (const auto& r : audit["items"]) actions.push_back(r["action"].get<std::string>());
  EXPECT_EQ(actions, (std::vector<std::string>{"closed", "handling", "acknowledged", "cleared",
                                               "changed", "changed", "raised"}));
}

// A registry change reloads the engine; sensors it knew keep their last readings (not read from
// the store again), each its own.
TEST_F(MonitoringApi, ARegistryChangeKeepsEachSensorsLastReading) {
  registerSensor(platform_, enterprise_, "GAS-2", device_, "methane", "%LEL", 10);
  pushReadings(platform_, enterprise_, reading("GAS-1", at(5), 1) + reading("GAS-2", at(9), 2));
  registerSensor(platform_, enterprise_, "GAS-3", device_, "methane", "%LEL", 10);
  // Each sensor's last again: duplicates; one between them: out of order for GAS-2 only.
  auto tally = pushReadings(platform_, enterprise_,
                            reading("GAS-1", at(5), 1) + reading("GAS-2", at(9), 2) +
                                reading("GAS-2", at(7), 3) + reading("GAS-1", at(7), 4) +
                                reading("GAS-3", at(7), 5));
  EXPECT_EQ(tally["duplicate"], 2) << tally.dump();
  EXPECT_EQ(tally["out_of_order"], 1) << tally.dump();
  EXPECT_EQ(tally["stored"], 3) << tally.dump();
}

TEST_F(MonitoringApi, SeriesComeRawAndAsAggregates) {
  std::string batch;
  for (int i = 0; i < 180; ++i) batch += reading("GAS-1", at(i), i % 10);
  pushReadings(platform_, enterprise_, batch);
  platform_.clock.advance(std::chrono::minutes(10));
  ASSERT_TRUE(platform_.app->services().ingestor.tick());  // closes the quiet minute
  const std::string base = "/api/v1/sensors/" + std::to_string(sensor_) + "/series";
  auto raw = platform_.get(base + "?resolution=raw", enterprise_).json();
  EXPECT_EQ(raw["points"].size(), 180U);
  auto minutes = platform_.get(base + "?resolution=minute", enterprise_).json();
  ASSERT_GE(minutes["points"].size(), 3U);
  std::int64_t n = 0;
  for (const auto& p : minutes["points"]) n += p["n"].get<std::int64_t>();
  EXPECT_EQ(n, 180) << minutes.dump();
  EXPECT_EQ(minutes["points"][1]["max"], 9);
  // The hour is recomputed once it has passed, and once the readings moved from the store's write
  // log into the series (`serve` runs the compactor every few seconds).
  platform_.clock.advance(std::chrono::hours(1));
  ASSERT_TRUE(platform_.app->services().ingestor.tick());
  ASSERT_TRUE(monitoring::SeriesCompactor(platform_.app->services().ctx).run());
  auto hours = platform_.get(base + "?resolution=hour", enterprise_).json();
  ASSERT_EQ(hours["points"].size(), 1U);
  EXPECT_EQ(hours["points"][0]["n"], 180);
  EXPECT_EQ(hours["points"][0]["v"], 4.5);
  EXPECT_EQ(platform_.get(base + "?resolution=daily", enterprise_).status, 400);
  EXPECT_EQ(platform_.get(base + "?from=yesterday", enterprise_).status, 400);

  auto rules = platform_.get("/api/v1/sensors/" + std::to_string(sensor_) + "/rules", enterprise_)
                   .json()["items"];
  ASSERT_EQ(rules.size(), 2U);
  EXPECT_EQ(rules[0]["thresholds"]["orange"], 20);
  EXPECT_EQ(rules[1]["name"], "offline");
}

TEST_F(MonitoringApi, MaintenanceSilencesAndOfflineSensorsAlarm) {
  const auto put = platform_.send("PUT", "/api/v1/sensors/" + std::to_string(sensor_),
                                  json{{"code", "GAS-1"},
                                       {"device_id", device_},
                                       {"name", "检修中"},
                                       {"type", "methane"},
                                       {"unit", "%LEL"},
                                       {"interval_s", 10},
                                       {"status", "maintenance"}}
                                      .dump(),
                                  enterprise_);
  ASSERT_EQ(put.status, 200) << put.body;
  auto tally = pushReadings(platform_, enterprise_, reading("GAS-1", at(0), 50));
  EXPECT_EQ(tally["stored"], 1);  // kept, but silent
  EXPECT_EQ(alarms(duty_).size(), 0U);

  // Back in service and silent for longer than three intervals (at least a minute): offline.
  ASSERT_EQ(platform_
                .send("PUT", "/api/v1/sensors/" + std::to_string(sensor_),
                      json{{"code", "GAS-1"},
                           {"device_id", device_},
                           {"name", "甲烷"},
                           {"type", "methane"},
                           {"unit", "%LEL"},
                           {"interval_s", 10},
                           {"status", "active"}}
                          .dump(),
                      enterprise_)
                .status,
            200);
  pushReadings(platform_, enterprise_, reading("GAS-1", at(1), 1));
  platform_.clock.advance(std::chrono::minutes(3));
  auto ticked = platform_.app->services().ingestor.tick();
  ASSERT_TRUE(ticked);
  EXPECT_EQ(ticked->alarms_changed, 1);
  auto list = alarms(duty_);
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["rule"], "offline");
  EXPECT_EQ(list[0]["level"], "yellow");
  const auto sensors = platform_.get("/api/v1/sensors", duty_).json()["items"];
  ASSERT_EQ(sensors.size(), 1U);
  EXPECT_TRUE(sensors[0]["offline"].get<bool>());
  const auto figures = platform_.get("/api/v1/monitoring/figures", duty_).json();
  EXPECT_DOUBLE_EQ(figures["online_rate"].get<double>(), 0.0);
}

TEST_F(MonitoringApi, AnAlarmOpensAHazardOnce) {
  pushReadings(platform_, enterprise_, reading("GAS-1", at(0), 40));
  const auto id = alarms(duty_)[0]["id"].get<std::int64_t>();
  const auto street = platform_.loginCookie("street");
  const std::string target = "/api/v1/alarms/" + std::to_string(id) + "/hazard";
  const auto made = platform_.send("POST", target, "{}", street);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto hazard_id = made.json()["id"].get<std::int64_t>();
  const auto hazard = platform_.get("/api/v1/hazards/" + std::to_string(hazard_id), street).json();
  EXPECT_EQ(hazard["source"], "online_monitoring");
  EXPECT_EQ(hazard["sector"], "hazchem_mining");
  EXPECT_NE(hazard["title"].get<std::string>().find("GAS-1"), std::string::npos);
  EXPECT_EQ(platform_.get("/api/v1/alarms/" + std::to_string(id), duty_).json()["hazard_id"],
            hazard_id);
  EXPECT_EQ(platform_.send("POST", target, "{}", street).status, 409);
}

TEST_F(MonitoringApi, BadInputIsRefusedNamingTheField) {
  auto field = [&](const std::string& method, const std::string& target, const json& body) {
    const auto reply = platform_.send(method, target, body.dump(), enterprise_);
    EXPECT_EQ(reply.status, 400) << target << " " << reply.body;
    return reply.json()["field"].get<std::string>();
  };
  // A new sensor X-1 on the device, with these fields besides.
  auto sensorField = [&](const json& fields) {
    json body = {{"code", "X-1"}, {"device_id", device_}, {"name", "x"}};
    body.update(fields);
    return field("POST", "/api/v1/sensors", body);
  };
  EXPECT_EQ(sensorField({{"type", "methane"}, {"unit", "ppm"}}), "unit");
  EXPECT_EQ(sensorField({{"type", "smell"}}), "type");
  EXPECT_EQ(sensorField({{"type", "tilt"}, {"rules", "tilt: threshold sideways red=1"}}), "rules");
  EXPECT_EQ(field("POST", "/api/v1/devices",
                  {{"code", "D 2"},
                   {"name", "x"},
                   {"org_id", platform_.orgIdByName("安澜精细化工有限公司")},
                   {"sector", "hazchem_mining"},
                   {"lon", 120.1},
                   {"lat", 30.3}}),
            "code");
  EXPECT_EQ(
      platform_
          .send("POST", "/api/v1/sensors",
                json{{"code", "GAS-1"}, {"device_id", device_}, {"name", "x"}, {"type", "methane"}}
                    .dump(),
                enterprise_)
          .status,
      409);
  const auto body =
      platform_.send("POST", "/api/v1/readings", "garbage without commas", enterprise_);
  EXPECT_EQ(body.status, 400);

  // Readings that cannot be used are counted, not fatal.
  const std::string lines = reading("GAS-1", at(0), 1) + "GAS-1," +
                            std::to_string(toEpochMs(at(1))) + ",nan\n" +
                            reading("GAS-1", at(0) + std::chrono::hours(1), 1) +
                            reading("GAS-1", at(0) - std::chrono::days(60), 1) +
                            reading("NOPE-9", at(2), 1) + "broken line\n";
  const auto tally = pushReadings(platform_, enterprise_, lines);
  EXPECT_EQ(tally["accepted"], 1);
  EXPECT_EQ(tally["not_finite"], 1);
  EXPECT_EQ(tally["out_of_window"], 2);
  EXPECT_EQ(tally["unknown_sensor"], 1);
  EXPECT_EQ(tally["malformed"], 1);
}

TEST_F(MonitoringApi, EachSeesAndPushesOnlyItsOwn) {
  const auto admin = platform_.loginCookie("admin");
  const auto other = registerDevice(platform_, admin, "DEV-KN", "康宁商贸城", "commerce");
  registerSensor(platform_, admin, "KN-1", other, "methane", "%LEL", 10);
  // The enterprise cannot push another's sensor: it counts as unknown.
  auto tally = pushReadings(platform_, enterprise_, reading("KN-1", at(0), 50));
  EXPECT_EQ(tally["unknown_sensor"], 1);
  tally = pushReadings(platform_, admin, reading("KN-1", at(0), 50));
  EXPECT_EQ(tally["alarms_changed"], 1);
  EXPECT_EQ(alarms(enterprise_).size(), 0U);
  EXPECT_EQ(alarms(duty_).size(), 1U);
  const auto id = alarms(duty_)[0]["id"].get<std::int64_t>();
  EXPECT_EQ(platform_.get("/api/v1/alarms/" + std::to_string(id), enterprise_).status, 404);
  EXPECT_EQ(
      platform_.get("/api/v1/alarms/" + std::to_string(id), platform_.loginCookie("street")).status,
      404);
  const auto sensors = platform_.get("/api/v1/sensors", enterprise_).json()["items"];
  ASSERT_EQ(sensors.size(), 1U);
  EXPECT_EQ(sensors[0]["code"], "GAS-1");
  // Leaders read; they do not handle.
  step(platform_.loginCookie("leader"), id, {{"action", "acknowledge"}}, 403);
}

}  // namespace
}  // namespace citysafe::testing

namespace citysafe::testing {
namespace {

// Closing an alarm whose condition still holds is a person's decision about that alarm, not
// about the danger: once the engine catches up with the store, the next high reading raises a
// new one.
TEST_F(MonitoringApi, AnAlarmClosedWhileItsConditionHoldsIsRaisedAgain) {
  pushReadings(platform_, enterprise_, reading("GAS-1", at(0), 40));
  const auto first = alarms(duty_)[0]["id"].get<std::int64_t>();
  step(duty_, first, {{"action", "close"}, {"disposition", "real_danger"}});
  for (int i = 0; i < 15; ++i) ASSERT_TRUE(platform_.app->services().ingestor.tick());
  pushReadings(platform_, enterprise_, reading("GAS-1", at(5), 41));
  std::vector<json> methane;  // (the quiet minutes also raised its offline alarm)
  for (const auto& a : alarms(duty_)) {
    if (a["rule"] == "methane") methane.push_back(a);
  }
  ASSERT_EQ(methane.size(), 2U);
  EXPECT_NE(methane[0]["id"], first);
  EXPECT_EQ(methane[0]["state"], "active");
}

// A device's own sector decides who supervises it: a department cannot register one in a
// sector it does not supervise, even on an enterprise it reaches.
TEST_F(MonitoringApi, DevicesFollowTheirOwnSectorForScope) {
  const auto dept = platform_.loginCookie("dept");  // construction, urban operation, gas
  EXPECT_EQ(registerDevice(platform_, dept, "DEV-OK", "和平燃气储配站", "gas") > 0, true);
  const auto reply = platform_.send("POST", "/api/v1/devices",
                                    json{{"code", "DEV-NO"},
                                         {"name", "越权"},
                                         {"org_id", platform_.orgIdByName("和平燃气储配站")},
                                         {"sector", "hazchem_mining"},
                                         {"lon", 120.1},
                                         {"lat", 30.3}}
                                        .dump(),
                                    dept);
  EXPECT_EQ(reply.status, 404) << reply.body;
}

}  // namespace
}  // namespace citysafe::testing
