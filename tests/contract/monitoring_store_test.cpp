// The monitoring port, the same on every store: the registry round-trips and follows the scope
// rule; readings are idempotent by (sensor, time); aggregates are exact when recomputed; one open
// alarm per (sensor, rule); retention; PostgreSQL's day partitions.
#include <algorithm>

#include "citysafe/core/monitoring/alarm_events.hpp"
#include "citysafe/core/monitoring/monitoring_service.hpp"
#include "citysafe/core/monitoring/series_compactor.hpp"
#include "store_fixture.hpp"

namespace citysafe::contract {
namespace {

using monitoring::Alarm;
using monitoring::Device;
using monitoring::Sensor;

constexpr std::int64_t kT0 = 1790000040000;  // a whole minute

class MonitoringStore : public StoreContract {
 protected:
  template <class T>
  Result<T> write(const std::function<Result<T>(store::Tx&)>& work) {
    return store::writeReturning<T>(*store_, work);
  }
  template <class T>
  Result<T> read(const std::function<Result<T>(store::Tx&)>& work) {
    return store::readReturning<T>(*store_, work);
  }
  // A device and one sensor of the gas enterprise.
  Sensor registerSensor(const Tree& t, const std::string& code) {
    Device d{.code = "DEV-" + code,
             .name = "终端",
             .org_id = t.gas_enterprise.id,
             .org_path = t.gas_enterprise.path,
             .sector = "gas",
             .location = {120.1, 30.2},
             .created_at = clock_.now(),
             .updated_at = clock_.now()};
    auto device_id =
        write<DeviceId>([&](store::Tx& tx) { return tx.monitoring().insertDevice(d); });
    EXPECT_TRUE(device_id);
    Sensor s{.code = code,
             .device_id = device_id.value_or(DeviceId{}),
             .name = "甲烷",
             .type = monitoring::SensorType::Methane,
             .unit = "%vol",
             .interval = std::chrono::seconds(10),
             .org_id = t.gas_enterprise.id,
             .org_path = t.gas_enterprise.path,
             .sector = "gas",
             .location = {120.1, 30.2},
             .created_at = clock_.now(),
             .updated_at = clock_.now()};
    auto id = write<SensorId>([&](store::Tx& tx) { return tx.monitoring().insertSensor(s); });
    EXPECT_TRUE(id) << (id ? "" : id.error().message);
    s.id = id.value_or(SensorId{});
    return s;
  }
  // Moves what the store logged into the series, up to a minute before the clock; in small reads
  // and transactions, so that pages and a sensor's run split across them are exercised.
  bool compact() {
    events::EventBus bus;
    ServiceContext ctx(*store_, clock_, bus, testing::kTestAuditKey, nullptr);
    auto report = monitoring::SeriesCompactor(
                      ctx, {.rows_per_transaction = 50, .rows_per_read = 64, .pause_per_busy = 0})
                      .run();
    EXPECT_TRUE(report) << (report ? "" : report.error().message);
    return report.has_value();
  }
  Result<std::vector<store::SeriesPoint>> series(const Sensor& s, store::Resolution resolution,
                                                 std::int64_t from_ms, std::int64_t to_ms,
                                                 int limit) {
    return read<std::vector<store::SeriesPoint>>([&](store::Tx& tx) {
      return tx.monitoring().series(s.id, resolution, from_ms, to_ms, limit);
    });
  }
  Result<bool> recompute(const std::vector<store::BucketKey>& minutes,
                         const std::vector<store::BucketKey>& hours = {}) {
    return write<bool>([&](store::Tx& tx) -> Result<bool> {
      CS_TRY(tx.monitoring().recomputeMinutes(minutes));
      CS_TRY(tx.monitoring().recomputeHours(hours));
      return true;
    });
  }
  std::int64_t insertReadings(const std::vector<store::ReadingRow>& rows) {
    auto n =
        write<std::int64_t>([&](store::Tx& tx) { return tx.monitoring().insertReadings(rows); });
    EXPECT_TRUE(n) << (n ? "" : n.error().message);
    return n.value_or(-1);
  }
  Alarm alarmOf(const Sensor& s, const std::string& rule) {
    Alarm a = monitoring::newAlarm(s, rule);
    monitoring::applyLevel(a, monitoring::Level::Orange, 1.2, clock_.now());
    return a;
  }
};

TEST_P(MonitoringStore, SensorsRoundTripAndFollowTheScope) {
  const Tree t = buildTree();
  Sensor s = registerSensor(t, "GAS-1");
  auto got = read<Sensor>([&](store::Tx& tx) { return tx.monitoring().sensor(s.id); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->code, "GAS-1");
  EXPECT_EQ(got->unit, "%vol");
  EXPECT_EQ(got->interval, std::chrono::seconds(10));
  EXPECT_EQ(got->org_path, t.gas_enterprise.path);
  EXPECT_FALSE(got->last_at_ms);
  auto by_code = read<std::optional<Sensor>>(
      [&](store::Tx& tx) { return tx.monitoring().sensorByCode("GAS-1"); });
  ASSERT_TRUE(by_code && *by_code);
  EXPECT_EQ((*by_code)->id, s.id);

  store::SensorFilter mine{.scope = {.subtree_path = t.street_a.path}};
  store::SensorFilter theirs{.scope = {.subtree_path = t.street_b.path}};
  store::SensorFilter by_sector{.scope = {.subtree_path = "/none/",
                                          .sector_district_path = t.district.path,
                                          .sectors = {"gas"}}};
  auto count = [&](const store::SensorFilter& f) {
    auto list = read<std::vector<Sensor>>(
        [&](store::Tx& tx) { return tx.monitoring().sensors(f, 100, SensorId{}); });
    return list ? list->size() : 999;
  };
  EXPECT_EQ(count(mine), 1U);
  EXPECT_EQ(count(theirs), 0U);
  EXPECT_EQ(count(by_sector), 1U);

  // A second sensor with the same code is a conflict.
  Sensor twin = s;
  auto again = write<SensorId>([&](store::Tx& tx) { return tx.monitoring().insertSensor(twin); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::Conflict);
}

TEST_P(MonitoringStore, ADevicesNewOwnerAndSectorCarryToItsSensors) {
  const Tree t = buildTree();
  const Sensor s = registerSensor(t, "GAS-2");
  auto device = read<Device>([&](store::Tx& tx) { return tx.monitoring().device(s.device_id); });
  ASSERT_TRUE(device);
  device->org_id = t.fire_enterprise.id;
  device->org_path = t.fire_enterprise.path;
  device->sector = "fire";
  device->name = "终端二";
  auto saved = write<bool>([&](store::Tx& tx) -> Result<bool> {
    CS_TRY(tx.monitoring().updateDevice(*device));
    return true;
  });
  ASSERT_TRUE(saved) << saved.error().message;

  auto stored = read<Device>([&](store::Tx& tx) { return tx.monitoring().device(s.device_id); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->name, "终端二");
  auto sensor = read<Sensor>([&](store::Tx& tx) { return tx.monitoring().sensor(s.id); });
  ASSERT_TRUE(sensor);
  EXPECT_EQ(sensor->org_id, t.fire_enterprise.id);
  EXPECT_EQ(sensor->org_path, t.fire_enterprise.path);
  EXPECT_EQ(sensor->sector, "fire");
  EXPECT_EQ(sensor->name, "甲烷");  // the sensor's own fields stay
}

TEST_P(MonitoringStore, ReadingsAreIdempotentBySensorAndTime) {
  const Tree t = buildTree();
  Sensor s = registerSensor(t, "GAS-1");
  std::vector<store::ReadingRow> rows;
  for (int i = 0; i < 300; ++i) rows.push_back({s.id, kT0 + i * 1000, 0.01 * i});
  EXPECT_EQ(insertReadings(rows), 300);
  EXPECT_EQ(insertReadings(rows), 0);  // the same batch again: nothing new
  rows.push_back({s.id, kT0 + 300'000, 9});
  EXPECT_EQ(insertReadings(rows), 1);

  auto raw = series(s, store::Resolution::Raw, kT0, kT0 + 400'000, 1000);
  ASSERT_TRUE(raw);
  ASSERT_EQ(raw->size(), 301U);
  EXPECT_EQ(raw->front().at_ms, kT0);
  EXPECT_DOUBLE_EQ(raw->back().value, 9);
  auto last = read<std::vector<store::SensorLast>>(
      [&](store::Tx& tx) { return tx.monitoring().lastReadings(); });
  ASSERT_TRUE(last);
  ASSERT_EQ(last->size(), 1U);
  EXPECT_EQ(last->front().at_ms, kT0 + 300'000);
}

TEST_P(MonitoringStore, AggregatesAreRecomputedExactly) {
  const Tree t = buildTree();
  Sensor s = registerSensor(t, "GAS-1");
  std::vector<store::ReadingRow> rows;
  for (int i = 0; i < 120; ++i) rows.push_back({s.id, kT0 + i * 1000, static_cast<double>(i)});
  insertReadings(rows);
  const std::int64_t hour = kT0 - kT0 % 3'600'000;
  const std::vector<store::BucketKey> minutes = {{s.id, kT0}, {s.id, kT0 + 60'000}};
  const std::vector<store::BucketKey> hours = {{s.id, hour}};
  auto recomputeBoth = [&] { return recompute(minutes, hours); };
  auto perMinute = [&] { return series(s, store::Resolution::Minute, kT0, kT0 + 120'000, 10); };
  auto expectMinutes = [&](const std::string& when) {
    auto per_minute = perMinute();
    ASSERT_TRUE(per_minute) << when;
    ASSERT_EQ(per_minute->size(), 2U) << when;
    EXPECT_EQ((*per_minute)[0].count, 60) << when;
    EXPECT_DOUBLE_EQ((*per_minute)[0].value, 29.5) << when;
    EXPECT_DOUBLE_EQ((*per_minute)[0].min, 0) << when;
    EXPECT_DOUBLE_EQ((*per_minute)[0].max, 59) << when;
    EXPECT_DOUBLE_EQ((*per_minute)[1].value, 89.5) << when;
  };
  // At once, whether the store logged the readings first or not.
  ASSERT_TRUE(recomputeBoth());
  expectMinutes("just stored");
  // Twice, and after the readings moved into the series (twice too): recomputing is not adding.
  ASSERT_TRUE(recomputeBoth());
  clock_.advance(std::chrono::hours(2));
  auto expectHour = [&](const std::string& when) {
    auto per_hour = series(s, store::Resolution::Hour, kT0 - 3'600'000, kT0 + 3'600'000, 10);
    ASSERT_TRUE(per_hour) << when;
    ASSERT_EQ(per_hour->size(), 1U) << when;
    EXPECT_EQ(per_hour->front().count, 120) << when;
    EXPECT_DOUBLE_EQ(per_hour->front().value, 59.5) << when;
    EXPECT_DOUBLE_EQ(per_hour->front().max, 119) << when;
  };
  ASSERT_TRUE(compact());
  expectMinutes("moved");
  expectHour("moved");  // by the move alone, where the store logs first
  ASSERT_TRUE(compact());
  ASSERT_TRUE(recomputeBoth());
  expectMinutes("moved and recomputed");
  expectHour("moved and recomputed");
}

// An hour computed while its last readings were still in the log (the sensor's next reading
// closed it) is made whole when they move, though the move ends before the hour does.
TEST_P(MonitoringStore, AnHourIsCompleteWhicheverWayItsReadingsArrive) {
  const Tree t = buildTree();
  Sensor s = registerSensor(t, "GAS-1");
  const std::int64_t hour = kT0 - kT0 % 3'600'000 + 3'600'000;
  constexpr std::int64_t kMin = 60'000;
  insertReadings({{s.id, hour + 10 * kMin, 1}});
  clock_.set(fromEpochMs(hour + 20 * kMin));
  ASSERT_TRUE(compact());
  insertReadings({{s.id, hour + 57 * kMin + 30'000, 2}});
  ASSERT_TRUE(write<bool>([&](store::Tx& tx) -> Result<bool> {
    if (auto r = tx.monitoring().advanceLogHorizon(hour + 58 * kMin); !r) {
      return tl::unexpected(r.error());
    }
    return true;
  }));
  insertReadings({{s.id, hour + 62 * kMin + 30'000, 3}});
  ASSERT_TRUE(recompute({{s.id, hour + 10 * kMin}, {s.id, hour + 57 * kMin}}, {{s.id, hour}}));
  clock_.set(fromEpochMs(hour + 61 * kMin));
  ASSERT_TRUE(compact());  // moves what lies below the horizon: the 57:30 reading
  auto per_hour = series(s, store::Resolution::Hour, hour, hour + 3'600'000, 10);
  ASSERT_TRUE(per_hour);
  ASSERT_EQ(per_hour->size(), 1U);
  EXPECT_EQ(per_hour->front().count, 2);
  EXPECT_DOUBLE_EQ(per_hour->front().max, 2);
}

// Readings logged first (SQLite) read the same before, while and after they move into the series;
// a reading arriving after its minute moved goes straight to the series, once.
TEST_P(MonitoringStore, LoggedReadingsMoveIntactIntoTheSeries) {
  const Tree t = buildTree();
  Sensor a = registerSensor(t, "GAS-1");
  Sensor b = registerSensor(t, "GAS-2");
  // One more in GAS-1's stripe of the log (sixteen stripes by id), reading at the same times, so
  // that pages of the log end between two readings of one time.
  Sensor c = registerSensor(t, "GAS-3");
  for (int n = 4; (c.id.value - a.id.value) % 16 != 0; ++n)
    c = registerSensor(t, "GAS-" + std::to_string(n));
  std::vector<store::ReadingRow> rows;
  for (int i = 0; i < 180; ++i) {
    rows.push_back({a.id, kT0 + i * 1000, 0.5 * i});
    rows.push_back({b.id, kT0 + i * 1000 + 500, 1.0 / (i + 1)});  // not short decimals
    rows.push_back({c.id, kT0 + i * 1000, -0.5 * i});
  }
  ASSERT_EQ(insertReadings(rows), 540);
  auto raw = [&](const Sensor& s) {
    return series(s, store::Resolution::Raw, kT0, kT0 + 600'000, 1000);
  };
  auto last = [&] {
    return read<std::vector<store::SensorLast>>(
        [&](store::Tx& tx) { return tx.monitoring().lastReadings(); });
  };
  const auto a_before = raw(a);
  const auto b_before = raw(b);
  const auto c_before = raw(c);
  const auto last_before = last();
  ASSERT_TRUE(a_before && b_before && c_before && last_before);
  ASSERT_EQ(a_before->size(), 180U);
  ASSERT_EQ(c_before->size(), 180U);
  ASSERT_EQ(last_before->size(), 3U);

  // The first two minutes moved but not forgotten (a crash between the two): readings in both
  // places; the third minute still only in the log.
  clock_.set(fromEpochMs(kT0 + 10 * 60'000));
  auto stripes = read<int>([](store::Tx& tx) -> Result<int> { return tx.monitoring().logParts(); });
  ASSERT_TRUE(stripes);
  if (*stripes > 0) {
    ASSERT_TRUE(write<bool>([&](store::Tx& tx) -> Result<bool> {
      if (auto r = tx.monitoring().advanceLogHorizon(kT0 + 2 * 60'000); !r) {
        return tl::unexpected(r.error());
      }
      return true;
    }));
    for (int stripe = 0; stripe < *stripes; ++stripe) {
      auto logged = read<std::vector<store::ReadingRow>>([&](store::Tx& tx) {
        return tx.monitoring().loggedBefore(stripe, kT0 + 2 * 60'000, {}, 100'000);
      });
      ASSERT_TRUE(logged);
      std::sort(logged->begin(), logged->end(), [](const auto& x, const auto& y) {
        return x.sensor_id != y.sensor_id ? x.sensor_id < y.sensor_id : x.at_ms < y.at_ms;
      });
      ASSERT_TRUE(write<bool>([&](store::Tx& tx) -> Result<bool> {
        if (auto r = tx.monitoring().moveToSeries(*logged); !r) return tl::unexpected(r.error());
        return true;
      }));
    }
    auto a_half = raw(a);
    ASSERT_TRUE(a_half);
    EXPECT_EQ(a_half->size(), 180U) << "a reading in both places is read once";
    auto minutes_half = series(c, store::Resolution::Minute, kT0, kT0 + 180'000, 10);
    ASSERT_TRUE(minutes_half);
    ASSERT_EQ(minutes_half->size(), 3U);
    for (const auto& m : *minutes_half) EXPECT_EQ(m.count, 60) << m.at_ms;
  }
  ASSERT_TRUE(compact());
  const auto a_after = raw(a);
  const auto b_after = raw(b);
  const auto c_after = raw(c);
  const auto last_after = last();
  ASSERT_TRUE(a_after && b_after && c_after && last_after);
  ASSERT_EQ(a_after->size(), a_before->size());
  ASSERT_EQ(b_after->size(), b_before->size());
  ASSERT_EQ(c_after->size(), c_before->size());
  for (std::size_t i = 0; i < b_before->size(); ++i) {
    EXPECT_EQ((*b_after)[i].at_ms, (*b_before)[i].at_ms);
    EXPECT_EQ((*b_after)[i].value, (*b_before)[i].value) << "bit for bit";
  }
  ASSERT_EQ(last_after->size(), 3U);
  for (const auto& l : *last_after) {
    EXPECT_EQ(l.at_ms, l.sensor_id == b.id ? kT0 + 179'500 : kT0 + 179'000);
  }
  if (*stripes > 0) {
    for (int stripe = 0; stripe < *stripes; ++stripe) {
      auto left = read<std::vector<store::ReadingRow>>([&](store::Tx& tx) {
        return tx.monitoring().loggedBefore(stripe, kT0 + 600'000, {}, 100'000);
      });
      ASSERT_TRUE(left);
      EXPECT_TRUE(left->empty()) << "stripe " << stripe;
    }
  }

  // Late: its minute has moved. Stored once, and its minute recomputed with it.
  const std::vector<store::ReadingRow> late = {{a.id, kT0 + 500, 1000}};
  EXPECT_EQ(insertReadings(late), 1);
  EXPECT_EQ(insertReadings(late), 0);
  ASSERT_TRUE(recompute({{a.id, kT0}, {a.id, kT0 + 60'000}, {a.id, kT0 + 120'000}}));
  auto minutes = series(a, store::Resolution::Minute, kT0, kT0 + 180'000, 10);
  ASSERT_TRUE(minutes);
  ASSERT_EQ(minutes->size(), 3U);
  EXPECT_EQ(minutes->front().count, 61);
  EXPECT_DOUBLE_EQ(minutes->front().max, 1000);
}

TEST_P(MonitoringStore, OneOpenAlarmPerSensorAndRule) {
  const Tree t = buildTree();
  Sensor s = registerSensor(t, "GAS-1");
  Alarm a = alarmOf(s, "methane");
  auto id = write<AlarmId>([&](store::Tx& tx) { return tx.monitoring().insertAlarm(a); });
  ASSERT_TRUE(id);
  auto stored = read<Alarm>([&](store::Tx& tx) { return tx.monitoring().alarm(*id); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->code, "BJ00000001");
  EXPECT_EQ(stored->level, monitoring::Level::Orange);
  EXPECT_EQ(stored->site, "device:" + std::to_string(s.device_id.value));

  // Another node racing to open the same alarm loses on the store's unique index.
  auto twin = write<AlarmId>([&](store::Tx& tx) { return tx.monitoring().insertAlarm(a); });
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().code, Errc::Conflict);
  // A different rule of the same sensor may be open beside it.
  EXPECT_TRUE(write<AlarmId>(
      [&](store::Tx& tx) { return tx.monitoring().insertAlarm(alarmOf(s, "offline")); }));

  // A stale copy cannot overwrite a newer one.
  Alarm first = *stored;
  Alarm second = *stored;
  ASSERT_TRUE(monitoring::applyStep(first, {.action = monitoring::AlarmAction::Acknowledge},
                                    UserId{1}, clock_.now()));
  ASSERT_TRUE(write<bool>([&](store::Tx& tx) -> Result<bool> {
    if (auto r = tx.monitoring().updateAlarm(first); !r) return tl::unexpected(r.error());
    return true;
  }));
  auto stale = write<bool>([&](store::Tx& tx) -> Result<bool> {
    if (auto r = tx.monitoring().updateAlarm(second); !r) return tl::unexpected(r.error());
    return true;
  });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, Errc::Conflict);

  // Closed, it no longer blocks a new one.
  ASSERT_TRUE(monitoring::applyStep(first,
                                    {.action = monitoring::AlarmAction::Close,
                                     .disposition = monitoring::Disposition::FalseAlarm},
                                    UserId{1}, clock_.now()));
  ASSERT_TRUE(write<bool>([&](store::Tx& tx) -> Result<bool> {
    if (auto r = tx.monitoring().updateAlarm(first); !r) return tl::unexpected(r.error());
    return true;
  }));
  EXPECT_TRUE(write<AlarmId>([&](store::Tx& tx) { return tx.monitoring().insertAlarm(a); }));
  auto open = read<std::vector<Alarm>>([&](store::Tx& tx) { return tx.monitoring().openAlarms(); });
  ASSERT_TRUE(open);
  EXPECT_EQ(open->size(), 2U);
  auto closed = read<std::vector<Alarm>>([&](store::Tx& tx) {
    return tx.monitoring().alarms(
        {.scope = {.subtree_path = "/"}, .states = {monitoring::AlarmState::Closed}}, 10,
        AlarmId{});
  });
  ASSERT_TRUE(closed);
  ASSERT_EQ(closed->size(), 1U);
  EXPECT_EQ(closed->front().disposition, monitoring::Disposition::FalseAlarm);
}

TEST_P(MonitoringStore, RetentionDropsOldReadingsOnly) {
  const Tree t = buildTree();
  Sensor s = registerSensor(t, "GAS-1");
  const std::int64_t day = 86'400'000;
  const std::int64_t start = kT0 - kT0 % day;
  ASSERT_TRUE(write<bool>([&](store::Tx& tx) -> Result<bool> {
    if (auto r = tx.monitoring().prepareRange(start, start + 3 * day); !r) {
      return tl::unexpected(r.error());
    }
    return true;
  }));
  std::vector<store::ReadingRow> rows;
  for (int d = 0; d < 3; ++d) {
    for (int i = 0; i < 10; ++i) rows.push_back({s.id, start + d * day + i * 1000, 1.0 * d});
  }
  rows.push_back({s.id, start - day + 5, 7});  // before any partition: the default one holds it
  EXPECT_EQ(insertReadings(rows), 31);
  auto dropped = write<std::int64_t>([&](store::Tx& tx) {
    return tx.monitoring().dropBefore(store::Resolution::Raw, start + day);
  });
  ASSERT_TRUE(dropped) << dropped.error().message;
  auto left = series(s, store::Resolution::Raw, start - 2 * day, start + 4 * day, 100);
  ASSERT_TRUE(left);
  ASSERT_EQ(left->size(), 20U);
  EXPECT_EQ(left->front().at_ms, start + day);
}

TEST_P(MonitoringStore, LastValuesOnlyMoveForward) {
  const Tree t = buildTree();
  Sensor s = registerSensor(t, "GAS-1");
  auto set = [&](std::int64_t at, double v) {
    const std::vector<store::SensorLast> last = {{s.id, at, v}};
    return write<bool>([&](store::Tx& tx) -> Result<bool> {
      if (auto r = tx.monitoring().setLast(last); !r) return tl::unexpected(r.error());
      return true;
    });
  };
  ASSERT_TRUE(set(kT0 + 5000, 2));
  ASSERT_TRUE(set(kT0, 1));  // an older node's view arrives late
  auto got = read<Sensor>([&](store::Tx& tx) { return tx.monitoring().sensor(s.id); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->last_at_ms, kT0 + 5000);
  EXPECT_DOUBLE_EQ(got->last_value, 2);
}

CITYSAFE_INSTANTIATE_STORES(MonitoringStore);

}  // namespace
}  // namespace citysafe::contract
