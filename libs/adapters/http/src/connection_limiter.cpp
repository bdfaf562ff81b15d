#include "citysafe/http/connection_limiter.hpp"

#include <algorithm>

namespace citysafe::http {

ConnectionLimiter::ConnectionLimiter(std::size_t max_total, std::size_t max_per_address,
                                     std::vector<std::string> exempt)
    : max_total_(max_total), max_per_address_(max_per_address), exempt_(std::move(exempt)) {}

bool ConnectionLimiter::tryOpen(const std::string& address) {
  const bool exempt = std::find(exempt_.begin(), exempt_.end(), address) != exempt_.end();
  std::lock_guard lock(mutex_);
  auto& mine = per_address_[address];
  if (total_ >= max_total_ || (!exempt && mine >= max_per_address_)) {
    if (mine == 0) per_address_.erase(address);
    ++refused_;
    return false;
  }
  ++mine;
  ++total_;
  return true;
}

void ConnectionLimiter::close(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = per_address_.find(address);
  if (it == per_address_.end()) return;
  if (--it->second == 0) per_address_.erase(it);
  --total_;
}

std::size_t ConnectionLimiter::open() const {
  std::lock_guard lock(mutex_);
  return total_;
}

std::size_t ConnectionLimiter::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

}  // namespace citysafe::http
