// Sensors and devices: what the registry accepts, the default rules of every type, rule-set
// text, and the alarm lifecycle a person drives.
#include <gtest/gtest.h>

#include "citysafe/common/time_format.hpp"
#include "citysafe/core/monitoring/alarm.hpp"
#include "citysafe/core/monitoring/alarm_events.hpp"
#include "citysafe/core/monitoring/sensor.hpp"

namespace citysafe::monitoring {
namespace {

Sensor validSensor() {
  Sensor s;
  s.code = "GAS-17";
  s.name = "井下甲烷";
  s.type = SensorType::Methane;
  s.unit = "%vol";
  s.interval = std::chrono::seconds(10);
  s.location = {117.2, 31.8};
  return s;
}

TEST(Registry, EveryTypeHasUnitsAndItsDefaultRulesParse) {
  for (int i = 0; i < kSensorTypeCount; ++i) {
    const auto type = static_cast<SensorType>(i);
    ASSERT_FALSE(unitsOf(type).empty()) << nameOf(type);
    EXPECT_EQ(parseEnum<SensorType>(nameOf(type)), type);
    for (const auto unit : unitsOf(type)) {
      auto rules = parseRuleSet(defaultRulesOf(type, unit));
      EXPECT_TRUE(rules) << nameOf(type) << " " << unit << ": " << rules.error().message;
    }
  }
}

TEST(Registry, MethaneDefaultsFollowTheUnit) {
  auto vol = parseRuleSet(defaultRulesOf(SensorType::Methane, "%vol"));
  ASSERT_TRUE(vol);
  EXPECT_DOUBLE_EQ((*vol)[0].thresholds[2], 1.0);  // orange at 1 %vol
  EXPECT_EQ((*vol)[0].hold_for, std::chrono::seconds(30));
  auto lel = parseRuleSet(defaultRulesOf(SensorType::Methane, "%LEL"));
  ASSERT_TRUE(lel);
  EXPECT_DOUBLE_EQ((*lel)[0].thresholds[2], 20);  // GB 50838: alarm at 20 %LEL
  EXPECT_DOUBLE_EQ((*lel)[0].thresholds[3], 35);  // shut-off at 35 %LEL
}

TEST(Registry, SensorsAreCheckedNamingTheField) {
  EXPECT_TRUE(validSensor().validate());
  auto field = [](const Sensor& s) {
    auto v = s.validate();
    return v ? std::string("ok") : v.error().field;
  };
  Sensor s = validSensor();
  s.code = "GAS/17";  // would break the topic
  EXPECT_EQ(field(s), "code");
  s = validSensor();
  s.unit = "ppm";
  EXPECT_EQ(field(s), "unit");
  s = validSensor();
  s.interval = std::chrono::seconds(0);
  EXPECT_EQ(field(s), "interval_s");
  s = validSensor();
  s.location.lat = 95;
  EXPECT_EQ(field(s), "location.lat");
}

TEST(Registry, DevicesNeedAKnownSector) {
  Device d{.code = "DEV-1", .name = "终端", .sector = "gas", .location = {117.2, 31.8}};
  EXPECT_TRUE(d.validate());
  d.sector = "";
  EXPECT_EQ(d.validate().error().field, "sector");
  d.sector = "bakery";
  EXPECT_EQ(d.validate().error().field, "sector");
}

TEST(Registry, RuleSetTextNamesTheBadLine) {
  auto ok =
      parseRuleSet("# manhole\nmethane: threshold above orange=1.0\n\noffline: stale after=5min");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->size(), 2U);
  auto no_name = splitRuleSet("methane: threshold above red=1\nthreshold above red=2");
  ASSERT_FALSE(no_name);
  EXPECT_EQ(no_name.error().field, "rules.line2");
  auto twice = splitRuleSet("a: threshold above red=1\na: threshold above red=2");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().field, "rules.line2");
  auto bad_rule = parseRuleSet("gas: threshold above red=abc");
  ASSERT_FALSE(bad_rule);
  EXPECT_NE(bad_rule.error().field.find("gas"), std::string::npos);
}

