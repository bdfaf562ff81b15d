#pragma once
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace citysafe::http {

// Request counters and a latency histogram, rendered in Prometheus text format. Thread-safe.
class Metrics {
 public:
  void observe(const std::string& method, const std::string& route, int status, double seconds);
  void websocketOpened() { ++websockets_; }
  void websocketClosed() { --websockets_; }
  void eventPushed() { ++events_pushed_; }
  // The transport's defences at work: connections over a cap, requests shed by a full queue,
  // bodies cut off for arriving too slowly.
  void connectionRefused() { ++connections_refused_; }
  void requestShed() { ++requests_shed_; }
  void slowClientCut() { ++slow_clients_cut_; }
  [[nodiscard]] std::string render() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  1,    5};
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;  // labels -> count
  std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};
  std::uint64_t count_ = 0;
  double sum_ = 0;
  std::atomic<std::int64_t> websockets_{0};
  std::atomic<std::uint64_t> events_pushed_{0};
  std::atomic<std::uint64_t> connections_refused_{0};
  std::atomic<std::uint64_t> requests_shed_{0};
  std::atomic<std::uint64_t> slow_clients_cut_{0};
};

}  // namespace citysafe::http
