#include "citysafe/core/identity/login_throttle.hpp"

#include <algorithm>
#include <cctype>

namespace citysafe::identity {
namespace {
std::string pairKey(const std::string& username, const std::string& address) {
  std::string name = username;
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "p\n" + name + "\n" + address;
}
std::string addressKey(const std::string& address) { return "a\n" + address; }
}  // namespace

std::optional<TimePoint> LoginThrottle::blockedUntil(const std::string& username,
                                                     const std::string& address,
                                                     TimePoint now) const {
  std::lock_guard lock(mutex_);
  std::optional<TimePoint> until;
  for (const auto& key : {pairKey(username, address), addressKey(address)}) {
    auto it = counts_.find(key);
    if (it == counts_.end() || !it->second.blocked_until || *it->second.blocked_until <= now)
      continue;
    until = until ? std::max(*until, *it->second.blocked_until) : *it->second.blocked_until;
  }
  return until;
}

void LoginThrottle::bump(const std::string& key, const std::string& address,
                         const std::string& username, int free_failures, TimePoint now) {
  auto& c = counts_[key];
  if (c.failures > 0 && now - c.last_failure > policy_.forget_after) c = Count{};
  c.address = address;
  c.username = username;
  c.failures += 1;
  c.last_failure = now;
  const int over = c.failures - free_failures;
  if (over <= 0) return;
  // 1 s, 2 s, 4 s, ... up to the ceiling; the shift is capped so it cannot overflow.
  const auto delay = std::min<std::chrono::seconds>(
      policy_.first_delay * (std::int64_t{1} << std::min(over - 1, 30)), policy_.max_delay);
  c.blocked_until = now + delay;
}

void LoginThrottle::recordFailure(const std::string& username, const std::string& address,
                                  TimePoint now) {
  std::lock_guard lock(mutex_);
  evictIfFull();
  bump(pairKey(username, address), address, username.substr(0, 64), policy_.free_failures_per_pair,
       now);
  bump(addressKey(address), address, "", policy_.free_failures_per_address, now);
}

void LoginThrottle::recordSuccess(const std::string& username, const std::string& address) {
  std::lock_guard lock(mutex_);
  counts_.erase(pairKey(username, address));
}

void LoginThrottle::evictIfFull() {
  if (counts_.size() < policy_.max_keys) return;
  // Rare (only under a spray from very many addresses): drop the quieter half at once, so the
  // cost is paid once per max_keys / 2 failures rather than on every one.
  std::vector<TimePoint> times;
  times.reserve(counts_.size());
  for (const auto& [key, c] : counts_) times.push_back(c.last_failure);
  auto middle = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
  std::nth_element(times.begin(), middle, times.end());
  const TimePoint cutoff = *middle;
  std::erase_if(counts_, [&](const auto& kv) { return kv.second.last_failure <= cutoff; });
}

std::vector<ThrottleEntry> LoginThrottle::recent(TimePoint now) const {
  std::lock_guard lock(mutex_);
  std::vector<ThrottleEntry> out;
  for (const auto& [key, c] : counts_) {
    if (now - c.last_failure > policy_.forget_after) continue;
    std::optional<TimePoint> blocked;
    if (c.blocked_until && *c.blocked_until > now) blocked = c.blocked_until;
    out.push_back({c.address, c.username, c.failures, c.last_failure, blocked});
  }
  std::sort(out.begin(), out.end(), [](const ThrottleEntry& a, const ThrottleEntry& b) {
    return a.failures != b.failures ? a.failures > b.failures : a.last_failure > b.last_failure;
  });
  return out;
}

}  // namespace citysafe::identity
