// The BucketTracker: which minutes and hours close as readings arrive, and when a sensor's last
// value is saved to the registry.
#include <gtest/gtest.h>

#include "citysafe/core/monitoring/engine_snapshot.hpp"

namespace citysafe::monitoring {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kStart = 1'800'000'000'000 / kHour * kHour;  // on the hour

Sensor sensorWithId(std::int64_t id, int interval_s = 10) {
  Sensor s;
  s.id = SensorId{id};
  s.interval = std::chrono::seconds(interval_s);
  return s;
}

TEST(BucketTracker, AReadingInTheNextMinuteClosesTheMinuteBefore) {
  BucketTracker t;
  t.reset(1);
  const auto s = sensorWithId(7);
  BucketTracker::Changes out;
  t.track(s, 0, kStart + 1000, out);
  t.track(s, 0, kStart + 30'000, out);
  EXPECT_TRUE(out.minutes.empty());
  t.track(s, 0, kStart + kMinute + 5, out);
  ASSERT_EQ(out.minutes.size(), 1u);
  EXPECT_EQ(out.minutes[0], (store::BucketKey{SensorId{7}, kStart}));
  EXPECT_TRUE(out.hours.empty());
  t.track(s, 0, kStart + kHour, out);
  ASSERT_EQ(out.hours.size(), 1u);
  EXPECT_EQ(out.hours[0], (store::BucketKey{SensorId{7}, kStart}));
}

TEST(BucketTracker, TheLastValueIsSavedFirstThenOncePerIntervalOfAtLeastAMinute) {
  BucketTracker t;
  t.reset(1);
  const auto s = sensorWithId(7, 10);
  BucketTracker::Changes out;
  t.track(s, 0, kStart, out);
  EXPECT_EQ(out.save_last.size(), 1u);  // the first reading since start
  t.track(s, 0, kStart + 30'000, out);
  EXPECT_EQ(out.save_last.size(), 1u);
  t.track(s, 0, kStart + kMinute, out);
  EXPECT_EQ(out.save_last.size(), 2u);
}

TEST(BucketTracker, ALateReadingRecomputesItsMinuteAndHourUnlessTheyAreOpen) {
  BucketTracker t;
  t.reset(1);
  const auto s = sensorWithId(7);
  BucketTracker::Changes out;
  t.seed(0, kStart + 2 * kHour + 5 * kMinute);
  t.late(s, 0, kStart + 2 * kHour + 5 * kMinute + 1, out);  // the open minute: nothing
  EXPECT_TRUE(out.minutes.empty());
  EXPECT_TRUE(out.hours.empty());
  t.late(s, 0, kStart + 10, out);
  ASSERT_EQ(out.minutes.size(), 1u);
  EXPECT_EQ(out.minutes[0], (store::BucketKey{SensorId{7}, kStart}));
  ASSERT_EQ(out.hours.size(), 1u);
}

TEST(BucketTracker, AQuietSensorsMinuteClosesAfterTheQuietSpell) {
  BucketTracker t;
  t.reset(1);
  const std::vector<Sensor> sensors = {sensorWithId(7)};
  BucketTracker::Changes out;
  t.track(sensors[0], 0, kStart, out);
  out = {};
  const std::int64_t quiet = 2 * kMinute;
  t.flushQuiet(sensors, kStart + kMinute + quiet - 1, quiet, out);
  EXPECT_TRUE(out.minutes.empty());
  t.flushQuiet(sensors, kStart + kMinute + quiet, quiet, out);
  ASSERT_EQ(out.minutes.size(), 1u);
  EXPECT_EQ(out.save_last.size(), 1u);
  out = {};
  t.flushQuiet(sensors, kStart + kMinute + quiet, quiet, out);  // closed once only
  EXPECT_TRUE(out.minutes.empty());
}

TEST(BucketTracker, ACarriedSensorKeepsItsOpenMinuteUnderItsNewIndex) {
  BucketTracker before;
  before.reset(2);
  BucketTracker::Changes out;
  before.track(sensorWithId(9), 1, kStart, out);
  BucketTracker after;
  after.reset(1);
  after.carry(before, 1, 0);
  out = {};
  after.track(sensorWithId(9), 0, kStart + kMinute, out);
  ASSERT_EQ(out.minutes.size(), 1u);
  EXPECT_EQ(out.minutes[0], (store::BucketKey{SensorId{9}, kStart}));
}

}  // namespace
}  // namespace citysafe::monitoring
