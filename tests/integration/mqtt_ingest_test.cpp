// Sensors over MQTT through a real Mosquitto broker into the real citysafe binary: readings are
// stored and raise alarms; kill -9 of the server mid-stream and a broker restart lose no
// acknowledged reading and raise no alarm twice; two nodes share one stream ($share) and one
// PostgreSQL with alarms unique; `citysafe replay` publishes a recorded series.
#include "mqtt_fixture.hpp"

namespace citysafe::testing {
namespace {

using namespace std::chrono_literals;

class MqttIngest : public MqttFixture {};

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
