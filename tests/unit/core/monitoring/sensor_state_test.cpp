// Sensor states for lists and maps: every open alarm counts however many there are, the newest
// value wins, and a chart's window follows its resolution.
#include "citysafe/core/monitoring/sensor_state.hpp"

#include <gtest/gtest.h>

#include "citysafe/core/monitoring/monitoring_service.hpp"

namespace citysafe::monitoring {
namespace {

Alarm openAlarm(std::int64_t id, std::int64_t sensor, Level level, std::string rule = "gas") {
  Alarm a;
  a.id = AlarmId{id};
  a.sensor_id = SensorId{sensor};
  a.level = level;
  a.rule = std::move(rule);
  return a;
}

// A store's alarm list, newest first, paged by the id before which the page starts.
class FakeAlarmStore {
 public:
  void add(Alarm a) { alarms_.insert(alarms_.begin(), std::move(a)); }
  Result<std::vector<Alarm>> page(int limit, AlarmId before) {
    ++reads;
    std::vector<Alarm> out;
    for (const auto& a : alarms_) {
      if (before.valid() && a.id >= before) continue;
      if (static_cast<int>(out.size()) == limit) break;
      out.push_back(a);
    }
    return out;
  }
  int reads = 0;

 private:
  std::vector<Alarm> alarms_;  // newest (highest id) first
};

TEST(SensorStates, TheHighestOpenLevelAndTheOfflineRuleOfEachSensor) {
  SensorStates states;
  states.add(openAlarm(1, 7, Level::Yellow));
  states.add(openAlarm(2, 7, Level::Red, "rate"));
  states.add(openAlarm(3, 7, Level::Blue));
  states.add(openAlarm(4, 8, Level::Yellow, "offline"));
  EXPECT_EQ(states.of(SensorId{7}).alarm_level, Level::Red);
  EXPECT_FALSE(states.of(SensorId{7}).offline);
  EXPECT_EQ(states.of(SensorId{8}).alarm_level, Level::Yellow);
  EXPECT_TRUE(states.of(SensorId{8}).offline);
  EXPECT_EQ(states.of(SensorId{9}).alarm_level, Level::None);
  EXPECT_FALSE(states.of(SensorId{9}).offline);
}

// The HTTP route used to stop after 20 pages of 1,000: the 20,001st alarm and every one older
// was not counted, so a sensor whose only red alarm was old enough showed as calm.
TEST(SensorStates, MoreThanTwentyThousandOpenAlarmsAreAllCounted) {
  FakeAlarmStore store;
  store.add(openAlarm(1, 99, Level::Red));  // the oldest: on the 25th page
  for (std::int64_t id = 2; id <= 25'000; ++id) store.add(openAlarm(id, id % 50, Level::Blue));
  auto states = foldAlarms([&](int limit, AlarmId before) { return store.page(limit, before); });
  ASSERT_TRUE(states);
  EXPECT_EQ(states->of(SensorId{99}).alarm_level, Level::Red);
  EXPECT_EQ(states->size(), 51u);
  EXPECT_EQ(store.reads, 26);  // 25 full pages, then an empty one
}

TEST(SensorStates, AnExactlyFullLastPageIsFollowedByOneEmptyRead) {
  FakeAlarmStore store;
  for (std::int64_t id = 1; id <= 2'000; ++id) store.add(openAlarm(id, 1, Level::Blue));
  auto states = foldAlarms([&](int limit, AlarmId before) { return store.page(limit, before); });
  ASSERT_TRUE(states);
  EXPECT_EQ(store.reads, 3);
}

TEST(SensorStates, AFailedPageIsTheFailureNotAnEmptyState) {
  int calls = 0;
  auto states = foldAlarms([&](int limit, AlarmId) -> Result<std::vector<Alarm>> {
    if (++calls == 2) return fail(Errc::Unavailable, "", "database down");
    return std::vector<Alarm>(static_cast<std::size_t>(limit), openAlarm(calls, 1, Level::Red));
  });
  ASSERT_FALSE(states);
  EXPECT_EQ(states.error().code, Errc::Unavailable);
}

class FixedLatest final : public LatestValues {
 public:
  std::vector<store::SensorLast> latest(std::span<const SensorId> ids) const override {
    std::vector<store::SensorLast> out;
    for (const auto id : ids)
      out.push_back(id == SensorId{1} ? store::SensorLast{id, 5000, 2.5}
                                      : store::SensorLast{id, 0, 0});
    return out;
  }
};

TEST(SensorStates, ANewerValueSeenByThisNodeReplacesTheStoredOne) {
  std::vector<Sensor> sensors(3);
  sensors[0].id = SensorId{1};
  sensors[0].last_at_ms = 4000;
  sensors[0].last_value = 1.0;
  sensors[1].id = SensorId{2};
  sensors[1].last_at_ms = 4000;
  sensors[1].last_value = 7.0;
  sensors[2].id = SensorId{3};
  overlayLatest(sensors, FixedLatest{});
  EXPECT_EQ(sensors[0].last_at_ms, 5000);
  EXPECT_DOUBLE_EQ(sensors[0].last_value, 2.5);
  EXPECT_EQ(sensors[1].last_at_ms, 4000);  // this node saw nothing newer
  EXPECT_DOUBLE_EQ(sensors[1].last_value, 7.0);
  EXPECT_FALSE(sensors[2].last_at_ms);
}

TEST(SeriesWindow, EachResolutionHasItsDefaultSpanEndingAMinutePastNow) {
  const TimePoint now = fromEpochMs(1'800'000'000'000);
  const auto raw = seriesWindow(store::Resolution::Raw, {}, {}, now);
  EXPECT_EQ(raw.to, now + std::chrono::minutes(1));
  EXPECT_EQ(raw.to - raw.from, std::chrono::hours(1));
  EXPECT_EQ(defaultSpan(store::Resolution::Minute), std::chrono::hours(24));
  EXPECT_EQ(defaultSpan(store::Resolution::Hour), std::chrono::hours(24 * 30));
}

TEST(SeriesWindow, AGivenEndAnchorsTheDefaultStart) {
  const TimePoint now = fromEpochMs(1'800'000'000'000);
  const TimePoint end = now - std::chrono::hours(48);
  const auto w = seriesWindow(store::Resolution::Minute, {}, end, now);
  EXPECT_EQ(w.to, end);
  EXPECT_EQ(w.from, end - std::chrono::hours(24));
  const auto given = seriesWindow(store::Resolution::Hour, end - std::chrono::hours(2), {}, now);
  EXPECT_EQ(given.from, end - std::chrono::hours(2));
}

TEST(MonitoringEnums, NamesRoundTripAndUnknownStoredValuesAreErrors) {
  EXPECT_STREQ(nameOf(SensorType::CrackWidth), "crack_width");
  EXPECT_EQ(parseEnum<AlarmState>("handling"), AlarmState::Handling);
  EXPECT_EQ(parseEnum<store::Resolution>("hour"), store::Resolution::Hour);
  auto stored = storedEnum<AlarmState>("reported", "alarms.state");
  ASSERT_FALSE(stored);
  EXPECT_EQ(stored.error().code, Errc::Internal);
}

}  // namespace
}  // namespace citysafe::monitoring
