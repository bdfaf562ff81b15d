// End to end on this machine: readings published to a real Mosquitto, consumed by our durable
// subscriber, checked and evaluated by the rule engine, stored in SQLite (WAL, synchronous=FULL)
// and acknowledged, for 200,000 sensors with mixed rules. Reported beside, in the same run and on
// the same payloads:
//   - Mosquitto's own delivery rate to our subscriber with a handler that does nothing (the
//     transport's limit);
//   - raw SQLite inserts of rows like ours through sqlite3 directly, into a fresh table and into
//     the table this run grew (the storage's limit);
//   - reading-to-alarm-pushed latency: from the reading's time stamp (set when it is published)
//     to the alarm event on the live channel, p50/p99.
//   bench_mqtt_ingest [--sensors 200000] [--seconds 60] [--rate 100000] [--per-message 500]
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../tests/support/child_process.hpp"
#include "citysafe/common/random_token.hpp"
#include "citysafe/common/thread_priority.hpp"
#include "citysafe/common/time_format.hpp"
#include "citysafe/core/monitoring/ingestor.hpp"
#include "citysafe/core/monitoring/series_compactor.hpp"
#include "citysafe/sql/sql_store.hpp"
#include "mqtt_ingest.hpp"
#include "mqtt_publisher.hpp"

namespace {

using namespace citysafe;
using Steady = std::chrono::steady_clock;

struct Options {
  int sensors = 200'000;
  int seconds = 60;
  int rate = 100'000;  // readings per second offered
  int per_message = 500;
};

std::int64_t wallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Four kinds of sensor, so the engine runs threshold, hysteresis and rate rules.
struct Kind {
  monitoring::SensorType type;
  const char* unit;
  double normal;
  double high;  // crosses the type's default thresholds
};
constexpr Kind kKinds[] = {{monitoring::SensorType::Methane, "%LEL", 5, 25},
                           {monitoring::SensorType::ToxicGas, "ppm", 1, 9},
                           {monitoring::SensorType::CrackWidth, "mm", 0.1, 0.3},
                           {monitoring::SensorType::Methane, "%vol", 0.1, 1.5}};

std::string code(int i) { return "S" + std::to_string(i); }

// A payload of `n` readings starting at sensor `first` (wrapping), all stamped `t`. About one
// sensor in 2,000 is high in a given minute, so alarms rise and clear throughout.
std::string payload(int first, int n, int sensors, std::int64_t t) {
  std::string out;
  out.reserve(static_cast<std::size_t>(n) * 24);
  const std::int64_t minute = t / 60'000;
  char line[64];
  for (int k = 0; k < n; ++k) {
    const int s = (first + k) % sensors;
    const Kind& kind = kKinds[s % 4];
    const bool high = (static_cast<std::int64_t>(s) * 7919 + minute) % 2000 == 0;
    const int len = std::snprintf(line, sizeof line, "S%d,%lld,%.3f\n", s,
                                  static_cast<long long>(t), high ? kind.high : kind.normal);
    out.append(line, static_cast<std::size_t>(len));
  }
  return out;
}

struct Latencies {
  std::mutex mutex;
  std::vector<double> ms;
  void add(double v) {
    std::lock_guard lock(mutex);
    ms.push_back(v);
  }
  double percentile(double p) {
    std::lock_guard lock(mutex);
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1))];
  }
};

