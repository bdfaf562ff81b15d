#include "citysafe/core/monitoring/rule.hpp"

#include <gtest/gtest.h>

#include "citysafe/core/monitoring/rule_engine.hpp"

namespace citysafe::monitoring {
namespace {

TEST(MonitoringRule, ReadsTheTextForm) {
  auto r = parseRule("cabin",
                     "threshold above orange=20 red=35 hysteresis=2 for=30s repeats=3/10min:red");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(std::isnan(r->thresholds[0]));
  EXPECT_EQ(r->thresholds[2], 20);
  EXPECT_EQ(r->hold_for, std::chrono::seconds(30));
  EXPECT_EQ(r->repeat_count, 3);
  EXPECT_EQ(r->repeat_window, std::chrono::minutes(10));
  EXPECT_EQ(r->repeat_level, Level::Red);
  EXPECT_EQ(parseRule("s", "stale after=2h")->stale_after, std::chrono::hours(2));
  EXPECT_EQ(parseRule("r", "rate below red=-1 per=1d")->rate_unit, std::chrono::days(1));
}

TEST(MonitoringRule, RefusesBadTextNamingTheWord) {
  EXPECT_EQ(parseRule("x", "threshold above red=lots").error().field, "x.red");
  EXPECT_EQ(parseRule("x", "threshold above red=5 for=soon").error().field, "x.for");
  EXPECT_EQ(parseRule("x", "threshold above").error().field, "x");
  EXPECT_NE(parseRule("x", "threshold above yellow=20 orange=10").error().message.find("rise"),
            std::string::npos);
  EXPECT_EQ(parseRule("x", "threshold above red=5 colour=pink").error().field, "x.colour");
  EXPECT_FALSE(parseRule("x", "guess above red=5"));
  EXPECT_FALSE(parseRule("x", "flatline count=1"));
  EXPECT_FALSE(parseRule("x", "threshold above red=5 repeats=3/10min"));
}

TEST(MonitoringRule, EngineStateStaysUnderTwoHundredBytesASensor) {
  RuleEngine engine;
  auto set =
      engine.addRuleSet({*parseRule("a", "threshold above yellow=1 red=2 for=30s"),
                         *parseRule("b", "rate above red=1"), *parseRule("c", "stale after=10min"),
                         *parseRule("d", "flatline count=30")});
  ASSERT_TRUE(set);
  engine.reserve(10000, 40000);
  for (int i = 0; i < 10000; ++i) (void)engine.addSensor(*set);
  EXPECT_LE(engine.stateBytes() / engine.sensors(), 200U);
}

}  // namespace
}  // namespace citysafe::monitoring
