#pragma once
// Slows password guessing without letting anyone lock another person out. Failures are counted
// per client address and per (account, address) pair; past a free allowance each further
// failure doubles the wait before that address (or that pair) may try again. An attacker at one
// address therefore slows only itself: the administrator at another address logs in as usual.
// Counts live in memory, per node, bounded in size (docs/security.md).
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "citysafe/common/clock.hpp"

namespace citysafe::identity {

struct ThrottlePolicy {
  int free_failures_per_pair = 5;       // one account from one address
  int free_failures_per_address = 20;   // any accounts from one address
  std::chrono::seconds first_delay{1};  // then doubling
  std::chrono::seconds max_delay{15 * 60};
  std::chrono::minutes forget_after{60};  // a quiet key starts again from nothing
  std::size_t max_keys = 100000;          // memory bound; the quietest keys go first
};

// One throttled key, as an administrator sees it.
struct ThrottleEntry {
  std::string address;
  std::string username;  // empty for the address as a whole
  int failures = 0;
  TimePoint last_failure;
  std::optional<TimePoint> blocked_until;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}
  // When this account may next be tried from this address; nullopt when it may now.
  [[nodiscard]] std::optional<TimePoint> blockedUntil(const std::string& username,
                                                      const std::string& address,
                                                      TimePoint now) const;
  void recordFailure(const std::string& username, const std::string& address, TimePoint now);
  // A right password clears the pair (not the address: other accounts' guesses still count).
  void recordSuccess(const std::string& username, const std::string& address);
  // Keys with failures in the last `forget_after`, most failures first.
  [[nodiscard]] std::vector<ThrottleEntry> recent(TimePoint now) const;

 private:
  struct Count {
    std::string address;
    std::string username;
    int failures = 0;
    TimePoint last_failure;
    std::optional<TimePoint> blocked_until;
  };
  void bump(const std::string& key, const std::string& address, const std::string& username,
            int free_failures, TimePoint now);
  void evictIfFull();
  ThrottlePolicy policy_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Count> counts_;
};

}  // namespace citysafe::identity
