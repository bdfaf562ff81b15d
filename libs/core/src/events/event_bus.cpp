#include "citysafe/core/events/event_bus.hpp"

namespace citysafe::events {

std::uint64_t EventBus::subscribe(Handler handler) {
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  handlers_.emplace(id, std::move(handler));
  return id;
}

void EventBus::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  handlers_.erase(id);
}

void EventBus::publish(const DomainEvent& event) {
  // Copy under the lock, call outside it, so a slow handler never blocks subscribe/unsubscribe.
  std::vector<Handler> targets;
  {
    std::lock_guard lock(mutex_);
    targets.reserve(handlers_.size());
    for (const auto& [id, handler] : handlers_) targets.push_back(handler);
  }
  for (const auto& handler : targets) handler(event);
}

}  // namespace citysafe::events