// Publishes at `rate` readings/s for `seconds`, counting into `sent`; returns readings published.
std::int64_t publishFor(const Options& o, int port, const std::string& client, int seconds,
                        const std::atomic<bool>& stop, std::atomic<std::int64_t>& sent) {
  mqtt::Publisher pub("127.0.0.1", port, client);
  if (auto c = pub.connect(); !c) {
    std::cerr << c.error().message << "\n";
    return 0;
  }
  const double messages_per_s = static_cast<double>(o.rate) / o.per_message;
  const auto start = Steady::now();
  int next_sensor = 0;
  for (std::int64_t m = 0;; ++m) {
    const auto due = start + std::chrono::microseconds(static_cast<std::int64_t>(
                                 static_cast<double>(m) * 1e6 / messages_per_s));
    if (due - start > std::chrono::seconds(seconds) || stop) break;
    std::this_thread::sleep_until(due);
    // Each sensor's readings are stamped at least a millisecond apart.
    const std::string body = payload(next_sensor, o.per_message, o.sensors, wallMs());
    if (!pub.publish("citysafe/v1/batch/bench", body)) break;
    next_sensor = (next_sensor + o.per_message) % o.sensors;
    sent += o.per_message;
  }
  (void)pub.drain(120'000);
  return sent.load();
}

// The transport alone: our subscriber acknowledging at once.
double mosquittoRate(const Options& o, int port) {
  std::atomic<std::int64_t> received{0};
  mqtt::SubscriberOptions so;
  so.port = port;
  so.client_id = "bench-null";
  so.filter = "citysafe/v1/null/#";
  mqtt::Subscriber sub(so, [&](const std::vector<mqtt::Message>& batch) {
    received += static_cast<std::int64_t>(batch.size()) * o.per_message;
    return true;
  });
  sub.start();
  while (!sub.connected()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  mqtt::Publisher pub("127.0.0.1", port, "bench-null-pub");
  if (!pub.connect()) return 0;
  const std::string body = payload(0, o.per_message, o.sensors, wallMs());
  const int messages = std::max(200, o.rate * 10 / o.per_message);
  const auto start = Steady::now();
  for (int m = 0; m < messages; ++m) (void)pub.publish("citysafe/v1/null/x", body);
  while (received < static_cast<std::int64_t>(messages) * o.per_message &&
         Steady::now() - start < std::chrono::seconds(120)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const double s = std::chrono::duration<double>(Steady::now() - start).count();
  sub.stop();
  return static_cast<double>(received.load()) / s;
}

// The storage alone: rows like ours through sqlite3 directly, in transactions of four messages'
// worth, with the same durability settings, into `table` of `file` (a fresh table: the best case;
// or the readings table our run grew: the same conditions), the sensors taken in turn.
double rawSqliteRate(const Options& o, const std::filesystem::path& file, const std::string& table,
                     std::int64_t t0) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_exec(db,
               ("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;"
                "CREATE TABLE IF NOT EXISTS " +
                table +
                " (sensor_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL, PRIMARY "
                "KEY (sensor_id, ts)) WITHOUT ROWID;")
                   .c_str(),
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db,
                     ("INSERT INTO " + table + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING").c_str(),
                     -1, &insert, nullptr);
  const int total = o.rate * 10;
  const auto start = Steady::now();
  int done = 0;
  while (done < total) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (int k = 0; k < o.per_message * 4 && done < total; ++k, ++done) {
      sqlite3_bind_int64(insert, 1, 1 + done % o.sensors);
      sqlite3_bind_int64(insert, 2, t0 + done / o.sensors);
      sqlite3_bind_double(insert, 3, 5.0);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  const double s = std::chrono::duration<double>(Steady::now() - start).count();
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return total / s;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (flag == "--sensors") o.sensors = v;
    if (flag == "--seconds") o.seconds = v;
    if (flag == "--rate") o.rate = v;
    if (flag == "--per-message") o.per_message = v;
  }
  const auto dir =
      std::filesystem::temp_directory_path() / ("citysafe-bench-mqtt-" + randomHexToken(4));
  std::filesystem::create_directories(dir);
  testing::Broker broker(dir / "broker", testing::freePort());
  if (!broker.start()) {
    std::cerr << "mosquitto did not start\n";
    return 1;
  }

  auto opened = sql::openStore("sqlite:" + (dir / "bench.db").string());
  if (!opened) {
    std::cerr << opened.error().message << "\n";
    return 1;
  }
  auto& store = **opened;
  SystemClock clock;
  events::EventBus bus;
  // A throwaway audit key, and no checkpoint log: the benchmark measures the writes.
  ServiceContext ctx(store, clock, bus, std::string(audit::kMinKeyBytes, 'b'), nullptr);
  const auto loading = Steady::now();
  auto registered = store.write([&](store::Tx& tx) -> Result<void> {
    monitoring::Device d{.code = "BENCH", .name = "bench", .org_path = "/1/", .sector = "gas"};
    // The device and sensors need an owner row: the store checks the reference.
    auto org = tx.orgs().insert({.kind = org::OrgKind::City, .name = "bench", .path = "/1/"});
    if (!org) return tl::unexpected(org.error());
    d.org_id = *org;
    auto device = tx.monitoring().insertDevice(d);
    if (!device) return tl::unexpected(device.error());
    for (int i = 0; i < o.sensors; ++i) {
      const Kind& k = kKinds[i % 4];
      monitoring::Sensor s{.code = code(i),
                           .device_id = *device,
                           .name = "s",
                           .type = k.type,
                           .unit = k.unit,
                           .interval = std::chrono::hours(1),
                           .org_id = *org,
                           .org_path = "/1/",
                           .sector = "gas"};
      if (auto id = tx.monitoring().insertSensor(s); !id) return tl::unexpected(id.error());
    }
    return ok();
  });
  if (!registered) {
    std::cerr << registered.error().message << "\n";
    return 1;
  }
  monitoring::Ingestor ingestor(ctx);
  if (auto l = ingestor.load(); !l) {
    std::cerr << l.error().message << "\n";
    return 1;
  }
  const double load_s = std::chrono::duration<double>(Steady::now() - loading).count();

  Latencies latency;
  std::atomic<std::int64_t> alarm_events{0};
  bus.subscribe([&](const events::DomainEvent& e) {
    if (e.entity != "alarm") return;
    ++alarm_events;
    const auto at = e.data_json.find("\"changed_at\":\"");
    if (at == std::string::npos) return;
    auto t = parseIso8601(e.data_json.substr(at + 14, 29));
    if (t) latency.add(static_cast<double>(wallMs() - toEpochMs(*t)));
  });

  mqtt::SubscriberOptions so;
  so.port = broker.port();
  so.client_id = "bench-ingest";
  so.filter = "citysafe/v1/batch/#";
  mqtt::MqttIngest consumer(ingestor, so);
  consumer.start();
  while (!consumer.connected()) std::this_thread::sleep_for(std::chrono::milliseconds(10));

  std::atomic<bool> stop{false};
  const auto started = Steady::now();
  std::int64_t published = 0;
  std::atomic<std::int64_t> sent{0};
  std::thread producer(
      [&] { published = publishFor(o, broker.port(), "bench-pub", o.seconds, stop, sent); });
  // The series compactor runs beside ingestion, as in `serve`: it is part of the cost.
  std::atomic<bool> ingesting{true};
  std::atomic<std::int64_t> moved{0};
  std::atomic<double> longest_move_ms{0};
  std::thread compaction([&] {
    lowerThisThreadPriority(10);
    monitoring::SeriesCompactor compactor(ctx);
    while (ingesting) {
      auto report = compactor.run([&] { return !ingesting; });
      if (!report) std::cerr << "compaction: " << report.error().message << "\n";
      if (report) {
        moved += report->moved;
        longest_move_ms = std::max(longest_move_ms.load(), report->longest_ms);
      }
      for (int i = 0; i < 50 && ingesting; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  });
  // Every ten seconds: how far behind the publisher ingestion is.
  std::int64_t worst_backlog = 0;
  std::thread progress([&] {
    for (int tick = 1; ingesting; ++tick) {
      for (int i = 0; i < 100 && ingesting; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      const auto t = ingestor.totals();
      const std::int64_t backlog = sent.load() - t.accepted - t.duplicate;
      worst_backlog = std::max(worst_backlog, backlog);
      std::printf("  %4d s: published %lld, stored %lld, behind by %lld, moved to series %lld\n",
                  tick * 10, static_cast<long long>(sent.load()), static_cast<long long>(t.stored),
                  static_cast<long long>(backlog), static_cast<long long>(moved.load()));
      std::fflush(stdout);
    }
  });
  producer.join();
  const double publishing = std::chrono::duration<double>(Steady::now() - started).count();
  // Wait for the backlog to drain.
  const auto expected = published;
  while (ingestor.totals().accepted + ingestor.totals().duplicate < expected &&
         Steady::now() - started < std::chrono::seconds(o.seconds * 3 + 60)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const double elapsed = std::chrono::duration<double>(Steady::now() - started).count();
  ingesting = false;
  compaction.join();
  progress.join();
  consumer.stop();
  const auto totals = ingestor.totals();
  const auto stats = consumer.stats();
  const double ours = static_cast<double>(totals.stored) / elapsed;

  // With the log as full as it gets: a registry change (the engine keeps its last readings), and
  // a start (each sensor's last reading read from the series and the log).
  auto timeLoad = [](monitoring::Ingestor& i) {
    const auto loading = Steady::now();
    if (auto l = i.load(); !l) std::cerr << l.error().message << "\n";
    return std::chrono::duration<double>(Steady::now() - loading).count();
  };
  const double reload_s = timeLoad(ingestor);
  monitoring::Ingestor cold(ctx);
  const double cold_s = timeLoad(cold);
  const double transport = mosquittoRate(o, broker.port());
  const double storage_fresh = rawSqliteRate(o, dir / "raw.db", "r", wallMs());
  // Sensor ids in the bench store run from 1; a day ahead, so nothing collides.
  const double storage_grown =
      rawSqliteRate(o, dir / "bench.db", "readings", wallMs() + 86'400'000);

  std::printf("sensors %d, offered %d readings/s for %d s in messages of %d (compact batches)\n",
              o.sensors, o.rate, o.seconds, o.per_message);
  std::printf(
      "registry load %.1f s; after the run: on a registry change %.1f s, at a start %.1f s; engine "
      "state %.0f bytes/sensor\n",
      load_s, reload_s, cold_s, static_cast<double>(ingestor.engineBytes()) / o.sensors);
  std::printf("published %lld, stored %lld, duplicates %lld, refused %lld, batches %lld\n",
              static_cast<long long>(published), static_cast<long long>(totals.stored),
              static_cast<long long>(totals.duplicate), static_cast<long long>(totals.refused()),
              static_cast<long long>(stats.batches));
  std::printf(
      "end to end (MQTT -> rules -> SQLite durable -> PUBACK): %.0f readings/s over %.1f s "
      "(publishing took %.1f s; at most %lld readings behind)\n",
      ours, elapsed, publishing, static_cast<long long>(worst_backlog));
  std::printf(
      "moved into the series during the run: %lld readings; longest compaction "
      "transaction %.0f ms\n",
      static_cast<long long>(moved.load()), longest_move_ms.load());
  std::printf("alarm changes pushed: %lld; reading-to-alarm-pushed p50 %.0f ms, p99 %.0f ms\n",
              static_cast<long long>(alarm_events.load()), latency.percentile(0.5),
              latency.percentile(0.99));
  std::printf("Mosquitto alone (no-op handler): %.0f readings/s -> ours is %.2f of it\n", transport,
              ours / transport);
  std::printf(
      "raw SQLite inserts, same rows and durability, fresh table: %.0f rows/s -> ours is "
      "%.2f of it\n",
      storage_fresh, ours / storage_fresh);
  std::printf(
      "raw SQLite inserts into the readings table this run grew: %.0f rows/s -> ours is "
      "%.2f of it\n",
      storage_grown, ours / storage_grown);
  broker.stop();
  std::filesystem::remove_all(dir);
  return 0;
}
