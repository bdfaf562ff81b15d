// Sensors over MQTT through a real Mosquitto broker into the real citysafe binary: readings are
// stored and raise alarms; kill -9 of the server mid-stream and a broker restart lose no
// acknowledged reading and raise no alarm twice; two nodes share one stream ($share) and one
// PostgreSQL with alarms unique; `citysafe replay` publishes a recorded series.
#include <gtest/gtest.h>

#include <fstream>

#include "../support/child_process.hpp"
#include "../support/memory_checkpoint_log.hpp"
#include "citysafe/common/random_token.hpp"
#include "citysafe/core/monitoring/monitoring_service.hpp"
#include "citysafe/core/org/org_service.hpp"
#include "citysafe/sql/sql_store.hpp"
#include "mqtt_publisher.hpp"
#include "pg_connection.hpp"

namespace citysafe::testing {
namespace {

using namespace std::chrono_literals;

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class MqttIngest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("citysafe-mqtt-" + randomHexToken(6));
    std::filesystem::create_directories(dir_);
    broker_ = std::make_unique<Broker>(dir_ / "broker", freePort());
    ASSERT_TRUE(broker_->start()) << "mosquitto did not start";
  }
  void TearDown() override {
    nodes_.clear();
    broker_.reset();
    store_.reset();
    if (!pg_schema_.empty()) {
      if (auto admin = postgres::openPostgres(std::getenv("CITYSAFE_TEST_PG"))) {
        (void)(*admin)->execScript("DROP SCHEMA " + pg_schema_ + " CASCADE");
      }
    }
    if (!HasFailure()) std::filesystem::remove_all(dir_);
  }

  // The store the nodes share, with a district and `sensors` gas sensors (orange at 20 %LEL).
  void makeStore(const std::string& url, int sensors) {
    url_ = url;
    auto opened = sql::openStore(url_);
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    ctx_ = std::make_unique<ServiceContext>(*store_, clock_, bus_, testing::kTestAuditKey, nullptr);
    const auto system = identity::Principal::system();
    org::OrgService orgs(*ctx_);
    auto city = orgs.create(system, {.name = "示范市", .kind = org::OrgKind::City});
    ASSERT_TRUE(city) << city.error().message;
    auto works = orgs.create(
        system, {.name = "示范区", .kind = org::OrgKind::District, .parent_id = city->id});
    ASSERT_TRUE(works) << works.error().field << ": " << works.error().message;
    monitoring::MonitoringService monitoring(*ctx_);
    auto device = monitoring.createDevice(system, {.code = "DEV-1",
                                                   .name = "终端",
                                                   .org_id = works->id,
                                                   .sector = "hazchem_mining",
                                                   .location = {120.14, 30.32}});
    ASSERT_TRUE(device) << device.error().message;
    for (int i = 0; i < sensors; ++i) {
      auto s = monitoring.createSensor(system, {.code = "GAS-" + std::to_string(i),
                                                .device_id = device->id,
                                                .name = "甲烷",
                                                .type = monitoring::SensorType::Methane,
                                                .unit = "%LEL",
                                                .interval_s = 3600});
      ASSERT_TRUE(s) << s.error().message;
    }
  }
  void makeSqlite(int sensors) { makeStore("sqlite:" + (dir_ / "cs.db").string(), sensors); }

  // A citysafe node consuming from the broker.
  ChildProcess& startNode(const std::string& name, const std::string& share = "") {
    auto node = std::make_unique<ChildProcess>();
    std::vector<std::string> argv = {CITYSAFE_BINARY,    "serve", "--db",   url_,
                                     "--port",           "0",     "--mqtt", broker_->address(),
                                     "--mqtt-client-id", name};
    if (!share.empty()) argv.insert(argv.end(), {"--mqtt-share", share});
    EXPECT_TRUE(node->start(argv, dir_ / (name + ".log")));
    EXPECT_TRUE(node->awaitLog("mqtt: subscribed", 20s)) << node->log();
    nodes_.push_back(std::move(node));
    return *nodes_.back();
  }

