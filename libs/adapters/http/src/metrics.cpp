#include "citysafe/http/metrics.hpp"

#include <sstream>

namespace citysafe::http {

void Metrics::observe(const std::string& method, const std::string& route, int status,
                      double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_["method=\"" + method + "\",route=\"" + route + "\",status=\"" +
              std::to_string(status) + "\""];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++bucket_counts_[i];
  }
  ++count_;
  sum_ += seconds;
}

std::string Metrics::render() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP citysafe_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE citysafe_http_requests_total counter\n";
  for (const auto& [labels, n] : requests_)
    out << "citysafe_http_requests_total{" << labels << "} " << n << "\n";
  out << "# HELP citysafe_http_request_duration_seconds Time to answer a request.\n"
      << "# TYPE citysafe_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    out << "citysafe_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} "
        << bucket_counts_[i] << "\n";
  }
  out << "citysafe_http_request_duration_seconds_bucket{le=\"+Inf\"} " << count_ << "\n"
      << "citysafe_http_request_duration_seconds_sum " << sum_ << "\n"
      << "citysafe_http_request_duration_seconds_count " << count_ << "\n";
  auto one = [&out](const char* name, const char* type, const char* help, auto value) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n'
        << name << ' ' << value << '\n';
  };
  one("citysafe_websocket_clients", "gauge", "Open live-channel connections.", websockets_.load());
  one("citysafe_events_pushed_total", "counter", "Domain events pushed to live-channel clients.",
      events_pushed_.load());
  one("citysafe_connections_refused_total", "counter",
      "Connections closed at once: a cap was full.", connections_refused_.load());
  one("citysafe_requests_shed_total", "counter",
      "Requests answered 503: their worker queue was full.", requests_shed_.load());
  one("citysafe_slow_clients_cut_total", "counter", "Connections closed for sending too slowly.",
      slow_clients_cut_.load());
  return out.str();
}

}  // namespace citysafe::http
