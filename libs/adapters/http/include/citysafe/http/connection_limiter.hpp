#pragma once
// Counts open connections in all and per client address, so one address (or a crowd) cannot
// take every file descriptor. Thread-safe.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace citysafe::http {

class ConnectionLimiter {
 public:
  // `exempt`: addresses with no per-address cap (our own reverse proxies).
  ConnectionLimiter(std::size_t max_total, std::size_t max_per_address,
                    std::vector<std::string> exempt = {});
  // Counts the connection in, or returns false (and counts nothing) when a cap is reached.
  [[nodiscard]] bool tryOpen(const std::string& address);
  void close(const std::string& address);
  [[nodiscard]] std::size_t open() const;
  [[nodiscard]] std::size_t refused() const;

 private:
  std::size_t max_total_;
  std::size_t max_per_address_;
  std::vector<std::string> exempt_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::size_t total_ = 0;
  std::size_t refused_ = 0;
};

}  // namespace citysafe::http
