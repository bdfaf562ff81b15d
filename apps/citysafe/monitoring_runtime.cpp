#include "monitoring_runtime.hpp"

#include <spdlog/spdlog.h>

#include "citysafe/common/json_text.hpp"
#include "citysafe/common/thread_priority.hpp"
#include "citysafe/core/demo/demo_sensors.hpp"
#include "citysafe/core/monitoring/series_compactor.hpp"
#include "mqtt_publisher.hpp"

namespace citysafe::app {

MonitoringRuntime::MonitoringRuntime(Services& services, std::string node,
                                     MonitoringOptions options)
    : services_(services), node_(std::move(node)), options_(std::move(options)) {}

MonitoringRuntime::~MonitoringRuntime() { stop(); }

Result<void> MonitoringRuntime::start() {
  if (auto r = services_.ingestor.load(); !r) return r;
  if (auto r = monitoring::SeriesHousekeeping(services_.ctx).run(); !r) {
    spdlog::warn("monitoring housekeeping: {}", r.error().message);
  }
  if (options_.mqtt.broker) {
    mqtt::SubscriberOptions options;
    options.host = options_.mqtt.broker->host;
    options.port = options_.mqtt.broker->port;
    options.security = options_.mqtt.broker->security;
    // The session is named by the client id: stable across restarts of this host.
    options.client_id = options_.mqtt.client_id.empty()
                            ? "citysafe-" + node_.substr(0, node_.find(':'))
                            : options_.mqtt.client_id;
    options.filter = options_.mqtt.share.empty()
                         ? "citysafe/v1/#"
                         : "$share/" + options_.mqtt.share + "/citysafe/v1/#";
    consumer_ = std::make_unique<mqtt::MqttIngest>(services_.ingestor, options);
    consumer_->start();
  }
  last_housekeeping_ = std::chrono::steady_clock::now();
  ticker_.emplace(std::chrono::seconds(2), [this] { tick(); });
  compactor_.emplace(std::chrono::seconds(5), [this] { compact(); });
  if (options_.simulate) startSimulation();
  return ok();
}

void MonitoringRuntime::stop() {
  stopping_ = true;
  // The ticker asks the consumer whether it is connected: stop it first.
  ticker_.reset();
  simulation_.reset();
  compactor_.reset();
  if (consumer_) {
    consumer_->stop();
    const auto s = consumer_->stats();
    spdlog::info("mqtt: {} messages in {} batches, {} acknowledged, {} reconnects", s.messages,
                 s.batches, s.acknowledged, s.reconnects);
    consumer_.reset();
  }
}

// The demo's sensors report every second: through the broker when there is one, as real devices
// would, else straight to ingestion.
void MonitoringRuntime::startSimulation() {
  auto sensors = store::readReturning<std::vector<monitoring::Sensor>>(
      services_.ctx.store, [](store::Tx& tx) { return tx.monitoring().liveSensors(); });
  if (!sensors) {
    spdlog::warn("demo simulator: {}", sensors.error().message);
    return;
  }
  simulator_ = std::make_unique<demo::SensorSimulator>(std::move(*sensors));
  if (const auto& broker = options_.mqtt.broker) {
    publisher_ = std::make_unique<mqtt::Publisher>(broker->host, broker->port,
                                                   "citysafe-demo-" + node_, broker->security);
    if (auto c = publisher_->connect(); !c) {
      spdlog::warn("demo simulator: {}; ingesting directly", c.error().message);
      publisher_.reset();
    }
  }
  spdlog::info("demo simulator: {} sensors{}", simulator_->sensors(),
               publisher_ ? " over MQTT" : "");
  simulation_.emplace(std::chrono::seconds(1), [this] { simulate(); });
}

void MonitoringRuntime::simulate() {
  const auto readings = simulator_->step(toEpochMs(services_.ctx.clock.now()));
  if (!publisher_) {
    if (auto r = services_.ingestor.ingest(readings); !r) {
      spdlog::warn("demo simulator: {}", r.error().message);
    }
    return;
  }
  constexpr std::size_t kPerMessage = 500;
  for (std::size_t from = 0; from < readings.size(); from += kPerMessage) {
    std::string batch;
    for (std::size_t i = from; i < std::min(readings.size(), from + kPerMessage); ++i) {
      const auto& r = readings[i];
      batch += r.sensor + "," + std::to_string(r.at_ms) + "," + jsonNumber(r.value) + "\n";
    }
    if (auto p = publisher_->publish("citysafe/v1/batch/demo-simulator", batch); !p) {
      spdlog::warn("demo simulator: {}", p.error().message);
    }
  }
}

// Its own thread: moving a minute of readings at 100,000 a second takes several seconds.
void MonitoringRuntime::compact() {
  lowerThisThreadPriority(10);  // background work: ingestion comes first
  auto report = monitoring::SeriesCompactor(services_.ctx).run([this] { return stopping_.load(); });
  if (!report) {
    spdlog::warn("monitoring series compaction: {}", report.error().message);
  } else if (report->moved > 0) {
    spdlog::debug("monitoring: {} readings moved into the series in {} transactions", report->moved,
                  report->transactions);
  }
}

void MonitoringRuntime::tick() {
  auto& ctx = services_.ctx;
  const auto now = ctx.clock.now();
  // Offline checks need every reading of a sensor: with a shared subscription, one node.
  auto leader = store::writeReturning<bool>(ctx.store, [&](store::Tx& tx) {
    return tx.leases().acquire("monitoring_stale", node_, now, now + std::chrono::seconds(10));
  });
  // ... and only while it hears the stream: a node cut off from the broker would find every
  // sensor silent.
  const bool hearing = !consumer_ || consumer_->connected();
  if (auto ticked = services_.ingestor.tick(leader && *leader && hearing); !ticked) {
    spdlog::warn("monitoring tick: {}", ticked.error().message);
  }
  services_.ingestor.publishRecent();
  if (std::chrono::steady_clock::now() - last_housekeeping_ <= std::chrono::hours(1)) return;
  last_housekeeping_ = std::chrono::steady_clock::now();
  auto mine = store::writeReturning<bool>(ctx.store, [&](store::Tx& tx) {
    return tx.leases().acquire("monitoring_housekeeping", node_, now,
                               now + std::chrono::minutes(30));
  });
  if (mine && *mine) {
    if (auto r = monitoring::SeriesHousekeeping(services_.ctx).run(); !r) {
      spdlog::warn("monitoring housekeeping: {}", r.error().message);
    }
  }
}

}  // namespace citysafe::app
