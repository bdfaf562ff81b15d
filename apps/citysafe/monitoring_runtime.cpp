#include "monitoring_runtime.hpp"

#include <spdlog/spdlog.h>

#include <charconv>

namespace citysafe::app {

Result<std::pair<std::string, int>> parseBroker(const std::string& text, const std::string& field) {
  const auto colon = text.rfind(':');
  std::string host = colon == std::string::npos ? text : text.substr(0, colon);
  int port = 1883;
  if (colon != std::string::npos) {
    const auto p = std::string_view(text).substr(colon + 1);
    auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), port);
    if (ec != std::errc() || end != p.data() + p.size() || port < 1 || port > 65535) {
      return invalid(field, "must be HOST:PORT, e.g. 127.0.0.1:1883");
    }
  }
  if (host.empty()) return invalid(field, "must be HOST:PORT, e.g. 127.0.0.1:1883");
  return std::make_pair(host, port);
}

MonitoringRuntime::MonitoringRuntime(http::Services& services, std::string node, MqttConfig mqtt)
    : services_(services), node_(std::move(node)), mqtt_(std::move(mqtt)) {}

MonitoringRuntime::~MonitoringRuntime() { stop(); }

Result<void> MonitoringRuntime::start() {
  if (auto r = services_.ingestor.load(); !r) return r;
  if (auto r = services_.ingestor.housekeep(); !r) {
    spdlog::warn("monitoring housekeeping: {}", r.error().message);
  }
  if (!mqtt_.broker.empty()) {
    auto broker = parseBroker(mqtt_.broker, "mqtt");
    if (!broker) return tl::unexpected(broker.error());
    mqtt::SubscriberOptions options;
    options.host = broker->first;
    options.port = broker->second;
    // The session is named by the client id: stable across restarts of this host.
    options.client_id =
        mqtt_.client_id.empty() ? "citysafe-" + node_.substr(0, node_.find(':')) : mqtt_.client_id;
    options.filter =
        mqtt_.share.empty() ? "citysafe/v1/#" : "$share/" + mqtt_.share + "/citysafe/v1/#";
    consumer_ = std::make_unique<mqtt::MqttIngest>(services_.ingestor, options);
    consumer_->start();
  }
  thread_ = std::thread([this] { loop(); });
  return ok();
}

void MonitoringRuntime::stop() {
  if (consumer_) {
    consumer_->stop();
    const auto s = consumer_->stats();
    spdlog::info("mqtt: {} messages in {} batches, {} acknowledged, {} reconnects", s.messages,
                 s.batches, s.acknowledged, s.reconnects);
    consumer_.reset();
  }
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MonitoringRuntime::loop() {
  auto& ctx = services_.ctx;
  auto last_housekeeping = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::seconds(2), [this] { return stopping_; })) {
    lock.unlock();
    const auto now = ctx.clock.now();
    // Offline checks need every reading of a sensor: with a shared subscription, one node.
    auto leader = store::writeReturning<bool>(ctx.store, [&](store::Tx& tx) {
      return tx.leases().acquire("monitoring_stale", node_, now, now + std::chrono::seconds(10));
    });
    if (auto ticked = services_.ingestor.tick(leader && *leader); !ticked) {
      spdlog::warn("monitoring tick: {}", ticked.error().message);
    }
    services_.ingestor.publishRecent();
    if (std::chrono::steady_clock::now() - last_housekeeping > std::chrono::hours(1)) {
      last_housekeeping = std::chrono::steady_clock::now();
      auto mine = store::writeReturning<bool>(ctx.store, [&](store::Tx& tx) {
        return tx.leases().acquire("monitoring_housekeeping", node_, now,
                                   now + std::chrono::minutes(30));
      });
      if (mine && *mine) {
        if (auto r = services_.ingestor.housekeep(); !r) {
          spdlog::warn("monitoring housekeeping: {}", r.error().message);
        }
      }
    }
    lock.lock();
  }
}

}  // namespace citysafe::app