TEST(Registry, EverySensorGoesOfflineAfterThreeMissedSamples) {
  std::vector<Rule> rules;
  addOfflineRule(rules, std::chrono::seconds(30));
  ASSERT_EQ(rules.size(), 1U);
  EXPECT_EQ(rules[0].kind, RuleKind::Stale);
  EXPECT_EQ(rules[0].stale_after, std::chrono::seconds(90));
  addOfflineRule(rules, std::chrono::seconds(30));  // already has one
  EXPECT_EQ(rules.size(), 1U);
  std::vector<Rule> fast;
  addOfflineRule(fast, std::chrono::seconds(1));
  EXPECT_EQ(fast[0].stale_after, std::chrono::minutes(1));  // at least a minute
}

TEST(Registry, SitesGroupByRiskPointElseDevice) {
  Sensor s = validSensor();
  s.device_id = DeviceId{4};
  EXPECT_EQ(s.siteKey(), "device:4");
  s.risk_point_id = 12;
  EXPECT_EQ(s.siteKey(), "risk:12");
}

class AlarmLifecycle : public ::testing::Test {
 protected:
  Alarm raised() {
    Alarm a;
    applyLevel(a, Level::Orange, 1.2, at(0));
    a.id = AlarmId{1};
    return a;
  }
  static TimePoint at(int s) { return fromEpochMs(1795000000000 + s * 1000LL); }
};

TEST_F(AlarmLifecycle, LevelsChangeInPlaceAndTheClearingIsKeptApart) {
  Alarm a = raised();
  EXPECT_EQ(a.state, AlarmState::Active);
  EXPECT_TRUE(applyLevel(a, Level::Red, 2.0, at(5)));
  EXPECT_EQ(a.peak, Level::Red);
  EXPECT_FALSE(applyLevel(a, Level::Red, 2.1, at(6)));  // nothing changed
  EXPECT_TRUE(applyLevel(a, Level::None, 0.1, at(9)));
  EXPECT_EQ(a.cleared_at, at(9));
  EXPECT_EQ(a.state, AlarmState::Active);  // still waiting for a person
  EXPECT_EQ(a.peak, Level::Red);
  EXPECT_TRUE(applyLevel(a, Level::Yellow, 0.9, at(12)));  // back before anyone closed it
  EXPECT_FALSE(a.cleared_at);
}

TEST_F(AlarmLifecycle, TheLiveSummaryCarriesClearedAtAsTheHttpFormDoes) {
  Alarm a = raised();
  EXPECT_NE(alarmEventJson(a).find("\"cleared_at\":null"), std::string::npos);
  ASSERT_TRUE(applyLevel(a, Level::None, 0.1, at(9)));
  EXPECT_NE(alarmEventJson(a).find("\"cleared_at\":\"" + formatIso8601(at(9)) + "\""),
            std::string::npos)
      << alarmEventJson(a);
}

TEST_F(AlarmLifecycle, PeopleAcknowledgeHandleAndCloseWithADisposition) {
  Alarm a = raised();
  ASSERT_TRUE(applyStep(a, {.action = AlarmAction::Acknowledge}, UserId{7}, at(30)));
  EXPECT_EQ(a.acknowledged_by, UserId{7});
  auto again = applyStep(a, {.action = AlarmAction::Acknowledge}, UserId{7}, at(31));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::IllegalTransition);
  ASSERT_TRUE(
      applyStep(a, {.action = AlarmAction::Handle, .notes = "已派燃气抢修"}, UserId{7}, at(40)));
  auto no_disposition = applyStep(a, {.action = AlarmAction::Close}, UserId{7}, at(50));
  ASSERT_FALSE(no_disposition);
  EXPECT_EQ(no_disposition.error().field, "disposition");
  ASSERT_TRUE(applyStep(
      a,
      {.action = AlarmAction::Close, .disposition = Disposition::RealDanger, .notes = "阀门已关闭"},
      UserId{8}, at(60)));
  EXPECT_EQ(a.state, AlarmState::Closed);
  EXPECT_EQ(a.closed_by, UserId{8});
  EXPECT_EQ(a.notes, "已派燃气抢修\n阀门已关闭");
  EXPECT_EQ(applyStep(a, {.action = AlarmAction::Handle}, UserId{7}, at(70)).error().code,
            Errc::IllegalTransition);
}

TEST_F(AlarmLifecycle, ClosingStraightAwayCountsAsAcknowledged) {
  Alarm a = raised();
  ASSERT_TRUE(applyStep(a, {.action = AlarmAction::Close, .disposition = Disposition::FalseAlarm},
                        UserId{3}, at(20)));
  EXPECT_EQ(a.acknowledged_at, at(20));
}

}  // namespace
}  // namespace citysafe::monitoring