  template <class T>
  T read(const std::function<Result<T>(store::Tx&)>& work) {
    auto r = store::readReturning<T>(*store_, work);
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : T{};
  }
  std::int64_t storedReadings() {
    return read<std::int64_t>([](store::Tx& tx) -> Result<std::int64_t> {
      std::int64_t n = 0;
      auto sensors = tx.monitoring().liveSensors();
      if (!sensors) return tl::unexpected(sensors.error());
      for (const auto& s : *sensors) {
        auto points = tx.monitoring().series(s.id, store::Resolution::Raw, 0, INT64_MAX, 100000);
        if (!points) return tl::unexpected(points.error());
        n += static_cast<std::int64_t>(points->size());
      }
      return n;
    });
  }
  std::vector<monitoring::Alarm> allAlarms() {
    return read<std::vector<monitoring::Alarm>>([](store::Tx& tx) {
      return tx.monitoring().alarms({.scope = {.subtree_path = "/"}}, 100000, 0);
    });
  }
  bool awaitReadings(std::int64_t n, std::chrono::seconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
      if (storedReadings() >= n) return true;
      std::this_thread::sleep_for(200ms);
    }
    return false;
  }

  // `per_sensor` readings for each of `sensors`, in compact batches of 100, a second apart from
  // `t0`; every sensor crosses 20 %LEL once, at reading `cross`, and stays above.
  void publish(mqtt::Publisher& pub, int sensors, int from, int to, int cross, std::int64_t t0,
               std::chrono::microseconds pace = {}) {
    std::string batch;
    int lines = 0;
    for (int k = from; k < to; ++k) {
      for (int s = 0; s < sensors; ++s) {
        batch += "GAS-" + std::to_string(s) + "," + std::to_string(t0 + k * 1000LL) + "," +
                 (k >= cross ? "25" : "5") + "\n";
        if (++lines == 100) {
          ASSERT_TRUE(pub.publish("citysafe/v1/batch/gw-1", batch));
          std::this_thread::sleep_for(pace);
          batch.clear();
          lines = 0;
        }
      }
    }
    if (!batch.empty()) {
      ASSERT_TRUE(pub.publish("citysafe/v1/batch/gw-1", batch));
    }
  }

  std::filesystem::path dir_;
  std::unique_ptr<Broker> broker_;
  std::string url_;
  std::string pg_schema_;
  std::unique_ptr<sql::SqlStore> store_;
  SystemClock clock_;
  events::EventBus bus_;
  std::unique_ptr<ServiceContext> ctx_;
  std::vector<std::unique_ptr<ChildProcess>> nodes_;
};

TEST_F(MqttIngest, ReadingsArriveAndRaiseOneAlarmPerSensor) {
  makeSqlite(5);
  startNode("node-a");
  mqtt::Publisher pub("127.0.0.1", broker_->port(), "test-pub");
  ASSERT_TRUE(pub.connect());
  const std::int64_t t0 = nowMs() - 60'000;
  publish(pub, 5, 0, 40, 20, t0);
  // The single-sensor form, and a malformed payload that must not stop the consumer.
  ASSERT_TRUE(pub.publish("citysafe/v1/readings/GAS-0",
                          R"({"t": )" + std::to_string(t0 + 40'000) + R"(, "v": 26})"));
  ASSERT_TRUE(pub.publish("citysafe/v1/batch/gw-1", "{broken"));
  ASSERT_TRUE(pub.drain(10000));
  ASSERT_TRUE(awaitReadings(201, 30s)) << storedReadings() << "\n" << nodes_[0]->log();
  const auto alarms = allAlarms();
  EXPECT_EQ(alarms.size(), 5U);
  for (const auto& a : alarms) EXPECT_EQ(a.level, monitoring::Level::Orange);
}

TEST_F(MqttIngest, KillNineLosesNoAcknowledgedReadingAndRaisesNoAlarmTwice) {
  constexpr int kSensors = 100;
  constexpr int kRounds = 200;  // 20,000 readings
  makeSqlite(kSensors);
  auto* node = &startNode("node-k");
  mqtt::Publisher pub("127.0.0.1", broker_->port(), "test-pub");
  ASSERT_TRUE(pub.connect());
  const std::int64_t t0 = nowMs() - 250'000;
  // The crossing falls around the kill, so alarms are raised on both sides of it.
  // Paced like a gateway, so the kill falls while readings are still arriving.
  std::thread publisher([&] { publish(pub, kSensors, 0, kRounds, kRounds / 3, t0, 3ms); });
  // Kill it once some (not all) readings are stored.
  const auto until = std::chrono::steady_clock::now() + 30s;
  while (storedReadings() < 3000 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(20ms);
  }
  const auto before_kill = storedReadings();
  node->kill(SIGKILL);
  publisher.join();
  ASSERT_TRUE(pub.drain(20000));
  EXPECT_GT(before_kill, 0);
  EXPECT_LT(before_kill, kSensors * kRounds) << "the kill came too late to mean anything";
  // The same session name: the broker hands over what was never acknowledged.
  nodes_.clear();
  node = &startNode("node-k");
  ASSERT_TRUE(awaitReadings(kSensors * kRounds, 60s))
      << storedReadings() << " stored of " << kSensors * kRounds << "\n"
      << node->log();
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(storedReadings(), kSensors * kRounds);
  const auto alarms = allAlarms();
  EXPECT_EQ(alarms.size(), static_cast<std::size_t>(kSensors)) << "one alarm per sensor, no twins";
}

TEST_F(MqttIngest, ABrokerRestartLosesNothing) {
  constexpr int kSensors = 20;
  makeSqlite(kSensors);
  auto& node = startNode("node-b");
  const std::int64_t t0 = nowMs() - 120'000;
  {
    // While the node is stopped, the broker queues for its session.
    node.kill(SIGTERM);
    mqtt::Publisher pub("127.0.0.1", broker_->port(), "test-pub-1");
    ASSERT_TRUE(pub.connect());
    publish(pub, kSensors, 0, 50, 1000, t0);
    ASSERT_TRUE(pub.drain(10000));
  }
  // The broker restarts (keeping its queue on disk), then the node comes back.
  broker_->stop();
  ASSERT_TRUE(broker_->start());
  nodes_.clear();
  auto& again = startNode("node-b");
  mqtt::Publisher pub("127.0.0.1", broker_->port(), "test-pub-2");
  ASSERT_TRUE(pub.connect());
  publish(pub, kSensors, 50, 100, 1000, t0);
  ASSERT_TRUE(pub.drain(10000));
  ASSERT_TRUE(awaitReadings(kSensors * 100, 30s)) << storedReadings() << "\n" << again.log();
  // And a restart under a running node: it reconnects by itself.
  broker_->stop();
  ASSERT_TRUE(broker_->start());
  mqtt::Publisher late("127.0.0.1", broker_->port(), "test-pub-3");
  ASSERT_TRUE(late.connect());
  publish(late, kSensors, 100, 110, 1000, t0);
  ASSERT_TRUE(late.drain(10000));
  ASSERT_TRUE(awaitReadings(kSensors * 110, 30s)) << storedReadings() << "\n" << again.log();
}

TEST_F(MqttIngest, TwoNodesShareTheStreamAndOnePostgresqlWithAlarmsUnique) {
  const char* base = std::getenv("CITYSAFE_TEST_PG");
  if (!base || !*base) {
    if (std::getenv("CITYSAFE_REQUIRE_PG")) FAIL() << "CITYSAFE_TEST_PG is not set";
    GTEST_SKIP() << "CITYSAFE_TEST_PG not set (make test starts a server and sets it)";
  }
  pg_schema_ = "t_" + randomHexToken(6);
  auto admin = postgres::openPostgres(base);
  ASSERT_TRUE(admin);
  ASSERT_TRUE((*admin)->execScript("CREATE SCHEMA " + pg_schema_));
  constexpr int kSensors = 50;
  constexpr int kRounds = 100;
  makeStore(std::string(base) + "?options=-csearch_path%3D" + pg_schema_, kSensors);
  auto& a = startNode("node-1", "citysafe");
  auto& b = startNode("node-2", "citysafe");
  mqtt::Publisher pub("127.0.0.1", broker_->port(), "test-pub");
  ASSERT_TRUE(pub.connect());
  // Small batches, so both nodes get plenty of each sensor's readings.
  const std::int64_t t0 = nowMs() - 150'000;
  std::string batch;
  for (int k = 0; k < kRounds; ++k) {
    for (int s = 0; s < kSensors; ++s) {
      batch = "GAS-" + std::to_string(s) + "," + std::to_string(t0 + k * 1000LL) + "," +
              (k >= kRounds / 2 ? "30" : "5");
      ASSERT_TRUE(pub.publish("citysafe/v1/batch/gw-1", batch));
    }
  }
  ASSERT_TRUE(pub.drain(20000));
  ASSERT_TRUE(awaitReadings(kSensors * kRounds, 60s)) << storedReadings() << "\n"
                                                      << a.log() << "\n"
                                                      << b.log();
  a.kill(SIGTERM);
  b.kill(SIGTERM);
  const auto alarms = allAlarms();
  EXPECT_EQ(alarms.size(), static_cast<std::size_t>(kSensors)) << "one alarm per sensor";
  // Both nodes had a share of the stream.
  for (auto* node : {&a, &b}) {
    const auto log = node->log();
    const auto at = log.find("mqtt: ");
    ASSERT_NE(log.find(" messages in "), std::string::npos) << log;
    EXPECT_EQ(log.find("mqtt: 0 messages"), std::string::npos) << log.substr(at);
  }
}

TEST_F(MqttIngest, ReplayPublishesARecordedSeries) {
  makeSqlite(1);
  startNode("node-r");
  const std::string file = std::string(CITYSAFE_SHARED_DATA) +
                           "/sensors/munich_bridge/air_temperature_support_01_ref_ambient_1Hz.csv";
  ChildProcess replay;
  ASSERT_TRUE(replay.start({CITYSAFE_BINARY, "replay", file, "--sensor", "GAS-0", "--speed", "100",
                            "--limit", "300", "--offset", "20", "--mqtt", broker_->address()},
                           dir_ / "replay.log"));
  ASSERT_TRUE(replay.awaitLog("replayed 300 readings", 30s)) << replay.log();
  ASSERT_TRUE(awaitReadings(300, 30s)) << storedReadings();
  // 4.6 °C recorded + 20 crosses the 20 %LEL threshold: the replayed series raised an alarm.
  const auto alarms = allAlarms();
  ASSERT_EQ(alarms.size(), 1U);
  EXPECT_EQ(alarms[0].sensor_code, "GAS-0");
}

}  // namespace
}  // namespace citysafe::testing
